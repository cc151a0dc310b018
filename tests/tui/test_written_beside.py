"""`kiosk run` after another program wrote to its evening: the app takes those changes in, says so once, and
the facilitator's next command is stored as if nothing happened (no banner, no `not stored`)."""

from __future__ import annotations

from pathlib import Path

from kiosk.agenda.parser import load_agenda
from kiosk.commands.common import parse_stored_agenda
from kiosk.core.events import Command
from kiosk.core.session import resume_session, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from kiosk.tui.app import KioskApp
from kiosk.tui.widgets.storage_banner import StorageBanner

from .conftest import SIZE, SteppedClock


async def test_changes_another_program_wrote_are_taken_in_and_the_evening_stores_on(tmp_path: Path) -> None:
    log = open_event_log(tmp_path / "data")
    core = start_session(log, load_agenda(default_agenda_path()), SteppedClock())
    assert core.info is not None
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = open_event_log(tmp_path / "data")  # an older kiosk, or a command started beside this one
        beside = resume_session(other, other.session(core.info.id), parse_stored_agenda)
        beside.execute(Command("action/add", {"what": "Ouders terugbellen"}))
        other.close()
        assert app.steer("block/next")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("Een ander programma schreef 1 wijziging(en) in deze avond" in m for m in said), said
        assert [a.what for a in core.state.actions.values()] == ["Ouders terugbellen"]
        assert core.state.block.index == 1
        assert not app.screen.query_one(StorageBanner).display
    log.close()
