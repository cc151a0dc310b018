"""The real `kiosk run` in a real 80x24 terminal (tmux): the room code, the timer's state and the quit key in sight."""

from __future__ import annotations

import shlex
import sqlite3
import sys
import time
from pathlib import Path

from .terminal import PATIENCE, Terminal


def test_kiosk_run_at_80x24_shows_the_room_code_the_timer_state_and_the_quit_key(
    terminal: Terminal, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    root = Path(__file__).resolve().parents[2]
    command = (
        f"cd {shlex.quote(str(root))} && {shlex.quote(sys.executable)} -m kiosk run "
        f"--data-dir {shlex.quote(str(data))} --host 127.0.0.1 --port 0"
    )
    terminal.start(command, 80, 24)
    shown = terminal.wait_for("join?room=")
    with sqlite3.connect(f"file:{data / 'kiosk.sqlite3'}?mode=ro", uri=True) as db:
        (room,) = db.execute("SELECT room_code FROM sessions").fetchone()
    lines = shown.splitlines()
    assert len(lines) <= 24 and all(len(line.rstrip()) <= 80 for line in lines)
    assert f"Kamercode: {room}" in shown
    assert any(line.rstrip().endswith(f"join?room={room}") for line in lines)  # the link whole, on one line
    assert "gepauzeerd" in shown and "geen netwerk" not in shown
    assert "q stoppen" in lines[-1] or "q stoppen" in lines[-2]
    assert "1-5 scherm" in shown and "? hulp" in shown and "^p opdrachten" in shown

    terminal.press("space")
    assert "loopt" in terminal.wait_for("loopt")
    terminal.press("q")
    terminal.wait_for("De kiosk sluiten?")
    terminal.press("j")
    deadline = time.monotonic() + PATIENCE
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not terminal.alive()  # the app ended, and with it the tmux session
