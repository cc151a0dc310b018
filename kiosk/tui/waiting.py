"""The next item to look at, in the order a list shows them."""

from __future__ import annotations

from collections.abc import Container, Sequence


def next_waiting(order: Sequence[str], waits: Container[str], current: str | None) -> str | None:
    """The first waiting id after `current` in the order shown, wrapping round; from the top when `current` is not
    shown. `current` itself is skipped: after approving it, the next one is wanted, even if it still shows."""
    start = order.index(current) + 1 if current in order else 0
    for ident in [*order[start:], *order[:start]]:
        if ident != current and ident in waits:
            return ident
    return None
