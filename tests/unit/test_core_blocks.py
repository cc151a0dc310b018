"""The facilitator steers the evening's timers; time comes from a clock the test moves."""

from __future__ import annotations

import pytest

from kiosk.core.events import Command, CommandError
from kiosk.core.session import SessionCore


def run(core: SessionCore, type_: str, **data: object) -> None:
    core.execute(Command(type_, dict(data)))


def test_timer_counts_down_only_while_running(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    assert core.state.timer.remaining(clock()) == 300
    run(core, "block/start")
    clock.advance(60)
    assert core.state.timer.remaining(clock()) == 240
    run(core, "block/pause")
    clock.advance(600)
    assert core.state.timer.remaining(clock()) == 240
    run(core, "block/start")
    clock.advance(30)
    assert core.state.timer.remaining(clock()) == 210


def test_overtime_is_negative_remaining_time(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    clock.advance(5 * 60 + 75)
    assert core.state.timer.remaining(clock()) == -75


def test_extend_and_shorten_change_the_current_block_only(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    run(core, "block/extend", minutes=3)
    run(core, "block/shorten")
    assert core.state.timer.length == 7 * 60
    assert core.state.timers[1].length == 45 * 60


def test_shortening_never_makes_a_block_negative(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/shorten", minutes=120)
    assert core.state.timer.length == 0
    with pytest.raises(CommandError) as err:
        run(core, "block/shorten")
    assert err.value.code == "cannot_shorten"


def test_next_block_pauses_the_old_timer_starts_the_new_and_opens_its_first_question(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    clock.advance(100)
    run(core, "block/next")
    clock.advance(50)
    assert core.state.current == 1
    assert core.state.timers[0].elapsed(clock()) == 100
    assert core.state.timer.elapsed(clock()) == 50
    assert core.state.open_prompt == "b2-q1"


def test_previous_returns_to_a_block_with_its_time_kept(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    clock.advance(100)
    run(core, "block/next")
    clock.advance(10)
    run(core, "block/previous")
    clock.advance(20)
    assert core.state.current == 0
    assert core.state.timer.elapsed(clock()) == 120


def test_moving_past_the_ends_is_refused_with_a_reason(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    with pytest.raises(CommandError) as err:
        run(core, "block/previous")
    assert err.value.code == "first_block"
    run(core, "block/jump", index=2)
    with pytest.raises(CommandError) as err:
        run(core, "block/next")
    assert err.value.code == "last_block"


def test_repeating_a_command_that_changes_nothing_makes_no_event(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    assert core.execute(Command("block/start")).changed
    assert not core.execute(Command("block/start")).changed
    assert core.state.seq == 1


def test_a_clock_jumping_back_does_not_run_timers_backwards(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    clock.advance(-3600)
    run(core, "block/pause")
    assert core.state.timer.elapsed(clock()) == 0


def test_finished_evening_refuses_steering(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    run(core, "block/start")
    run(core, "session/finish")
    assert core.state.finished and not core.state.timer.running
    with pytest.raises(CommandError) as err:
        run(core, "block/next")
    assert err.value.code == "session_finished"


def test_unknown_command_type_is_refused(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    with pytest.raises(CommandError) as err:
        run(core, "block/explode")
    assert err.value.code == "unknown_type"
