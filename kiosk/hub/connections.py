"""Who is connected: the hello that introduces a client, and the clients grouped by audience."""

from __future__ import annotations

import asyncio
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection

from kiosk.core.state import SessionState
from kiosk.core.store import SessionInfo
from kiosk.core.tables import table_for_host_token
from kiosk.hub.limits import TokenBucket, bucket_for

ROLES = ("phone", "display", "remote", "host")
# Hosts see what phones see; their table's notepad comes to each host on its own (`table/update`).
AUDIENCE = {"phone": "phone", "host": "phone", "display": "display", "remote": "remote"}
_DEVICE = re.compile(r"[A-Za-z0-9_-]{8,64}")


class Refused(Exception):
    """A hello that cannot be accepted; `code` goes into the error frame before the server closes."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(eq=False)
class Client:
    """One open connection that said hello."""

    ws: ServerConnection
    role: str  # phone, display, remote, host
    lang: str
    bucket: TokenBucket
    device: str | None = None
    table: int | None = None
    token: str | None = field(default=None, repr=False)  # a host's, checked again after a new division
    shown: Any = None  # the last host view key sent to this host
    mine_sent: str | None = field(default=None, repr=False)  # the last mine/update sent, to send only changes
    stalled_since: float | None = None  # when its send buffer first stayed full
    closing: asyncio.Task[None] | None = None  # a flooding client being disconnected
    join_lang: str | None = None  # the language its hello asked for, for its join

    @property
    def audience(self) -> str:
        return AUDIENCE[self.role]


def _same(given: object, expected: str) -> bool:
    return isinstance(given, str) and hmac.compare_digest(given.encode(), expected.encode())


def _room(given: object) -> str:
    return "".join(given.split()).upper() if isinstance(given, str) else ""


def phone_client(ws: ServerConnection, hello: dict[str, Any], info: SessionInfo, lang: str) -> Client:
    """A phone that read the room code off the projector; Refused with the reason otherwise."""
    if not _same(_room(hello.get("room")), info.room_code):
        raise Refused("bad_room")
    return Client(ws=ws, role="phone", lang=lang, bucket=bucket_for("phone"), device=_device(hello))


def host_client(ws: ServerConnection, hello: dict[str, Any], state: SessionState, lang: str) -> Client:
    """A table host, with its table's link from the remote; Refused with the reason otherwise."""
    token = hello.get("token")
    table = table_for_host_token(state, token) if isinstance(token, str) else None
    if table is None or not isinstance(token, str):
        raise Refused("bad_token")
    return Client(
        ws=ws,
        role="host",
        lang=lang,
        bucket=bucket_for("host"),
        device=_device(hello),
        table=table,
        token=token,
    )


def token_client(ws: ServerConnection, hello: dict[str, Any], role: str, token: str, lang: str) -> Client:
    """The projector or the remote, with the secret token of its link; Refused with the reason otherwise."""
    if not _same(hello.get("token"), token):
        raise Refused("bad_token")
    return Client(ws=ws, role=role, lang=lang, bucket=bucket_for(role))


def _device(hello: dict[str, Any]) -> str:
    device = hello.get("device")
    if not isinstance(device, str) or not _DEVICE.fullmatch(device):
        raise Refused("bad_device")
    return device


class Registry:
    """The connected clients by audience and by device."""

    def __init__(self) -> None:
        self.audiences: dict[str, set[Client]] = {"phone": set(), "display": set(), "remote": set()}
        self.by_device: dict[str, set[Client]] = {}
        self.by_role: dict[str, int] = dict.fromkeys(ROLES, 0)
        self.hosts: set[Client] = set()  # also in the phone audience; each gets its table's notepad too
        self.version = 0  # moves on every add and remove, so counts can be cached between them

    def add(self, client: Client) -> None:
        self.version += 1
        self.audiences[client.audience].add(client)
        if client.role == "host":
            self.hosts.add(client)
        self.by_role[client.role] += 1
        if client.device is not None:
            self.by_device.setdefault(client.device, set()).add(client)

    def remove(self, client: Client) -> None:
        if client not in self.audiences[client.audience]:
            return
        self.version += 1
        self.audiences[client.audience].discard(client)
        self.hosts.discard(client)
        self.by_role[client.role] -= 1
        if client.device is not None:
            same = self.by_device.get(client.device, set())
            same.discard(client)
            if not same:
                self.by_device.pop(client.device, None)

    def counts(self, role_of: Callable[[str], str | None]) -> dict[str, int]:
        """Connections now: phones by their role (parent, staff, unknown), then the other kinds.

        `role_of` gives a phone's role ("unknown" when it did not say), or None for a phone that does not take
        part (it only said hello): such a phone is not counted.
        """
        counts = {"parent": 0, "staff": 0, "unknown": 0}
        # A phone with the page open twice is still one person.
        for device, clients in self.by_device.items():
            if any(c.role == "phone" for c in clients):
                role = role_of(device)
                if role is not None:
                    counts[role] += 1
        counts.update({k: self.by_role[k] for k in ("display", "remote", "host")})
        return counts
