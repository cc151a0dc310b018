"""The letter to parents as pure data: only reviewed text, in one language, with what happens next.

Reviewed text is what the facilitator approved on the evening (visible answers and questions), what the facilitator
or the school wrote themselves (key points, the key message, actions and their progress notes, the contact), and
what the agenda says (questions, themes). Held, hidden, withdrawn or pending answers, rating comments and the table
hosts' notes never reach the letter: nobody looked at them for names.

The letter is in one language: an answer or question written in another reaches it only in the facilitator's
rendering (`kiosk actions --render`), else it is left out, and `left_out` says how many for the one who exports it.
Its readers are all parents, those who stayed home too; the room is counted in phones, not people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from kiosk.core.readings.asked import asked_prompts
from kiosk.core.readings.evening import people
from kiosk.core.readings.letters import previous_letter
from kiosk.core.readings.questions import answered_questions
from kiosk.core.readings.renderings import text_in
from kiosk.core.readings.responses import rating_of
from kiosk.core.readings.summary import RoleSplit, running_summary, said_of
from kiosk.core.state import Action, Contribution, SessionState
from kiosk.core.tables import theme_by_id

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
    """What the school does, which of the points heard it answers, and how far it is."""

    what: str
    owner: str
    due: str  # ISO or ""
    status: str
    overdue: bool
    answers: tuple[int, ...]  # the numbers (from 1) of the points heard it responds to
    quotes: tuple[Quote, ...]  # answers it responds to that the points heard do not already show
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
class ComeBack:
    """A question from the room the school comes back to, and who does by when (from the action linked to it)."""

    text: str
    owner: str = ""
    due: str = ""  # ISO or ""
    status: str = ""


@dataclass(frozen=True)
class NextUpdate:
    """When parents hear from the school again: the agenda's `vervolg`, else the first date of the open actions."""

    day: str  # ISO, "" when neither says
    via: str  # the agenda's `vervolg-via` ("de nieuwsbrief"), the school's words
    from_actions: bool = False


@dataclass(frozen=True)
class LeftOut:
    """The room's text the letter leaves out, being in another language with nobody's rendering."""

    answers: tuple[str, ...] = ()  # ids, for `kiosk actions --render`
    questions: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.answers or self.questions)


@dataclass(frozen=True)
class ParentLetter:
    """Everything the letter to parents says; holds no device ids and no unreviewed text."""

    lang: str
    school: str
    logo: str | None  # a data: URI
    agenda_title: str
    evening_at: float
    written_at: float
    phones: RoleSplit  # the phones that took part, by the role their owners gave
    asked: tuple[str, ...]  # the dialogue's questions the evening asked, in the letter's language
    themes: tuple[str, ...]
    answer_count: int
    heard: tuple[Heard, ...]
    heard_from_answers: bool  # True when `heard` holds the most recognised answers (no key points made)
    key_message: str
    ratings: tuple[Rating, ...]
    actions: tuple[LetterAction, ...]
    previous_letter_at: float | None
    changes: tuple[Change, ...]
    come_back_to: tuple[ComeBack, ...]  # the room's approved questions the school answers later, by votes
    next_update: NextUpdate
    contact: str  # what the closing said about keeping in touch
    school_contact: str  # how to reach the school, from the agenda ("" when the closing already says it)
    left_out: LeftOut = LeftOut()


class _Texts:
    """The room's text in the letter's language, remembering what had to be left out."""

    def __init__(self, state: SessionState, lang: str) -> None:
        self.state, self.lang = state, lang
        self.answers: list[str] = []
        self.questions: list[str] = []

    def answer(self, contribution: Contribution) -> str | None:
        text = text_in(self.state, contribution, self.lang)
        if text is None and contribution.id not in self.answers:
            self.answers.append(contribution.id)
        return text

    def left_out(self) -> LeftOut:
        return LeftOut(tuple(self.answers), tuple(self.questions))


def _heard_of_sources(state: SessionState, text: str, sources: list[str]) -> Heard:
    counted = said_of(state, sources)
    return Heard(text, counted.said, counted.recognised)


def _top_answers(state: SessionState, texts: _Texts) -> tuple[Heard, ...]:
    """The most recognised answers per question; one in another language without a rendering makes way."""
    heard = []
    for prompt in running_summary(state).prompts:
        items = prompt.ranked()
        taken = 0
        for item in items:
            text = texts.answer(state.contributions[item.id]) if item.id in state.contributions else None
            if text:
                heard.append(Heard(text, 1 + item.duplicates, item.recognitions))
                taken += 1
            if taken == TOP_ANSWERS:
                break
    return tuple(heard)


def _quotes(state: SessionState, action: Action, texts: _Texts, heard: set[str]) -> tuple[Quote, ...]:
    quotes = []
    for cid in action.contributions:
        c = state.contributions.get(cid)
        if c is None or not c.visible:
            continue  # only what the facilitator approved, and what still stands on its own
        text = texts.answer(c)
        if text is None or text in heard:
            continue  # in another language without a rendering, or already among the points heard
        prompt = state.agenda.prompt(c.prompt_id) if c.prompt_id else None
        quotes.append(Quote(text, prompt.text_in(texts.lang) if prompt else "", state.endorsement_count(c)))
    return tuple(quotes)


