"""The letter to parents as pure data: only reviewed text, each action with what it answers, what changed.

Reviewed text is what the facilitator approved on the evening (visible contributions), what the facilitator or
the school wrote themselves (key points, the key message, actions and their progress notes, the contact), and
what the agenda says (questions, themes). Held, hidden, withdrawn or pending answers, rating comments and
the table hosts' notes never reach the letter: nobody looked at them for names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from kiosk.core.readings.evening import people
from kiosk.core.readings.questions import answered_questions
from kiosk.core.readings.summary import RoleSplit, running_summary
from kiosk.core.rules.followup import previous_letter
from kiosk.core.state import Action, Contribution, SessionState
from kiosk.core.tables import table_outcomes

OPEN_STATUSES = ("planned", "in_progress")
TOP_ANSWERS = 2  # per question, when the facilitator composed no key points


@dataclass(frozen=True)
class Heard:
    """A point the room made: a key point, or (without key points) one of the most recognised answers."""

    text: str
    said: int  # how many contributions say it (merged repeats included); 0 when the facilitator wrote it
    recognised: int  # how many phones recognised it


@dataclass(frozen=True)
class Quote:
    """An approved answer that an action responds to, with the question it answered."""

    text: str
    prompt: str  # in the letter's language; "" when it was said outside a question
    recognised: int


@dataclass(frozen=True)
class LetterAction:
    """What the school does, for whom it answers what, and how far it is."""

    what: str
    owner: str
    due: str  # ISO or ""
    status: str
    overdue: bool
    answers: tuple[Heard, ...]  # the key points it responds to
    quotes: tuple[Quote, ...]
    news: str  # the latest progress note, "" without
    news_at: float | None


@dataclass(frozen=True)
class Change:
    """One thing that changed in the actions since the previous letter."""

    kind: str  # new | status | due | news
    what: str
    status: str = ""
    was: str = ""  # the earlier status or due date
    due: str = ""
    news: str = ""


@dataclass(frozen=True)
class Rating:
    prompt: str
    average: float
    count: int


@dataclass(frozen=True)
class ParentLetter:
    """Everything the letter to parents says; holds no device ids and no unreviewed text."""

    lang: str
    school: str
    logo: str | None  # a data: URI
    agenda_title: str
    evening_at: float
    written_at: float
    attendance: RoleSplit
    questions: tuple[str, ...]
    themes: tuple[str, ...]
    answer_count: int
    heard: tuple[Heard, ...]
    heard_from_answers: bool  # True when `heard` holds the most recognised answers (no key points made)
    key_message: str
    ratings: tuple[Rating, ...]
    actions: tuple[LetterAction, ...]
    previous_letter_at: float | None
    changes: tuple[Change, ...]
    come_back_to: tuple[
        str, ...
    ]  # the room's approved questions the school answers later, most upvoted first
    contact: str  # what the closing said about keeping in touch
    school_contact: str  # how to reach the school, from the agenda


def _said_with(state: SessionState, contribution: Contribution) -> list[Contribution]:
    """A contribution and the repeats merged into it that still count (not hidden, not withdrawn)."""
    repeats = [state.contributions[i] for i in state.duplicates.get(contribution.id, ())]
    return [contribution, *(c for c in repeats if not c.withdrawn and c.status != "hidden")]


def _heard_of_sources(state: SessionState, text: str, sources: list[str]) -> Heard:
    shown = [state.contributions[s] for s in sources if s in state.contributions]
    said = [c for source in shown if source.visible for c in _said_with(state, source)]
    recognised: set[str] = set()
    for c in said:
        recognised |= c.endorsements
    return Heard(text, len(said), len(recognised))


def _top_answers(state: SessionState) -> tuple[Heard, ...]:
    heard = []
    for prompt in running_summary(state).prompts:
        items = sorted(
            (item for group in prompt.groups for item in group.items),
            key=lambda i: (not i.pinned, -i.recognitions, -i.duplicates),
        )
        heard += [Heard(i.text, 1 + i.duplicates, i.recognitions) for i in items[:TOP_ANSWERS]]
    return tuple(heard)


def _quotes(state: SessionState, action: Action, lang: str) -> tuple[Quote, ...]:
    quotes = []
    for cid in action.contributions:
        c = state.contributions.get(cid)
        if c is None or not c.visible:
            continue  # only what the facilitator approved, and what still stands on its own
        prompt = state.agenda.prompt(c.prompt_id) if c.prompt_id else None
        quotes.append(Quote(c.text, prompt.text_in(lang) if prompt else "", state.endorsement_count(c)))
    return tuple(quotes)


def is_overdue(action: Action, today: date) -> bool:
    """Due before today and neither done nor dropped."""
    if action.status not in OPEN_STATUSES or not action.due:
        return False
    try:
        return date.fromisoformat(action.due) < today
    except ValueError:
        return False


def _actions(state: SessionState, lang: str, today: date) -> tuple[LetterAction, ...]:
    points = {p.id: p for p in state.key_points}
    result = []
    for action in state.actions.values():
        answers = tuple(
            _heard_of_sources(state, points[k].text, points[k].sources)
            for k in action.key_points
            if k in points
        )
        notes = [n for n in action.notes if n.text]
        result.append(
            LetterAction(
                what=action.what,
                owner=action.owner,
                due=action.due,
                status=action.status,
                overdue=is_overdue(action, today),
                answers=answers,
                quotes=_quotes(state, action, lang),
                news=notes[-1].text if notes else "",
                news_at=notes[-1].at if notes else None,
            )
        )
    return tuple(result)


def _changes(state: SessionState) -> tuple[float | None, tuple[Change, ...]]:
    before = previous_letter(state)
    if before is None:
        return None, ()
    changes = []
    for action in state.actions.values():
        was = before.actions.get(action.id)
        notes = [n for n in action.notes if n.text]
        news = notes[-1].text if notes and len(action.notes) > (was or {}).get("notes", 0) else ""
        if was is None:
            changes.append(Change("new", action.what, action.status, due=action.due, news=news))
            continue
        if was.get("status") != action.status:
            changes.append(
                Change("status", action.what, action.status, was=str(was.get("status", "")), news=news)
            )
        elif was.get("due") != action.due and action.due:
            changes.append(
                Change("due", action.what, action.status, was=str(was.get("due", "")), due=action.due)
            )
        elif news:
            changes.append(Change("news", action.what, action.status, news=news))
    return before.at, tuple(changes)


def _ratings(state: SessionState, lang: str) -> tuple[Rating, ...]:
    ratings = []
    for block in state.agenda.blocks:
        for prompt in block.prompts:
            values = [r.value for r in state.responses.get(prompt.id, {}).values() if 1 <= r.value <= 5]
            if prompt.kind == "rating" and values:
                ratings.append(Rating(prompt.text_in(lang), sum(values) / len(values), len(values)))
    return tuple(ratings)


def _questions(state: SessionState, lang: str) -> tuple[str, ...]:
    """The open questions of the dialogue (or of the whole evening when it has no dialogue block)."""
    blocks = [b for b in state.agenda.blocks if b.kind == "dialogue"] or list(state.agenda.blocks)
    return tuple(p.text_in(lang) for b in blocks for p in b.prompts if p.kind == "open")


def build_letter(
    state: SessionState,
    *,
    evening_at: float,
    written_at: float,
    lang: str = "nl",
    logo: str | None = None,
    tz: tzinfo | None = None,
) -> ParentLetter:
    """The letter to parents of an evening, as of `written_at`; `logo` is a data: URI or None."""
    today = datetime.fromtimestamp(written_at, tz).date()
    themes = tuple(dict.fromkeys(t.theme_title for t in table_outcomes(state) if t.theme_title))
    answer_count = sum(1 for c in state.contributions.values() if c.status == "approved" and not c.withdrawn)
    key_points = tuple(_heard_of_sources(state, p.text, p.sources) for p in state.key_points)
    previous_at, changes = _changes(state)
    return ParentLetter(
        lang=lang,
        school=state.agenda.details.school,
        logo=logo,
        agenda_title=state.agenda.title,
        evening_at=evening_at,
        written_at=written_at,
        attendance=people(state),
        questions=_questions(state, lang),
        themes=themes,
        answer_count=answer_count,
        heard=key_points or _top_answers(state),
        heard_from_answers=not key_points,
        key_message=state.key_message,
        ratings=_ratings(state, lang),
        actions=_actions(state, lang, today),
        previous_letter_at=previous_at,
        changes=changes,
        come_back_to=tuple(text for text, _ in answered_questions(state).later),
        contact=state.contact,
        school_contact=state.agenda.details.contact,
    )
