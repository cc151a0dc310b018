"""Shared parts of the kiosk's tests: a clock the test moves, and an evening stored in a real SQLite file."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.widget import Widget
from textual.widgets import Static

from kiosk.agenda.parser import load_agenda
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import EventLog, open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock

from .terminal import Terminal

# 18:55 local time on an evening in spring, so the agenda's 19:00 start lies ahead.
EVENING = datetime(2026, 3, 12, 18, 55).timestamp()
SIZE = (120, 36)


class SteppedClock(FakeClock):
    """The shared hand-moved clock, starting just before the evening."""

    def __init__(self, start: float = EVENING) -> None:
        super().__init__(start)


@pytest.fixture
def clock() -> SteppedClock:
    return SteppedClock()


@pytest.fixture
def log(tmp_path: Path) -> EventLog:
    event_log = open_event_log(tmp_path / "data")
    yield event_log
    event_log.close()


@pytest.fixture
def core(log: EventLog, clock: SteppedClock) -> SessionCore:
    return start_session(log, load_agenda(default_agenda_path()), clock)


def shown(widget: Widget) -> str:
    """The plain text a widget shows, as the facilitator reads it."""
    console = Console(width=200, record=True, color_system=None, file=io.StringIO())
    console.print(widget.content if isinstance(widget, Static) else widget.render())
    return console.export_text()


def screen_text(app: App[Any]) -> str:
    """Everything the terminal shows now, dialogs and notifications included, as plain text lines."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        color_system=None,
        force_terminal=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A real terminal (tmux) for `kiosk run`, on a private tmux server that goes away after the test."""
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("tmux is not installed (scripts/test installs it with apt-get)")
    term = Terminal(tmux, f"kiosk-test-{os.getpid()}")
    yield term
    term.stop()
