"""Moderation of any text from the room: the full name check's findings, and reviewing comments and notes.

Every text the room writes is screened by `kiosk.core.moderation.screen` when it comes in (our own rules), and
again by the full name check once that is ready (`moderation/screen`, sent by kiosk/namecheck/service.py with what
deduce found). Answers and questions keep their own status (pending, approved, hidden: kiosk/core/rules/moderated.py);
texts without one (rating and choice comments, table notes) carry a `Review`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderated import Moderated
from kiosk.core.moderation import Span, redact, screen, spans_field
from kiosk.core.rules.moderated import KINDS, confirmed, redaction_lang
from kiosk.core.rules.prompts import comment_id
from kiosk.core.rules.registry import STEERING, Context, rule
from kiosk.core.state import Review, SessionState

SYSTEM = frozenset({"system"})


@dataclass(frozen=True)
class Target:
    """A kind of text with a Review: how to find one by its id, read its text and change it."""

    find: Callable[[SessionState, str], Any]  # the item or None
    text: Callable[[Any], str]
    set_text: Callable[[Any, str], None]
    review: Callable[[Any], Review]
    ids: Callable[[SessionState], Iterator[str]]  # all of this kind, for the check after the name check loads
    changed: Callable[[SessionState, str], Changes]  # what a change of its review changes besides the review


TARGETS: dict[str, Target] = {}


# --- comments on rating and choice questions: id "<prompt>/<device>" -------------------------------------------


def _find_comment(state: SessionState, ident: str) -> Any:
    prompt, _, device = ident.partition("/")
    response = state.responses.get(prompt, {}).get(device)
    return response if response is not None and response.comment else None


def _comment_ids(state: SessionState) -> Iterator[str]:
    for prompt, answers in state.responses.items():
        for device, response in answers.items():
            if response.comment:
                yield comment_id(prompt, device)


def _set_comment(response: Any, text: str) -> None:
    response.comment = text


def _comment_changed(state: SessionState, ident: str) -> Changes:
    prompt, _, device = ident.partition("/")
    return Changes(responses=one(prompt), devices=one(device))


TARGETS["comment"] = Target(
    _find_comment, lambda r: r.comment, _set_comment, lambda r: r.review, _comment_ids, _comment_changed
)


# --- the theme tables' notes ------------------------------------------------------------------------------------


def _find_note(state: SessionState, ident: str) -> Any:
    found = state.tables.find_note(ident)
    return found[1] if found else None


def _note_ids(state: SessionState) -> Iterator[str]:
    for table in state.tables.tables:
        for note in table.notes:
            yield note.id


def _set_note(note: Any, text: str) -> None:
    note.text = text


def _note_changed(state: SessionState, ident: str) -> Changes:
    found = state.tables.find_note(ident)
    return Changes(tables=frozenset({found[0].number})) if found else Changes()


TARGETS["note"] = Target(
    _find_note, lambda n: n.text, _set_note, lambda n: n.review, _note_ids, _note_changed
)


def _own_status(state: SessionState, target: str, ident: str) -> Moderated | None:
    """An answer or question (texts with a status of their own rather than a Review), or None."""
    return KINDS[target].items(state).get(ident)


def text_of(state: SessionState, target: str, ident: str) -> str | None:
    """The current text of a screened item, or None when it is gone."""
    if target in KINDS:
        item = _own_status(state, target, ident)
        return item.text if item is not None else None
    kind = TARGETS.get(target)
    item = kind.find(state, ident) if kind else None
    return kind.text(item) if kind and item is not None else None


def unscreened(state: SessionState) -> list[tuple[str, str]]:
    """Everything the full name check has not looked at yet: what came in while it was loading."""
    todo = [
        (name, item.id)
        for name, kind in KINDS.items()
        for item in kind.items(state).values()
        if not item.screened and not getattr(item, "withdrawn", False)
    ]
    for kind, target in TARGETS.items():
        todo += [(kind, i) for i in target.ids(state) if not target.review(target.find(state, i)).screened]
    return todo


def _target(data: dict[str, Any]) -> tuple[str, str]:
    target, ident = data.get("target"), data.get("id")
    if target not in KINDS and target not in TARGETS:
        kinds = ", ".join([*KINDS, *TARGETS])
        raise CommandError("bad_request", f"'target' is one of {kinds}", field="target")
    if not isinstance(ident, str):
        raise CommandError("bad_request", "'id' names the text", field="id")
    return str(target), ident


MAX_SCREENED = 256  # findings in one moderation/screen: one write to the log for a burst of answers


@rule("moderation/screen", actors=SYSTEM)
def _check_screen(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """What the full name check found in a batch of texts: each is held if nobody has reviewed it yet.

    `items` lists {target, id, text, spans}; one event for the batch keeps the log's writes few at 200 answers a
    second. Texts gone or changed since they were sent to the check are left out (a change is checked on its own).
    """
    items = cmd.data.get("items")
    if (
        not isinstance(items, list)
        or len(items) > MAX_SCREENED
        or not all(isinstance(i, dict) for i in items)
    ):
        raise CommandError("bad_request", f"'items' lists at most {MAX_SCREENED} findings", field="items")
    out = [found for item in items if (found := _screened(state, item)) is not None]
    return {"items": out} if out else None


def _screened(state: SessionState, item: dict[str, Any]) -> dict[str, Any] | None:
    target, ident = _target(item)
    current = text_of(state, target, ident)
    if current is None or current != item.get("text"):
        return None
    try:
        found = spans_field(item.get("spans"), current)
    except (TypeError, ValueError) as exc:
        raise CommandError("bad_request", str(exc), field="spans") from None
    screening = screen(current, found)
    data: dict[str, Any] = {
        "target": target,
        "id": ident,
        "held": screening.reason,
        "spans": screening.spans_json(),
    }
    if target in KINDS:
        own = _own_status(state, target, ident)
        assert own is not None  # text_of found it
        if own.screened:
            return None
        reviewed = own.approved_by is not None or own.status == "hidden"
        data["hold"] = screening.reason is not None and not reviewed
        data["approve"] = screening.reason is None and own.auto and own.status == "pending"
        return data
    kind = TARGETS[target]
    review = kind.review(kind.find(state, ident))
    if review.screened:
        return None
    data["hold"] = screening.reason is not None and review.state == "ok"
    return data


@_check_screen.applies
def _apply_screen(state: SessionState, event: Event) -> Changes:
    changes = Changes(screened=True)
    for item in event.data["items"]:
        changes |= _apply_screened(state, item, event.seq)
    return changes


def _apply_screened(state: SessionState, d: dict[str, Any], seq: int) -> Changes:
    if d["target"] in KINDS:
        kind = KINDS[d["target"]]
        c = kind.items(state)[d["id"]]
        c.screened = True
        c.spans = list(d["spans"])
        if d["hold"]:
            c.held_reason = d["held"]
            c.status = "pending"
            c.auto = False
            c.pinned = False
        elif d["approve"]:
            c.status = "approved"
            c.auto = False
            c.approved_seq = seq
        elif c.held_reason is None and c.status == "pending":
            c.held_reason = d["held"]
        return kind.changed(one(c.id))
    target = TARGETS[d["target"]]
    review = target.review(target.find(state, d["id"]))
    review.screened = True
    review.spans = list(d["spans"])
    if d["hold"]:
        review.state = "held"
        review.held_reason = d["held"]
    return _review_changed(state, d)


def _review_changed(state: SessionState, data: dict[str, Any]) -> Changes:
    target = TARGETS[data["target"]]
    reviewed = Changes(reviews=frozenset({(data["target"], data["id"])}))
    return reviewed | target.changed(state, data["id"])


def _reviewed(state: SessionState, data: dict[str, Any]) -> tuple[Target, Any, Review]:
    target, ident = _target(data)
    if target in KINDS:
        raise CommandError("bad_request", f"{target}s have {target}/approve, /hide and /redact")
    kind = TARGETS[target]
    item = kind.find(state, ident)
    if item is None:
        raise CommandError("unknown_text", "there is no such text")
    return kind, item, kind.review(item)


@rule("moderation/approve", actors=STEERING)
def _check_approve(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _, _, review = _reviewed(state, cmd.data)
    if review.shown:
        return None
    confirmed(cmd, review)
    return {"target": cmd.data["target"], "id": cmd.data["id"], "by": cmd.actor.kind}


@_check_approve.applies
def _apply_approve(state: SessionState, event: Event) -> Changes:
    _, _, review = _reviewed(state, event.data)
    review.state = "approved"
    review.by = event.data["by"]
    return _review_changed(state, event.data)


@rule("moderation/hide", actors=STEERING)
def _check_hide(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _, _, review = _reviewed(state, cmd.data)
    if review.state == "hidden":
        return None
    return {"target": cmd.data["target"], "id": cmd.data["id"], "by": cmd.actor.kind}


@_check_hide.applies
def _apply_hide(state: SessionState, event: Event) -> Changes:
    _, _, review = _reviewed(state, event.data)
    review.state = "hidden"
    review.by = event.data["by"]
    return _review_changed(state, event.data)


@rule("moderation/redact", actors=STEERING)
def _check_redact(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    kind, item, review = _reviewed(state, cmd.data)
    if not review.spans:
        raise CommandError("nothing_to_redact", "moderation found nothing to replace in this text")
    text = redact(kind.text(item), map(Span.from_json, review.spans), redaction_lang(cmd.data))
    return {"target": cmd.data["target"], "id": cmd.data["id"], "text": text, "by": cmd.actor.kind}


@_check_redact.applies
def _apply_redact(state: SessionState, event: Event) -> Changes:
    kind, item, review = _reviewed(state, event.data)
    kind.set_text(item, event.data["text"])
    review.spans = []
    review.state = "approved"
    review.by = event.data["by"]
    return _review_changed(state, event.data)
