"""One set of rules for every text the room writes that has a status: answers and questions to the school.

A `Kind` says where one kind of item lives in the state and how its changes are named; `register_moderation`
registers `<kind>/approve`, `/hide`, `/pend`, `/redact` and `/edit` for it, and the checks below do the parts of
adding and voting both kinds share. What differs stays with the kind's own module (kiosk/core/rules/contributions.py,
kiosk/core/rules/questions.py): which question an answer belongs to, merging, the evening's cap on questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from kiosk.catalog import catalog, languages
from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderated import Contribution, Moderated, Question, Review
from kiosk.core.moderation import Span, redact, screen
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.registry import Context, rule
from kiosk.core.state import SessionState
from kiosk.core.text import MAX_CONTRIBUTION, clean_text, text_size

CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Texts of one phone waiting for the facilitator: a lively parent has a few; a script has thousands.
MAX_PENDING = 10

Item = TypeVar("Item", bound=Moderated)


@dataclass(frozen=True)
class Kind(Generic[Item]):
    """Where one kind of moderated item lives, and how the core names what changed about it."""

    name: str  # the commands' prefix: "contribution", "question"
    items: Callable[[SessionState], dict[str, Item]]
    own: Callable[[SessionState], dict[str, list[str]]]  # device -> ids of its items
    voted: Callable[[SessionState], dict[str, set[str]]]  # device -> ids it backs
    changed: Callable[[frozenset[str]], Changes]  # the items themselves changed
    counted: Callable[[frozenset[str]], Changes]  # only who backs them changed
    unknown: str  # the refusal code for an id that names nothing

    def existing(self, state: SessionState, data: dict[str, Any]) -> Item:
        item = self.items(state).get(data.get("id"))  # type: ignore[arg-type]
        if item is None:
            raise CommandError(self.unknown, f"there is no such {self.name}")
        return item


ANSWERS: Kind[Contribution] = Kind(
    "contribution",
    lambda s: s.contributions,
    lambda s: s.own,
    lambda s: s.endorsed,
    lambda ids: Changes(answers=ids),
    lambda ids: Changes(recognitions=ids),
    "unknown_contribution",
)
QUESTIONS: Kind[Question] = Kind(
    "question",
    lambda s: s.questions.items,
    lambda s: s.questions.own,
    lambda s: s.questions.voted,
    lambda ids: Changes(questions=ids),
    lambda ids: Changes(votes=ids),
    "unknown_question",
)
KINDS: dict[str, Kind[Any]] = {kind.name: kind for kind in (ANSWERS, QUESTIONS)}


# -- new text --------------------------------------------------------------------------------------------------


def cleaned_text(data: dict[str, Any]) -> str:
    """The text of a command, cleaned of control characters and trimmed; 1 to MAX_CONTRIBUTION characters."""
    raw = data.get("text")
    if not isinstance(raw, str):
        raise CommandError("bad_request", "'text' must be text", field="text")
    text = clean_text(raw)
    if not text:
        raise CommandError("empty", "write something first")
    if text_size(text) > MAX_CONTRIBUTION:
        raise CommandError(
            "too_long",
            f"at most {MAX_CONTRIBUTION} characters, please",
            max=MAX_CONTRIBUTION,
            length=text_size(text),
        )
    return text


@dataclass(frozen=True)
class NewItem:
    """What every new item's check settles first: its client-made id and the phone that sends it (None when
    the facilitator types it in)."""

    id: str
    device: str | None


def new_item(kind: Kind[Any], state: SessionState, cmd: Command) -> NewItem | None:
    """The id and sender of a new item, None for a resend of one already stored; refusals for the rest."""
    client_id = cmd.data.get("id")
    if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
        raise CommandError("bad_request", f"a {kind.name} needs an id of letters, digits, - or _", field="id")
    device = None if cmd.actor.steers else device_of(cmd)
    known = kind.items(state).get(client_id)
    if known is not None:
        if known.device == device:
            return None  # a resend after a reconnect: stored once
        raise CommandError("id_taken", "that id is already used")
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")
    if device is not None and device not in state.devices:
        raise CommandError("not_joined", "this phone has not joined the evening")
    return NewItem(client_id, device)


def waiting_of(kind: Kind[Any], state: SessionState, device: str) -> int:
    """How many of a phone's items of this kind wait for the facilitator."""
    items = kind.items(state)
    return sum(1 for ident in kind.own(state).get(device, ()) if items[ident].waits)


