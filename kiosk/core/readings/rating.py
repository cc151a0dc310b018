"""A rating question: each phone gives one value from 1 to 5 (and may add a comment); the last one counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.agenda.model import Prompt
from kiosk.core.fields import field_int
from kiosk.core.readings.tally import Tally, count_values

NAME = "rating"
LOWEST, HIGHEST = 1, 5


def value(prompt: Prompt, data: dict[str, Any]) -> int:
    """The value a `response/set` gives, or CommandError (`bad_request`, `out_of_range`)."""
    return field_int(data, "value", lo=LOWEST, hi=HIGHEST)


def tally(prompt: Prompt, values: Iterable[int]) -> Tally:
    """Answers per value 1..5."""
    return count_values(values, LOWEST, HIGHEST - LOWEST + 1)


def average(values: Sequence[int]) -> float | None:
    """The mean of the values given, None when nobody answered."""
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class RatingSummary:
    """What a rating question came to: how many answered, the mean, and how many gave each value 1..5."""

    count: int
    average: float | None
    distribution: tuple[int, ...]


def summarize(prompt: Prompt, values: Sequence[int]) -> RatingSummary:
    """A rating's summary from the phones' values (the last one of each phone); values outside 1..5 (an agenda
    changed since) are left out."""
    counted = tally(prompt, values)
    kept = [v for v in values if LOWEST <= v <= HIGHEST]
    return RatingSummary(counted.total, average(kept), counted.counts)
