"""Per-connection rate limits: a token bucket per client."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

# role -> (messages per second, burst)
RATES = {"phone": (5.0, 10.0), "host": (5.0, 10.0), "remote": (20.0, 40.0), "display": (2.0, 5.0)}
FLOOD_LIMIT = 50  # messages dropped in a row before the client is disconnected


@dataclass
class TokenBucket:
    """Allows `rate` messages a second with bursts of up to `burst`."""

    rate: float
    burst: float
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    last: float = field(init=False)
    dropped: int = field(default=0, init=False)  # refused in a row

    def __post_init__(self) -> None:
        self.tokens = self.burst
        self.last = self.clock()

    def allow(self) -> bool:
        """Take a token if there is one; counts refusals in a row."""
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            self.dropped = 0
            return True
        self.dropped += 1
        return False

    @property
    def flooding(self) -> bool:
        return self.dropped >= FLOOD_LIMIT


def bucket_for(role: str, clock: Callable[[], float] = time.monotonic) -> TokenBucket:
    rate, burst = RATES.get(role, RATES["phone"])
    return TokenBucket(rate, burst, clock)
