"""The evening's pace: late starts count as behind, a rehearsal in the afternoon plans from its own start."""

from __future__ import annotations

from datetime import datetime

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Command
from kiosk.core.session import SessionCore
from kiosk.resources import default_agenda_path
from kiosk.tui.pace import compute_pace
from tests.conftest import FakeClock


def evening_started_at(hour: int, minute: int) -> tuple[SessionCore, FakeClock]:
    clock = FakeClock(datetime(2026, 3, 12, hour, minute).timestamp())
    core = SessionCore(load_agenda(default_agenda_path()), clock=clock)  # the agenda starts at 19:00
    core.execute(Command("block/start"))
    return core, clock


def test_an_evening_begun_ten_minutes_late_is_ten_minutes_behind() -> None:
    core, clock = evening_started_at(19, 10)
    pace = compute_pace(core.state, clock(), clock())
    assert round(pace.behind / 60) == 10


def test_a_rehearsal_in_the_afternoon_is_on_schedule_from_its_own_start() -> None:
    core, clock = evening_started_at(14, 30)
    clock.advance(60)
    pace = compute_pace(core.state, clock(), clock())
    assert round(pace.behind / 60) == 0
    assert pace.starts[1] == core.state.timers[0].first_started + 15 * 60  # type: ignore[operator]
