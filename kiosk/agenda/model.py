"""The agenda as pure data: what the parser produces and every face reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BLOCK_KINDS = (
    "arrival",
    "welcome",
    "talk",
    "dialogue",
    "summary",
    "break",
    "tables",
    "presentations",
    "closing",
    "plain",
)

PROMPT_KINDS = ("open", "rating", "choice")


@dataclass(frozen=True)
class Prompt:
    """Something phones answer: an open question, a 1-5 rating or a choice."""

    id: str  # unique within the agenda, stable across edits of the wording ("b4-q1")
    kind: str  # one of PROMPT_KINDS
    text: str  # in the agenda's language
    options: tuple[str, ...] = ()  # for kind "choice"
    translations: dict[str, str] = field(default_factory=dict)  # lang -> text
    option_translations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang -> options
    line: int = 0  # 1-based line in the agenda file

    def text_in(self, lang: str) -> str:
        return self.translations.get(lang, self.text)

    def options_in(self, lang: str) -> tuple[str, ...]:
        return self.option_translations.get(lang, self.options)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "options": list(self.options),
            "translations": dict(self.translations),
            "option_translations": {k: list(v) for k, v in self.option_translations.items()},
        }

    def to_json_in(self, lang: str | None) -> dict[str, Any]:
        """As `to_json`, with only the translation into `lang` (a phone needs its own language, not all)."""
        return {
            **self.to_json(),
            "translations": {lang: self.translations[lang]} if lang in self.translations else {},
            "option_translations": (
                {lang: list(self.option_translations[lang])} if lang in self.option_translations else {}
            ),
        }


@dataclass(frozen=True)
class Block:
    """One timed part of the evening."""

    index: int  # 0-based position in the agenda
    title: str
    minutes: int
    kind: str  # one of BLOCK_KINDS
    lead: str = ""  # who leads ("gespreksleider", "ouders", a name)
    points: tuple[str, ...] = ()  # the facilitator's talking points
    prompts: tuple[Prompt, ...] = ()
    notes: str = ""  # free text under the block (purpose, remarks), plain text
    line: int = 0
    title_translations: dict[str, str] = field(default_factory=dict)  # lang -> title, for the phones
    lead_translations: dict[str, str] = field(default_factory=dict)  # lang -> who leads ("wie-en: parents")
    # lang -> every talking point in that language (a point not translated stays as written)
    point_translations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note_translations: dict[str, str] = field(default_factory=dict)  # lang -> the notes in that language

    def title_in(self, lang: str) -> str:
        return self.title_translations.get(lang, self.title)

    def lead_in(self, lang: str) -> str:
        return self.lead_translations.get(lang, self.lead)

    def points_in(self, lang: str) -> tuple[str, ...]:
        return self.point_translations.get(lang, self.points)

    def notes_in(self, lang: str) -> str:
        return self.note_translations.get(lang, self.notes)

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "title_translations": dict(self.title_translations),
            "minutes": self.minutes,
            "kind": self.kind,
            "lead": self.lead,
            "points": list(self.points),
            "lead_translations": dict(self.lead_translations),
            "point_translations": {k: list(v) for k, v in self.point_translations.items()},
            "note_translations": dict(self.note_translations),
            "prompts": [p.to_json() for p in self.prompts],
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Theme:
    """A theme offered at the theme tables, with its card text."""

    id: str
    title: str
    card: str = ""  # a few sentences or questions for the table
    line: int = 0
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)  # lang -> (title, card)

    def title_in(self, lang: str) -> str:
        return self.translations[lang][0] if lang in self.translations else self.title

    def to_json(self) -> dict[str, Any]:
        """Title and card in the agenda's language; what every face shows of a theme."""
        return {"id": self.id, "title": self.title, "card": self.card}

    def to_json_in(self, lang: str | None) -> dict[str, Any]:
        """As `to_json`, plus the translation into `lang` when there is one (a card may translate only its title)."""
        view = self.to_json()
        if lang in self.translations:
            title, card = self.translations[lang]
            view["translations"] = {lang: {"title": title, "card": card}}
        return view

    def languages_json(self) -> dict[str, Any]:
        return {
            **self.to_json(),
            "translations": {k: {"title": t, "card": c} for k, (t, c) in self.translations.items()},
        }


