"""Byte bounds on the lists of room text in a view, so a whole view stays small whatever the room types.

One text is at most 1000 bytes (kiosk/core/text.py), but a list of them is a first view that a whole hall loads
at once after a lock screen or a reload. Each list keeps its most important items (its order says which) within
its budget below. A list that fits is measured in one go; only a list over its budget is weighed item by item.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

# Bytes of room text per list (the table in docs/security.md names each).
PHONE_ANSWERS = 48 * 1024  # the answers a phone can recognise
PHONE_QUESTIONS = 16 * 1024  # the room's approved questions on every phone
OWN_ANSWERS = 16 * 1024  # a phone's own answers and questions, each
DISPLAY_ANSWERS = 32 * 1024  # the projector's wall
DISPLAY_HEARD = 24 * 1024  # "what we heard": the most recognised answers per question
PRESENTED_POINTS = 16 * 1024  # the notes of the table that presents
REMOTE_ANSWERS = 128 * 1024  # the remote's window on the answers
REMOTE_QUESTIONS = 32 * 1024  # the remote's questions
REMOTE_SEATS = 64 * 1024  # the seated people the remote can move
Item = TypeVar("Item", bound=Mapping[str, Any])


def json_bytes(value: object) -> int:
    """A value's size on the wire: compact JSON in UTF-8, as the publisher encodes it."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def first_within(items: Sequence[Item], budget: int) -> list[Item]:
    """The leading items that fit in `budget` bytes: for lists whose first items matter most."""
    if json_bytes(items) <= budget:
        return list(items)
    kept: list[Item] = []
    used = 2
    for item in items:
        used += json_bytes(item) + 1
        if used > budget:
            break
        kept.append(item)
    return kept


def last_within(items: Sequence[Item], budget: int) -> list[Item]:
    """The trailing items that fit in `budget` bytes, in their order: for lists whose newest items are last."""
    kept = first_within(list(reversed(items)), budget)
    kept.reverse()
    return kept
