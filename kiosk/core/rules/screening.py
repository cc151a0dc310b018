"""Moderation of any text from the room: the full name check's findings, and reviewing comments and notes.

Every text the room writes is screened by `kiosk.core.moderation.screen` when it comes in (our own rules), and
again by the full name check once that is ready (`moderation/screen`, sent by kiosk/namecheck/service.py with what
deduce found). Contributions keep their own status (pending, approved, hidden); texts without one (rating and choice
comments, table notes, and whatever a rule module registers with `register_target`) carry a `Review`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderation import Span, redact, screen, spans_field
from kiosk.core.questions import questions_of
from kiosk.core.rules.contributions import needs_confirmation, redaction_lang
from kiosk.core.rules.registry import STEERING, Context, rule
from kiosk.core.state import Review, SessionState
from kiosk.core.tables import tables_of

SYSTEM = frozenset({"system"})


@dataclass(frozen=True)
class Target:
    """A kind of text with a Review: how to find one by its id, read its text and change it."""

    find: Callable[[SessionState, str], Any]  # the item or None
    text: Callable[[Any], str]
    set_text: Callable[[Any, str], None]
    review: Callable[[Any], Review]
    ids: Callable[[SessionState], Iterator[str]]  # all of this kind, for the check after the name check loads


TARGETS: dict[str, Target] = {}
# Event types that bring new text, and which (target, id) each brought: the full name check looks at those.
NEW_TEXT: dict[str, Callable[[Event], list[tuple[str, str]]]] = {}


def register_target(
    kind: str, target: Target, new_text: dict[str, Callable[[Event], list[tuple[str, str]]]]
) -> None:
    """Let a rule module's texts be screened and reviewed like comments and notes (e.g. parents' questions)."""
    TARGETS[kind] = target
    NEW_TEXT.update(new_text)


# --- comments on rating and choice questions: id "<prompt>/<device>" -------------------------------------------


def comment_id(prompt: str, device: str) -> str:
    return f"{prompt}/{device}"


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


TARGETS["comment"] = Target(
    _find_comment, lambda r: r.comment, _set_comment, lambda r: r.review, _comment_ids
)
NEW_TEXT["response/set"] = lambda e: (
    [("comment", comment_id(e.data["prompt"], e.data["device"]))] if e.data.get("comment") else []
)


# --- the theme tables' notes ------------------------------------------------------------------------------------


def _find_note(state: SessionState, ident: str) -> Any:
    found = tables_of(state).find_note(ident)
    return found[1] if found else None


def _note_ids(state: SessionState) -> Iterator[str]:
    for table in tables_of(state).tables:
        for note in table.notes:
            yield note.id


def _set_note(note: Any, text: str) -> None:
    note.text = text


TARGETS["note"] = Target(_find_note, lambda n: n.text, _set_note, lambda n: n.review, _note_ids)
NEW_TEXT["table/note/add"] = lambda e: [("note", e.data["id"])]
NEW_TEXT["table/note/edit"] = lambda e: [("note", e.data["id"])]
NEW_TEXT["contribution/add"] = lambda e: [("contribution", e.data["id"])]
NEW_TEXT["question/add"] = lambda e: [("question", e.data["id"])]

# Texts with a status of their own (pending, approved, hidden) rather than a Review: answers and questions.
OWN_STATUS: dict[str, Callable[[SessionState, str], Any]] = {
    "contribution": lambda state, ident: state.contributions.get(ident),
    "question": lambda state, ident: questions_of(state).questions.get(ident),
}


def text_of(state: SessionState, target: str, ident: str) -> str | None:
    """The current text of a screened item, or None when it is gone."""
    if target in OWN_STATUS:
        item = OWN_STATUS[target](state, ident)
        return item.text if item is not None else None
    kind = TARGETS.get(target)
    item = kind.find(state, ident) if kind else None
    return kind.text(item) if kind and item is not None else None


def unscreened(state: SessionState) -> list[tuple[str, str]]:
    """Everything the full name check has not looked at yet: what came in while it was loading."""
    todo = [
        ("contribution", c.id) for c in state.contributions.values() if not c.screened and not c.withdrawn
    ]
    todo += [("question", q.id) for q in questions_of(state).questions.values() if not q.screened]
    for kind, target in TARGETS.items():
        todo += [(kind, i) for i in target.ids(state) if not target.review(target.find(state, i)).screened]
    return todo


def _target(data: dict[str, Any]) -> tuple[str, str]:
    target, ident = data.get("target"), data.get("id")
    if target not in OWN_STATUS and target not in TARGETS:
        kinds = ", ".join([*OWN_STATUS, *TARGETS])
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
    if target in OWN_STATUS:
        own = OWN_STATUS[target](state, ident)
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
def _apply_screen(state: SessionState, event: Event) -> None:
    for item in event.data["items"]:
        _apply_screened(state, item, event.seq)


def _apply_screened(state: SessionState, d: dict[str, Any], seq: int) -> None:
    if d["target"] in OWN_STATUS:
        c = OWN_STATUS[d["target"]](state, d["id"])
        c.screened = True
        c.spans = list(d["spans"])
        if d["hold"]:
            c.held_reason = d["held"]
            c.status = "pending"
            c.auto = False
            if d["target"] == "contribution":
                c.pinned = False
        elif d["approve"]:
            c.status = "approved"
            c.auto = False
            if d["target"] == "contribution":
                c.approved_seq = seq
        elif c.held_reason is None and c.status == "pending":
            c.held_reason = d["held"]
        return
    kind = TARGETS[d["target"]]
    review = kind.review(kind.find(state, d["id"]))
    review.screened = True
    review.spans = list(d["spans"])
    if d["hold"]:
        review.state = "held"
        review.held_reason = d["held"]


def _reviewed(state: SessionState, data: dict[str, Any]) -> tuple[Target, Any, Review]:
    target, ident = _target(data)
    if target in OWN_STATUS:
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
    if review.state == "held":
        needs_confirmation(cmd, review.held_reason)
    return {"target": cmd.data["target"], "id": cmd.data["id"], "by": cmd.actor.kind}


@_check_approve.applies
def _apply_approve(state: SessionState, event: Event) -> None:
    _, _, review = _reviewed(state, event.data)
    review.state = "approved"
    review.by = event.data["by"]


@rule("moderation/hide", actors=STEERING)
def _check_hide(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _, _, review = _reviewed(state, cmd.data)
    if review.state == "hidden":
        return None
    return {"target": cmd.data["target"], "id": cmd.data["id"], "by": cmd.actor.kind}


@_check_hide.applies
def _apply_hide(state: SessionState, event: Event) -> None:
    _, _, review = _reviewed(state, event.data)
    review.state = "hidden"
    review.by = event.data["by"]


@rule("moderation/redact", actors=STEERING)
def _check_redact(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    kind, item, review = _reviewed(state, cmd.data)
    if not review.spans:
        raise CommandError("nothing_to_redact", "moderation found nothing to replace in this text")
    text = redact(kind.text(item), map(Span.from_json, review.spans), redaction_lang(cmd.data))
    return {"target": cmd.data["target"], "id": cmd.data["id"], "text": text, "by": cmd.actor.kind}


@_check_redact.applies
def _apply_redact(state: SessionState, event: Event) -> None:
    kind, item, review = _reviewed(state, event.data)
    kind.set_text(item, event.data["text"])
    review.spans = []
    review.state = "approved"
    review.by = event.data["by"]


def held_texts(state: SessionState) -> list[tuple[str, str, str, Review]]:
    """Comments, notes and other reviewed texts waiting for a person: (target, id, text, review)."""
    out = []
    for kind, target in TARGETS.items():
        for ident in target.ids(state):
            item = target.find(state, ident)
            review = target.review(item)
            if review.held:
                out.append((kind, ident, target.text(item), review))
    return out
