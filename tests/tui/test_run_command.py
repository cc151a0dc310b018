"""`kiosk run`: a broken agenda stops before the screen, a busy port ends the app with a sentence."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.commands.run import hub_starter
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp

from .conftest import SIZE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"


def test_broken_agenda_prints_file_and_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["run", str(FIXTURES / "bad_minutes.md"), "--data-dir", str(tmp_path / "data")])
    assert status == 2
    err = capsys.readouterr().err
    assert "bad_minutes.md:7:" in err and "Traceback" not in err


async def test_port_in_use_ends_the_app_with_status_1_and_says_what_to_do(core: SessionCore) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=port))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        assert app.return_code == 1
        assert app.hub is None
        assert app.failure is not None and f"--port {port + 1}" in app.failure
