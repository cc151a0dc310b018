"""Read an agenda written as a Markdown run sheet into an `Agenda` (format: docs/agenda-format.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from kiosk.agenda.block_draft import BlockDraft
from kiosk.agenda.front_details import DetailsDraft
from kiosk.agenda.list_sections import KEY_LINE, TRANSLATION, read_advance_question, read_task, read_theme
from kiosk.agenda.model import (
    AdvanceQuestion,
    Agenda,
    AgendaError,
    AgendaInvalid,
    PrepTask,
    Theme,
)
from kiosk.agenda.prompt_lines import read_prompt
from kiosk.agenda.translations import KEY_IN_LANGUAGE, points_of, split_translation
from kiosk.agenda.tree import is_list, line_of, node_text, paragraph_lines
from kiosk.agenda.vocabulary import (
    ADVANCE_HEADINGS,
    AFTERCARE_HEADINGS,
    AGENDA_KEYS,
    BLOCK_KEYS,
    KIND_NAMES,
    LANGUAGE_NAMES,
    PREPARATION_HEADINGS,
    SECTIONS,
    THEME_HEADINGS,
)

_KEY_LINE = KEY_LINE
_DURATION = re.compile(
    r"^(?P<title>.*?)\s*\(\s*(?P<amount>[^()]*?)\s*(?:min|minuten|minuut|minutes|minute)\.?\s*\)$"
)
_WHOLE = re.compile(r"^\d+$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG = re.compile(r"^[a-z]{2}$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_LIST_SECTIONS = {
    **{name: "themes" for name in THEME_HEADINGS},
    **{name: "preparation" for name in PREPARATION_HEADINGS},
    **{name: "aftercare" for name in AFTERCARE_HEADINGS},
    **{name: "advance" for name in ADVANCE_HEADINGS},
}

_MARKDOWN = MarkdownIt("commonmark")


def _allowed(names: Mapping[str, str]) -> str:
    return ", ".join(names)


class _Reader:
    """Walks the top-level Markdown nodes once, keeping the place (front, block, section, themes)."""

    def __init__(
        self, text: str, path: str, cards: Callable[[], Mapping[str, Theme]], base_dir: Path | None = None
    ) -> None:
        self.text = text
        self.path = path
        self.cards = cards
        self.base_dir = base_dir  # the agenda file's folder: a logo is checked there; None for stored text
        self.errors: list[AgendaError] = []
        self.title = ""
        self.title_line = 0
        self.language = "nl"
        self.start: str | None = None
        self.details = DetailsDraft(self.error, base_dir)
        self.preparation: list[PrepTask] = []
        self.advance: list[AdvanceQuestion] = []
        self.blocks: list[BlockDraft] = []
        self.themes: list[Theme] = []
        self.key_message: list[str] = []
        self.key_translations: dict[str, list[str]] = {}  # lang -> paragraphs of the key message
        self.title_translations: dict[str, str] = {}  # lang -> the evening's title
        self.key_lang = ""  # the language the key message's paragraphs are in now ("" the agenda's)
        self.key_message_line = 0
        self.section_serial = 0  # counts '###' headings, so a key message split over paragraphs stays one
        self.key_section = 0
        self.list_section = (
            ""  # "themes", "preparation", "aftercare" or "advance" under such a heading, else ""
        )
        self.section = ""  # "" directly under a heading, else a value of SECTIONS
        self.prompt_ids: dict[str, int] = {}
        self.theme_ids: dict[str, int] = {}

    def error(self, line: int, code: str, **params: object) -> None:
        """Note a problem by its code (kiosk.agenda.messages) and parameters, at a line."""
        self.errors.append(AgendaError(self.path, line, code, params))

    @property
    def block(self) -> BlockDraft | None:
        return None if self.list_section or not self.blocks else self.blocks[-1]

    def read(self) -> Agenda:
        root = SyntaxTreeNode(_MARKDOWN.parse(self.text))
        for node in root.children:
            if node.type == "heading":
                self.heading(node)
            elif node.type == "paragraph":
                self.paragraph(node)
            elif is_list(node):
                self.bullets(node)
            elif (
                node.type in ("blockquote", "fence", "code_block")
                and self.block
                and self.section != "prompts"
            ):
                self.block.add_note(node.content.strip() or self.text_of(node))
            # Thematic breaks and HTML (comments for the author) carry nothing for the evening.
        if not self.title_line:
            self.error(1, "no_title")
        if not self.blocks:
            self.error(self.title_line or 1, "no_blocks")
        self.details.check_moments()
        if self.errors:
            raise AgendaInvalid(sorted(self.errors, key=lambda e: e.line))
        return Agenda(
            title=self.title,
            language=self.language,
            blocks=tuple(b.freeze() for b in self.blocks),
            themes=tuple(self.themes),
            start_time=self.start,
            key_message="\n\n".join(self.key_message),
            source=self.text,
            path=self.path,
            details=self.details.freeze(),
            preparation=tuple(self.preparation),
            advance_questions=tuple(self.advance),
            key_message_translations={k: "\n\n".join(v) for k, v in self.key_translations.items()},
            title_translations=dict(self.title_translations),
        )

    def text_of(self, node: SyntaxTreeNode) -> str:
        return "\n".join(node_text(c) for c in node.children if c.type == "paragraph")

    # -- headings -------------------------------------------------------------------------------------

    def heading(self, node: SyntaxTreeNode) -> None:
        line, text = line_of(node), node_text(node)
        if node.tag == "h1":
            if self.title:
                self.error(line, "second_title", text=text, first_line=self.title_line)
            else:
                self.title, self.title_line = text, line
                if not text:
                    self.error(line, "empty_title")
        elif node.tag == "h2":
            self.block_heading(line, text)
        elif node.tag == "h3":
            self.section_heading(line, text)
        else:
            self.error(line, "too_deep", markup=node.markup, text=text)

    def block_heading(self, line: int, text: str) -> None:
        self.section = ""
        name = text.strip().lower()
        if name in _LIST_SECTIONS:
            self.list_section = _LIST_SECTIONS[name]
            return
        self.list_section = ""
        match = _DURATION.match(text.strip())
        title, minutes = text.strip(), 0
        if match is None:
            self.error(line, "no_duration", title=title)
        else:
            title, amount = match["title"].strip(), match["amount"]
            if _WHOLE.match(amount) and int(amount) > 0:
                minutes = int(amount)
            else:
                self.error(line, "bad_duration", title=title, amount=amount)
        if not title:
            self.error(line, "block_without_title")
        # The draft is kept even when broken so its prompts and keys are still checked.
        self.blocks.append(BlockDraft(number=len(self.blocks) + 1, title=title, minutes=minutes, line=line))

    def section_heading(self, line: int, text: str) -> None:
        self.section_serial += 1
        name = text.strip().lower()
        section = SECTIONS.get(name)
        if section is None:
            self.section = "unknown"
            self.error(line, "unknown_section", text=text, allowed=_allowed(SECTIONS))
            return
        if self.block is None:
            self.section = "outside"
            self.error(line, "prompts_outside" if section == "prompts" else "section_outside", text=text)
            return
        self.section = section

    # -- paragraphs -----------------------------------------------------------------------------------

    def paragraph(self, node: SyntaxTreeNode) -> None:
        block, section = self.block, self.section
        if section in ("unknown", "outside"):
            return
        lines = paragraph_lines(node)
        if self.list_section:
            if all(_KEY_LINE.match(text) for _, text in lines):
                code = {"themes": "theme_not_bullet", "advance": "advance_not_bullet"}
                self.error(line_of(node), code.get(self.list_section, "task_not_bullet"))
            return  # other text introduces the themes or tasks, for the reader of the file only
        if not section:
            pairs = [(ln, _KEY_LINE.match(text)) for ln, text in lines if text]
            if pairs and all(m for _, m in pairs):
                for ln, m in pairs:
                    assert m is not None
                    self.key(ln, m[1], m[2])
                return
            if block is not None:
                self.note_or_translation(block, node_text(node))
                block.after_prose = True
            return  # prose before the first block introduces the evening; the kiosk does not show it
        assert block is not None
        if section == "points":
            found = split_translation(node_text(node))
            if found is not None and block.point_texts:  # "en: ..." under a paragraph point translates it
                block.point_texts[-1][1].setdefault(*found)
            else:
                block.add_points([(node_text(node), {})])
        elif section == "notes":
            self.note_or_translation(block, node_text(node))
        elif section == "key_message":
            self.add_key_message(line_of(node), node_text(node))
        else:
            self.error(line_of(node), "prompt_not_bullet")

    def note_or_translation(self, block: BlockDraft, text: str) -> None:
        found = split_translation(text)
        if found is not None and block.note_texts:
            block.translate_last_note(*found)
        else:
            block.add_note(text)

    def key(self, line: int, raw_key: str, value: str) -> None:
        key = raw_key.lower()
        block = self.block
        if not value:
            self.error(line, "key_without_value", key=raw_key)
            return
        if block is None:
            if self.list_section:
                return
            name = AGENDA_KEYS.get(key)
            if name is None and _LANG.match(key):
                # `en: Parent partnership evening`: the evening's title in another language
                if key in self.title_translations:
                    self.error(line, "translation_twice", lang=key)
                self.title_translations[key] = value
            elif name is None:
                self.error(line, "unknown_agenda_key", key=raw_key, allowed=_allowed(AGENDA_KEYS))
            elif name == "language":
                self.set_language(line, value)
            elif name == "start":
                self.set_start(line, value)
            else:
                self.details.set(line, name, value)
            return
        name = BLOCK_KEYS.get(key)
        in_language = KEY_IN_LANGUAGE.match(key)
        after_prose, block.after_prose = block.after_prose, False
        if name is None and _LANG.match(key) and after_prose:
            block.translate_last_note(key, value)  # prose, then `en: ...`: the prose in English
        elif name is None and in_language is not None and BLOCK_KEYS.get(in_language[1]) == "lead":
            block.lead_translations[in_language[2]] = value  # `wie-en: parents`
        elif (
            name is None and in_language is not None and BLOCK_KEYS.get(in_language[1]) not in (None, "kind")
        ):
            block.translate_last_note(in_language[2], value)  # `doel-en: Goal: ...`, the line as it reads
        elif name is None and _LANG.match(key):
            # `tr: Hoş geldiniz`: the block's title in another language, for the phones
            if key in block.title_translations:
                self.error(line, "translation_twice", lang=key)
            block.title_translations[key] = value
        elif name is None:
            self.error(
                line, "unknown_block_key", key=raw_key, block=block.title, allowed=_allowed(BLOCK_KEYS)
            )
        elif name == "kind":
            kind = KIND_NAMES.get(value.lower())
            if kind is None:
                self.error(line, "unknown_kind", value=value, allowed=_allowed(KIND_NAMES))
            else:
                block.kind = kind
        elif name == "lead":
            block.lead = value
        else:
            block.add_note(f"{raw_key.capitalize()}: {value}")

    def set_language(self, line: int, value: str) -> None:
        code = LANGUAGE_NAMES.get(value.lower(), value.lower())
        if _LANG.match(code):
            self.language = code
        else:
            self.error(line, "bad_language", value=value)

    def set_start(self, line: int, value: str) -> None:
        match = _TIME.match(value)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            self.start = f"{int(match[1]):02d}:{match[2]}"
        else:
            self.error(line, "bad_start", value=value)

    def add_key_message(self, line: int, text: str) -> None:
        if self.key_section and self.key_section != self.section_serial:
            self.error(line, "second_key_message", first_line=self.key_message_line)
            return
        if not self.key_section:
            self.key_section, self.key_message_line = self.section_serial, line
        # A paragraph 'en: ...' starts the key message in that language; the paragraphs after it continue it.
        translated = TRANSLATION.match(text)
        if translated is not None:
            self.key_lang, text = translated[1], translated[2].strip()
            if self.key_lang in self.key_translations:
                self.error(line, "translation_twice", lang=self.key_lang)
            self.key_translations[self.key_lang] = []
        if self.key_lang:
            self.key_translations[self.key_lang].append(text)
        else:
            self.key_message.append(text)

    # -- lists ----------------------------------------------------------------------------------------

    def bullets(self, node: SyntaxTreeNode) -> None:
        block, section = self.block, self.section
        if section in ("unknown", "outside"):
            return
        if self.list_section:
            for item in node.children:
                self.list_item(item)
            return
        if block is None:
            self.front_list(node)
            return
        if section == "prompts":
            for item in node.children:
                self.prompt(block, item)
        elif section in ("", "points"):
            block.add_points(points_of(node))
        elif section == "notes":
            block.add_note("\n".join(f"- {text}" for text in self.flatten(node)))
        else:
            self.add_key_message(line_of(node), "\n".join(self.flatten(node)))

    def flatten(self, node: SyntaxTreeNode) -> list[str]:
        """Every item's text in reading order, nested items after their parent."""
        texts: list[str] = []
        for item in node.children:
            texts.append(node_text(item))
            for child in item.children:
                if is_list(child):
                    texts.extend(self.flatten(child))
        return [t for t in texts if t]

    def front_list(self, node: SyntaxTreeNode) -> None:
        for item in node.children:
            match = _KEY_LINE.match(node_text(item))
            if match is None:
                self.error(line_of(item), "front_not_setting")
            else:
                self.key(line_of(item), match[1], match[2])

    # -- prompts --------------------------------------------------------------------------------------

    def prompt(self, block: BlockDraft, item: SyntaxTreeNode) -> None:
        prompt = read_prompt(item, block.number, len(block.prompts) + 1, self.error, self.prompt_ids)
        if prompt is not None:
            block.prompts.append(prompt)

    # -- list sections --------------------------------------------------------------------------------

    def list_item(self, item: SyntaxTreeNode) -> None:
        if self.list_section in ("preparation", "aftercare"):
            task = read_task(item, self.error, aftercare=self.list_section == "aftercare")
            if task is not None:
                self.preparation.append(task)
        elif self.list_section == "advance":
            question = read_advance_question(item, self.error)
            if question is not None:
                self.advance.append(question)
        else:
            theme = read_theme(item, self.error, self.cards, self.errors)  # type: ignore[arg-type]
            if theme is None:
                return
            if theme.id in self.theme_ids:
                self.error(line_of(item), "theme_id_taken", id=theme.id, first_line=self.theme_ids[theme.id])
                return
            self.theme_ids[theme.id] = line_of(item)
            self.themes.append(theme)


