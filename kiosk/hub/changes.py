"""From one view to the next: the small messages that take a client holding the old view to the new one.

A view is a dict of fields plus keyed collections, `contributions` and `questions` (lists of items with an
`id`). The messages (without their `seq`, which the stream adds) are, in this order:
`state/set` (fields that changed; a field of an object field as "parent.field"), then per collection
`<collection>/removed`, `<collection>/changed` (only the fields that changed, never the count),
`<collection>/added` (whole items), `<collection>/counts` (count by `n` where the items have that small sort key,
else by id, for items whose count changed: `by` names the field). `apply_changes` is the reference reducer a
client follows; docs/protocol.md says the same in words.
"""

from __future__ import annotations

import copy
from typing import Any

COLLECTIONS = ("contributions", "questions")
COLLECTION = COLLECTIONS[0]
CHANGES = frozenset(
    {"state/set"} | {f"{c}/{kind}" for c in COLLECTIONS for kind in ("removed", "changed", "added", "counts")}
)
# Object fields small enough to diff one level down; others are replaced whole when anything in them changed.
NESTED = frozenset({"tables", "summary", "join"})


def comparable(value: Any) -> Any:
    """The value without what moves by itself: a running timer's `elapsed` is no change."""
    if isinstance(value, dict):
        running = value.get("running") is True
        return {k: comparable(v) for k, v in value.items() if not (running and k == "elapsed")}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    return value


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The fields (not the keyed lists) that differ, as `state/set` names them: "parent.field" one level down."""
    changed: dict[str, Any] = {}
    for key, value in new.items():
        if key in COLLECTIONS:
            continue
        if key in old and comparable(old[key]) == comparable(value):
            continue
        before = old.get(key)
        if (
            key in NESTED
            and isinstance(before, dict)
            and isinstance(value, dict)
            and before.keys() == value.keys()
        ):
            for sub, part in value.items():
                if comparable(before[sub]) != comparable(part):
                    changed[f"{key}.{sub}"] = part
        else:
            changed[key] = value
    return changed


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The messages that turn `old` into `new` (both whole views of one audience); [] when nothing changed."""
    messages: list[dict[str, Any]] = []
    changed_fields = field_changes(old, new)
    if changed_fields:
        messages.append({"type": "state/set", "set": changed_fields})
    for collection in COLLECTIONS:
        if collection in old or collection in new:
            messages += _collection_diff(collection, old.get(collection) or (), new.get(collection) or ())
    return messages


def _collection_diff(collection: str, old: Any, new: Any) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    before = {item["id"]: item for item in old}
    after = {item["id"]: item for item in new}
    removed = [cid for cid in before if cid not in after]
    if removed:
        messages.append({"type": f"{collection}/removed", "ids": removed})
    changed: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    added: list[dict[str, Any]] = []
    # A count batch names items by their small `n` where they have one: "57":3 instead of "c-2f..(22)":3.
    by = "n" if after and all("n" in item for item in after.values()) else "id"
    for cid, item in after.items():
        was = before.get(cid)
        if was is None:
            added.append(item)
            continue
        fields = {k: v for k, v in item.items() if k != "count" and was.get(k) != v}
        if fields:
            changed.append({"id": cid, **fields})
        if was.get("count") != item.get("count"):
            counts[str(item[by])] = item["count"]
    if changed:
        messages.append({"type": f"{collection}/changed", "items": changed})
    if added:
        messages.append({"type": f"{collection}/added", "items": added})
    if counts:
        messages.append({"type": f"{collection}/counts", "by": by, "counts": counts})
    return messages


def apply_changes(view: dict[str, Any], message: dict[str, Any]) -> None:
    """Apply one change message to a whole view, in place, as a client does (items keep their order of arrival)."""
    kind = message["type"]
    if kind == "state/set":
        for path, value in message["set"].items():
            parent, _, field = path.partition(".")
            if field:
                view[parent][field] = value
            else:
                view[parent] = value
        return
    collection, _, change = kind.partition("/")
    if collection not in COLLECTIONS:
        raise ValueError(f"not a change message: {kind}")
    items: list[dict[str, Any]] = view.setdefault(collection, [])
    if change == "removed":
        gone = set(message["ids"])
        view[collection] = [item for item in items if item["id"] not in gone]
    elif change == "changed":
        by_id = {item["id"]: item for item in items}
        for update in message["items"]:
            by_id[update["id"]].update(update)
    elif change == "added":
        items.extend(dict(item) for item in message["items"])
    elif change == "counts":
        by = message.get("by", "id")
        for item in items:
            key = str(item.get(by))
            if key in message["counts"]:
                item["count"] = message["counts"][key]
    else:
        raise ValueError(f"not a change message: {kind}")


class Mirror:
    """A client's copy of its view, kept up by the wire: a reset replaces it, changes apply in `seq` order.

    After a gap in `seq` it takes no changes until the next reset (`needs_reset`: the client asks with
    `state/resync`). A `state/update` (the whole-view protocol before changes) counts as a reset.
    """

    def __init__(self) -> None:
        self.view: dict[str, Any] | None = None
        self.seq: int | None = None
        self.stream: str | None = None  # the stream the view belongs to (a reset names it)
        self.needs_reset = False
        self.gaps = 0

    def take(self, message: dict[str, Any]) -> bool:
        """Apply one message; True when the view changed."""
        kind = message.get("type")
        if kind in ("state/reset", "state/update"):
            self.view = copy.deepcopy(message["state"])
            self.seq = message.get("seq")
            self.stream = message.get("stream")
            self.needs_reset = False
            return True
        if kind not in CHANGES:
            return False
        if self.view is None or self.needs_reset or message.get("seq") != (self.seq or 0) + 1:
            if not self.needs_reset:
                self.gaps += 1
            self.needs_reset = True
            return False
        apply_changes(self.view, message)
        self.seq = message["seq"]
        return True

    def resume(self) -> dict[str, Any] | None:
        """What to put in a new connection's hello as `resume`, so the hub sends only what was missed."""
        if self.view is None or self.needs_reset or self.stream is None or self.seq is None:
            return None
        return {"stream": self.stream, "seq": self.seq}
