"""The clock is injected so tests and replays control time."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


def system_clock() -> float:
    """Wall-clock seconds since the epoch."""
    return time.time()
