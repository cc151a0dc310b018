"""Pushes the evening's changes out: marks audiences dirty on each event, flushes at most every ~50 ms."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.server import broadcast

from kiosk.core.events import Event
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.tables import tables_of
from kiosk.hub.connections import Client, Registry
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.table_views import host_key, host_view
from kiosk.hub.views import change_key, display_view, mine_view, phone_view, remote_view

FLUSH_INTERVAL = 0.025
# Above this many unsent bytes a client is skipped and sent the newest view once it has caught up.
SLOW_BUFFER = 256 * 1024
# A client whose buffer stays full this long has stopped reading: drop it. Keepalive pings cannot do this, since
# a ping waits behind the full buffer and its timeout never starts.
STALL_LIMIT = 30.0


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def affected_devices(event: Event, state: SessionState) -> set[str]:
    """Phones whose own things (`mine/update`) an event changes."""
    devices: set[str] = set()
    device = event.data.get("device")
    if isinstance(device, str):
        devices.add(device)
    if event.type == "tables/assign":
        devices.update(event.data.get("seats", {}))
    elif event.type == "tables/theme":
        devices.update(d for d, t in tables_of(state).seats.items() if t == event.data.get("table"))
    for key in ("id", "into"):
        contribution = state.contributions.get(event.data.get(key))  # type: ignore[arg-type]
        if contribution is not None and contribution.device is not None:
            devices.add(contribution.device)
    return devices


class Publisher:
    """Builds each audience's view once per flush and broadcasts it; per-phone data goes to that phone only."""

    def __init__(
        self,
        core: SessionCore,
        registry: Registry,
        join: Callable[[], tuple[str, str]],
        base: Callable[[], str] = lambda: "",
        handles: SeatHandles = PROCESS_HANDLES,
    ) -> None:
        self.core = core
        self.handles = handles
        self.registry = registry
        self._join = join  # (join url, room code)
        self._base = base  # the address phones reach the hub at, for the remote's host links
        self._dirty: set[str] = set()
        self._hosts_dirty = False
        self._dirty_devices: set[str] = set()
        self._last_key: dict[str, dict[str, Any] | None] = {"phone": None, "display": None, "remote": None}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._last_flush = 0.0
        self._unsubscribe: Callable[[], None] | None = None
        self._roles_version = 0  # moves on every device/join, the only event that changes a phone's role
        self._counts: tuple[tuple[int, int], dict[str, int]] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._unsubscribe = self.core.subscribe(self._on_event)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._loop = None

    def connected(self) -> dict[str, int]:
        """Connections by role; walking every phone is costly, so only after a join, a leave or a role change."""
        key = (self.registry.version, self._roles_version)
        if self._counts is None or self._counts[0] != key:
            devices = self.core.state.devices
            self._counts = (
                key,
                self.registry.counts(lambda d: (devices[d].role or "unknown") if d in devices else None),
            )
        return dict(self._counts[1])

    def view(self, audience: str) -> dict[str, Any]:
        state, now = self.core.state, self.core.now()
        if audience == "phone":
            return phone_view(state, now)
        if audience == "display":
            url, room = self._join()
            return display_view(state, now, join_url=url, room=room, connected=self.connected())
        return remote_view(
            state, now, connected=self.connected(), base_url=self._base(), handles=self.handles
        )

    def mine(self, client: Client) -> str:
        assert client.device is not None
        return encode({"type": "mine/update", **mine_view(self.core.state, client.device, client.table)})

    def host_update(self, client: Client, cache: dict[int, dict[str, Any] | None]) -> None:
        """Send a host its table's notepad when it changed; `cache` holds this flush's views by table."""
        assert client.table is not None
        if client.table not in cache:
            cache[client.table] = host_view(self.core.state, client.table, self.core.now())
        view = cache[client.table]
        key = host_key(view)
        if view is None or key == client.shown:
            return
        client.shown = key
        broadcast([client.ws], encode({"type": "table/update", **view}))

    def welcome(self, client: Client) -> None:
        """Send a new client its whole view and start sending it changes, with no await in between."""
        view = self.view(client.audience)
        if not self.registry.audiences[client.audience]:
            self._last_key[client.audience] = change_key(view)
        elif change_key(view) != self._last_key[client.audience]:
            self._last_key[client.audience] = None  # the others are behind this one: next change goes to all
        broadcast([client.ws], encode({"type": "state/reset", "state": view}))
        if client.device is not None:
            broadcast([client.ws], self.mine(client))
        if client.role == "host":
            self.host_update(client, {})
        self.registry.add(client)
        self.mark("display", "remote")  # the connected counts changed

    def mark(self, *audiences: str, devices: set[str] | None = None) -> None:
        self._dirty.update(audiences)
        if devices:
            self._dirty_devices |= devices
        self._schedule()

    def _on_event(self, event: Event, state: SessionState) -> None:
        if event.type == "device/join":
            self._roles_version += 1
        self._hosts_dirty = True  # few hosts; each is sent its view only when it changed
        self.mark("phone", "display", "remote", devices=affected_devices(event, state))

    def _schedule(self) -> None:
        if self._loop is None or self._handle is not None or self._loop.is_closed():
            return
        delay = max(0.0, self._last_flush + FLUSH_INTERVAL - self._loop.time())
        self._handle = self._loop.call_later(delay, self.flush)

    def flush(self) -> None:
        """Send every dirty audience its new view (once encoded), then each dirty phone its own things."""
        self._handle = None
        if self._loop is not None:
            self._last_flush = self._loop.time()
        dirty, self._dirty = self._dirty, set()
        devices, self._dirty_devices = self._dirty_devices, set()
        for audience in sorted(dirty):
            self._flush_audience(audience)
        for device in devices:
            for client in self.registry.by_device.get(device, ()):
                broadcast([client.ws], self.mine(client))
        if self._hosts_dirty:
            self._hosts_dirty = False
            cache: dict[int, dict[str, Any] | None] = {}
            for client in list(self.registry.hosts):
                self.host_update(client, cache)

    def _flush_audience(self, audience: str) -> None:
        clients = self.registry.audiences[audience]
        if not clients:
            self._last_key[audience] = None
            return
        view = self.view(audience)
        key = change_key(view)
        changed = key != self._last_key[audience]
        self._last_key[audience] = key
        targets: list[Client] = []
        now = asyncio.get_running_loop().time()
        for client in clients:
            if _buffered(client) >= SLOW_BUFFER:
                client.stale = True  # a slow phone never holds up the others; it catches up later
                _drop_if_stalled(client, now)
            elif changed or client.stale:
                client.stale = False
                client.stalled_since = None
                targets.append(client)
        if targets:
            broadcast([c.ws for c in targets], encode({"type": "state/update", "state": view}))
        if any(c.stale for c in clients):
            self._dirty.add(audience)
            self._schedule()


def _drop_if_stalled(client: Client, now: float) -> None:
    if client.stalled_since is None:
        client.stalled_since = now
    elif now - client.stalled_since > STALL_LIMIT and client.ws.transport is not None:
        client.ws.transport.abort()  # the handler's cleanup unregisters it


def _buffered(client: Client) -> int:
    transport = client.ws.transport
    return 0 if transport is None else transport.get_write_buffer_size()
