"""Answers to the agenda's questions: adding, pinning, tagging, recognising, merging and taking them back.

Approving, hiding, pending, redacting and editing are the moderated items' shared rules (kiosk/core/rules/moderated.py).
"""

from __future__ import annotations

from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderated import SOURCES, Contribution
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.moderated import (
    ANSWERS,
    MAX_PENDING,
    cleaned_text,
    first_status,
    moderated_fields,
    new_item,
    new_item_data,
    own_item,
    register_moderation,
    store_new,
    vote_data,
    waiting_of,
)
from kiosk.core.rules.moderated import apply_vote as _apply_vote
from kiosk.core.rules.prompts import prompt_field
from kiosk.core.rules.registry import EVERYONE, Context, field_bool, rule
from kiosk.core.state import SessionState
from kiosk.core.text import clean_text, shortened

__all__ = ["MAX_PENDING", "MAX_TAGS"]

MAX_TAGS = 8
MAX_TAG_LEN = 40

register_moderation(ANSWERS)


@rule("contribution/add", actors=EVERYONE)
def _check_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    new = new_item(ANSWERS, state, cmd)
    if new is None:
        return None
    text = cleaned_text(cmd.data)
    lang: str | None = None
    if new.device is not None:
        prompt_id: str | None = prompt_field(state, cmd.data) if "prompt" in cmd.data else state.open_prompt
        if prompt_id is None or prompt_id != state.open_prompt:
            raise CommandError("prompt_closed", "this question is closed")
        prompt = state.agenda.prompt(prompt_id)
        if prompt is None or prompt.kind != "open":
            raise CommandError("wrong_prompt_kind", "this question takes a rating or a choice")
        if waiting_of(ANSWERS, state, new.device) >= MAX_PENDING:
            raise CommandError(
                "too_many_pending",
                f"{MAX_PENDING} of your answers are still waiting for the facilitator; send more once they are read",
                max=MAX_PENDING,
            )
        source = "phone"
        role = state.devices[new.device].role
        lang = state.devices[new.device].lang
    else:
        prompt_id = prompt_field(state, cmd.data) if cmd.data.get("prompt") else state.open_prompt
        source = cmd.data.get("source", "paper")
        if source not in SOURCES or source == "phone":
            raise CommandError("bad_request", "source must be 'paper' or 'spoken'", field="source")
        role = cmd.data.get("role") or None
        if role not in (None, "parent", "staff"):
            raise CommandError("bad_role", "role must be 'parent' or 'staff'")
    first = first_status(state, text, by_phone=new.device is not None, ctx=ctx)
    block = state.agenda.block_of_prompt(prompt_id) if prompt_id else None
    return {
        **new_item_data(new, text, role, first, lang),
        "prompt": prompt_id,
        "block": block.index if block else state.current,
        "source": source,
    }


@_check_add.applies
def _apply_add(state: SessionState, event: Event) -> Changes:
    d = event.data
    contribution = Contribution(
        **moderated_fields(event),
        prompt_id=d["prompt"],
        block_index=d["block"],
        source=d["source"],
    )
    return store_new(ANSWERS, state, contribution)


@rule("contribution/pin")
def _check_pin(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = ANSWERS.existing(state, cmd.data)
    pinned = field_bool(cmd.data, "pinned", default=True)
    if pinned and contribution.status != "approved":
        raise CommandError("not_approved", "approve a contribution before pinning it")
    return None if contribution.pinned == pinned else {"id": contribution.id, "pinned": pinned}


@_check_pin.applies
def _apply_pin(state: SessionState, event: Event) -> Changes:
    state.contributions[event.data["id"]].pinned = event.data["pinned"]
    return Changes(answers=one(event.data["id"]))


@rule("contribution/tag")
def _check_tag(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = ANSWERS.existing(state, cmd.data)
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
def _apply_tag(state: SessionState, event: Event) -> Changes:
    state.contributions[event.data["id"]].tags = list(event.data["tags"])
    return Changes(answers=one(event.data["id"]))


@rule("contribution/merge")
def _check_merge(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    duplicate = ANSWERS.existing(state, cmd.data)
    target = state.contributions.get(cmd.data.get("into"))  # type: ignore[arg-type]
    if target is None:
        raise CommandError("unknown_contribution", "there is no contribution to merge into")
    if target.id == duplicate.id or target.merged_into is not None:
        raise CommandError("bad_merge", "merge into another contribution that stands on its own")
    if state.duplicates.get(duplicate.id):
        raise CommandError("bad_merge", "this contribution has duplicates merged into it; merge those first")
    return None if duplicate.merged_into == target.id else {"id": duplicate.id, "into": target.id}


@_check_merge.applies
def _apply_merge(state: SessionState, event: Event) -> Changes:
    duplicate = state.contributions[event.data["id"]]
    before = duplicate.merged_into
    if before is not None:
        state.duplicates[before].remove(duplicate.id)
    duplicate.merged_into = event.data["into"]
    duplicate.pinned = False
    state.duplicates.setdefault(event.data["into"], []).append(duplicate.id)
    # The duplicate's recognitions now count for the one it was merged into (and no longer for the one before).
    moved = frozenset(i for i in (event.data["into"], before) if i is not None)
    return Changes(answers=frozenset({duplicate.id, *moved}), recognitions=moved)


@rule("contribution/endorse", actors=EVERYONE)
def _check_endorse(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    contribution = ANSWERS.existing(state, cmd.data)
    on = field_bool(cmd.data, "on", default=True)
    if not contribution.visible:
        raise CommandError("unknown_contribution", "there is no such contribution")
    if not state.recognition_open or contribution.prompt_id != state.open_prompt:
        raise CommandError("recognition_closed", "recognising answers is not open now")
    own_item(cmd, contribution, "own_contribution", "you cannot recognise your own contribution")
    return vote_data(contribution, device, on)


@_check_endorse.applies
def _apply_endorse(state: SessionState, event: Event) -> Changes:
    return _apply_vote(ANSWERS, state, event)


@rule("contribution/withdraw", actors=EVERYONE)
def _check_withdraw(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    contribution = ANSWERS.existing(state, cmd.data)
    if not cmd.actor.steers and contribution.device != device_of(cmd):
        raise CommandError("not_yours", "you can only take back your own contributions")
    return None if contribution.withdrawn else {"id": contribution.id}


@_check_withdraw.applies
def _apply_withdraw(state: SessionState, event: Event) -> Changes:
    contribution = state.contributions[event.data["id"]]
    contribution.withdrawn = True
    contribution.pinned = False
    return Changes(answers=one(contribution.id))


@rule("settings/auto_approve")
def _check_auto(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "on")
    return None if on == state.auto_approve else {"on": on}


@_check_auto.applies
def _apply_auto(state: SessionState, event: Event) -> Changes:
    state.auto_approve = event.data["on"]
    return Changes(settings=True)
