"""The aftercare report as pure data: what was heard, what the school will do, and how far it has come."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kiosk.agenda.model import Prompt
from kiosk.core.moderation import review_reason
from kiosk.core.readings import choice, rating
from kiosk.core.readings.evening import evening_end, evening_start, people
from kiosk.core.readings.questions import AnsweredQuestions, answered_questions
from kiosk.core.readings.renderings import written_in
from kiosk.core.readings.responses import rating_of, tally_of
from kiosk.core.readings.summary import PromptSummary, RoleSplit, running_summary
from kiosk.core.state import Response, SessionState
from kiosk.core.tables import table_outcomes


@dataclass(frozen=True)
class RatingResult:
    """A 1-5 rating question: average, how many gave each value, and the comments that may be shown."""

    prompt: str
    count: int
    average: float | None
    distribution: tuple[int, int, int, int, int]  # answers giving 1, 2, 3, 4, 5
    comments: tuple[str, ...]
    comments_held: int  # comments left out because moderation would hold them (names, numbers, swearing)


@dataclass(frozen=True)
class ChoiceResult:
    """A choice question: each option with how many chose it."""

    prompt: str
    count: int
    options: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class BlockReport:
    """One block of the agenda and what came of it."""

    index: int
    title: str
    heard: tuple[PromptSummary, ...]
    ratings: tuple[RatingResult, ...]
    choices: tuple[ChoiceResult, ...]


@dataclass(frozen=True)
class TableOutcome:
    """What one theme table wrote down."""

    number: int | None
    theme: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class ProgressNote:
    at: float
    status: str
    text: str


@dataclass(frozen=True)
class ActionReport:
    """A step the school takes, with its progress history."""

    what: str
    owner: str
    due: str
    status: str
    created_at: float
    notes: tuple[ProgressNote, ...]


@dataclass(frozen=True)
class QuestionReport:
    """A question the room saw, in full: its text, votes, how it was answered, and who answers it by when."""

    text: str
    votes: int
    answer: str | None  # now | later | None (not marked)
    owner: str = ""  # of the action linked to it
    due: str = ""
    written_in: str = ""  # the language it was asked in, when not the agenda's (as answers are marked)
    rendering: str = (
        ""  # the facilitator's rendering in the report's language (`kiosk actions --render`), if any
    )


@dataclass(frozen=True)
class Changes:
    """What happened to the actions after the evening."""

    added: int
    updated: int
    done: int


@dataclass(frozen=True)
class AftercareReport:
    """Everything the school mails or prints after the evening; holds no device ids."""

    lang: str
    agenda_title: str
    evening_at: float
    evening_end: float | None
    updated_at: float | None  # the last change to the actions after the evening, if any
    attendance: RoleSplit
    blocks: tuple[BlockReport, ...]
    tables: tuple[TableOutcome, ...]
    key_message: str
    key_points: tuple[str, ...]
    actions: tuple[ActionReport, ...]
    contact: str
    changes: Changes | None  # None until the evening is over
    questions: AnsweredQuestions  # the room's questions to the school: those to answer later, and counts
    agenda_language: str = "nl"  # the language the agenda is written in: answers in others are marked
    question_list: tuple[QuestionReport, ...] = ()  # every approved question with its answer, by votes
    # answer id -> the facilitator's rendering in the report's language, for answers written in another
    renderings: dict[str, str] = field(default_factory=dict)

    @property
    def contribution_count(self) -> int:
        return sum(p.count for b in self.blocks for p in b.heard)

    @property
    def languages(self) -> tuple[tuple[str, int], ...]:
        """How many of the answers heard were written on a page in each language, most first; () when all
        were in the agenda's language (or came from paper or aloud)."""
        counted = Counter(
            item.lang for b in self.blocks for p in b.heard for g in p.groups for item in g.items if item.lang
        )
        if set(counted) <= {self.agenda_language}:
            return ()
        return tuple(sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])))


def _rating(state: SessionState, prompt: Prompt, text: str) -> RatingResult:
    answers = list(state.responses.get(prompt.id, {}).values())
    summary = rating_of(state, prompt)
    c = summary.distribution
    shown = [a for a in answers if a.comment]
    # Only what moderation let through or a person approved; the rules again for logs from before reviews.
    comments = tuple(a.comment for a in shown if _comment_shown(a))
    distribution = (c[0], c[1], c[2], c[3], c[4])
    return RatingResult(
        text, summary.count, summary.average, distribution, comments, len(shown) - len(comments)
    )


