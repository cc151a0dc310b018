"""Questions to the school: asked from a phone at any moment, upvoted by others, answered now or later.

They live in `state.extensions["questions"]`, apart from the answers to the agenda's prompts: a question belongs
to no block and no prompt, and a phone may ask one during a break as well as during the dialogue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.core.state import SessionState

QUESTIONS_KEY = "questions"
QUESTION_STATUSES = ("pending", "approved", "hidden")
ANSWERS = ("now", "later")  # answered in the room, or the school comes back to it (the letter, the aftercare)


@dataclass
class Question:
    """One question to the school; `n` is the event that added it, a small key for count batches."""

    id: str
    n: int
    text: str
    at: float
    device: str | None = None  # never exported
    role: str | None = None
    status: str = "pending"
    held_reason: str | None = None  # kept after approval: the history says why it was held and who showed it
    spans: list[list[object]] = field(default_factory=list)  # what moderation found: [start, end, kind]
    auto: bool = False  # auto-approve waits for the full name check
    screened: bool = False  # the full name check has looked at it
    changed: bool = False  # edited or redacted by the facilitator: approving it needs no second question
    approved_by: str | None = None  # who approved it after a hold
    votes: set[str] = field(default_factory=set)  # devices that upvoted it
    answer: str | None = None  # one of ANSWERS once the facilitator marked it

    @property
    def visible(self) -> bool:
        """Shown to the room: approved by the facilitator (or by auto-approve)."""
        return self.status == "approved"

    @property
    def waits(self) -> bool:
        """Waiting for the facilitator's look: counts against its phone's cap on waiting questions."""
        return self.status == "pending"


@dataclass
class QuestionsState:
    """Every question of the evening, the indexes the views need, and whether the projector shows the top ones."""

    questions: dict[str, Question] = field(default_factory=dict)  # in the order asked
    own: dict[str, list[str]] = field(default_factory=dict)  # device -> ids of its questions
    voted: dict[str, set[str]] = field(default_factory=dict)  # device -> ids it upvoted
    on_display: bool = False


def questions_of(state: SessionState) -> QuestionsState:
    """The evening's questions (an empty set when nobody asked one yet)."""
    found = state.extensions.get(QUESTIONS_KEY)
    return found if isinstance(found, QuestionsState) else QuestionsState()


def questions_for_update(state: SessionState) -> QuestionsState:
    """The questions' state to change in an apply; made on first use."""
    found = state.extensions.get(QUESTIONS_KEY)
    if not isinstance(found, QuestionsState):
        found = state.extensions[QUESTIONS_KEY] = QuestionsState()
    return found