def parse_agenda(
    text: str,
    path: str = "<agenda>",
    cards: Mapping[str, Theme] | None = None,
    base_dir: Path | None = None,
) -> Agenda:
    """Parse an agenda's Markdown; raises AgendaInvalid listing every problem with its line.

    With `base_dir` (the agenda file's folder) the logo file is checked too; a stored evening's text is parsed
    without, so an evening stays readable when its logo has moved.
    """

    def shipped_cards() -> Mapping[str, Theme]:
        if cards is not None:
            return cards
        # Imported here because cards.py reads its files with this module's helpers.
        from kiosk.agenda.cards import load_cards

        return load_cards()

    return _Reader(text, path, shipped_cards, base_dir).read()


def load_agenda(path: str | Path) -> Agenda:
    """Read and parse an agenda file (UTF-8); an unreadable file is an AgendaInvalid on line 0."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AgendaInvalid([AgendaError(name, 0, "no_such_file")]) from None
    except IsADirectoryError:
        raise AgendaInvalid([AgendaError(name, 0, "is_folder")]) from None
    except UnicodeDecodeError as exc:
        raise AgendaInvalid([AgendaError(name, 0, "not_utf8", {"byte": exc.start})]) from None
    except OSError as exc:
        raise AgendaInvalid([AgendaError(name, 0, "unreadable", {"reason": exc.strerror or exc})]) from None
    agenda = parse_agenda(text, name, base_dir=Path(path).parent)
    return replace(agenda, origin=str(Path(path).resolve()))
