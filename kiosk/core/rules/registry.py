"""Each command type has one rule: a pure check that makes the event data, and an apply that folds it in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.events import Command, CommandError, Event
from kiosk.core.state import SessionState
from kiosk.core.text import clean_text

Check = Callable[[SessionState, Command, "Context"], "dict[str, Any] | None"]
Apply = Callable[[SessionState, Event], None]


@dataclass(frozen=True)
class Context:
    """What a check may use besides the state: the time and a source of fresh ids."""

    now: float
    new_id: Callable[[], str]


@dataclass(frozen=True)
class Rule:
    """`check` returns the event's data, None for an accepted no-op, or raises CommandError."""

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


def field_str(data: dict[str, Any], name: str, *, required: bool = True, max_len: int = 500) -> str:
    """A string field of a command, cleaned like every typed text; a clear error when missing or wrong."""
    value = data.get(name)
    if value is None:
        if required:
            raise CommandError("bad_request", f"'{name}' is missing", field=name)
        return ""
    if not isinstance(value, str):
        raise CommandError("bad_request", f"'{name}' must be text", field=name)
    value = clean_text(value)
    if len(value) > max_len:
        raise CommandError("too_long", f"'{name}' is longer than {max_len} characters", field=name, max=max_len)
    return value


def field_int(data: dict[str, Any], name: str, *, default: int | None = None, lo: int, hi: int) -> int:
    """A whole-number field within [lo, hi]."""
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CommandError("bad_request", f"'{name}' must be a whole number", field=name)
    if not lo <= value <= hi:
        raise CommandError("out_of_range", f"'{name}' must be from {lo} to {hi}", field=name, lo=lo, hi=hi)
    return value


def field_bool(data: dict[str, Any], name: str, *, default: bool | None = None) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise CommandError("bad_request", f"'{name}' must be true or false", field=name)
    return value
