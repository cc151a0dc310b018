"""Who may connect and join: limits per address that stop one phone and never a hall behind one address.

Anyone who can read the projector can talk to the hub. On most hall Wi-Fi each phone has its own address, but
some school networks put the whole hall behind one (NAT), so the phones one address may keep connected are
capped far above what a hall behind one address holds (`LIVE_PER_ADDRESS`). What is limited per address is what
costs the hub without being a person: sockets that have not said hello yet, new connections a second, new
phones a minute, recognitions of one answer, upvotes of one question, and questions asked.

A few places are kept for the projector, the remote and the table hosts (`reserve`): when every other place is
taken, a newcomer may wait in them for its hello, and stays only with a valid token or when it takes over its
own phone's older connection. A valid token is never told the hub is full.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from kiosk.hub.limits import TokenBucket

# Sockets of one address that have not said hello. A phone says hello within milliseconds of connecting;
# when one more comes, the oldest waiting one of that address is closed, so newcomers always get their turn.
WAITING_PER_ADDRESS = 128
# New connections per address: (per second, burst). A phone's page is a dozen requests, and a hall behind one
# address loads it at once.
CONNECTS = (300.0, 3000.0)
# New phones (device ids this hub has not seen) per address: (per second, burst). A hall scans the QR code at
# once: 300 at a time, then 120 a minute. A returning phone never counts.
JOINS = (2.0, 300.0)
# Recognitions of one answer from one address: (per second, burst).
RECOGNITIONS = (0.5, 30.0)
# Upvotes of one question from one address: as recognitions of one answer.
UPVOTES = RECOGNITIONS
# Questions to the school asked from one address: (per second, burst). A hall asks a few dozen at the closing;
# each phone also has its cap on questions waiting for the facilitator.
QUESTIONS = (0.5, 60.0)
# What a phone does that is counted per address: the deed, and the limits above it is counted against.
DEEDS = {"recognition": RECOGNITIONS, "upvote": UPVOTES, "question": QUESTIONS}
# The laptop itself (the benchmark, a proxy on the laptop) is never limited per address.
LOCAL = frozenset({"127.0.0.1", "::1"})
# Connections that said hello, per address. 500 phones behind one address (a school's NAT) hold 500 at their
# peak, one per phone (a phone's new connection replaces its old one); see docs/security.md for the measurement.
LIVE_PER_ADDRESS = 1000
# Places kept for connections with a token (projector, remote, table hosts) and for phones taking over their own
# older connection, at most an eighth of all places.
RESERVED_PLACES = 64
SEEN_DEVICES = 200_000  # device ids remembered as returning; the oldest is forgotten beyond this
PRUNE_EVERY = 1000  # operations between sweeps of full, unused buckets


def address_key(host: str | None) -> str | None:
    """What limits are counted by: an IPv4 address, or an IPv6 /64 (one home or phone has a whole /64)."""
    if not host:
        return None
    try:
        ip = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        if ip.is_loopback:
            return "::1"
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def forwarded_for(values: list[str]) -> str | None:
    """The client a trusted proxy names: the last address it appended to X-Forwarded-For, or None."""
    hops = [hop.strip() for value in values for hop in value.split(",") if hop.strip()]
    if not hops:
        return None
    last = hops[-1]
    if last.startswith("[") and "]" in last:
        last = last[1 : last.index("]")]
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return None


TOO_FAST = "too_fast"  # this address opens connections faster than a hall does: closed at once
FULL = "full"  # every place is taken by someone doing something: told so, then closed


@dataclass(frozen=True)
class Verdict:
    """What to do about a new connection: others to close to make room, and why it is refused itself (None: it
    may stay)."""

    close: list[Hashable]
    refused: str | None


@dataclass(eq=False)
class _Entry:
    address: str | None  # None: not limited per address (the laptop itself, or a proxy before its header)
    opened: float
    waiting: bool = True  # has not said hello
    idle_phone: bool = False  # a phone that said hello and has done nothing since
    evicted: bool = False
    reserved: bool = (
        False  # let in on a kept place: stays only with a token or as its phone's newer connection
    )


@dataclass
class Buckets:
    """Token buckets by key, made on first use and swept once full again and unused."""

    rate: float
    burst: float
    clock: Callable[[], float]
    by_key: dict[Hashable, TokenBucket] = field(default_factory=dict)

    def allow(self, key: Hashable) -> bool:
        bucket = self.by_key.get(key)
        if bucket is None:
            bucket = self.by_key[key] = TokenBucket(self.rate, self.burst, self.clock)
        return bucket.allow()

    def has_token(self, key: Hashable) -> bool:
        bucket = self.by_key.get(key)
        if bucket is None:
            return True
        return min(self.burst, bucket.tokens + (self.clock() - bucket.last) * self.rate) >= 1.0

    def sweep(self, keep: Callable[[Hashable], bool] = lambda key: False) -> None:
        now = self.clock()
        for key, bucket in list(self.by_key.items()):
            if not keep(key) and bucket.tokens + (now - bucket.last) * self.rate >= self.burst:
                del self.by_key[key]


class Gate:
    """Admission for one hub: connections per address and in all, new phones and recognitions per address.

    `capacity` is how many connections the hub can hold (the open-file limit leaves room for so many), of which
    `reserve` are kept for tokens and for phones coming back. A new connection over the rest closes the oldest
    one that has not said hello (of the address with the most of those), else the oldest phone that said hello
    and did nothing since; when every connection is someone doing something, the newcomer waits on a kept place
    for its hello, and is refused when those are taken too.
    """

    def __init__(self, capacity: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = capacity
        self.clock = clock
        self._entries: dict[Hashable, _Entry] = {}  # every open connection, oldest first
        self._waiting: dict[
            str | None, dict[Hashable, None]
        ] = {}  # not said hello, per address, oldest first
        self._idle: dict[Hashable, None] = {}  # phones that said hello and did nothing, oldest first
        self._live: dict[str, int] = {}  # connections that said hello, per limited address
        self._evicted = 0
        self._connects = Buckets(*CONNECTS, clock)
        self._joins = Buckets(*JOINS, clock)
        self._deeds = {deed: Buckets(*limit, clock) for deed, limit in DEEDS.items()}
        self._seen: dict[str, None] = {}
        self._operations = 0
        self.refused = 0  # connections refused or closed by these limits, for the log

    @property
    def reserve(self) -> int:
        """Places kept for tokens and returning phones."""
        return min(RESERVED_PLACES, self.capacity // 8)

    @property
    def open(self) -> int:
        """Connections open and not being closed by the gate."""
        return len(self._entries) - self._evicted

    def address(self, conn: Hashable) -> str | None:
        entry = self._entries.get(conn)
        return entry.address if entry is not None else None

    def opened(self, conn: Hashable, host: str | None) -> Verdict:
        """A new connection from `host` (None: not limited per address): whether it may stay, whom to close."""
        self._tick()
        address = address_key(host)
        limited = address is not None and address not in LOCAL
        if limited and not self._connects.allow(address):
            self.refused += 1
            return Verdict([], TOO_FAST)
        entry = _Entry(address if limited else None, self.clock())
        self._entries[conn] = entry
        self._waiting.setdefault(entry.address, {})[conn] = None
        return self._make_room(conn, entry)

    def rekey(self, conn: Hashable, host: str | None) -> Verdict:
        """The client behind a trusted proxy is known now (X-Forwarded-For): count it under its own address."""
        entry = self._entries.get(conn)
        address = address_key(host)
        if entry is None or entry.evicted or not entry.waiting or address is None or address in LOCAL:
            return Verdict([], None)
        if address == entry.address:
            return Verdict([], None)
        if not self._connects.allow(address):
            self.refused += 1
            self._evict(conn)
            return Verdict([], TOO_FAST)
        self._unwait(conn, entry)
        entry.address = address
        self._waiting.setdefault(address, {})[conn] = None
        return self._make_room(conn, entry)

    def said_hello(
        self, conn: Hashable, *, idle_phone: bool, kept: bool = False, replaces: bool = False
    ) -> Verdict:
        """The connection introduced itself: whether it may stay, and whom to close to make room.

        `idle_phone`: a phone not (yet) taking part; `kept`: it showed a token (projector, remote, table host);
        `replaces`: a phone or host whose older connection is closed for this one.
        """
        entry = self._entries.get(conn)
        if entry is None or not entry.waiting or entry.evicted:
            return Verdict([], None)
        if entry.reserved and not (kept or replaces):
            self._evict(conn)  # a kept place is not for a newcomer without a token
            return Verdict([], FULL)
        close: list[Hashable] = []
        crowded = entry.address is not None and self._live.get(entry.address, 0) >= LIVE_PER_ADDRESS
        if crowded and not (kept or replaces):
            # That address's own idle phone makes room, never another address's.
            victim = next((c for c in self._idle if self._entries[c].address == entry.address), None)
            if victim is None:
                self._evict(conn)
                return Verdict([], FULL)
            close.append(self._evict(victim))
        self._unwait(conn, entry)
        entry.waiting = False
        entry.reserved = False
        if entry.address is not None:
            self._live[entry.address] = self._live.get(entry.address, 0) + 1
        if idle_phone:
            entry.idle_phone = True
            self._idle[conn] = None
        return Verdict(close, None)

    def let_go(self, conn: Hashable) -> None:
        """An older connection of a phone that came back is being closed: its place is free at once."""
        entry = self._entries.get(conn)
        if entry is not None and not entry.evicted:
            self._evict(conn)

    def active(self, conn: Hashable) -> None:
        """A phone did something: it is someone in the hall, never closed to make room."""
        entry = self._entries.get(conn)
        if entry is not None and entry.idle_phone:
            entry.idle_phone = False
            self._idle.pop(conn, None)

    def closed(self, conn: Hashable) -> None:
        entry = self._entries.pop(conn, None)
        if entry is None:
            return
        if entry.evicted:
            self._evicted -= 1
        else:
            self._unlive(entry)
        self._unwait(conn, entry)
        self._idle.pop(conn, None)

    def may_join(self, conn: Hashable, device: str) -> bool:
        """Whether a phone this hub has not seen may join from this connection's address now."""
        if device in self._seen:
            self._seen[device] = self._seen.pop(device)  # most recently seen last
            return True
        address = self.address(conn)
        if address is not None and not self._joins.allow(address):
            self.refused += 1
            return False
        self.seen(device)
        return True

    def seen(self, device: str) -> None:
        """Remember a phone as returning: it is never refused as a new one."""
        self._seen[device] = None
        if len(self._seen) > SEEN_DEVICES:
            del self._seen[next(iter(self._seen))]

    def may(self, deed: str, conn: Hashable, about: object = None) -> bool:
        """Whether this connection's address may do a deed (of DEEDS) now, about one answer or question, or
        about nothing in particular (a question asked); nothing is taken."""
        address = self.address(conn)
        return address is None or self._deeds[deed].has_token((address, str(about)))

    def did(self, deed: str, conn: Hashable, about: object = None) -> None:
        """A deed from this connection's address was counted."""
        address = self.address(conn)
        if address is not None:
            self._deeds[deed].allow((address, str(about)))

    # -- inside --------------------------------------------------------------------------------------

    def _make_room(self, conn: Hashable, entry: _Entry) -> Verdict:
        close: list[Hashable] = []
        waiting = self._waiting.get(entry.address, {})
        if entry.address is not None and len(waiting) > WAITING_PER_ADDRESS:
            close.append(self._evict(next(iter(waiting))))
        general = self.capacity - self.reserve
        while self.open > general:
            victim = self._most_waiting(besides=conn) or next(iter(self._idle), None)
            if victim is None:
                break
            close.append(self._evict(victim))
        if self.open > self.capacity:
            self._evict(conn)  # everyone here is someone: the newcomer is told to come back later
            return Verdict(close, FULL)
        entry.reserved = self.open > general  # it may wait for its hello on a kept place
        return Verdict(close, None)

    def _most_waiting(self, besides: Hashable) -> Hashable | None:
        """The oldest socket without hello of the address holding the most of them: one address flooding
        sockets only pushes out its own, never a projector or a remote that is about to say hello."""
        chosen: Hashable | None = None
        most = 0
        for waiting in self._waiting.values():
            count = len(waiting) - (besides in waiting)
            if count > most:
                chosen = next(c for c in waiting if c is not besides)
                most = count
        return chosen

    def _evict(self, conn: Hashable) -> Hashable:
        entry = self._entries[conn]
        if not entry.waiting:
            self._unlive(entry)
        self._unwait(conn, entry)
        self._idle.pop(conn, None)
        entry.evicted = True
        self._evicted += 1
        self.refused += 1
        return conn

    def _unlive(self, entry: _Entry) -> None:
        if entry.waiting or entry.address is None or entry.address not in self._live:
            return
        self._live[entry.address] -= 1
        if not self._live[entry.address]:
            del self._live[entry.address]

    def _unwait(self, conn: Hashable, entry: _Entry) -> None:
        waiting = self._waiting.get(entry.address)
        if waiting is not None:
            waiting.pop(conn, None)
            if not waiting:
                del self._waiting[entry.address]

    def _tick(self) -> None:
        self._operations += 1
        if self._operations % PRUNE_EVERY:
            return
        busy = {entry.address for entry in self._entries.values()}
        self._connects.sweep(lambda key: key in busy)
        self._joins.sweep()
        for buckets in self._deeds.values():
            buckets.sweep()
