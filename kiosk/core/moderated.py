"""What the room writes that the room may see once a person (or auto-approve) lets it through: one kind of item.

Answers to the agenda's questions (`Contribution`) and questions to the school (`Question`) are the same thing to
moderation: a text with a status (pending, approved, hidden), why the name check held it and where, who approved
it after a hold, and the phones that back it (recognitions of an answer, upvotes of a question). One set of rules
adds, approves, hides, pends, redacts, edits and votes on both (kiosk/core/rules/moderated.py); comments and table
notes, which have no status of their own, carry a `Review` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("pending", "approved", "hidden")
SOURCES = ("phone", "paper", "spoken")
QUESTION_ANSWERS = ("now", "later")  # a question answered in the room, or the school comes back to it


@dataclass(kw_only=True)
class Moderated:
    """A text from the room with a status; `votes` are the phones that back it."""

    id: str
    n: int = (
        0  # the event that added it: its place in the order of arrival, and a small key for count batches
    )
    text: str
    at: float
    device: str | None = None  # the phone that wrote it; never exported
    role: str | None = None
    status: str = "pending"
    held_reason: str | None = None  # why moderation held it; kept after approval, for the history
    spans: list[list[Any]] = field(default_factory=list)  # what moderation found: [start, end, kind]
    screened: bool = False  # the full name check has looked at it (moderation/screen)
    auto: bool = False  # auto-approve waits for the full name check: approved when that finds nothing
    approved_by: str | None = None  # who approved it after a hold: facilitator, remote or system
    changed: bool = (
        False  # the facilitator changed its text (redacted or edited): approving it needs no "sure?"
    )
    pinned: bool = False
    approved_seq: int = 0  # the event that last approved it: the order in which the room first saw it
    votes: set[str] = field(default_factory=set)  # devices that recognise or upvote it
    lang: str | None = None  # the language of the phone's page when it was written; None from paper or aloud

    @property
    def stands(self) -> bool:
        """Still standing on its own: not taken back by its writer, not merged into another."""
        return True

    @property
    def visible(self) -> bool:
        """Shown to the room: approved and standing."""
        return self.status == "approved" and self.stands

    @property
    def waits(self) -> bool:
        """Waiting for the facilitator's look: counts against its phone's cap on waiting texts."""
        return self.status == "pending" and self.stands

    @property
    def held(self) -> bool:
        """Held by the name check (or our rules) and nobody has looked yet."""
        return self.status == "pending" and self.held_reason is not None

    @property
    def needs_confirmation(self) -> bool:
        """Approving it as it is shows what moderation held it for: the facilitator is asked twice."""
        return self.held and not self.changed

    @property
    def redactable(self) -> bool:
        """Waiting, with what moderation found still in the text: one step replaces it by "[naam]"..."""
        return bool(self.spans) and self.status == "pending"


@dataclass(kw_only=True)
class Contribution(Moderated):
    """One thing said in answer to the agenda: from a phone, or typed in by the facilitator from paper or aloud."""

    prompt_id: str | None
    block_index: int
    source: str = "phone"
    tags: list[str] = field(default_factory=list)
    merged_into: str | None = None
    withdrawn: bool = False

    @property
    def stands(self) -> bool:
        return not self.withdrawn and self.merged_into is None


@dataclass(kw_only=True)
class Question(Moderated):
    """One question to the school."""

    answer: str | None = None  # one of QUESTION_ANSWERS once the facilitator marked it


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

    @property
    def needs_confirmation(self) -> bool:
        return self.held

    @property
    def redactable(self) -> bool:
        return bool(self.spans) and self.state == "held"


@dataclass
class QuestionsState:
    """Every question of the evening, the indexes the views need, and whether the projector shows the top ones."""

    items: dict[str, Question] = field(default_factory=dict)  # in the order asked
    own: dict[str, list[str]] = field(default_factory=dict)  # device -> ids of its questions
    voted: dict[str, set[str]] = field(default_factory=dict)  # device -> ids it upvoted
    on_display: bool = False