@dataclass(frozen=True)
class Moment:
    """A day as an agenda writes it: a date, or counted from the evening ("1 week vooraf", "6 weken na de avond")."""

    written: str = ""  # as in the agenda; "" when the agenda says nothing
    on_date: str = ""  # ISO, when written as a date
    days_before: int | None = None  # counted back from the evening; negative is after it (0 is the evening)

    def __bool__(self) -> bool:
        return bool(self.written)

    def day(self, evening: str) -> str:
        """The ISO date, counted from the evening's ISO date when need be; "" when it cannot be said."""
        if self.on_date:
            return self.on_date
        if self.days_before is None or not evening:
            return ""
        return (date.fromisoformat(evening) - timedelta(days=self.days_before)).isoformat()

    def to_json(self) -> dict[str, Any] | None:
        if not self.written:
            return None
        return {"written": self.written, "on_date": self.on_date or None, "days_before": self.days_before}


@dataclass(frozen=True)
class Details:
    """What an invitation and a letter say about the evening besides its blocks; empty when not written."""

    school: str = ""
    date: str = ""  # ISO, "2026-10-14"
    place: str = ""
    contact: str = ""  # how parents reach the school: a name, an e-mail address, a phone number
    logo: str = ""  # an image file, as written: relative to the agenda file
    signup: str = ""  # how parents say they are coming: "bij de mentor of via ouders@school.nl"
    signup_by: Moment = field(default_factory=Moment)  # by when
    interpreter: bool | None = None  # None: the agenda does not say
    interpreter_languages: tuple[str, ...] = ()  # language codes, when the school names them
    bring: bool | None = None  # whether parents may bring someone (a partner, someone who translates)
    next_update: Moment = field(default_factory=Moment)  # when parents hear from the school after the letter
    next_update_via: str = ""  # how: "in de nieuwsbrief"

    def to_json(self) -> dict[str, Any]:
        return {
            "school": self.school,
            "date": self.date or None,
            "place": self.place,
            "contact": self.contact,
            "logo": self.logo or None,
            "signup": self.signup or None,
            "signup_by": self.signup_by.to_json(),
            "interpreter": self.interpreter,
            "interpreter_languages": list(self.interpreter_languages),
            "bring": self.bring,
            "next_update": self.next_update.to_json(),
            "next_update_via": self.next_update_via or None,
        }


@dataclass(frozen=True)
class AdvanceQuestion:
    """A question for parents to think about before the evening, as the invitation asks it (`## Vragen vooraf`)."""

    text: str
    translations: dict[str, str] = field(default_factory=dict)  # lang -> text
    line: int = 0

    def text_in(self, lang: str) -> str:
        return self.translations.get(lang, self.text)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "translations": dict(self.translations)}


@dataclass(frozen=True)
class PrepTask:
    """One task of the action team before the evening (the agenda's `## Voorbereiding`)."""

    task: str
    who: str = ""
    when: str = ""  # as written: "6 weken vooraf", "2026-09-01", "na de herfstvakantie"
    days_before: int | None = (
        None  # when `when` counts from the evening (0 the evening itself, negative after)
    )
    on_date: str = ""  # ISO, when `when` is a date
    details: tuple[str, ...] = ()  # nested bullets that are not `wie:` or `wanneer:`
    line: int = 0
    aftercare: bool = False  # listed under `## Nazorg`: after the evening even when `when` is free text

    def due(self, evening: str) -> str:
        """The ISO date of the task, counted from the evening's ISO date; "" when it cannot be said."""
        return Moment(self.when, self.on_date, self.days_before).day(evening)

    def phase(self, evening: str) -> str:
        """`before`, `evening` or `after` the evening; a free-text moment goes by the section the task is in."""
        if self.days_before is not None:
            return "evening" if self.days_before == 0 else "before" if self.days_before > 0 else "after"
        if self.on_date and evening:
            return "evening" if self.on_date == evening else "before" if self.on_date < evening else "after"
        return "after" if self.aftercare else "before"

    def to_json(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "who": self.who,
            "when": self.when,
            "days_before": self.days_before,
            "on_date": self.on_date or None,
            "details": list(self.details),
            "aftercare": self.aftercare,
        }


