"""What shows before an evening is open: only while the facilitator answers whether to resume."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class WaitingScreen(Screen[None]):
    """An empty backdrop behind the resume question."""

    def compose(self) -> ComposeResult:
        yield Static("Driehoek", id="waiting")
