"""The question kinds by name: each one module with `value` (validation of an answer) and `tally`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from kiosk.agenda.model import Prompt
from kiosk.core.readings import choice, rating
from kiosk.core.readings import open as open_kind
from kiosk.core.readings.tally import Tally


class PromptKind(Protocol):
    NAME: str

    def value(self, prompt: Prompt, data: dict[str, Any]) -> int: ...

    def tally(self, prompt: Prompt, values: Iterable[int]) -> Tally | None: ...


KINDS: dict[str, PromptKind] = {kind.NAME: kind for kind in (open_kind, rating, choice)}


def kind_of(prompt: Prompt) -> PromptKind:
    """The module of a prompt's kind (the agenda parser admits only these)."""
    return KINDS[prompt.kind]
