"""What the last letter to parents told, so the next one can say what changed since."""

from __future__ import annotations

from kiosk.core.rules.followup import actions_snapshot
from kiosk.core.state import LetterMark, SessionState


def previous_letter(state: SessionState) -> LetterMark | None:
    """The letter that the next one reports changes since.

    That is the last letter, unless nothing changed since it: then the letter is being made again, and it
    reports the same changes as the first time, since the letter before it.
    """
    if not state.letters:
        return None
    if state.letters[-1].actions != actions_snapshot(state):
        return state.letters[-1]
    return state.letters[-2] if len(state.letters) > 1 else None
