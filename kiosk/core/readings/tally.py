"""How many answers gave each value of a rating or choice question."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Tally:
    """Answers per value, in the question kind's order of values, and how many answered."""

    counts: tuple[int, ...]
    total: int

    def to_json(self) -> dict[str, Any]:
        return {"counts": list(self.counts), "total": self.total}


def count_values(values: Iterable[int], first: int, size: int) -> Tally:
    """Count values first .. first+size-1; a value outside (an agenda changed since) is left out."""
    counts = [0] * size
    for value in values:
        if 0 <= value - first < size:
            counts[value - first] += 1
    return Tally(tuple(counts), sum(counts))
