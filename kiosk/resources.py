"""Where the shipped agendas and web pages live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries the folder inside the package; a checkout (or editable install) has it beside.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the folder {name!r} is missing from this installation")


def agendas_dir() -> Path:
    """The folder with the shipped agendas."""
    return _find("agendas")


def web_dir() -> Path:
    """The folder with the phone, projector and remote pages."""
    return _find("participant_web")


def default_agenda_path() -> Path:
    """The shipped default evening."""
    return agendas_dir() / "ouderpartnerschap.md"
