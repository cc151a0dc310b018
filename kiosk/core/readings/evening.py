"""Readings of the evening as a whole that the app and the report both show: who came, when it ran."""

from __future__ import annotations

from kiosk.core.readings.summary import RoleSplit
from kiosk.core.state import SessionState


def people(state: SessionState) -> RoleSplit:
    """The phones that took part, as parent, as school staff, and without saying."""
    roles = [d.role for d in state.devices.values()]
    parent, staff = roles.count("parent"), roles.count("staff")
    return RoleSplit(parent, staff, len(roles) - parent - staff)


def evening_start(state: SessionState) -> float | None:
    """When the first block's timer first ran; None before the evening began."""
    return min((t.first_started for t in state.timers if t.first_started is not None), default=None)


def evening_end(state: SessionState) -> float | None:
    """When the evening itself was over: its close, or else the last thing that happened that was not aftercare
    (an action or a letter afterwards does not make the evening longer)."""
    return state.ended_at if state.ended_at is not None else state.last_evening_at
