"""Pushes the evening's changes out: one whole view when a client arrives, then only what changed, numbered.

The core says what each command changed (`Changes`); the publisher gathers them and, at most every ~25 ms, hands
them to every stream's view (kiosk/hub/audiences.py), which writes messages for exactly the ids that changed and
builds its fields again only when something they show changed. Each message is encoded once and broadcast to the
stream's clients (kiosk/hub/streams.py). Recognitions and upvotes are counted into a snapshot at most once a
COUNTS_INTERVAL, for every audience at once. A client skipped because it was slow missed changes, so it gets a
fresh `state/reset` once it has caught up. Each phone's own things (`mine/update`) go to that phone only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from websockets.asyncio.server import broadcast

from kiosk.core.changes import EMPTY, NOTHING, Changes
from kiosk.core.events import CommandError
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.hub.audiences import Snapshots, View, display_audience, phone_audience, remote_audience
from kiosk.hub.connections import Client, Registry
from kiosk.hub.question_views import live_votes
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.streams import Stream, encode, stream_name
from kiosk.hub.table_views import host_key, host_view
from kiosk.hub.views import REMOTE_MAX, REMOTE_STATUSES, Window, live_counts, mine_view

__all__ = ["Publisher", "encode"]

FLUSH_INTERVAL = 0.025
COUNTS_INTERVAL = 1.0  # recognition counts go out at most this often, to every audience together
# Above this many unsent bytes a client is skipped; it gets a fresh state/reset once it has caught up.
SLOW_BUFFER = 256 * 1024
# A client whose buffer stays full this long has stopped reading: drop it. Keepalive pings cannot do this, since
# a ping waits behind the full buffer and its timeout never starts.
STALL_LIMIT = 30.0


def affected_devices(changes: Changes, state: SessionState) -> set[str]:
    """Phones whose own things (`mine/update`) changed: their own, and the writers of answers and questions that
    changed."""
    devices = set(changes.devices)
    for cid in changes.answers:
        contribution = state.contributions.get(cid)
        if contribution is not None and contribution.device is not None:
            devices.add(contribution.device)
    for qid in changes.questions:
        question = state.questions.items.get(qid)
        if question is not None and question.device is not None:
            devices.add(question.device)
    return devices


def _for_hosts(changes: Changes) -> bool:
    """A host's notepad shows its table, its notes, and the tables' or its presentation's time."""
    return bool(changes.tables or changes.reviews) or changes.presentation or changes.timer or changes.block


