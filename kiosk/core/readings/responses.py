"""What the phones gave the rating and choice questions: the one reading the app, the pages and the report share."""

from __future__ import annotations

from kiosk.agenda.model import Prompt
from kiosk.core.readings import rating
from kiosk.core.readings.kinds import kind_of
from kiosk.core.readings.tally import Tally
from kiosk.core.state import SessionState


def values_of(state: SessionState, prompt: Prompt) -> list[int]:
    """Every phone's answer to a question (the last one each phone gave)."""
    return [answer.value for answer in state.responses.get(prompt.id, {}).values()]


def tally_of(state: SessionState, prompt: Prompt) -> Tally | None:
    """Answers per value of a rating or choice question; None for an open question."""
    return kind_of(prompt).tally(prompt, values_of(state, prompt))


def rating_of(state: SessionState, prompt: Prompt) -> rating.RatingSummary:
    """A rating question's count, mean and distribution."""
    return rating.summarize(prompt, values_of(state, prompt))
