"""What waits for the facilitator: answers and questions to moderate (and how many of them were held for a name),
held comments and table notes. The app's status strip and its `w` key, and `kiosk export`, read it here."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.moderated import Review
from kiosk.core.rules.screening import TARGETS
from kiosk.core.state import SessionState


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
    """How much waits for the facilitator now."""
    answers = waiting_answer_ids(state)
    questions = waiting_question_ids(state)
    return Waiting(
        answers=len(answers),
        answers_held=sum(state.contributions[i].held for i in answers),
        questions=len(questions),
        questions_held=sum(state.questions.items[i].held for i in questions),
        texts_held=len(held_texts(state)),
    )


def waiting_answer_ids(state: SessionState) -> list[str]:
    """Answers waiting for the facilitator, in the order they came in."""
    return [c.id for c in state.contributions.values() if c.waits]


def waiting_question_ids(state: SessionState) -> list[str]:
    """Questions waiting for the facilitator, in the order they were asked."""
    return [q.id for q in state.questions.items.values() if q.waits]


def held_texts(state: SessionState) -> list[tuple[str, str, str, Review]]:
    """Comments, notes and other reviewed texts waiting for a person: (target, id, text, review)."""
    out = []
    for kind, target in TARGETS.items():
        for ident in target.ids(state):
            item = target.find(state, ident)
            review = target.review(item)
            if review.held:
                out.append((kind, ident, target.text(item), review))
    return out
