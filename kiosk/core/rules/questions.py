"""Questions to the school: asked at any moment after joining, upvoted, answered now or later.

They belong to no block and no prompt: a phone may ask one during a break as well as during the dialogue.
Approving, hiding, pending, redacting and editing are the moderated items' shared rules
(kiosk/core/rules/moderated.py).
"""

from __future__ import annotations

from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.moderated import QUESTION_ANSWERS, Question
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.moderated import (
    MAX_PENDING,
    QUESTIONS,
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
from kiosk.core.rules.registry import EVERYONE, Context, field_bool, rule
from kiosk.core.state import SessionState

# Questions of one evening still in play (waiting or shown): far beyond a hall's. Hidden ones free their place,
# so spam the facilitator hides never closes the questions; the hub keeps each address to a share of 200
# (kiosk/hub/budgets.py), so it takes 25 addresses, each at its own pace, to fill it.
MAX_QUESTIONS = 5000
# Questions stored in all, hidden ones too: the bound on what a script can make the log hold.
MAX_STORED_QUESTIONS = 10_000

register_moderation(QUESTIONS)


@rule("question/add", actors=EVERYONE)
def _check_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    new = new_item(QUESTIONS, state, cmd)
    if new is None:
        return None
    text = cleaned_text(cmd.data)
    items = state.questions.items
    in_play = sum(1 for q in items.values() if q.status != "hidden")
    if in_play >= MAX_QUESTIONS or len(items) >= MAX_STORED_QUESTIONS:
        raise CommandError("questions_full", "the evening takes no more questions", max=MAX_QUESTIONS)
    role: str | None = None
    lang: str | None = None
    if new.device is not None:
        if waiting_of(QUESTIONS, state, new.device) >= MAX_PENDING:
            raise CommandError(
                "too_many_questions",
                f"{MAX_PENDING} of your questions are still waiting for the facilitator; ask more once they are read",
                max=MAX_PENDING,
            )
        role = state.devices[new.device].role
        lang = state.devices[new.device].lang
    first = first_status(state, text, by_phone=new.device is not None, ctx=ctx)
    return new_item_data(new, text, role, first, lang)


@_check_add.applies
def _apply_add(state: SessionState, event: Event) -> Changes:
    return store_new(QUESTIONS, state, Question(**moderated_fields(event)))


@rule("question/upvote", actors=EVERYONE)
def _check_upvote(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    question = QUESTIONS.existing(state, cmd.data)
    on = field_bool(cmd.data, "on", default=True)
    if not question.visible:
        raise CommandError("unknown_question", "there is no such question")
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")
    own_item(cmd, question, "own_question", "you cannot upvote your own question")
    if device not in state.devices:
        raise CommandError("not_joined", "this phone has not joined the evening")
    return vote_data(question, device, on)


@_check_upvote.applies
def _apply_upvote(state: SessionState, event: Event) -> Changes:
    return _apply_vote(QUESTIONS, state, event)


@rule("question/answer")
def _check_answer(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    question = QUESTIONS.existing(state, cmd.data)
    answer = cmd.data.get("answer")
    if answer is not None and answer not in QUESTION_ANSWERS:
        raise CommandError("bad_request", '\'answer\' must be "now", "later" or null', field="answer")
    return None if question.answer == answer else {"id": question.id, "answer": answer}


@_check_answer.applies
def _apply_answer(state: SessionState, event: Event) -> Changes:
    state.questions.items[event.data["id"]].answer = event.data["answer"]
    return Changes(questions=one(event.data["id"]))


@rule("display/questions")
def _check_display(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "on")
    return None if on == state.questions.on_display else {"on": on}


@_check_display.applies
def _apply_display(state: SessionState, event: Event) -> Changes:
    state.questions.on_display = event.data["on"]
    return Changes(settings=True)
