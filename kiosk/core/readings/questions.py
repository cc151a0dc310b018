"""Readings of the questions to the school that several faces show: the app, the pages and the report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.core.moderated import Question
from kiosk.core.state import SessionState


def room_rank(question: Question, votes: int) -> tuple[int, int]:
    """The room's order: most upvoted first; of equal votes the one asked first (a list being read does not
    reshuffle as it grows)."""
    return (-votes, question.n)


def facilitator_rank(question: Question, votes: int) -> tuple[bool, int, int]:
    """The facilitator's order: waiting ones first, then the room's order."""
    return (question.status != "pending", *room_rank(question, votes))


def by_votes(questions: Iterable[Question]) -> list[Question]:
    """In the room's order, by the votes they have now."""
    return sorted(questions, key=lambda q: room_rank(q, len(q.votes)))


def top_questions(state: SessionState, limit: int) -> list[Question]:
    """The approved questions the room sees, most upvoted first, at most `limit`."""
    return by_votes(q for q in state.questions.items.values() if q.visible)[:limit]


def for_facilitator(state: SessionState) -> list[Question]:
    """Every question as the facilitator moderates them: waiting ones first, then by votes."""
    return sorted(state.questions.items.values(), key=lambda q: facilitator_rank(q, len(q.votes)))


@dataclass(frozen=True)
class AnsweredQuestions:
    """For the aftercare: what the school comes back to (reviewed text), and how many were answered in the room."""

    later: tuple[tuple[str, int], ...]  # (text, votes) of approved questions marked "answer later", by votes
    later_held: (
        int  # marked "answer later" but never approved: in the team's report as a count, never as text
    )
    now: int  # answered in the room
    asked: int  # every question asked


def answered_questions(state: SessionState) -> AnsweredQuestions:
    questions = list(state.questions.items.values())
    later = [q for q in questions if q.answer == "later"]
    return AnsweredQuestions(
        later=tuple((q.text, len(q.votes)) for q in by_votes(q for q in later if q.visible)),
        later_held=sum(1 for q in later if not q.visible),
        now=sum(1 for q in questions if q.answer == "now"),
        asked=len(questions),
    )
