"""What waits for the facilitator: answers and questions to moderate (and how many of them were held for a name),
held comments and table notes; and the next one to look at."""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass

from kiosk.core.rules.screening import held_texts
from kiosk.core.state import Contribution, SessionState


def answer_waits(contribution: Contribution) -> bool:
    """Waiting for the facilitator: pending, and still meant for the room (not withdrawn or merged away)."""
    return (
        contribution.status == "pending" and not contribution.withdrawn and contribution.merged_into is None
    )


@dataclass(frozen=True)
class Waiting:
    """Counts of what waits; `*_held` are the ones moderation held (a name, an address, a swear word)."""

    answers: int = 0
    answers_held: int = 0
    questions: int = 0
    questions_held: int = 0
    texts_held: int = 0  # rating comments and table notes (reviewed with `c` on the feed)

    @property
    def total(self) -> int:
        return self.answers + self.questions + self.texts_held


def waiting_of(state: SessionState) -> Waiting:
    answers = [c for c in state.contributions.values() if answer_waits(c)]
    questions = [q for q in state.questions.items.values() if q.waits]
    return Waiting(
        answers=len(answers),
        answers_held=sum(c.held_reason is not None for c in answers),
        questions=len(questions),
        questions_held=sum(q.held_reason is not None for q in questions),
        texts_held=len(held_texts(state)),
    )


def next_waiting(order: Sequence[str], waits: Container[str], current: str | None) -> str | None:
    """The first waiting id after `current` in the order shown, wrapping round; from the top when `current` is not
    shown. `current` itself is skipped: after approving it, the next one is wanted, even if it still shows."""
    start = order.index(current) + 1 if current in order else 0
    for ident in [*order[start:], *order[:start]]:
        if ident != current and ident in waits:
            return ident
    return None


def waiting_answer_ids(state: SessionState) -> list[str]:
    return [c.id for c in state.contributions.values() if answer_waits(c)]


def waiting_question_ids(state: SessionState) -> list[str]:
    return [q.id for q in state.questions.items.values() if q.waits]
