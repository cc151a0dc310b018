"""Commands come in from any face; accepted ones become events in the log."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

ACTOR_KINDS = ("facilitator", "remote", "phone", "host", "display", "system")


@dataclass(frozen=True)
class Actor:
    """Who sends a command: the facilitator's app, the remote, a phone, a table host."""

    kind: str
    device: str | None = None  # the random per-session id of a phone or host
    table: int | None = None  # a host's table

    @property
    def steers(self) -> bool:
        """The facilitator's app and the remote may steer the evening."""
        return self.kind in ("facilitator", "remote", "system")


FACILITATOR = Actor("facilitator")


@dataclass(frozen=True)
class Command:
    """A request to change the evening, e.g. `contribution/add` with its data."""

    type: str
    data: dict[str, Any] = field(default_factory=dict)
    actor: Actor = FACILITATOR


@dataclass(frozen=True)
class Event:
    """An accepted command: appended to the log, then applied to the state."""

    seq: int  # 1-based position in the session's log
    at: float  # wall-clock seconds when it was accepted
    type: str
    data: dict[str, Any]

    def data_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class CommandError(Exception):
    """A command the rules refuse; `code` is stable, `message` is English, `params` fill translations."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params
