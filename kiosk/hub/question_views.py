"""What each audience sees of the questions to the school; every list is bounded, counts are upvotes.

Items carry `n` (the event that added the question), so a vote batch names them by a few digits. Upvotes come
from a snapshot (`votes`, question id -> count) the publisher refreshes at most about once a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.core.moderated import STATUSES, Question
from kiosk.core.readings.questions import facilitator_rank, room_rank
from kiosk.core.state import SessionState
from kiosk.hub import view_bytes
from kiosk.hub.selections import Spec

PHONE_QUESTIONS = 50  # the most upvoted approved questions every phone sees; its own come in `mine`
DISPLAY_QUESTIONS = 5  # readable from the back of the room
REMOTE_QUESTIONS = 200  # the remote's list: waiting ones first, then by votes
Votes = Mapping[str, int]


def live_votes(state: SessionState) -> dict[str, int]:
    """Every question's upvotes now; zero counts are left out."""
    return {q.id: len(q.votes) for q in state.questions.items.values() if q.votes}


def phone_questions(state: SessionState, votes: Votes) -> Spec[Question]:
    """The approved questions every phone sees, most upvoted first."""
    return Spec(
        source=lambda: state.questions.items,
        wanted=lambda q: q.visible,
        rank=lambda q: room_rank(q, votes.get(q.id, 0)),
        limit=PHONE_QUESTIONS,
        render=lambda q: {
            "id": q.id,
            "text": q.text,
            "count": votes.get(q.id, 0),
            "n": q.n,
            "answer": q.answer,
        },
        by="n",
        budget=view_bytes.PHONE_QUESTIONS,
    )


def display_questions(state: SessionState, votes: Votes) -> Spec[Question]:
    """The top questions, only while the facilitator shows them."""
    return Spec(
        source=lambda: state.questions.items,
        wanted=lambda q: state.questions.on_display and q.visible,
        rank=lambda q: room_rank(q, votes.get(q.id, 0)),
        limit=DISPLAY_QUESTIONS,
        render=lambda q: {"id": q.id, "text": q.text, "count": votes.get(q.id, 0), "n": q.n},
        by="n",
    )


def remote_questions(state: SessionState, votes: Votes) -> Spec[Question]:
    """The facilitator's questions (at most REMOTE_QUESTIONS), waiting ones first, and the totals by status and
    by answer."""
    return Spec(
        source=lambda: state.questions.items,
        wanted=lambda q: True,
        rank=lambda q: facilitator_rank(q, votes.get(q.id, 0)),
        limit=REMOTE_QUESTIONS,
        render=lambda q: _remote_question(q, votes),
        by="n",
        tally=lambda q: q.status if q.answer is None else f"{q.status}/{q.answer}",
        budget=view_bytes.REMOTE_QUESTIONS,
    )


def question_totals(tallied: Mapping[str, int]) -> dict[str, int]:
    """The remote's totals: per status, per answer (now, later), and all."""
    totals = dict.fromkeys((*STATUSES, "now", "later"), 0)
    for key, n in tallied.items():
        status, _, answer = key.partition("/")
        totals[status] += n
        if answer:
            totals[answer] += n
    totals["all"] = sum(tallied.values())
    return totals


def _remote_question(q: Question, votes: Votes) -> dict[str, Any]:
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
        "count": votes.get(q.id, 0),
        "answer": q.answer,
        "role": q.role,
    }


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