@dataclass(frozen=True)
class FirstStatus:
    """How room text starts: its status, why moderation holds it (None: it may pass), what was found, and
    whether auto-approve waits for the full name check before showing it."""

    status: str
    reason: str | None
    spans: list[list[Any]]
    auto: bool


def first_status(state: SessionState, text: str, *, by_phone: bool, ctx: Context) -> FirstStatus:
    """The status room text starts with: held text waits even with auto-approve on; auto-approve waits for the
    full name check when it is ready (a few milliseconds), so a name never flashes up; what the facilitator types
    in is approved by typing it."""
    screening = screen(text)
    reason = screening.reason
    auto = by_phone and state.auto_approve and reason is None and ctx.full_check
    if reason is not None or auto:
        status = "pending"
    elif not by_phone or state.auto_approve:
        status = "approved"
    else:
        status = "pending"
    return FirstStatus(status, reason, screening.spans_json(), auto)


def new_item_data(
    new: NewItem, text: str, role: str | None, first: FirstStatus, lang: str | None
) -> dict[str, Any]:
    """The event data every new item carries, whatever its kind adds."""
    return {
        "id": new.id,
        "text": text,
        "device": new.device,
        "role": role,
        "status": first.status,
        "held": first.reason,
        "spans": first.spans,
        "auto": first.auto,
        "lang": lang,
    }


def moderated_fields(event: Event) -> dict[str, Any]:
    """The fields of a new item from its event, for the kind's constructor."""
    d = event.data
    return {
        "id": d["id"],
        "n": event.seq,
        "text": d["text"],
        "at": event.at,
        "device": d["device"],
        "role": d["role"],
        "status": d["status"],
        "held_reason": d["held"],
        "spans": list(d.get("spans", [])),
        "auto": d.get("auto", False),
        "approved_seq": event.seq if d["status"] == "approved" else 0,
        "lang": d.get("lang"),  # evenings stored before the language was noted have none
    }


def store_new(kind: Kind[Item], state: SessionState, item: Item) -> Changes:
    """Put a new item in its place and its phone's index."""
    kind.items(state)[item.id] = item
    if item.device is not None:
        kind.own(state).setdefault(item.device, []).append(item.id)
    return kind.changed(one(item.id)) | Changes(new_text=frozenset({(kind.name, item.id)}))


# -- moderation ------------------------------------------------------------------------------------------------


def confirmed(cmd: Command, item: Moderated | Review) -> None:
    """Approving a held text unchanged is a choice made twice: the command carries `confirm: true`."""
    reason = item.held_reason
    if item.needs_confirmation and reason is not None and cmd.data.get("confirm") is not True:
        raise CommandError(
            "confirm_needed",
            f"this was held because it {catalog('en')(f'held.{reason}')}; approve it anyway?",
            reason=reason,
        )


def redaction_lang(data: dict[str, Any]) -> str:
    """The steering face's language: the placeholders' language when the text itself does not tell."""
    lang = data.get("lang", "nl")
    if not isinstance(lang, str) or lang not in languages():
        raise CommandError("bad_request", "'lang' is one of the page languages", field="lang")
    return lang


def redacted(text: str, spans: list[list[Any]], data: dict[str, Any], written_in: str | None = None) -> str:
    """The text with what moderation found replaced by "[naam]", "[adres]"... in the language it was written in
    (else the steering face's); refused when nothing was found."""
    if not spans:
        raise CommandError("nothing_to_redact", "moderation found nothing to replace in this text")
    hint = written_in or redaction_lang(data)
    return redact(text, map(Span.from_json, spans), hint)


