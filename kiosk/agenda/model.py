"""The agenda as pure data: what the parser produces and every face reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

BLOCK_KINDS = (
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

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "title": self.title,
            "minutes": self.minutes,
            "kind": self.kind,
            "lead": self.lead,
            "points": list(self.points),
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

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "card": self.card}


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

    @property
    def total_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)

    def prompt(self, prompt_id: str) -> Prompt | None:
        for block in self.blocks:
            for prompt in block.prompts:
                if prompt.id == prompt_id:
                    return prompt
        return None

    def block_of_prompt(self, prompt_id: str) -> Block | None:
        for block in self.blocks:
            if any(p.id == prompt_id for p in block.prompts):
                return block
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "language": self.language,
            "start_time": self.start_time,
            "total_minutes": self.total_minutes,
            "key_message": self.key_message,
            "blocks": [b.to_json() for b in self.blocks],
            "themes": [t.to_json() for t in self.themes],
        }


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