class Publisher:
    """Keeps each stream's view from the core's changes and sends what changed; per-phone data to that phone."""

    def __init__(
        self,
        core: SessionCore,
        registry: Registry,
        join: Callable[[], tuple[str, str]],
        base: Callable[[], str] = lambda: "",
        handles: SeatHandles = PROCESS_HANDLES,
        *,
        flush_interval: float = FLUSH_INTERVAL,
        counts_interval: float = COUNTS_INTERVAL,
    ) -> None:
        self.core = core
        self.handles = handles
        self.registry = registry
        self._join = join  # (join url, room code)
        self._base = base  # the address phones reach the hub at, for the remote's host links
        self.flush_interval = flush_interval
        self.counts_interval = counts_interval
        # The recognitions and upvotes every view shows: refreshed in place, at most once a COUNTS_INTERVAL.
        self.counts: dict[str, int] = live_counts(core.state)
        self.votes: dict[str, int] = live_votes(core.state)
        self.snapshots = Snapshots(lambda: core.state, core.now, self.counts, self.votes)
        self._recounted: set[str] = set()  # answers whose recognitions changed since the last count batch
        self._revoted: set[str] = set()
        self._counts_handle: asyncio.TimerHandle | None = None
        self._last_counts = 0.0
        self._phones: dict[str, set[Client]] = {}  # phone stream key -> the phones and hosts it serves
        self.streams: dict[str, Stream] = {
            "phone": self._phone_stream("phone", None),
            "display": Stream(
                stream_name("display"),
                lambda: display_audience(self.snapshots, self._join, self.connected),
                lambda: self.registry.audiences["display"],
                keeps_history=True,
            ),
        }
        self._remotes: dict[Client, tuple[Stream, Window]] = {}
        self._pending: Changes = NOTHING  # what the core changed since the last flush
        self._fields_due: set[Stream] = set()  # who is connected changed: their fields show the counts
        self._revisit: set[Stream] = set()  # streams with clients skipped as slow
        self._hosts_dirty = False
        self._dirty_devices: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._last_flush = 0.0
        self._unsubscribe: Callable[[], None] | None = None
        self._roles_version = 0  # moves when a phone joins or changes its role
        self._counted: tuple[tuple[int, int], dict[str, int]] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._unsubscribe = self.core.subscribe(self._on_change)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for handle in (self._handle, self._counts_handle):
            if handle is not None:
                handle.cancel()
        self._handle = self._counts_handle = None
        self._loop = None

    def connected(self) -> dict[str, int]:
        """Connections by role; walking every phone is costly, so only after a join, a leave or a role change."""
        key = (self.registry.version, self._roles_version)
        if self._counted is None or self._counted[0] != key:
            devices = self.core.state.devices
            self._counted = (
                key,
                self.registry.counts(lambda d: (devices[d].role or "unknown") if d in devices else None),
            )
        return dict(self._counted[1])

    # -- streams ---------------------------------------------------------------------------------------------

    def _phone_stream(self, key: str, lang: str | None) -> Stream:
        return Stream(
            stream_name(key),
            lambda: phone_audience(self.snapshots, lang),
            lambda: self._phones.get(key, set()),
            keeps_history=True,
        )

    def _remote(self, window: Window) -> View:
        return remote_audience(self.snapshots, window, self.connected, self._base, self.handles)

    def phone_key(self, lang: str) -> str:
        """The stream for phones reading `lang`: its own when the agenda is translated into it, else `phone`."""
        agenda = self.core.agenda
        return f"phone.{lang}" if lang != agenda.language and lang in agenda.translated_into else "phone"

    def _join_phones(self, client: Client) -> None:
        key = self.phone_key(client.lang)
        if key not in self.streams:
            self.streams[key] = self._phone_stream(key, key.partition(".")[2])
        self._phones.setdefault(key, set()).add(client)

    def stream_of(self, client: Client) -> Stream:
        if client.audience == "remote":
            return self._remotes[client][0]
        if client.audience == "phone":
            return self.streams[self.phone_key(client.lang)]
        return self.streams[client.audience]

    def _all_streams(self) -> list[Stream]:
        return [*self.streams.values(), *(stream for stream, _ in self._remotes.values())]

    def mine(self, client: Client) -> str:
        assert client.device is not None
        view = mine_view(self.core.state, client.device, client.table, client.lang)
        return encode({"type": "mine/update", **view})

    # -- clients arrive and ask ----------------------------------------------------------------------------

    def welcome(self, client: Client, resume: object = None) -> None:
        """Send a new client its whole view (or, resuming, only what it missed) and start sending it changes,
        with no await in between. `resume` is the hello's {"stream", "seq"}: the view the client still holds."""
        if client.audience == "remote":
            window = Window()
            stream = Stream(stream_name("remote"), lambda: self._remote(window), lambda: (client,))
            self._remotes[client] = (stream, window)
        self.registry.add(client)
        if client.audience == "phone":
            self._join_phones(client)
        if not (isinstance(resume, dict) and self._resume(client, resume.get("stream"), resume.get("seq"))):
            self.reset(client)
        if client.device is not None:
            self._send_mine(client)
        if client.role == "host":
            self.host_update(client, {})
        self._connected_changed()

    def leave(self, client: Client) -> None:
        self.registry.remove(client)
        self._remotes.pop(client, None)
        if client.audience == "phone":
            self._phones.get(self.phone_key(client.lang), set()).discard(client)
        self._connected_changed()

    def _connected_changed(self) -> None:
        """The projector and the remotes show who is connected."""
        self._fields_due.add(self.streams["display"])
        self._fields_due.update(stream for stream, _ in self._remotes.values())
        self._schedule()

    def relang(self, client: Client, lang: str) -> None:
        """The phone switched its language: from now on it gets that language's stream, starting with a whole
        view (its theme card follows in the `mine/update` the switch causes)."""
        if lang == client.lang:
            return
        before = self.phone_key(client.lang) if client.audience == "phone" else None
        if before is not None:
            self._phones.get(before, set()).discard(client)
        client.lang = lang
        if before is None:
            return
        self._join_phones(client)
        if self.phone_key(lang) != before:
            self.reset(client)
        if client.device is not None:
            self._dirty_devices.add(client.device)
            self._schedule()

    def reset(self, client: Client) -> None:
        """A whole view for this client: the others of its stream first get what changed, so all hold one view."""
        stream = self.stream_of(client)
        self._flush_stream(stream, self._pending, exclude=client)
        self._send_reset(client, stream)

    def _resume(self, client: Client, name: object, seq: object) -> bool:
        """Send a returning client the changes it missed, if the stream still has them all."""
        stream = self.stream_of(client)
        if name != stream.name:
            return False
        self._flush_stream(stream, self._pending, exclude=client)
        missed = stream.since(name, seq)
        if missed is None:
            return False
        for frame in missed:
            broadcast([client.ws], frame)
        stream.behind.discard(client)
        return True

    def _send_reset(self, client: Client, stream: Stream) -> None:
        broadcast([client.ws], stream.reset())
        stream.behind.discard(client)

    def set_window(self, client: Client, data: dict[str, Any]) -> None:
        """`contributions/filter` from a remote: which contributions it sees from now on."""
        if client.audience != "remote":
            raise CommandError("forbidden", "this device may not do that")
        status, prompt, limit = data.get("status"), data.get("prompt"), data.get("limit", Window().limit)
        if status is not None and status not in REMOTE_STATUSES:
            raise CommandError("bad_request", "'status' must be pending, approved, hidden, withdrawn or null")
        if prompt is not None and (not isinstance(prompt, str) or self.core.agenda.prompt(prompt) is None):
            raise CommandError("unknown_prompt", "there is no such question in this agenda")
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= REMOTE_MAX:
            raise CommandError("out_of_range", f"'limit' must be from 1 to {REMOTE_MAX}", lo=1, hi=REMOTE_MAX)
        stream, _ = self._remotes[client]
        window = Window(status, prompt, limit)
        self._remotes[client] = (stream, window)
        stream.make = lambda: self._remote(window)
        if stream.view is not None:
            self._flush_stream(stream, self._pending)  # what it held is up to date; then the new window
            self._send(stream, stream.frames(stream.view.become(self._remote(window))))

    # -- what changed ----------------------------------------------------------------------------------------

    def _on_change(self, changes: Changes, state: SessionState) -> None:
        if changes.joined:
            self._roles_version += 1
        if changes.recognitions or changes.votes:
            self._counts_changed(changes)
            # Counts go out with the next count batch; the rest (a phone's own recognitions) now.
            changes = replace(changes, recognitions=EMPTY, votes=EMPTY)
        self._pending = self._pending | changes
        self._dirty_devices |= affected_devices(changes, state)
        self._hosts_dirty = self._hosts_dirty or _for_hosts(changes)
        self._schedule()

    def _counts_changed(self, changes: Changes) -> None:
        self._recounted |= changes.recognitions
        self._revoted |= changes.votes
        if self._loop is None or self._counts_handle is not None or self._loop.is_closed():
            return
        delay = max(0.0, self._last_counts + self.counts_interval - self._loop.time())
        self._counts_handle = self._loop.call_later(delay, self._refresh_counts)

    def _refresh_counts(self) -> None:
        """Take the recognitions and upvotes that changed into the snapshots every view shows, and tell the views
        which counts moved."""
        self._counts_handle = None
        if self._loop is not None:
            self._last_counts = self._loop.time()
        state = self.core.state
        moved: set[str] = set()
        for cid in self._recounted:
            contribution = state.contributions.get(cid)
            n = state.endorsement_count(contribution) if contribution is not None else 0
            if self.counts.get(cid, 0) != n:
                moved.add(cid)
                _put(self.counts, cid, n)
        voted: set[str] = set()
        for qid in self._revoted:
            question = state.questions.items.get(qid)
            n = len(question.votes) if question is not None else 0
            if self.votes.get(qid, 0) != n:
                voted.add(qid)
                _put(self.votes, qid, n)
        self._recounted, self._revoted = set(), set()
        if moved or voted:
            self._pending = self._pending | Changes(recognitions=frozenset(moved), votes=frozenset(voted))
            self._schedule()

    def _schedule(self) -> None:
        if self._loop is None or self._handle is not None or self._loop.is_closed():
            return
        delay = max(0.0, self._last_flush + self.flush_interval - self._loop.time())
        self._handle = self._loop.call_later(delay, self.flush)

    # -- sending ---------------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Send every stream what changed (encoded once), then each phone whose things changed its own."""
        self._handle = None
        if self._loop is not None:
            self._last_flush = self._loop.time()
        changes, self._pending = self._pending, NOTHING
        due, self._fields_due = self._fields_due, set()
        revisit, self._revisit = self._revisit, set()
        devices, self._dirty_devices = self._dirty_devices, set()
        for stream in self._all_streams():
            if changes or stream in due or stream in revisit:
                self._flush_stream(stream, changes, fields=stream in due)
        for device in devices:
            for client in self.registry.by_device.get(device, ()):
                self._send_mine(client)
        if self._hosts_dirty:
            self._hosts_dirty = False
            cache: dict[int, dict[str, Any] | None] = {}
            for client in list(self.registry.hosts):
                self.host_update(client, cache)

    def _flush_stream(
        self, stream: Stream, changes: Changes, *, fields: bool = False, exclude: Client | None = None
    ) -> None:
        """Bring every client of the stream (but `exclude`) to the newest view: the changes, or a reset for a
        client that missed some while it was slow. Walks the clients only when there is something to send."""
        members = stream.members()
        if exclude is None and not members:
            stream.forget()  # nobody holds it: the next client starts from a fresh view
            return
        if stream.view is None:
            stream.held()  # made from the state as it is now: nothing to send
            frames: list[str] = []
        else:
            frames = stream.frames(stream.view.update(changes, fields=fields))
        if stream.behind:
            stream.behind = {c for c in stream.behind if c in members}  # those that left are no longer behind
        if not frames and not stream.behind:
            return
        self._send(stream, frames, exclude)

    def _send(self, stream: Stream, frames: list[str], exclude: Client | None = None) -> None:
        targets: list[Client] = []
        now = asyncio.get_running_loop().time()
        for client in stream.members() if frames else list(stream.behind):
            if client is exclude:
                continue
            if _buffered(client) >= SLOW_BUFFER:
                if frames:
                    stream.behind.add(client)  # it misses these: a reset once it has caught up
                _drop_if_stalled(client, now)
                continue
            client.stalled_since = None
            if client in stream.behind:
                stream.behind.discard(client)
                self._send_reset(client, stream)
            else:
                targets.append(client)
        if frames and targets:
            sockets = [c.ws for c in targets]
            for frame in frames:
                broadcast(sockets, frame)
        if stream.behind:
            self._revisit.add(stream)  # come back for them: each gets a reset once its buffer has drained
            self._schedule()

    def _send_mine(self, client: Client) -> None:
        frame = self.mine(client)
        if frame == client.mine_sent:
            return
        if _buffered(client) >= SLOW_BUFFER:
            self._dirty_devices.add(client.device or "")
            self._schedule()
            return
        client.mine_sent = frame
        broadcast([client.ws], frame)

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


def _put(snapshot: dict[str, int], ident: str, n: int) -> None:
    if n:
        snapshot[ident] = n
    else:
        snapshot.pop(ident, None)


def _drop_if_stalled(client: Client, now: float) -> None:
    if client.stalled_since is None:
        client.stalled_since = now
    elif now - client.stalled_since > STALL_LIMIT and client.ws.transport is not None:
        client.ws.transport.abort()  # the handler's cleanup unregisters it


def _buffered(client: Client) -> int:
    transport = client.ws.transport
    return 0 if transport is None else transport.get_write_buffer_size()
