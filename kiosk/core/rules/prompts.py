"""Which question the phones see, whether they may recognise answers, and ratings and choices."""

from __future__ import annotations

from typing import Any

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
def _apply_open(state: SessionState, event: Event) -> None:
    state.open_prompt = event.data["prompt"]
    state.recognition_open = False


@rule("prompt/close")
def _check_close(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return None if state.open_prompt is None else {}


@_check_close.applies
def _apply_close(state: SessionState, event: Event) -> None:
    state.open_prompt = None
    state.recognition_open = False


@rule("prompt/recognition")
def _check_recognition(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "open")
    if on and state.open_prompt is None:
        raise CommandError("no_open_prompt", "open a question before letting phones recognise answers")
    return None if on == state.recognition_open else {"open": on}


@_check_recognition.applies
def _apply_recognition(state: SessionState, event: Event) -> None:
    state.recognition_open = event.data["open"]


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
    earlier = state.responses.get(prompt_id, {}).get(device)
    if earlier is not None and earlier.value == value and earlier.comment == comment:
        return None  # a resend from the phone's outbox (or the same tap twice): stored once
    data = {"prompt": prompt_id, "device": device, "value": value, "comment": comment}
    if comment:
        data["review"] = review_json(
            review_of(screen(comment))
        )  # held until a person looks, when it names someone
    return data


@_check_response.applies
def _apply_response(state: SessionState, event: Event) -> None:
    device = state.devices.get(event.data["device"])
    state.responses.setdefault(event.data["prompt"], {})[event.data["device"]] = Response(
        value=event.data["value"],
        comment=event.data["comment"],
        role=device.role if device else None,
        review=review_from(event.data.get("review")),
    )
