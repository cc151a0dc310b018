"""Pushes the evening's changes out: one whole view when a client arrives, then only what changed, numbered.

Streams: every phone (and host) of one language shares one stream (`phone` in the agenda's own language,
`phone.tr` for the Turkish ones when the agenda has Turkish, so no phone receives languages it does not read),
every projector one; each remote has a stream of its own, since it chooses which contributions it sees
(`contributions/filter`). A stream keeps the view its clients hold
(`model`) and a `seq` that every message on it carries, one more each time. A flush (at most every ~25 ms)
builds each dirty stream's view, sends the difference once to all its clients, and keeps the new view.
Recognition counts are refreshed at most once a COUNTS_INTERVAL, for every audience at once.
A client skipped because it was slow missed changes, so it gets a fresh `state/reset` once it has caught up.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import broadcast

from kiosk.core.changes import Changes
from kiosk.core.events import CommandError
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.hub.changes import diff
from kiosk.hub.connections import Client, Registry
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.table_views import host_key, host_view
from kiosk.hub.views import (
    REMOTE_MAX,
    REMOTE_STATUSES,
    Window,
    display_view,
    live_counts,
    mine_view,
    phone_view,
    remote_view,
)

FLUSH_INTERVAL = 0.025
COUNTS_INTERVAL = 1.0  # recognition counts go out at most this often, to every audience together
# Above this many unsent bytes a client is skipped; it gets a fresh state/reset once it has caught up.
SLOW_BUFFER = 256 * 1024
# A client whose buffer stays full this long has stopped reading: drop it. Keepalive pings cannot do this, since
# a ping waits behind the full buffer and its timeout never starts.
STALL_LIMIT = 30.0
# A shared stream keeps its newest change messages up to this many bytes, so a phone that reconnects (a locked
# screen) gets only what it missed instead of a whole view.
HISTORY_BYTES = 512 * 1024


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


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


@dataclass(eq=False)
class Stream:
    """The changes one group of clients gets: they all hold `model`, the view as of message `seq`.

    `name` changes whenever the numbering starts over (a new process, or nobody listened for a while), so a
    client's (name, seq) says exactly which view it holds; `history` keeps the newest frames for resuming.
    """

    name: str
    build: Callable[[], dict[str, Any]]
    members: Callable[[], Collection[Client]]
    seq: int = 0
    model: dict[str, Any] | None = None
    keeps_history: bool = False
    history: deque[tuple[int, str]] = field(default_factory=deque)
    history_bytes: int = 0
    behind: set[Client] = field(
        default_factory=set
    )  # skipped as slow: each gets a reset once it has caught up

    def frames(self, messages: list[dict[str, Any]]) -> list[str]:
        """Each message encoded, numbered on from the last."""
        encoded = []
        for message in messages:
            self.seq += 1
            frame = encode({"type": message["type"], "seq": self.seq, **message})
            encoded.append(frame)
            if self.keeps_history:
                self.history.append((self.seq, frame))
                self.history_bytes += len(frame)
        while self.history_bytes > HISTORY_BYTES and self.history:
            self.history_bytes -= len(self.history.popleft()[1])
        return encoded

    def reset(self) -> str:
        assert self.model is not None
        return encode({"type": "state/reset", "seq": self.seq, "stream": self.name, "state": self.model})

    def since(self, name: object, seq: object) -> list[str] | None:
        """The frames after `seq` for a client that holds this stream's view at `seq`; None if not all kept."""
        if name != self.name or isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= self.seq:
            return None
        if seq == self.seq:
            return []
        if not self.history or self.history[0][0] > seq + 1:
            return None
        return [frame for number, frame in self.history if number > seq]

    def forget(self) -> None:
        """Nobody holds the view: drop it, and start a new numbering so no old client can resume into it."""
        self.model = None
        self.name = _stream_name(self.name.split("-", 1)[0])
        self.seq = 0
        self.history.clear()
        self.history_bytes = 0


def _stream_name(audience: str) -> str:
    return f"{audience}-{secrets.token_hex(4)}"


