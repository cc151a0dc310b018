"""The evening's state: a fold over its events, never written any other way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.agenda.model import Agenda, Block

CONTRIBUTION_STATUSES = ("pending", "approved", "hidden")
ROLES = ("parent", "staff")
SOURCES = ("phone", "paper", "spoken")
ACTION_STATUSES = ("planned", "in_progress", "done", "dropped")
SUMMARY_VIEWS = ("points", "heard")  # the facilitator's key points, or what was heard per question


@dataclass
class BlockTimer:
    """A block's timer as wall-clock facts, so a restart shows the right time left."""

    planned: float  # seconds from the agenda
    extra: float = 0.0  # extensions minus shortenings, seconds
    elapsed_before: float = 0.0  # run time before the current run
    running_since: float | None = None  # wall-clock start of the current run
    first_started: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def length(self) -> float:
        return max(0.0, self.planned + self.extra)

    def elapsed(self, now: float) -> float:
        if self.running_since is None:
            return self.elapsed_before
        return self.elapsed_before + max(0.0, now - self.running_since)

    def remaining(self, now: float) -> float:
        """Seconds left; negative is overtime."""
        return self.length - self.elapsed(now)

    def start(self, now: float) -> None:
        if self.running_since is None:
            self.running_since = now
        if self.first_started is None:
            self.first_started = now

    def pause(self, now: float) -> None:
        if self.running_since is not None:
            self.elapsed_before += max(0.0, now - self.running_since)
            self.running_since = None


@dataclass
class Contribution:
    """One thing said: from a phone, or typed in by the facilitator from paper or aloud."""

    id: str
    prompt_id: str | None
    block_index: int
    text: str
    at: float
    source: str = "phone"
    device: str | None = None  # never exported
    role: str | None = None
    status: str = "pending"
    held_reason: str | None = None  # why moderation held it for review; kept after approval, for the history
    spans: list[list[Any]] = field(default_factory=list)  # what moderation found: [start, end, kind]
    screened: bool = False  # the full name check has looked at it (moderation/screen)
    auto: bool = False  # auto-approve waits for the full name check: approved when that finds nothing
    approved_by: str | None = None  # who approved it after a hold: facilitator or remote
    changed: bool = (
        False  # the facilitator changed its text (redacted or edited): approving it needs no "sure?"
    )
    pinned: bool = False
    tags: list[str] = field(default_factory=list)
    endorsements: set[str] = field(default_factory=set)  # devices that recognise it ("herken ik")
    merged_into: str | None = None
    withdrawn: bool = False
    approved_seq: int = 0  # the event that last approved it: the order in which the room first saw it
    lang: str | None = None  # the language of the phone's page when it was written; None from paper or aloud

    @property
    def visible(self) -> bool:
        """Shown to the room: approved, not withdrawn, not merged into another."""
        return self.status == "approved" and not self.withdrawn and self.merged_into is None


@dataclass
class Device:
    """A phone in the session, known only by a random id made for this session."""

    id: str
    joined_at: float
    role: str | None = None
    lang: str = "nl"


@dataclass
class Review:
    """Moderation of a text that has no status of its own (a rating or choice comment, a table note).

    `state` is ok (nothing found), held (found, nobody looked yet), approved (a person let it through after a hold)
    or hidden. Only ok and approved text reaches the projector and the reports.
    """

    state: str = "ok"
    held_reason: str | None = None
    spans: list[list[Any]] = field(default_factory=list)
    screened: bool = False
    by: str | None = None  # who approved or hid it

    @property
    def shown(self) -> bool:
        return self.state in ("ok", "approved")

    @property
    def held(self) -> bool:
        return self.state == "held"


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
    # The facilitator's rendering of an answer or question into another language, for the letter: id -> lang -> text
    renderings: dict[str, dict[str, str]] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)  # state of rule modules added later (tables)
    # Indexes kept by the applies, so views stay cheap with thousands of contributions.
    own: dict[str, list[str]] = field(default_factory=dict)  # device -> its contribution ids
    endorsed: dict[str, set[str]] = field(default_factory=dict)  # device -> contribution ids it recognises
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # contribution -> ids merged into it
    seq: int = 0  # the last applied event
    ended_at: float | None = None

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
            return len(contribution.endorsements)
        devices = set(contribution.endorsements)
        for other in merged:
            devices |= self.contributions[other].endorsements
        return len(devices)
