"""What one committed command changed, said by the core in one typed value, so no face decodes events.

Every rule's apply returns a `Changes`: the ids of the items it touched per collection, and flags for the parts of
the evening that are one thing (the block, the timer, the open question...). Listeners of `SessionCore` get it
after the event is stored and applied; the app's screens sync the rows those ids name, the hub sends messages for
exactly those ids, the name check looks at the texts in `new_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Changes:
    """The ids that changed per collection, and flags for the evening's single parts."""

    answers: frozenset[str] = EMPTY  # contributions: text, status, tags, pin, merge, withdrawal, review
    questions: frozenset[str] = EMPTY  # questions to the school: text, status, answer
    recognitions: frozenset[str] = EMPTY  # answers whose recognitions ("herken ik") changed: counts only
    votes: frozenset[str] = EMPTY  # questions whose upvotes changed: counts only
    devices: frozenset[str] = EMPTY  # phones whose own things changed: role, language, seat, ratings, votes
    joined: frozenset[str] = EMPTY  # phones that joined or changed their role or language: who is in the room
    responses: frozenset[str] = EMPTY  # prompts whose ratings or choices changed (their tally)
    reviews: frozenset[tuple[str, str]] = (
        frozenset()
    )  # (kind, id) of a comment or note whose text or review changed
    tables: frozenset[int] = frozenset()  # table numbers: theme, host, notes, seats, presentation timer
    key_points: frozenset[str] = EMPTY
    actions: frozenset[str] = EMPTY
    renderings: frozenset[str] = EMPTY  # answers and questions the facilitator rendered into another language
    new_text: frozenset[tuple[str, str]] = (
        frozenset()
    )  # (kind, id) of room text added or rewritten: to screen
    block: bool = False  # the current block, started or moved
    timer: bool = False  # a timer started, paused, lengthened or shortened
    prompt: bool = False  # the open question
    recognition: bool = False  # recognising answers opened or closed
    settings: bool = False  # auto-approve, questions on the projector
    summary: bool = False  # the closing summary: shown, its view, key message, contact
    presentation: bool = False  # the tables' presentations: which table presents, its time
    letters: bool = False  # a letter to parents went out
    finished: bool = False  # the evening was closed
    screened: bool = (
        False  # the full name check looked at texts (their ids are in answers, questions, reviews)
    )

    def __or__(self, other: Changes) -> Changes:
        # Called for every command by every listener that gathers a burst: only the parts set are joined.
        mine, theirs = self.__dict__, other.__dict__
        if not any(theirs.values()):
            return self
        if not any(mine.values()):
            return other
        joined = dict(mine)
        for name, value in theirs.items():
            if value:
                joined[name] = mine[name] | value
        union = object.__new__(
            Changes
        )  # a frozen dataclass, filled as its __init__ would, without its checks
        union.__dict__.update(joined)
        return union

    def __bool__(self) -> bool:
        return any(self.__dict__.values())

    @property
    def aftercare(self) -> bool:
        """Only the school's actions or its letters changed: work after the evening, not the evening itself."""
        return bool(self.actions or self.letters) and not bool(replace(self, actions=EMPTY, letters=False))

    @property
    def fields_changed(self) -> bool:
        """Anything besides the keyed collections: the parts every view shows once."""
        return any(
            (
                self.block,
                self.timer,
                self.prompt,
                self.recognition,
                self.settings,
                self.summary,
                self.presentation,
                self.finished,
            )
        )


NOTHING = Changes()


def union(changes: Iterable[Changes]) -> Changes:
    """Everything a burst of commands changed."""
    total = NOTHING
    for change in changes:
        total = total | change
    return total


def one(value: str | None) -> frozenset[str]:
    """A set of one id, or none."""
    return EMPTY if value is None else frozenset((value,))
