"""Each command type has one rule: a pure check that makes the event data, and an apply that folds it in and
says what it changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.changes import Changes
from kiosk.core.events import Command, Event
from kiosk.core.fields import field_bool, field_int, field_str
from kiosk.core.state import SessionState

__all__ = ["Context", "Rule", "field_bool", "field_int", "field_str", "rule"]

Check = Callable[[SessionState, Command, "Context"], "dict[str, Any] | None"]
Apply = Callable[[SessionState, Event], Changes]


@dataclass(frozen=True)
class Context:
    """What a check may use besides the state: the time, a source of fresh ids, and whether the full name check
    (deduce in its helper process) is ready, so that it will look at what comes in (moderation/screen)."""

    now: float
    new_id: Callable[[], str]
    full_check: bool = False


@dataclass(frozen=True)
class Rule:
    """`check` returns the event's data, None for an accepted no-op, or raises CommandError; `apply` changes the
    state and returns what it changed."""

    type: str
    check: Check
    apply: Apply
    actors: frozenset[str]


RULES: dict[str, Rule] = {}

STEERING = frozenset({"facilitator", "remote", "system"})
EVERYONE = frozenset({"facilitator", "remote", "system", "phone", "host"})


class PendingRule:
    """A registered check waiting for its apply: `@check.applies` below the check."""

    def __init__(self, type_: str, check: Check, actors: frozenset[str]) -> None:
        self.type = type_
        self.check = check
        self.actors = actors

    def applies(self, apply: Apply) -> Apply:
        if self.type in RULES:
            raise RuntimeError(f"two rules for {self.type}")
        RULES[self.type] = Rule(self.type, self.check, apply, self.actors)
        return apply


def rule(type_: str, *, actors: frozenset[str] = STEERING) -> Callable[[Check], PendingRule]:
    """Register the check of one command type; its apply follows with `@<check>.applies`."""

    def register(check: Check) -> PendingRule:
        return PendingRule(type_, check, actors)

    return register
