"""A timer as wall-clock facts, so a restart shows the right time left."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class BlockTimer:
    """A block's (or a presenting table's) timer: its planned length, extensions, and when it ran."""

    planned: float  # seconds from the agenda
    extra: float = 0.0  # extensions minus shortenings, seconds
    elapsed_before: float = 0.0  # run time before the current run
    running_since: float | None = None  # wall-clock start of the current run
    first_started: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def length(self) -> float:
        return max(0.0, self.planned + self.extra)

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.elapsed_before
        return self.elapsed_before + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        """Seconds left; negative is overtime."""
        return self.length - self.elapsed(now)

    def start(self, now: float) -> None:
        if self.running_since is None:
            self.running_since = now
        if self.first_started is None:
            self.first_started = now

    def pause(self, now: float) -> None:
        if self.running_since is not None:
            self.elapsed_before += max(0.0, now - self.running_since)
            self.running_since = None
