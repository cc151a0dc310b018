"""Agendas: the evening's blocks, read from Markdown files."""

from __future__ import annotations

from kiosk.agenda.model import (
    BLOCK_KINDS,
    PROMPT_KINDS,
    Agenda,
    AgendaError,
    AgendaInvalid,
    Block,
    Prompt,
    Theme,
)

__all__ = [
    "BLOCK_KINDS",
    "PROMPT_KINDS",
    "Agenda",
    "AgendaError",
    "AgendaInvalid",
    "Block",
    "Prompt",
    "Theme",
]