def is_overdue(action: Action, today: date) -> bool:
    """Due before today and neither done nor dropped."""
    if action.status not in OPEN_STATUSES or not action.due:
        return False
    try:
        return date.fromisoformat(action.due) < today
    except ValueError:
        return False


def _actions(
    state: SessionState, texts: _Texts, today: date, heard: tuple[Heard, ...]
) -> tuple[LetterAction, ...]:
    numbers = {p.id: n for n, p in enumerate(state.key_points, 1)}
    heard_texts = {h.text for h in heard}
    result = []
    for action in state.actions.values():
        notes = [n for n in action.notes if n.text]
        result.append(
            LetterAction(
                what=action.what,
                owner=action.owner,
                due=action.due,
                status=action.status,
                overdue=is_overdue(action, today),
                answers=tuple(numbers[k] for k in action.key_points if k in numbers),
                quotes=_quotes(state, action, texts, heard_texts),
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
            summary = rating_of(state, prompt) if prompt.kind == "rating" else None
            if summary is not None and summary.average is not None:
                ratings.append(Rating(prompt.text_in(lang), summary.average, summary.count))
    return tuple(ratings)


def _asked(state: SessionState, lang: str) -> tuple[str, ...]:
    """The dialogue's open questions the evening asked (of the whole evening when it has no dialogue block)."""
    dialogue = {b.index for b in state.agenda.blocks if b.kind == "dialogue"}
    asked = [p for p in asked_prompts(state) if p.kind == "open"]
    if dialogue:
        asked = [
            p for p in asked if (block := state.agenda.block_of_prompt(p.id)) and block.index in dialogue
        ]
    return tuple(p.text_in(lang) for p in asked)


def _themes(state: SessionState, lang: str) -> tuple[str, ...]:
    titles = []
    for table in state.tables.tables:
        theme = theme_by_id(state, table.theme)
        if theme is not None:
            titles.append(theme.translations.get(lang, (theme.title, ""))[0])
    return tuple(dict.fromkeys(titles))


def _come_back(state: SessionState, texts: _Texts) -> tuple[ComeBack, ...]:
    """Each approved question marked "later", with the owner and date of the action that answers it."""
    found = []
    for shown in answered_questions(state).answered("later"):
        question = state.questions.items[shown.id]
        text = text_in(state, question, texts.lang)
        if text is None:
            texts.questions.append(question.id)
            continue
        replies = [state.actions[a] for a in shown.actions if a in state.actions]
        reply = next((a for a in replies if a.status in OPEN_STATUSES), replies[0] if replies else None)
        found.append(ComeBack(text, reply.owner, reply.due, reply.status) if reply else ComeBack(text))
    return tuple(found)


def _next_update(state: SessionState, evening: date, today: date) -> NextUpdate:
    details = state.agenda.details
    day = details.next_update.day(details.date or evening.isoformat())
    if day:
        return NextUpdate(day, details.next_update_via)
    dues = sorted(
        a.due
        for a in state.actions.values()
        if a.status in OPEN_STATUSES and a.due and a.due >= today.isoformat()
    )
    return NextUpdate(dues[0] if dues else "", details.next_update_via, from_actions=bool(dues))


def _contact(closing: str, school: str) -> str:
    """The agenda's contact, unless the closing's words already give it (the letter says each thing once)."""
    return "" if " ".join(school.split()).lower() in " ".join(closing.split()).lower() else school


def build_letter(
    state: SessionState,
    *,
    evening_at: float,
    written_at: float,
    lang: str = "nl",
    logo: str | None = None,
    tz: tzinfo | None = None,
) -> ParentLetter:
    """The letter to parents of an evening in `lang`, as of `written_at`; `logo` is a data: URI or None."""
    today = datetime.fromtimestamp(written_at, tz).date()
    texts = _Texts(state, lang)
    answer_count = sum(1 for c in state.contributions.values() if c.status == "approved" and not c.withdrawn)
    key_points = tuple(_heard_of_sources(state, p.text, p.sources) for p in state.key_points)
    heard = key_points or _top_answers(state, texts)
    previous_at, changes = _changes(state)
    agenda = state.agenda
    # The agenda's key message in the letter's language while the facilitator kept it; their own words as written.
    key_message = (
        agenda.key_message_in(lang) if state.key_message == agenda.key_message else state.key_message
    )
    actions = _actions(state, texts, today, heard)
    come_back = _come_back(state, texts)
    return ParentLetter(
        lang=lang,
        school=agenda.details.school,
        logo=logo,
        agenda_title=agenda.title,
        evening_at=evening_at,
        written_at=written_at,
        phones=people(state),
        asked=_asked(state, lang),
        themes=_themes(state, lang),
        answer_count=answer_count,
        heard=heard,
        heard_from_answers=not key_points,
        key_message=key_message,
        ratings=_ratings(state, lang),
        actions=actions,
        previous_letter_at=previous_at,
        changes=changes,
        come_back_to=come_back,
        next_update=_next_update(state, datetime.fromtimestamp(evening_at, tz).date(), today),
        contact=state.contact,
        school_contact=_contact(state.contact, agenda.details.contact),
        left_out=texts.left_out(),
    )