def approve(item: Moderated, seq: int, by: str | None) -> None:
    """Show an item to the room: the history keeps who let a held one through."""
    item.status = "approved"
    item.auto = False
    item.approved_seq = seq
    if item.held_reason is not None:
        item.approved_by = by or "facilitator"


def register_moderation(kind: Kind[Any]) -> None:
    """`<kind>/approve`, `/hide`, `/pend`, `/redact` and `/edit`, the same for every kind of moderated item."""

    @rule(f"{kind.name}/approve")
    def check_approve(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        item = kind.existing(state, cmd.data)
        if item.status == "approved":
            return None
        confirmed(cmd, item)
        return {"id": item.id, "by": cmd.actor.kind}

    @check_approve.applies
    def apply_approve(state: SessionState, event: Event) -> Changes:
        approve(kind.items(state)[event.data["id"]], event.seq, event.data.get("by"))
        return kind.changed(one(event.data["id"]))

    for verb, status in (("hide", "hidden"), ("pend", "pending")):
        _register_status(kind, verb, status)

    @rule(f"{kind.name}/redact")
    def check_redact(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        """Replace what moderation found with "[naam]", "[adres]"... and approve, in one step."""
        item = kind.existing(state, cmd.data)
        text = redacted(
            item.text, item.spans, cmd.data, item.lang
        )  # the writer's page language, else the face's
        return {"id": item.id, "text": text, "by": cmd.actor.kind}

    @check_redact.applies
    def apply_redact(state: SessionState, event: Event) -> Changes:
        item = kind.items(state)[event.data["id"]]
        item.text = event.data["text"]
        item.spans = []
        item.changed = True
        item.auto = False
        item.approved_by = event.data["by"]
        if item.status != "approved":
            item.status = "approved"
            item.approved_seq = event.seq
        return kind.changed(one(item.id))

    @rule(f"{kind.name}/edit")
    def check_edit(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        item = kind.existing(state, cmd.data)
        text = cleaned_text(cmd.data)
        return None if text == item.text else {"id": item.id, "text": text}

    @check_edit.applies
    def apply_edit(state: SessionState, event: Event) -> Changes:
        item = kind.items(state)[event.data["id"]]
        item.text = event.data["text"]
        item.spans = []  # found in the text before the facilitator changed it
        item.changed = True
        return kind.changed(one(item.id))


def _register_status(kind: Kind[Any], verb: str, status: str) -> None:
    @rule(f"{kind.name}/{verb}")
    def check(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        item = kind.existing(state, cmd.data)
        return None if item.status == status else {"id": item.id}

    @check.applies
    def apply(state: SessionState, event: Event) -> Changes:
        item = kind.items(state)[event.data["id"]]
        item.status = status
        item.pinned = False
        item.auto = False
        return kind.changed(one(item.id))


# -- backing: recognitions and upvotes ---------------------------------------------------------------------------


def vote_data(item: Moderated, device: str, on: bool) -> dict[str, Any] | None:
    """A phone backs an item or takes that back: never its own; a repeat changes nothing."""
    if (device in item.votes) == on:
        return None  # once per phone: a resend, or a second tap from another tab, changes nothing
    return {"id": item.id, "device": device, "on": on}


def apply_vote(kind: Kind[Any], state: SessionState, event: Event) -> Changes:
    votes = kind.items(state)[event.data["id"]].votes
    mine = kind.voted(state).setdefault(event.data["device"], set())
    if event.data["on"]:
        votes.add(event.data["device"])
        mine.add(event.data["id"])
    else:
        votes.discard(event.data["device"])
        mine.discard(event.data["id"])
    return kind.counted(one(event.data["id"])) | Changes(devices=one(event.data["device"]))


def own_item(cmd: Command, item: Moderated, code: str, english: str) -> None:
    """Refuse a phone backing what it wrote itself."""
    if item.device is not None and item.device == device_of(cmd):
        raise CommandError(code, english)
