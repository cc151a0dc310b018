"""An open question: phones write answers (contributions); it takes no `response/set` and has no tally.

What was written is read through the running summary (`kiosk.core.readings.summary`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.agenda.model import Prompt
from kiosk.core.events import CommandError
from kiosk.core.readings.tally import Tally

NAME = "open"


def value(prompt: Prompt, data: dict[str, Any]) -> int:
    raise CommandError("wrong_prompt_kind", "this question takes written answers")


def tally(prompt: Prompt, values: Iterable[int]) -> Tally | None:
    return None