def _comment_shown(answer: Response) -> bool:
    """A person approved it after a hold, or nothing was found (again by the rules, for logs from before reviews)."""
    review = answer.review
    return review.state == "approved" or (review.state == "ok" and review_reason(answer.comment) is None)


def _choice(state: SessionState, prompt: Prompt, text: str, options: tuple[str, ...]) -> ChoiceResult:
    counted = tally_of(state, prompt)
    counts = counted.counts if counted is not None else tuple(0 for _ in options)
    return ChoiceResult(
        text, len(state.responses.get(prompt.id, {})), tuple(zip(options, counts, strict=True))
    )


def _blocks(state: SessionState, lang: str) -> tuple[BlockReport, ...]:
    heard = running_summary(state).prompts
    result = []
    for block in state.agenda.blocks:
        ratings = tuple(_rating(state, p, p.text_in(lang)) for p in block.prompts if p.kind == rating.NAME)
        choices = tuple(
            _choice(state, p, p.text_in(lang), p.options_in(lang))
            for p in block.prompts
            if p.kind == choice.NAME
        )
        mine = tuple(p for p in heard if p.block_index == block.index)
        if mine or ratings or choices:
            result.append(BlockReport(block.index, block.title, mine, ratings, choices))
    return tuple(result)


def _tables(state: SessionState) -> tuple[TableOutcome, ...]:
    """The theme tables' outcomes, held notes left out until a person looked."""
    return tuple(TableOutcome(t.number, t.theme_title, tuple(t.points)) for t in table_outcomes(state))


def _actions(state: SessionState) -> tuple[ActionReport, ...]:
    return tuple(
        ActionReport(
            a.what,
            a.owner,
            a.due,
            a.status,
            a.created_at,
            tuple(ProgressNote(n.at, n.status, n.text) for n in a.notes),
        )
        for a in state.actions.values()
    )


def _changes(actions: tuple[ActionReport, ...], end: float) -> tuple[Changes, float | None]:
    added = [a for a in actions if a.created_at > end]
    updated = [a for a in actions if a.created_at <= end and any(n.at > end for n in a.notes)]
    done = [a for a in added + updated if a.status == "done"]
    stamps = [a.created_at for a in added] + [n.at for a in actions for n in a.notes if n.at > end]
    return Changes(len(added), len(updated), len(done)), max(stamps, default=None)


def _question_list(
    state: SessionState, questions: AnsweredQuestions, lang: str
) -> tuple[QuestionReport, ...]:
    """Every approved question, with the owner and due date of the first action answering it, and its rendering in
    the report's language when it was asked in another."""
    listed = []
    for q in questions.shown:
        asked = state.questions.items.get(q.id)
        asked_in = written_in(state, asked) if asked is not None else lang
        rendering = state.renderings.get(q.id, {}).get(lang, "") if asked_in != lang else ""
        replies = [state.actions[a] for a in q.actions if a in state.actions]
        reply = next(
            (a for a in replies if a.status in ("planned", "in_progress")), replies[0] if replies else None
        )
        listed.append(
            QuestionReport(
                q.text,
                q.votes,
                q.answer,
                reply.owner if reply else "",
                reply.due if reply else "",
                asked_in if asked_in != state.agenda.language else "",
                rendering,
            )
        )
    return tuple(listed)


def build_report(
    state: SessionState, *, created_at: float, end: float | None = None, lang: str = "nl"
) -> AftercareReport:
    """The aftercare report of an evening; `end` is when the evening was over (by default `evening_end`)."""
    end = evening_end(state) if end is None else end
    actions = _actions(state)
    questions = answered_questions(state)
    changes, updated_at = _changes(actions, end) if end is not None else (None, None)
    return AftercareReport(
        lang=lang,
        agenda_title=state.agenda.title,
        evening_at=evening_start(state) or created_at,
        evening_end=end,
        updated_at=updated_at,
        attendance=people(state),
        blocks=_blocks(state, lang),
        tables=_tables(state),
        key_message=state.key_message,
        key_points=tuple(p.text for p in state.key_points),
        actions=actions,
        contact=state.contact,
        changes=changes,
        agenda_language=state.agenda.language,
        questions=questions,
        question_list=_question_list(state, questions, lang),
        renderings=_renderings(state, lang),
    )


def _renderings(state: SessionState, lang: str) -> dict[str, str]:
    """The facilitator's renderings in `lang` of the answers written in another language."""
    found = {}
    for item_id, texts in state.renderings.items():
        answer = state.contributions.get(item_id)
        if answer is not None and lang in texts and written_in(state, answer) != lang:
            found[item_id] = texts[lang]
    return found
