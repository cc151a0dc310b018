"""Dividing the room over the theme tables: an even share of parents and staff at every table."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.catalog import Catalog, catalog

MAX_TABLES = 50
# Staff first: they are the scarce role, and every table should get one before any table gets two.
ROLE_ORDER = ("staff", "parent", "unknown")


def role_key(role: str | None) -> str:
    """The grouping's name for a device's role: parent, staff or unknown."""
    return role if role in ("parent", "staff") else "unknown"


@dataclass(frozen=True)
class Assignment:
    """Who sits at which table (numbered from 1), with the roles the division was balanced on."""

    count: int
    seats: Mapping[str, int]  # device -> table
    roles: Mapping[str, str]  # device -> parent | staff | unknown

    def members(self, table: int) -> list[str]:
        return sorted(d for d, t in self.seats.items() if t == table)

    def sizes(self) -> list[int]:
        """The number of people at each table, table 1 first."""
        sizes = [0] * self.count
        for table in self.seats.values():
            sizes[table - 1] += 1
        return sizes

    def role_counts(self, role: str) -> list[int]:
        """How many of one role sit at each table."""
        counts = [0] * self.count
        for device, table in self.seats.items():
            if self.roles.get(device, "unknown") == role:
                counts[table - 1] += 1
        return counts

    def with_seat(self, device: str, table: int, role: str | None) -> Assignment:
        """The same assignment with one more person, or one person moved."""
        if not 1 <= table <= self.count:
            raise ValueError(f"there is no table {table}")
        return Assignment(self.count, {**self.seats, device: table}, {**self.roles, device: role_key(role)})

    def explain(self, lang: str = "nl") -> str:
        """One line for the facilitator, e.g. '24 deelnemers over 4 tafels: per tafel 4-5 ouders en 1 ...'."""
        words = catalog(lang)
        tables = words.plural("grouping.tables", self.count)
        if not self.seats:
            return words("grouping.nobody", tables=tables)
        people = words.plural("grouping.people", len(self.seats))
        parts = [
            _spread(words, self.role_counts(role), f"grouping.{role}")
            for role in ("parent", "staff", "unknown")
            if any(self.role_counts(role))
        ]
        joiner = words("grouping.and")
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + joiner + parts[-1]
        return words("grouping.line", people=people, tables=tables, listed=listed)

    def to_json(self) -> dict[str, int]:
        return dict(sorted(self.seats.items()))


def _spread(words: Catalog, counts: Sequence[int], key: str) -> str:
    low, high = min(counts), max(counts)
    if low == high:
        return words.plural(key, low)
    return words(key, n=f"{low}-{high}")  # a range takes the form of "many" things


def _rank(seed: str, device: str) -> str:
    # A hash of the seed and the id, so the order of arrival in the room cannot decide who sits together.
    return hashlib.sha256(f"{seed}\x00{device}".encode()).hexdigest()


def assign_tables(
    devices: Iterable[tuple[str, str | None]], count: int, seed: str, hosts: Sequence[str] = ()
) -> Assignment:
    """Seat everyone at `count` tables: per role the tables differ by at most one, and so do their sizes.

    `hosts[i]`, when given, is the host of table i + 1 and sits there.
    Raises ValueError on a count out of range, a device listed twice, or a host who is not in the room.
    """
    if not 1 <= count <= MAX_TABLES:
        raise ValueError(f"the number of tables must be from 1 to {MAX_TABLES}")
    roles: dict[str, str] = {}
    for device, role in devices:
        if device in roles:
            raise ValueError(f"device {device!r} is listed twice")
        roles[device] = role_key(role)
    if len(hosts) > count:
        raise ValueError("more hosts than tables")
    if len(set(hosts)) != len(hosts) or any(h not in roles for h in hosts):
        raise ValueError("each host is a different device in the room")
    pinned = {host: index + 1 for index, host in enumerate(hosts)}

    totals = [0] * count
    seats: dict[str, int] = {}
    for role in ROLE_ORDER:
        members = sorted((d for d, r in roles.items() if r == role), key=lambda d: (_rank(seed, d), d))
        fixed = [0] * count
        for device in members:
            if device in pinned:
                fixed[pinned[device] - 1] += 1
                seats[device] = pinned[device]
        base, extra = divmod(len(members), count)
        # A host of this role already fills a table that would otherwise get none of them.
        forced = [t for t in range(count) if fixed[t] > base]
        rest = sorted((t for t in range(count) if t not in forced), key=lambda t: (totals[t], t))
        larger = set(forced + rest[: extra - len(forced)])
        free = iter(d for d in members if d not in pinned)
        for table in range(count):
            quota = base + (1 if table in larger else 0)
            for _ in range(quota - fixed[table]):
                seats[next(free)] = table + 1
            totals[table] += quota
    return Assignment(count, seats, roles)


def place_late_joiner(assignment: Assignment, device: str, role: str | None) -> int:
    """The table for someone who arrives after the division: the smallest, then fewest of their role."""
    if device in assignment.seats:
        return assignment.seats[device]
    sizes = assignment.sizes()
    same_role = assignment.role_counts(role_key(role))
    return min(range(1, assignment.count + 1), key=lambda t: (sizes[t - 1], same_role[t - 1], t))
