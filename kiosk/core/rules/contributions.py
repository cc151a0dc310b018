"""What people say: adding, moderating, recognising, merging and taking back contributions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kiosk.catalog import FULL_LANGUAGES, catalog
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderation import Span, redact, screen
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.prompts import prompt_field
from kiosk.core.rules.registry import EVERYONE, Context, field_bool, rule
from kiosk.core.state import SOURCES, Contribution, SessionState
from kiosk.core.text import MAX_CONTRIBUTION, clean_text, shortened, text_size

CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_TAGS = 8
MAX_TAG_LEN = 40
# Answers of one phone waiting for the facilitator: a lively parent has a few; a script has thousands.
MAX_PENDING = 10


def cleaned_contribution_text(data: dict[str, Any]) -> str:
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
class FirstStatus:
    """How room text starts: its status, why moderation holds it (None: it may pass), what was found, and
    whether auto-approve waits for the full name check before showing it."""

    status: str
    reason: str | None
    spans: list[list[Any]]
    auto: bool


def first_status(state: SessionState, text: str, *, by_phone: bool, ctx: Context) -> FirstStatus:
    """The status room text starts with. Answers and questions to the school share this: held text waits even
    with auto-approve on; auto-approve waits for the full name check when it is ready (a few milliseconds), so a
    name never flashes up; what the facilitator types in is approved by typing it."""
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


def existing(state: SessionState, data: dict[str, Any]) -> Contribution:
    contribution = state.contributions.get(data.get("id"))  # type: ignore[arg-type]
    if contribution is None:
        raise CommandError("unknown_contribution", "there is no such contribution")
    return contribution


@rule("contribution/add", actors=EVERYONE)
def _check_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    client_id = cmd.data.get("id")
    if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
        raise CommandError("bad_request", "a contribution needs an id of letters, digits, - or _", field="id")
    by_phone = not cmd.actor.steers
    device = device_of(cmd) if by_phone else None
    known = state.contributions.get(client_id)
    if known is not None:
        if known.device == device:
            return None  # a resend after a reconnect: stored once
        raise CommandError("id_taken", "that id is already used")
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")
    text = cleaned_contribution_text(cmd.data)
    if by_phone:
        if device not in state.devices:
            raise CommandError("not_joined", "this phone has not joined the evening")
        prompt_id: str | None = prompt_field(state, cmd.data) if "prompt" in cmd.data else state.open_prompt
        if prompt_id is None or prompt_id != state.open_prompt:
            raise CommandError("prompt_closed", "this question is closed")
        prompt = state.agenda.prompt(prompt_id)
        if prompt is None or prompt.kind != "open":
            raise CommandError("wrong_prompt_kind", "this question takes a rating or a choice")
        waiting = sum(1 for cid in state.own.get(device, ()) if _waits(state.contributions[cid]))
        if waiting >= MAX_PENDING:
            raise CommandError(
                "too_many_pending",
                f"{MAX_PENDING} of your answers are still waiting for the facilitator; send more once they are read",
                max=MAX_PENDING,
            )
        source = "phone"
        role = state.devices[device].role
        lang: str | None = state.devices[device].lang
    else:
        prompt_id = prompt_field(state, cmd.data) if cmd.data.get("prompt") else state.open_prompt
        source = cmd.data.get("source", "paper")
        if source not in SOURCES or source == "phone":
            raise CommandError("bad_request", "source must be 'paper' or 'spoken'", field="source")
        role = cmd.data.get("role") or None
        lang = None
        if role not in (None, "parent", "staff"):
            raise CommandError("bad_role", "role must be 'parent' or 'staff'")
    first = first_status(state, text, by_phone=by_phone, ctx=ctx)
    block = state.agenda.block_of_prompt(prompt_id) if prompt_id else None
    return {
        "id": client_id,
        "prompt": prompt_id,
        "block": block.index if block else state.current,
        "text": text,
        "device": device,
        "role": role,
        "source": source,
        "status": first.status,
        "held": first.reason,
        "lang": lang,
        "spans": first.spans,
        "auto": first.auto,
    }


def _waits(contribution: Contribution) -> bool:
    """Waiting for the facilitator: not yet approved or hidden, and still standing on its own."""
    return (
        contribution.status == "pending" and not contribution.withdrawn and contribution.merged_into is None
    )


@_check_add.applies
def _apply_add(state: SessionState, event: Event) -> None:
    d = event.data
    state.contributions[d["id"]] = Contribution(
        id=d["id"],
        prompt_id=d["prompt"],
        block_index=d["block"],
        text=d["text"],
        at=event.at,
        source=d["source"],
        device=d["device"],
        role=d["role"],
        status=d["status"],
        held_reason=d["held"],
        spans=list(d.get("spans", [])),
        auto=d.get("auto", False),
        approved_seq=event.seq if d["status"] == "approved" else 0,
        lang=d.get("lang"),  # evenings stored before the language was noted have none
    )
    if d["device"] is not None:
        state.own.setdefault(d["device"], []).append(d["id"])


def needs_confirmation(cmd: Command, held_reason: str | None) -> None:
    """Approving a held text unchanged is a choice made twice: the command carries `confirm: true`."""
    if held_reason is not None and cmd.data.get("confirm") is not True:
        raise CommandError(
            "confirm_needed",
            f"this was held because it {catalog('en')(f'held.{held_reason}')}; approve it anyway?",
            reason=held_reason,
        )


@rule("contribution/approve")
def _check_approve(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = existing(state, cmd.data)
    if contribution.status == "approved":
        return None
    if contribution.status == "pending" and not contribution.changed:
        needs_confirmation(cmd, contribution.held_reason)
    return {"id": contribution.id, "by": cmd.actor.kind}


@_check_approve.applies
def _apply_approve(state: SessionState, event: Event) -> None:
    contribution = state.contributions[event.data["id"]]
    contribution.status = "approved"
    contribution.auto = False
    contribution.approved_seq = event.seq
    if contribution.held_reason is not None:
        contribution.approved_by = event.data.get("by", "facilitator")


def _status_rule(type_: str, status: str) -> None:
    @rule(type_)
    def check(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        contribution = existing(state, cmd.data)
        if contribution.status == status:
            return None
        return {"id": contribution.id}

    @check.applies
    def apply(state: SessionState, event: Event) -> None:
        contribution = state.contributions[event.data["id"]]
        contribution.status = status
        contribution.pinned = False
        contribution.auto = False


_status_rule("contribution/hide", "hidden")
_status_rule("contribution/pend", "pending")


def redaction_lang(data: dict[str, Any]) -> str:
    lang = data.get("lang", "nl")
    if lang not in FULL_LANGUAGES:
        raise CommandError("bad_request", "'lang' is nl or en", field="lang")
    return str(lang)


@rule("contribution/redact")
def _check_redact(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """Replace what moderation found with "[naam]", "[adres]"... and approve, in one step."""
    contribution = existing(state, cmd.data)
    if not contribution.spans:
        raise CommandError("nothing_to_redact", "moderation found nothing to replace in this text")
    text = redact(contribution.text, map(Span.from_json, contribution.spans), redaction_lang(cmd.data))
    return {"id": contribution.id, "text": text, "by": cmd.actor.kind}


@_check_redact.applies
def _apply_redact(state: SessionState, event: Event) -> None:
    contribution = state.contributions[event.data["id"]]
    contribution.text = event.data["text"]
    contribution.spans = []
    contribution.changed = True
    contribution.auto = False
    contribution.approved_by = event.data["by"]
    if contribution.status != "approved":
        contribution.status = "approved"
        contribution.approved_seq = event.seq


@rule("contribution/pin")
def _check_pin(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = existing(state, cmd.data)
    pinned = field_bool(cmd.data, "pinned", default=True)
    if pinned and contribution.status != "approved":
        raise CommandError("not_approved", "approve a contribution before pinning it")
    return None if contribution.pinned == pinned else {"id": contribution.id, "pinned": pinned}


@_check_pin.applies
def _apply_pin(state: SessionState, event: Event) -> None:
    state.contributions[event.data["id"]].pinned = event.data["pinned"]


@rule("contribution/tag")
def _check_tag(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = existing(state, cmd.data)
    tags = cmd.data.get("tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise CommandError("bad_request", "'tags' must be a list of words", field="tags")
    cleaned: list[str] = []
    for tag in tags:
        tag = shortened(clean_text(tag).replace("\n", " "), MAX_TAG_LEN)
        if tag and tag not in cleaned:
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise CommandError("too_many_tags", f"at most {MAX_TAGS} tags", max=MAX_TAGS)
    return None if cleaned == contribution.tags else {"id": contribution.id, "tags": cleaned}


@_check_tag.applies
def _apply_tag(state: SessionState, event: Event) -> None:
    state.contributions[event.data["id"]].tags = list(event.data["tags"])


@rule("contribution/edit")
def _check_edit(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = existing(state, cmd.data)
    text = cleaned_contribution_text(cmd.data)
    return None if text == contribution.text else {"id": contribution.id, "text": text}


@_check_edit.applies
def _apply_edit(state: SessionState, event: Event) -> None:
    contribution = state.contributions[event.data["id"]]
    contribution.text = event.data["text"]
    contribution.spans = []  # found in the text before the facilitator changed it
    contribution.changed = True


@rule("contribution/merge")
def _check_merge(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    duplicate = existing(state, cmd.data)
    target = state.contributions.get(cmd.data.get("into"))  # type: ignore[arg-type]
    if target is None:
        raise CommandError("unknown_contribution", "there is no contribution to merge into")
    if target.id == duplicate.id or target.merged_into is not None:
        raise CommandError("bad_merge", "merge into another contribution that stands on its own")
    if state.duplicates.get(duplicate.id):
        raise CommandError("bad_merge", "this contribution has duplicates merged into it; merge those first")
    return None if duplicate.merged_into == target.id else {"id": duplicate.id, "into": target.id}


@_check_merge.applies
def _apply_merge(state: SessionState, event: Event) -> None:
    duplicate = state.contributions[event.data["id"]]
    if duplicate.merged_into is not None:
        state.duplicates[duplicate.merged_into].remove(duplicate.id)
    duplicate.merged_into = event.data["into"]
    duplicate.pinned = False
    state.duplicates.setdefault(event.data["into"], []).append(duplicate.id)


@rule("contribution/endorse", actors=EVERYONE)
def _check_endorse(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    contribution = existing(state, cmd.data)
    on = field_bool(cmd.data, "on", default=True)
    if not contribution.visible:
        raise CommandError("unknown_contribution", "there is no such contribution")
    if not state.recognition_open or contribution.prompt_id != state.open_prompt:
        raise CommandError("recognition_closed", "recognising answers is not open now")
    if contribution.device == device:
        raise CommandError("own_contribution", "you cannot recognise your own contribution")
    if (device in contribution.endorsements) == on:
        return None
    return {"id": contribution.id, "device": device, "on": on}


@_check_endorse.applies
def _apply_endorse(state: SessionState, event: Event) -> None:
    endorsements = state.contributions[event.data["id"]].endorsements
    mine = state.endorsed.setdefault(event.data["device"], set())
    if event.data["on"]:
        endorsements.add(event.data["device"])
        mine.add(event.data["id"])
    else:
        endorsements.discard(event.data["device"])
        mine.discard(event.data["id"])


@rule("contribution/withdraw", actors=EVERYONE)
def _check_withdraw(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = existing(state, cmd.data)
    if not cmd.actor.steers and contribution.device != device_of(cmd):
        raise CommandError("not_yours", "you can only take back your own contributions")
    return None if contribution.withdrawn else {"id": contribution.id}


@_check_withdraw.applies
def _apply_withdraw(state: SessionState, event: Event) -> None:
    contribution = state.contributions[event.data["id"]]
    contribution.withdrawn = True
    contribution.pinned = False


@rule("settings/auto_approve")
def _check_auto(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "on")
    return None if on == state.auto_approve else {"on": on}


@_check_auto.applies
def _apply_auto(state: SessionState, event: Event) -> None:
    state.auto_approve = event.data["on"]
