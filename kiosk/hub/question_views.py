"""What each audience sees of the questions to the school; every list is bounded, counts are upvotes.

Items carry `n` (the event that added the question), so a vote batch names them by a few digits.
"""

from __future__ import annotations

from typing import Any

from kiosk.core.moderated import STATUSES, Question
from kiosk.core.readings.questions import for_facilitator, top_questions
from kiosk.core.state import SessionState

PHONE_QUESTIONS = 50  # the most upvoted approved questions every phone sees; its own come in `mine`
DISPLAY_QUESTIONS = 5  # readable from the back of the room
REMOTE_QUESTIONS = 200  # the remote's list: waiting ones first, then by votes


def phone_questions(state: SessionState) -> list[dict[str, Any]]:
    return [
        {"id": q.id, "text": q.text, "count": len(q.votes), "n": q.n, "answer": q.answer}
        for q in top_questions(state, PHONE_QUESTIONS)
    ]


def display_questions(state: SessionState) -> list[dict[str, Any]]:
    """The top questions, only while the facilitator shows them."""
    if not state.questions.on_display:
        return []
    return [
        {"id": q.id, "text": q.text, "count": len(q.votes), "n": q.n}
        for q in top_questions(state, DISPLAY_QUESTIONS)
    ]


def _remote_question(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "n": q.n,
        "text": q.text,
        "at": q.at,
        "status": q.status,
        "held": q.held_reason,
        # Held and not yet looked at: one tap replaces what was found by "[naam]"..., approving it as is asks first.
        "redact": q.redactable,
        "confirm": q.needs_confirmation,
        "count": len(q.votes),
        "answer": q.answer,
        "role": q.role,
    }


def remote_questions(state: SessionState) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The facilitator's questions (at most REMOTE_QUESTIONS) and the totals by status and by answer."""
    every = for_facilitator(state)
    totals = dict.fromkeys((*STATUSES, "now", "later"), 0)
    for q in every:
        totals[q.status] += 1
        if q.answer is not None:
            totals[q.answer] += 1
    totals["all"] = len(every)
    return [_remote_question(q) for q in every[:REMOTE_QUESTIONS]], totals


def own_questions(state: SessionState, device: str) -> dict[str, Any]:
    """One phone's questions with their status, and the approved questions it upvoted."""
    questions = state.questions
    own = [questions.items[qid] for qid in questions.own.get(device, ())]
    return {
        "questions": [
            {"id": q.id, "text": q.text, "status": q.status, "held": q.held_reason, "answer": q.answer}
            for q in own
        ],
        "upvoted": sorted(qid for qid in questions.voted.get(device, ()) if questions.items[qid].visible),
    }
