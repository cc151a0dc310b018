"""Questions to the school: asked at any moment after joining, moderated like answers, upvoted, answered."""

from __future__ import annotations

from typing import Any

from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderation import Span, redact
from kiosk.core.questions import ANSWERS, Question, questions_for_update, questions_of
from kiosk.core.rules.contributions import (
    CLIENT_ID,
    MAX_PENDING,
    cleaned_contribution_text,
    first_status,
    needs_confirmation,
    redaction_lang,
)
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.registry import EVERYONE, Context, field_bool, rule
from kiosk.core.state import SessionState

# Questions of one evening still in play (waiting or shown): far beyond a hall's. Hidden ones free their place,
# so spam the facilitator hides never closes the questions; the hub keeps each address to a share of 200
# (kiosk/hub/budgets.py), so it takes 25 addresses, each at its own pace, to fill it.
MAX_QUESTIONS = 5000
# Questions stored in all, hidden ones too: the bound on what a script can make the log hold.
MAX_STORED_QUESTIONS = 10_000


def _existing(state: SessionState, data: dict[str, Any]) -> Question:
    question = questions_of(state).questions.get(data.get("id"))  # type: ignore[arg-type]
    if question is None:
        raise CommandError("unknown_question", "there is no such question")
    return question


@rule("question/add", actors=EVERYONE)
def _check_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    client_id = cmd.data.get("id")
    if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
        raise CommandError("bad_request", "a question needs an id of letters, digits, - or _", field="id")
    by_phone = not cmd.actor.steers
    device = device_of(cmd) if by_phone else None
    questions = questions_of(state)
    known = questions.questions.get(client_id)
    if known is not None:
        if known.device == device:
            return None  # a resend after a reconnect: stored once
        raise CommandError("id_taken", "that id is already used")
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")
    text = cleaned_contribution_text(cmd.data)
    in_play = sum(1 for q in questions.questions.values() if q.status != "hidden")
    if in_play >= MAX_QUESTIONS or len(questions.questions) >= MAX_STORED_QUESTIONS:
        raise CommandError("questions_full", "the evening takes no more questions", max=MAX_QUESTIONS)
    role: str | None = None
    if device is not None:
        if device not in state.devices:
            raise CommandError("not_joined", "this phone has not joined the evening")
        waiting = sum(1 for qid in questions.own.get(device, ()) if questions.questions[qid].waits)
        if waiting >= MAX_PENDING:
            raise CommandError(
                "too_many_questions",
                f"{MAX_PENDING} of your questions are still waiting for the facilitator; ask more once they are read",
                max=MAX_PENDING,
            )
        role = state.devices[device].role
    first = first_status(state, text, by_phone=by_phone, ctx=ctx)
    return {
        "id": client_id,
        "text": text,
        "device": device,
        "role": role,
        "status": first.status,
        "held": first.reason,
        "spans": first.spans,
        "auto": first.auto,
    }


@_check_add.applies
def _apply_add(state: SessionState, event: Event) -> None:
    d = event.data
    questions = questions_for_update(state)
    questions.questions[d["id"]] = Question(
        id=d["id"],
        n=event.seq,
        text=d["text"],
        at=event.at,
        device=d["device"],
        role=d["role"],
        status=d["status"],
        held_reason=d["held"],
        spans=list(d.get("spans", [])),
        auto=d.get("auto", False),
    )
    if d["device"] is not None:
        questions.own.setdefault(d["device"], []).append(d["id"])


@rule("question/approve")
def _check_approve(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    question = _existing(state, cmd.data)
    if question.status == "approved":
        return None
    if question.status == "pending" and not question.changed:
        needs_confirmation(
            cmd, question.held_reason
        )  # held for a reason: shown unchanged only when asked twice
    return {"id": question.id, "by": cmd.actor.kind}


@_check_approve.applies
def _apply_approve(state: SessionState, event: Event) -> None:
    question = questions_for_update(state).questions[event.data["id"]]
    question.status = "approved"
    question.auto = False
    if question.held_reason is not None:
        question.approved_by = event.data.get("by", "facilitator")


def _status_rule(type_: str, status: str) -> None:
    @rule(type_)
    def check(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
        question = _existing(state, cmd.data)
        return None if question.status == status else {"id": question.id}

    @check.applies
    def apply(state: SessionState, event: Event) -> None:
        question = questions_for_update(state).questions[event.data["id"]]
        question.status = status
        question.auto = False


_status_rule("question/hide", "hidden")
_status_rule("question/pend", "pending")


@rule("question/redact")
def _check_redact(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """Replace what moderation found with "[naam]", "[adres]"... and approve, in one step."""
    question = _existing(state, cmd.data)
    if not question.spans:
        raise CommandError("nothing_to_redact", "moderation found nothing to replace in this text")
    text = redact(question.text, map(Span.from_json, question.spans), redaction_lang(cmd.data))
    return {"id": question.id, "text": text, "by": cmd.actor.kind}


@_check_redact.applies
def _apply_redact(state: SessionState, event: Event) -> None:
    question = questions_for_update(state).questions[event.data["id"]]
    question.text = event.data["text"]
    question.spans = []
    question.changed = True
    question.auto = False
    question.status = "approved"
    question.approved_by = event.data["by"]


@rule("question/edit")
def _check_edit(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    question = _existing(state, cmd.data)
    text = cleaned_contribution_text(cmd.data)
    return None if text == question.text else {"id": question.id, "text": text}


@_check_edit.applies
def _apply_edit(state: SessionState, event: Event) -> None:
    question = questions_for_update(state).questions[event.data["id"]]
    question.text = event.data["text"]
    question.changed = True
    question.spans = []  # what was found was in the old text


@rule("question/upvote", actors=EVERYONE)
def _check_upvote(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    question = _existing(state, cmd.data)
    on = field_bool(cmd.data, "on", default=True)
    if not question.visible:
        raise CommandError("unknown_question", "there is no such question")
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")
    if question.device == device:
        raise CommandError("own_question", "you cannot upvote your own question")
    if device not in state.devices:
        raise CommandError("not_joined", "this phone has not joined the evening")
    if (device in question.votes) == on:
        return None  # once per phone: a resend, or a second tap from another tab, changes nothing
    return {"id": question.id, "device": device, "on": on}


@_check_upvote.applies
def _apply_upvote(state: SessionState, event: Event) -> None:
    questions = questions_for_update(state)
    votes = questions.questions[event.data["id"]].votes
    mine = questions.voted.setdefault(event.data["device"], set())
    if event.data["on"]:
        votes.add(event.data["device"])
        mine.add(event.data["id"])
    else:
        votes.discard(event.data["device"])
        mine.discard(event.data["id"])


@rule("question/answer")
def _check_answer(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    question = _existing(state, cmd.data)
    answer = cmd.data.get("answer")
    if answer is not None and answer not in ANSWERS:
        raise CommandError("bad_request", '\'answer\' must be "now", "later" or null', field="answer")
    return None if question.answer == answer else {"id": question.id, "answer": answer}


@_check_answer.applies
def _apply_answer(state: SessionState, event: Event) -> None:
    questions_for_update(state).questions[event.data["id"]].answer = event.data["answer"]


@rule("display/questions")
def _check_display(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "on")
    return None if on == questions_of(state).on_display else {"on": on}


@_check_display.applies
def _apply_display(state: SessionState, event: Event) -> None:
    questions_for_update(state).on_display = event.data["on"]
