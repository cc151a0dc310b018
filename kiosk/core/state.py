"""The evening's state: a fold over its events, never written any other way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.agenda.model import Agenda, Block
from kiosk.core.moderated import SOURCES, STATUSES, Contribution, Question, QuestionsState, Review
from kiosk.core.table_state import TablesState
from kiosk.core.timer import BlockTimer

__all__ = [
    "ACTION_STATUSES",
    "CONTRIBUTION_STATUSES",
    "ROLES",
    "SOURCES",
    "SUMMARY_VIEWS",
    "Action",
    "ActionNote",
    "BlockTimer",
    "Contribution",
    "Device",
    "KeyPoint",
    "LetterMark",
    "Question",
    "QuestionsState",
    "Response",
    "Review",
    "SessionState",
    "TablesState",
]

CONTRIBUTION_STATUSES = STATUSES
ROLES = ("parent", "staff")
ACTION_STATUSES = ("planned", "in_progress", "done", "dropped")
SUMMARY_VIEWS = ("points", "heard")  # the facilitator's key points, or what was heard per question


@dataclass
class Device:
    """A phone in the session, known only by a random id made for this session."""

    id: str
    joined_at: float
    role: str | None = None
    lang: str = "nl"


@dataclass
class Response:
    """A phone's answer to a rating or choice prompt; the last one counts."""

    value: int
    comment: str = ""
    role: str | None = None
    review: Review = field(default_factory=Review)  # of the comment


@dataclass
class KeyPoint:
    """A point of the closing's "what did we hear", composed by the facilitator."""

    id: str
    text: str
    sources: list[str] = field(default_factory=list)  # contribution ids it was drawn from


@dataclass
class ActionNote:
    at: float
    text: str
    status: str


@dataclass
class Action:
    """A next step the school commits to: what, who owns it, by when, how far it is."""

    id: str
    what: str
    owner: str = ""
    due: str = ""
    status: str = "planned"
    created_at: float = 0.0
    notes: list[ActionNote] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)  # key point ids this action answers
    contributions: list[str] = field(default_factory=list)  # contribution ids this action answers
    questions: list[str] = field(
        default_factory=list
    )  # ids of the room's questions it answers (the school's reply)


@dataclass(frozen=True)
class LetterMark:
    """A letter to parents went out: its date, and the actions as it told them (what, owner, due, status, notes)."""

    at: float  # the date the letter carries
    actions: dict[str, dict[str, Any]]


@dataclass
class SessionState:
    """Everything about one evening that the faces show; built only by applying events."""

    agenda: Agenda
    timers: list[BlockTimer]
    current: int = 0
    started: bool = False
    finished: bool = False
    open_prompt: str | None = None
    recognition_open: bool = False
    auto_approve: bool = False
    contributions: dict[str, Contribution] = field(default_factory=dict)
    devices: dict[str, Device] = field(default_factory=dict)
    responses: dict[str, dict[str, Response]] = field(default_factory=dict)  # prompt -> device -> answer
    key_points: list[KeyPoint] = field(default_factory=list)
    summary_shown: bool = False
    summary_view: str = "points"  # one of SUMMARY_VIEWS
    key_message: str = ""
    contact: str = ""
    actions: dict[str, Action] = field(default_factory=dict)
    letters: list[LetterMark] = field(default_factory=list)  # letters to parents, oldest first
    questions: QuestionsState = field(default_factory=QuestionsState)  # questions to the school
    tables: TablesState = field(default_factory=TablesState)  # the theme tables
    # The facilitator's rendering of an answer or question into another language, for the letter: id -> lang -> text
    renderings: dict[str, dict[str, str]] = field(default_factory=dict)
    # Indexes kept by the applies, so views stay cheap with thousands of contributions.
    own: dict[str, list[str]] = field(default_factory=dict)  # device -> its contribution ids
    endorsed: dict[str, set[str]] = field(default_factory=dict)  # device -> contribution ids it recognises
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # contribution -> ids merged into it
    seq: int = 0  # the last applied event
    ended_at: float | None = None  # session/finish
    last_evening_at: float | None = (
        None  # the last event of the evening itself (not of the aftercare after it)
    )

    @classmethod
    def initial(cls, agenda: Agenda) -> SessionState:
        return cls(
            agenda=agenda,
            timers=[BlockTimer(planned=b.minutes * 60.0) for b in agenda.blocks],
            key_message=agenda.key_message,
        )

    @property
    def block(self) -> Block:
        return self.agenda.blocks[self.current]

    @property
    def timer(self) -> BlockTimer:
        return self.timers[self.current]

    def contributions_for(self, prompt_id: str | None) -> list[Contribution]:
        return [c for c in self.contributions.values() if c.prompt_id == prompt_id]

    def endorsement_count(self, contribution: Contribution) -> int:
        """Recognitions of a contribution, including those of duplicates merged into it."""
        merged = self.duplicates.get(contribution.id)
        if not merged:
            return len(contribution.votes)
        devices = set(contribution.votes)
        for other in merged:
            devices |= self.contributions[other].votes
        return len(devices)
