"""The room's text in the language of a letter: as written when it was written in that language, else in the
facilitator's rendering, else not at all."""

from __future__ import annotations

from kiosk.core.moderated import Question
from kiosk.core.state import Contribution, SessionState


def written_in(state: SessionState, item: Contribution | Question) -> str:
    """The language an answer or question was written in: its phone page's (the agenda's when typed in from paper
    or said aloud)."""
    if isinstance(item, Contribution):
        return item.lang or state.agenda.language
    device = state.devices.get(item.device) if item.device else None
    return device.lang if device is not None else state.agenda.language


def text_in(state: SessionState, item: Contribution | Question, lang: str) -> str | None:
    """The item's text for a reader of `lang`; None when it was written in another language and nobody rendered it."""
    if written_in(state, item) == lang:
        return item.text
    return state.renderings.get(item.id, {}).get(lang)