class Publisher:
    """Builds each stream's view once per flush and sends what changed; per-phone data goes to that phone only."""

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
        self.counts: dict[str, int] = live_counts(core.state)  # the recognitions every view shows
        self._counts_dirty: set[str] = set()
        self._counts_all = False
        self._votes_dirty = False  # question upvotes came in since the last count batch
        self._counts_handle: asyncio.TimerHandle | None = None
        self._last_counts = 0.0
        self._phones: dict[str, set[Client]] = {}  # phone stream key -> the phones and hosts it serves
        self.streams: dict[str, Stream] = {
            "phone": self._phone_stream("phone", None),
            "display": Stream(
                _stream_name("display"),
                self._display_view,
                lambda: self.registry.audiences["display"],
                keeps_history=True,
            ),
        }
        self._remotes: dict[Client, tuple[Stream, Window]] = {}
        self._dirty: set[Stream] = set()
        self._hosts_dirty = False
        self._dirty_devices: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self._last_flush = 0.0
        self._unsubscribe: Callable[[], None] | None = None
        self._roles_version = 0  # moves on every device/join, the only event that changes a phone's role
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

    # -- views ---------------------------------------------------------------------------------------------

    def _phone_stream(self, key: str, lang: str | None) -> Stream:
        return Stream(
            _stream_name(key),
            lambda: phone_view(self.core.state, self.core.now(), self.counts, lang),
            lambda: self._phones.get(key, set()),
            keeps_history=True,
        )

    def phone_key(self, lang: str) -> str:
        """The stream for phones reading `lang`: its own when the agenda is translated into it, else `phone`."""
        agenda = self.core.agenda
        return f"phone.{lang}" if lang != agenda.language and lang in agenda.translated_into else "phone"

    def _join_phones(self, client: Client) -> None:
        key = self.phone_key(client.lang)
        if key not in self.streams:
            self.streams[key] = self._phone_stream(key, key.partition(".")[2])
        self._phones.setdefault(key, set()).add(client)

    def _display_view(self) -> dict[str, Any]:
        url, room = self._join()
        return display_view(
            self.core.state,
            self.core.now(),
            join_url=url,
            room=room,
            connected=self.connected(),
            counts=self.counts,
        )

    def _remote_view(self, window: Window) -> dict[str, Any]:
        return remote_view(
            self.core.state,
            self.core.now(),
            connected=self.connected(),
            counts=self.counts,
            window=window,
            base_url=self._base(),
            handles=self.handles,
        )

    def stream_of(self, client: Client) -> Stream:
        if client.audience == "remote":
            return self._remotes[client][0]
        if client.audience == "phone":
            return self.streams[self.phone_key(client.lang)]
        return self.streams[client.audience]

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
            stream = Stream(_stream_name("remote"), lambda: self._remote_view(window), lambda: (client,))
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
        self.mark_all()  # the connected counts changed

    def leave(self, client: Client) -> None:
        self.registry.remove(client)
        self._remotes.pop(client, None)
        if client.audience == "phone":
            self._phones.get(self.phone_key(client.lang), set()).discard(client)
        self.mark_all()

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
        """A whole view for this client: the others of its stream first get what changed, so all hold one model."""
        stream = self.stream_of(client)
        self._flush_stream(stream, exclude=client)
        self._send_reset(client, stream)

    def _resume(self, client: Client, name: object, seq: object) -> bool:
        """Send a returning client the changes it missed, if the stream still has them all."""
        stream = self.stream_of(client)
        if name != stream.name:
            return False
        self._flush_stream(stream, exclude=client)
        missed = stream.since(name, seq)
        if missed is None:
            return False
        for frame in missed:
            broadcast([client.ws], frame)
        stream.behind.discard(client)
        return True

    def _send_reset(self, client: Client, stream: Stream) -> None:
        frame = stream.reset()
        broadcast([client.ws], frame)
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
        stream.build = lambda: self._remote_view(window)
        self._remotes[client] = (stream, window)
        self.mark(stream)

    # -- what changed ----------------------------------------------------------------------------------------

    def mark(self, *streams: Stream, devices: set[str] | None = None) -> None:
        self._dirty.update(streams)
        if devices:
            self._dirty_devices |= devices
        self._schedule()

    def mark_all(self, devices: set[str] | None = None) -> None:
        self.mark(*self.streams.values(), *(s for s, _ in self._remotes.values()), devices=devices)

    def _on_change(self, changes: Changes, state: SessionState) -> None:
        if changes.joined:
            self._roles_version += 1
        if changes.recognitions or changes.votes:
            self._counts_changed(changes)
        devices = affected_devices(changes, state)
        only_counts = not (
            changes.answers or changes.questions or changes.tables or changes.reviews or changes.key_points
        ) and not (
            changes.actions
            or changes.responses
            or changes.fields_changed
            or changes.letters
            or changes.joined
        )
        if only_counts:
            self.mark(devices=devices)  # counts only: they go out with the next count batch
            return
        self._hosts_dirty = True  # few hosts; each is sent its view only when it changed
        self.mark_all(devices=devices)

    def _counts_changed(self, changes: Changes) -> None:
        self._counts_dirty |= changes.recognitions
        if changes.votes:
            self._votes_dirty = True  # the views read votes from the state: they only need building again
        if self._loop is None or self._counts_handle is not None or self._loop.is_closed():
            return
        delay = max(0.0, self._last_counts + self.counts_interval - self._loop.time())
        self._counts_handle = self._loop.call_later(delay, self._refresh_counts)

    def _refresh_counts(self) -> None:
        """Take the recognitions of the contributions that changed into the snapshot every view shows."""
        self._counts_handle = None
        if self._loop is not None:
            self._last_counts = self._loop.time()
        state = self.core.state
        if self._counts_all:
            fresh = live_counts(state)
        else:
            fresh = dict(self.counts)
            for cid in self._counts_dirty:
                contribution = state.contributions.get(cid)
                n = state.endorsement_count(contribution) if contribution is not None else 0
                if n:
                    fresh[cid] = n
                else:
                    fresh.pop(cid, None)
        self._counts_all, self._counts_dirty = False, set()
        votes, self._votes_dirty = self._votes_dirty, False
        if fresh != self.counts or votes:
            self.counts = fresh
            self.mark_all()

    def _schedule(self) -> None:
        if self._loop is None or self._handle is not None or self._loop.is_closed():
            return
        delay = max(0.0, self._last_flush + self.flush_interval - self._loop.time())
        self._handle = self._loop.call_later(delay, self.flush)

    # -- sending ---------------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Send every dirty stream what changed (encoded once), then each dirty phone its own things."""
        self._handle = None
        if self._loop is not None:
            self._last_flush = self._loop.time()
        dirty, self._dirty = self._dirty, set()
        devices, self._dirty_devices = self._dirty_devices, set()
        for stream in dirty:
            self._flush_stream(stream)
        for device in devices:
            for client in self.registry.by_device.get(device, ()):
                self._send_mine(client)
        if self._hosts_dirty:
            self._hosts_dirty = False
            cache: dict[int, dict[str, Any] | None] = {}
            for client in list(self.registry.hosts):
                self.host_update(client, cache)

    def _flush_stream(self, stream: Stream, exclude: Client | None = None) -> None:
        """Bring every client of the stream (but `exclude`) to its newest view: the changes, or a reset for a
        client that missed some while it was slow. Walks the clients only when there is something to send."""
        members = stream.members()
        if exclude is None and not members:
            stream.forget()  # nobody holds it: the next client starts from a fresh view
            return
        view = stream.build()
        frames = stream.frames(diff(stream.model, view)) if stream.model is not None else []
        stream.model = view
        if stream.behind:
            stream.behind = {c for c in stream.behind if c in members}  # those that left are no longer behind
        if not frames and not stream.behind:
            return
        targets: list[Client] = []
        now = asyncio.get_running_loop().time()
        for client in members if frames else list(stream.behind):
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
            self._dirty.add(stream)  # come back for them: each gets a reset once its buffer has drained
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


def _drop_if_stalled(client: Client, now: float) -> None:
    if client.stalled_since is None:
        client.stalled_since = now
    elif now - client.stalled_since > STALL_LIMIT and client.ws.transport is not None:
        client.ws.transport.abort()  # the handler's cleanup unregisters it


def _buffered(client: Client) -> int:
    transport = client.ws.transport
    return 0 if transport is None else transport.get_write_buffer_size()
