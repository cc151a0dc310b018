"""Which question the phones see, whether they may recognise answers, and ratings and choices."""

from __future__ import annotations

from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderation import review_from, review_json, review_of, screen
from kiosk.core.readings.kinds import kind_of
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.registry import EVERYONE, Context, field_bool, field_str, rule
from kiosk.core.state import Response, SessionState


def prompt_field(state: SessionState, data: dict[str, Any], name: str = "prompt") -> str:
    prompt_id = data.get(name)
    if not isinstance(prompt_id, str) or state.agenda.prompt(prompt_id) is None:
        raise CommandError("unknown_prompt", "there is no such question in this agenda")
    return prompt_id


@rule("prompt/open")
def _check_open(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    prompt_id = prompt_field(state, cmd.data)
    return None if state.open_prompt == prompt_id else {"prompt": prompt_id}


@_check_open.applies
def _apply_open(state: SessionState, event: Event) -> Changes:
    # What a phone recognised counts per open question: each phone that recognised anything sees its list change.
    recognising = frozenset(d for d, ids in state.endorsed.items() if ids)
    state.open_prompt = event.data["prompt"]
    state.recognition_open = False
    return Changes(prompt=True, recognition=True, devices=recognising)


@rule("prompt/close")
def _check_close(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return None if state.open_prompt is None else {}


@_check_close.applies
def _apply_close(state: SessionState, event: Event) -> Changes:
    recognising = frozenset(d for d, ids in state.endorsed.items() if ids)
    state.open_prompt = None
    state.recognition_open = False
    return Changes(prompt=True, recognition=True, devices=recognising)


@rule("prompt/recognition")
def _check_recognition(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "open")
    if on and state.open_prompt is None:
        raise CommandError("no_open_prompt", "open a question before letting phones recognise answers")
    return None if on == state.recognition_open else {"open": on}


@_check_recognition.applies
def _apply_recognition(state: SessionState, event: Event) -> Changes:
    state.recognition_open = event.data["open"]
    return Changes(recognition=True)


@rule("response/set", actors=EVERYONE)
def _check_response(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    if device not in state.devices:
        raise CommandError("not_joined", "this phone has not joined the evening")
    prompt_id = prompt_field(state, cmd.data)
    prompt = state.agenda.prompt(prompt_id)
    assert prompt is not None
    if state.open_prompt != prompt_id:
        raise CommandError("prompt_closed", "this question is closed")
    value = kind_of(prompt).value(prompt, cmd.data)
    comment = field_str(cmd.data, "comment", required=False)
    given = state.responses.get(prompt_id, {}).get(device)
    if given is not None and given.value == value and given.comment == comment:
        return None  # the same answer again (a resend, a second tap): nothing to store
    data = {"prompt": prompt_id, "device": device, "value": value, "comment": comment}
    if comment:
        data["review"] = review_json(
            review_of(screen(comment))
        )  # held until a person looks, when it names someone
    return data


@_check_response.applies
def _apply_response(state: SessionState, event: Event) -> Changes:
    d = event.data
    device = state.devices.get(d["device"])
    before = state.responses.get(d["prompt"], {}).get(d["device"])
    state.responses.setdefault(d["prompt"], {})[d["device"]] = Response(
        value=d["value"],
        comment=d["comment"],
        role=device.role if device else None,
        review=review_from(d.get("review")),
    )
    changes = Changes(responses=one(d["prompt"]), devices=one(d["device"]))
    if d["comment"] or (before is not None and before.comment):
        ident = ("comment", comment_id(d["prompt"], d["device"]))
        changes |= Changes(
            reviews=frozenset({ident}), new_text=frozenset({ident}) if d["comment"] else frozenset()
        )
    return changes


def comment_id(prompt: str, device: str) -> str:
    """A rating's or choice's comment is named by its question and its phone."""
    return f"{prompt}/{device}"
