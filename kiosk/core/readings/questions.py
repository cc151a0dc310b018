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
class ShownQuestion:
    """An approved question as the aftercare tells it: its text, votes, how it was answered and who answers it."""

    id: str
    text: str
    votes: int
    answer: str | None  # "now" (in the room), "later" (the school comes back to it) or None (not marked)
    actions: tuple[str, ...]  # ids of the actions linked to it: the school's reply, with an owner and a date


@dataclass(frozen=True)
class AnsweredQuestions:
    """For the aftercare: every approved question with its answer (reviewed text), the rest as counts."""

    later: tuple[tuple[str, int], ...]  # (text, votes) of approved questions marked "answer later", by votes
    later_held: (
        int  # marked "answer later" but never approved: in the team's report as a count, never as text
    )
    now: int  # answered in the room
    asked: int  # every question asked
    shown: tuple[ShownQuestion, ...] = ()  # every approved question, most upvoted first
    not_shown: int = 0  # waiting for the facilitator or hidden: counted, never quoted

    def answered(self, answer: str | None) -> tuple[ShownQuestion, ...]:
        """The approved questions answered `now`, `later` or (None) not marked."""
        return tuple(q for q in self.shown if q.answer == answer)


def answered_questions(state: SessionState) -> AnsweredQuestions:
    questions = list(state.questions.items.values())
    later = [q for q in questions if q.answer == "later"]
    replies: dict[str, list[str]] = {}
    for action in state.actions.values():
        for question_id in action.questions:
            replies.setdefault(question_id, []).append(action.id)
    shown = tuple(
        ShownQuestion(q.id, q.text, len(q.votes), q.answer, tuple(replies.get(q.id, ())))
        for q in by_votes(q for q in questions if q.visible)
    )
    return AnsweredQuestions(
        later=tuple((q.text, len(q.votes)) for q in by_votes(q for q in later if q.visible)),
        later_held=sum(1 for q in later if not q.visible),
        now=sum(1 for q in questions if q.answer == "now"),
        asked=len(questions),
        shown=shown,
        not_shown=sum(1 for q in questions if not q.visible),
    )
