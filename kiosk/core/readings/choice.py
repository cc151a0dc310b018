"""A choice question: each phone picks one of the agenda's options (by index); the last pick counts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.agenda.model import Prompt
from kiosk.core.fields import field_int
from kiosk.core.readings.tally import Tally, count_values

NAME = "choice"


def value(prompt: Prompt, data: dict[str, Any]) -> int:
    """The option index a `response/set` gives, or CommandError (`bad_request`, `out_of_range`)."""
    return field_int(data, "value", lo=0, hi=len(prompt.options) - 1)


def tally(prompt: Prompt, values: Iterable[int]) -> Tally:
    """Answers per option, in the agenda's order."""
    return count_values(values, 0, len(prompt.options))
