"""A block while the parser reads its lines, with the translations found beside each text; frozen into a `Block`."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.agenda.model import Block, Prompt
from kiosk.agenda.translations import in_every_language


@dataclass
class BlockDraft:
    """A block while its lines are being read; frozen into a `Block` at the end."""

    number: int  # 1-based, as in prompt ids
    title: str
    minutes: int
    line: int
    kind: str = "plain"
    lead: str = ""
    points: list[str] = field(default_factory=list)
    prompts: list[Prompt] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title_translations: dict[str, str] = field(default_factory=dict)
    lead_translations: dict[str, str] = field(default_factory=dict)
    point_texts: list[tuple[str, dict[str, str]]] = field(
        default_factory=list
    )  # each point, its translations

    note_texts: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # each note, its translations
    after_prose: bool = (
        False  # the last paragraph was prose: an `en: ...` line now translates it, not the title
    )

    def add_note(self, text: str) -> None:
        self.notes.append(text)
        self.note_texts.append((text, {}))

    def translate_last_note(self, lang: str, text: str) -> None:
        """`en: ...` after a note (a paragraph or a setting's line) is that note in English."""
        if self.note_texts:
            translations = self.note_texts[-1][1]
            translations[lang] = f"{translations[lang]}\n\n{text}" if lang in translations else text

    def add_points(self, points: list[tuple[str, dict[str, str]]]) -> None:
        self.points.extend(text for text, _ in points)
        self.point_texts.extend(points)

    def freeze(self) -> Block:
        return Block(
            index=self.number - 1,
            title=self.title,
            minutes=self.minutes,
            kind=self.kind,
            lead=self.lead,
            points=tuple(self.points),
            prompts=tuple(self.prompts),
            notes="\n\n".join(self.notes),
            line=self.line,
            title_translations=dict(self.title_translations),
            lead_translations=dict(self.lead_translations),
            point_translations=in_every_language(self.point_texts),
            note_translations={
                lang: "\n\n".join(texts) for lang, texts in in_every_language(self.note_texts).items()
            },
        )
