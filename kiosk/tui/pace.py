"""The evening's pace: when each block is expected to start, and how far ahead or behind we are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.state import SessionState


@dataclass(frozen=True)
class Pace:
    """Wall-clock facts for the run screen: planned and expected starts, planned and expected end."""

    starts: list[float | None]  # expected (or actual) start of each block; None for a block skipped over
    planned_end: float
    expected_end: float

    @property
    def behind(self) -> float:
        """Seconds the evening runs late at the current pace; negative is ahead."""
        return self.expected_end - self.planned_end


# An evening begun this far from the agenda's start time is a rehearsal or was moved: plan from its real start.
RESCHEDULED = 2 * 3600.0


def planned_origin(state: SessionState, day_of: float, now: float) -> float:
    """When the evening was meant to start: the agenda's start time on the day, else the actual start, else now."""
    # The evening began when its first block began, even if the walk-in was skipped without starting it.
    first = next((t.first_started for t in state.timers if t.first_started is not None), None)
    start_time = state.agenda.start_time
    if start_time:
        hours, minutes = (int(part) for part in start_time.split(":"))
        day = datetime.fromtimestamp(day_of)
        planned = day.replace(hour=hours, minute=minutes, second=0, microsecond=0).timestamp()
        if first is None or abs(first - planned) <= RESCHEDULED:
            return planned
    return first if first is not None else now


def compute_pace(state: SessionState, now: float, day_of: float) -> Pace:
    """Expected starts shifted by what earlier blocks overran and by the current block's projected end."""
    origin = planned_origin(state, day_of, now)
    planned_end = origin + sum(t.planned for t in state.timers)
    starts: list[float | None] = []
    for index, timer in enumerate(state.timers[: state.current]):
        if timer.first_started is None and not (index == 0 and not state.started):
            starts.append(None)
        else:
            starts.append(timer.first_started)
    current = state.timer
    if current.first_started is not None:
        start = current.first_started
    else:
        # Not begun yet: it starts now, or at its planned time if that is still ahead.
        planned_here = origin + sum(t.planned for t in state.timers[: state.current])
        start = max(now, planned_here)
    starts.append(start)
    if state.finished:
        cursor = state.ended_at if state.ended_at is not None else now
    elif current.first_started is None:
        cursor = start + max(0.0, current.remaining(now))
    else:
        cursor = now + max(0.0, current.remaining(now))
    for timer in state.timers[state.current + 1 :]:
        starts.append(cursor)
        if not state.finished:
            cursor += max(0.0, timer.remaining(now))
    return Pace(starts=starts, planned_end=planned_end, expected_end=cursor)


def clock_text(at: float | None) -> str:
    """A wall-clock time as 19:05, or a dash."""
    return "–" if at is None else datetime.fromtimestamp(at).strftime("%H:%M")


def countdown_text(remaining: float) -> str:
    """mm:ss for time left, +mm:ss for overtime."""
    overtime = remaining < 0
    seconds = int(-remaining) if overtime else int(remaining + 0.999)
    text = f"{seconds // 60:02d}:{seconds % 60:02d}"
    return f"+{text}" if overtime else text


def timer_level(remaining: float, length: float) -> str:
    """'ok', 'amber' at 20% left, 'red' at 5% left and in overtime."""
    if remaining < 0 or length <= 0 or remaining <= 0.05 * length:
        return "red"
    if remaining <= 0.2 * length:
        return "amber"
    return "ok"
