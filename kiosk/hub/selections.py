"""A bounded, ranked part of a collection (the newest answers, the top questions), kept from the ids that changed.

Every audience sees a bounded list: a phone the newest 200 answers, the projector the 60 best ranked, the remote a
window of 200. Building such a list from the whole state after every answer costs what the whole evening holds;
`Selection` instead takes the ids the core says changed and decides for those alone whether they enter, move or
leave, so a flush costs what changed. It falls back to a whole rebuild only when an item leaves (or ranks worse)
while others wait outside, where only a look at all of them can say which one comes in: a hide or a withdrawal,
a few a minute.

The invariant that makes this exact: every wanted item outside the selection ranks after every member. A rebuild
and a run of updates therefore hold the same members, and the property test of the wire checks it
(tests/hub/test_changes_replay.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from kiosk.hub.view_bytes import json_bytes

T = TypeVar("T")
Item = dict[str, Any]


@dataclass(frozen=True)
class Spec(Generic[T]):
    """Which items one audience sees of a collection, in what rank, how many, and how each is written."""

    source: Callable[[], Mapping[str, T]]  # every item of the collection by id
    wanted: Callable[[T], bool]
    rank: Callable[[T], tuple[Any, ...]]  # smaller first; the id breaks ties
    limit: int
    render: Callable[[T], Item]  # JSON-ready, with its `id`; `count` goes out in count batches
    by: str = "id"  # the field count batches name items by ("n" where every item has that small number)
    ascending_list: bool = False  # listed oldest rank last (a phone's list grows at its end)
    tally: Callable[[T], str | None] | None = None  # count every item in scope by this (e.g. its status)
    budget: int | None = (
        None  # bytes of the list as JSON: the leading items that fit (kiosk/hub/view_bytes.py)
    )


@dataclass
class Delta:
    """The messages one update makes: ids that left, fields that changed, items that came, counts that moved."""

    removed: list[str] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    added: list[Item] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def messages(self, collection: str, by: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if self.removed:
            out.append({"type": f"{collection}/removed", "ids": self.removed})
        if self.changed:
            out.append({"type": f"{collection}/changed", "items": self.changed})
        if self.added:
            out.append({"type": f"{collection}/added", "items": self.added})
        if self.counts:
            out.append({"type": f"{collection}/counts", "by": by, "counts": self.counts})
        return out


class Selection(Generic[T]):
    """The first `limit` wanted items by rank, each as its audience sees it; `totals` if the spec tallies."""

    def __init__(self, spec: Spec[T]) -> None:
        self.spec = spec
        self.ranks: dict[str, tuple[Any, ...]] = {}
        self.items: dict[str, Item] = {}
        self.sizes: dict[str, int] = {}  # each member's bytes as JSON, and a comma
        self.used = 2  # the list's bytes: its brackets and its members
        self.complete = True  # every wanted item is a member: nothing waits outside
        self.totals: Counter[str] = Counter()
        self._tallied: dict[str, str] = {}  # id -> its tally key, for every item in scope
        self.rebuilds = 0
        self.rebuild()

    def _rank(self, item: T, ident: str) -> tuple[Any, ...]:
        return (*self.spec.rank(item), ident)

    def rebuild(self) -> Delta:
        """Choose afresh from every item; the difference from before as a Delta."""
        self.rebuilds += 1
        spec = self.spec
        source = spec.source()
        if spec.tally is not None:
            self._tallied = {i: key for i, item in source.items() if (key := spec.tally(item)) is not None}
            self.totals = Counter(self._tallied.values())
        wanted = [(self._rank(item, i), i, item) for i, item in source.items() if spec.wanted(item)]
        wanted.sort(key=lambda entry: entry[0])
        before = self.items
        self.ranks, self.items, self.sizes, self.used = {}, {}, {}, 2
        for rank, i, item in wanted[: spec.limit]:
            rendered = spec.render(item)
            size = _size(rendered)
            if spec.budget is not None and self.used + size > spec.budget:
                break  # the leading items that fit: the rest waits outside
            self.ranks[i], self.items[i], self.sizes[i] = rank, rendered, size
            self.used += size
        self.complete = len(self.ranks) == len(wanted)
        delta = Delta(removed=[i for i in before if i not in self.items])
        for i, now in self.items.items():
            _compare(delta, before.get(i), now, spec.by)
        return self._in_list_order(delta)

    def update(self, ids: Iterable[str]) -> Delta:
        """Take the items with these ids as they are now: in, out, moved or changed."""
        spec = self.spec
        source = spec.source()
        touched: list[str] = []
        left: list[str] = []
        worst: tuple[Any, ...] | None = None  # the last member's rank, found when needed
        for ident in ids:
            item = source.get(ident)
            self._retally(ident, item)
            member = ident in self.ranks
            if item is None or not spec.wanted(item):
                if member:
                    if not self.complete:
                        return self.rebuild()  # someone outside may come in now
                    del self.ranks[ident]
                    left.append(ident)
                    worst = None
                elif not self.complete and len(self.ranks) < spec.limit:
                    return self.rebuild()  # bound by bytes: the one that did not fit may be this one
                continue
            rank = self._rank(item, ident)
            if member:
                if not self.complete:
                    worst = worst or self._worst()
                    if rank > worst:
                        return (
                            self.rebuild()
                        )  # it ranks worse than the last member did: an outsider may pass it
                self.ranks[ident] = rank
                touched.append(ident)
                worst = None
            elif self.complete or rank < (worst := worst or self._worst()):
                self.ranks[ident] = rank
                touched.append(ident)
                worst = None
            elif len(self.ranks) < spec.limit:
                return self.rebuild()  # the bytes, not the count, bound the list: only all items can say
            # else: it ranks after every member of a full selection, so it stays outside
        rendered: dict[str, Item] = {}
        freed = False  # a member takes fewer bytes now: an outsider may fit
        for ident in dict.fromkeys(touched):
            now = rendered[ident] = spec.render(source[ident])
            size = _size(now)
            freed = freed or size < self.sizes.get(ident, size)
            self.used += size - self.sizes.get(ident, 0)
            self.sizes[ident] = size
        for ident in left:
            self.used -= self.sizes.pop(ident, 0)
        while len(self.ranks) > spec.limit or (spec.budget is not None and self.used > spec.budget):
            out = max(self.ranks, key=self.ranks.__getitem__)
            del self.ranks[out]
            self.used -= self.sizes.pop(out, 0)
            left.append(out)
            self.complete = False
        if freed and not self.complete:
            return self.rebuild()
        delta = Delta()
        for ident in left:
            if ident in self.items and ident not in self.ranks:
                del self.items[ident]
                delta.removed.append(ident)
        for ident, now in rendered.items():
            if ident in self.ranks:
                _compare(delta, self.items.get(ident), now, spec.by)
                self.items[ident] = now
        return self._in_list_order(delta)

    def _in_list_order(self, delta: Delta) -> Delta:
        """New items go out in the list's order, so a client that appends them holds the list as a reset gives it
        (a phone's list grows at its end with the newest)."""
        if len(delta.added) > 1:
            delta.added.sort(key=lambda item: self.ranks[item["id"]], reverse=self.spec.ascending_list)
        return delta

    def _worst(self) -> tuple[Any, ...]:
        return max(self.ranks.values(), default=())

    def _retally(self, ident: str, item: T | None) -> None:
        if self.spec.tally is None:
            return
        before = self._tallied.pop(ident, None)
        if before is not None:
            self.totals[before] -= 1
        key = self.spec.tally(item) if item is not None else None
        if key is not None:
            self._tallied[ident] = key
            self.totals[key] += 1

    def listed(self) -> list[Item]:
        """The members in rank order (or the reverse, for a list that grows at its end)."""
        order = sorted(self.ranks, key=self.ranks.__getitem__, reverse=self.spec.ascending_list)
        return [self.items[i] for i in order]


def _size(item: Item) -> int:
    """An item's bytes in the list: its compact JSON in UTF-8, and the comma after it."""
    return json_bytes(item) + 1


def _compare(delta: Delta, before: Item | None, now: Item, by: str) -> None:
    if before is None:
        delta.added.append(now)
        return
    fields = {k: v for k, v in now.items() if k != "count" and before.get(k) != v}
    if fields:
        delta.changed.append({"id": now["id"], **fields})
    if before.get("count") != now.get("count"):
        delta.counts[str(now[by])] = now["count"]
