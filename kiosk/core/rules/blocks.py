"""Steering the agenda: start, pause, extend, shorten, and moving between blocks."""

from __future__ import annotations

from typing import Any

from kiosk.core.changes import Changes
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules.registry import Context, field_int, rule
from kiosk.core.state import SessionState

MAX_EXTEND_MINUTES = 120


def _not_finished(state: SessionState) -> None:
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")


@rule("block/start")
def _check_start(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    return None if state.timer.running else {}


@_check_start.applies
def _apply_start(state: SessionState, event: Event) -> Changes:
    state.started = True
    state.timer.start(event.at)
    return Changes(block=True, timer=True, prompt=_open_first_prompt_if_none(state))


@rule("block/pause")
def _check_pause(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return {} if state.timer.running else None


@_check_pause.applies
def _apply_pause(state: SessionState, event: Event) -> Changes:
    state.timer.pause(event.at)
    return Changes(timer=True)


def _minutes(cmd: Command) -> int:
    return field_int(cmd.data, "minutes", default=1, lo=1, hi=MAX_EXTEND_MINUTES)


@rule("block/extend")
def _check_extend(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    return {"block": state.current, "minutes": _minutes(cmd)}


@_check_extend.applies
def _apply_extend(state: SessionState, event: Event) -> Changes:
    state.timers[event.data["block"]].extra += event.data["minutes"] * 60.0
    return Changes(timer=True)


@rule("block/shorten")
def _check_shorten(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    minutes = _minutes(cmd)
    if state.timer.length <= 0:
        raise CommandError("cannot_shorten", "this block has no time left to take off")
    return {"block": state.current, "minutes": minutes}


@_check_shorten.applies
def _apply_shorten(state: SessionState, event: Event) -> Changes:
    timer = state.timers[event.data["block"]]
    # Never below zero length: a shortened block simply runs into overtime.
    timer.extra = max(-timer.planned, timer.extra - event.data["minutes"] * 60.0)
    return Changes(timer=True)


def _move_check(state: SessionState, target: int) -> dict[str, Any] | None:
    _not_finished(state)
    if not 0 <= target < len(state.agenda.blocks):
        if target >= len(state.agenda.blocks):
            raise CommandError("last_block", "this is the last block of the evening")
        raise CommandError("first_block", "this is the first block of the evening")
    if target == state.current and state.timer.running:
        return None
    return {"from": state.current, "to": target}


def _apply_move(state: SessionState, event: Event) -> Changes:
    state.timers[event.data["from"]].pause(event.at)
    state.current = event.data["to"]
    state.started = True
    state.timer.start(event.at)
    closed = _close_prompt(state)
    state.summary_shown = False
    _open_first_prompt_if_none(state)
    return closed | Changes(block=True, timer=True, prompt=True, summary=True)


def _open_first_prompt_if_none(state: SessionState) -> bool:
    """Open the block's first question when none is open; True when it did."""
    if state.open_prompt is None and state.block.prompts:
        state.open_prompt = state.block.prompts[0].id
        return True
    return False


def _close_prompt(state: SessionState) -> Changes:
    """No question open and no recognising: what a phone recognised is no longer its to take back."""
    recognising = (
        frozenset(d for d, ids in state.endorsed.items() if ids) if state.open_prompt else frozenset()
    )
    state.open_prompt = None
    state.recognition_open = False
    return Changes(prompt=True, recognition=True, devices=recognising)


@rule("block/next")
def _check_next(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return _move_check(state, state.current + 1)


_check_next.applies(_apply_move)


@rule("block/previous")
def _check_previous(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return _move_check(state, state.current - 1)


_check_previous.applies(_apply_move)


@rule("block/jump")
def _check_jump(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    target = field_int(cmd.data, "index", lo=0, hi=len(state.agenda.blocks) - 1)
    return _move_check(state, target)


_check_jump.applies(_apply_move)


@rule("session/finish")
def _check_finish(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return None if state.finished else {}


@_check_finish.applies
def _apply_finish(state: SessionState, event: Event) -> Changes:
    state.timer.pause(event.at)
    state.finished = True
    state.ended_at = event.at
    return _close_prompt(state) | Changes(timer=True, finished=True)
