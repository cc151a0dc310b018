"""The run screen: the facilitator starts the evening, moves through blocks and keeps time."""

from __future__ import annotations

from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.widgets.agenda_list import AgendaList
from kiosk.tui.widgets.block_info import BlockInfo
from kiosk.tui.widgets.countdown import Countdown
from kiosk.tui.widgets.evening_status import EveningStatus

from .conftest import SIZE, SteppedClock, shown


async def test_space_starts_the_first_block_and_the_timer_counts_down(
    core: SessionCore, clock: SteppedClock
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Countdown).value == "15:00"
        assert "Inloop" in shown(app.screen.query_one(BlockInfo))
        await pilot.press("space")
        assert core.state.timer.running
        clock.advance(61)
        app.screen.tick()
        assert app.screen.query_one(Countdown).value == "13:59"


async def test_next_block_shows_its_title_points_and_fresh_timer(
    core: SessionCore, clock: SteppedClock
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        clock.advance(60)
        await pilot.press("n")
        await pilot.pause()
        info = shown(app.screen.query_one(BlockInfo))
        assert "Welkom" in info and "gespreksleider" in info
        assert app.screen.query_one(Countdown).value == "05:00"
        await pilot.press("p")
        await pilot.pause()
        assert "Inloop" in shown(app.screen.query_one(BlockInfo))
        assert core.state.current == 0


async def test_overrun_shows_overtime_and_shifts_the_rest_of_the_evening(
    core: SessionCore, clock: SteppedClock
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.advance(5 * 60)  # 19:00, on time
        await pilot.press("space")
        clock.advance(20 * 60)  # the walk-in runs five minutes over
        app.screen.tick()
        countdown = app.screen.query_one(Countdown)
        assert countdown.value == "+05:00"
        assert countdown.has_class("-red")
        agenda = shown(app.screen.query_one(AgendaList))
        assert "19:00" in agenda.splitlines()[0]
        assert "19:20" in agenda.splitlines()[1]  # Welkom starts now instead of at 19:15
        status = shown(app.screen.query_one(EveningStatus))
        assert "19:20:00" in status
        assert "gepland einde 21:15" in status and "verwacht einde 21:20" in status
        assert "5 min achter" in status


async def test_countdown_turns_amber_at_a_fifth_left_and_red_at_five_percent(
    core: SessionCore, clock: SteppedClock
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        countdown = app.screen.query_one(Countdown)
        clock.advance(11 * 60)  # 4 of 15 minutes left: more than a fifth
        app.screen.tick()
        assert not countdown.has_class("-amber") and not countdown.has_class("-red")
        clock.advance(60)  # 3 minutes left: a fifth
        app.screen.tick()
        assert countdown.has_class("-amber")
        clock.advance(2 * 60 + 15)  # 45 seconds left: 5%
        app.screen.tick()
        assert countdown.has_class("-red") and countdown.value == "00:45"


async def test_plus_and_minus_change_the_current_block_by_a_minute(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("plus", "plus", "minus")
        await pilot.pause()
        assert app.screen.query_one(Countdown).value == "16:00"
        assert "16 min" in shown(app.screen.query_one(AgendaList)).splitlines()[0]


async def test_a_refused_command_shows_a_dutch_notification(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "Dit is het eerste onderdeel."
        ]  # the one refusal text every face shows


async def test_english_kiosk_speaks_english(core: SessionCore, clock: SteppedClock) -> None:
    app = KioskApp(core, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = shown(app.screen.query_one(EveningStatus))
        assert "planned end 21:15" in status and "paused" in status
        assert "start/pause" in app.screen.active_bindings["space"].binding.description