@dataclass(frozen=True)
class Agenda:
    """A whole evening."""

    title: str
    language: str  # "nl", "en", ...
    blocks: tuple[Block, ...]
    themes: tuple[Theme, ...] = ()
    start_time: str | None = None  # "19:00" when the agenda names one
    key_message: str = ""  # the closing's core message, when the agenda carries one
    source: str = ""  # the Markdown text it was parsed from
    path: str = ""  # where it was read from, for messages
    details: Details = field(default_factory=Details)
    preparation: tuple[PrepTask, ...] = ()  # the action team's tasks, before and after the evening
    advance_questions: tuple[AdvanceQuestion, ...] = ()  # what the invitation asks parents to think about
    title_translations: dict[str, str] = field(default_factory=dict)  # lang -> the evening's title
    key_message_translations: dict[str, str] = field(default_factory=dict)  # lang -> the key message
    # The absolute path of the file it was read from, so a logo is found from anywhere; not part of what the
    # agenda says, so a replayed evening's agenda (parsed from stored text) still equals the live one.
    origin: str = field(default="", compare=False)

    def title_in(self, lang: str) -> str:
        return self.title_translations.get(lang, self.title)

    def key_message_in(self, lang: str) -> str:
        return self.key_message_translations.get(lang, self.key_message)

    @property
    def program_start(self) -> str | None:
        """When the programme begins after the walk-in ("19:15" after 15 minutes of arrival); None without a start
        time. The same as the start time when the evening opens without a walk-in."""
        if self.start_time is None:
            return None
        arrival = 0
        for block in self.blocks:
            if block.kind != "arrival":
                break
            arrival += block.minutes
        return _clock(self.start_time, arrival)

    @property
    def end_time(self) -> str | None:
        """The start time plus the planned minutes, "21:15"; None without a start time."""
        if self.start_time is None:
            return None
        return _clock(self.start_time, self.total_minutes)

    def logo_file(self) -> str:
        """Where the logo is, resolved against the agenda file's folder; "" when the agenda names none."""
        if not self.details.logo:
            return ""
        base = Path(self.origin or self.path).parent
        return str(base / self.details.logo)

    @property
    def total_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)

    def tag_in(self, tag: str, lang: str) -> str:
        """A tag as shown in `lang`: a theme's title (tags are stored as the agenda wrote them) translated."""
        theme = next((t for t in self.themes if t.title == tag), None)
        return tag if theme is None else theme.title_in(lang)

    def prompt(self, prompt_id: str) -> Prompt | None:
        for block in self.blocks:
            for prompt in block.prompts:
                if prompt.id == prompt_id:
                    return prompt
        return None

    @property
    def translated_into(self) -> frozenset[str]:
        """Every language a block title or prompt is translated into: what the view all phones share can be in.

        Themes are not counted: a phone's theme card reaches that phone alone, in its language."""
        found: set[str] = set()
        for block in self.blocks:
            found.update(block.title_translations)
            for prompt in block.prompts:
                found.update(prompt.translations)
        return frozenset(found)

    def block_of_prompt(self, prompt_id: str) -> Block | None:
        for block in self.blocks:
            if any(p.id == prompt_id for p in block.prompts):
                return block
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "title_translations": dict(self.title_translations),
            "language": self.language,
            "start_time": self.start_time,
            "total_minutes": self.total_minutes,
            "key_message": self.key_message,
            "key_message_translations": dict(self.key_message_translations),
            "blocks": [b.to_json() for b in self.blocks],
            "themes": [t.languages_json() for t in self.themes],
            "details": self.details.to_json(),
            "preparation": [task.to_json() for task in self.preparation],
            "advance_questions": [q.to_json() for q in self.advance_questions],
        }


def _clock(start: str, minutes: int) -> str:
    """A time of day `minutes` after `start` ("19:00" + 15 is "19:15"), round the clock past midnight."""
    hours, mins = (int(part) for part in start.split(":"))
    total = (hours * 60 + mins + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class AgendaError:
    """One problem in an agenda file: a stable code and its parameters, printed as `file:line: message`."""

    path: str
    line: int
    code: str  # a key of kiosk.agenda.messages (a plain sentence also works: it is shown as it is)
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The message in English."""
        return self.message_in("en")

    def message_in(self, lang: str) -> str:
        from kiosk.agenda.messages import render_error

        return render_error(self.code, self.params, lang)

    def render(self, lang: str) -> str:
        """`file:line: message` in the language asked."""
        return f"{self.path}:{self.line}: {self.message_in(lang)}"

    def __str__(self) -> str:
        return self.render("en")


class AgendaInvalid(Exception):
    """An agenda file has errors; `errors` lists each with its line."""

    def __init__(self, errors: list[AgendaError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
