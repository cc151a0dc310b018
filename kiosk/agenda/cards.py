"""Theme cards shipped in agendas/cards/: an agenda names one with '- kaart: lusse-5'."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from kiosk.agenda.model import AgendaError, AgendaInvalid, Theme
from kiosk.agenda.tree import is_list, line_of, node_text, paragraph_lines
from kiosk.resources import agendas_dir

_CARD_HEADING = re.compile(r"^([a-z0-9][a-z0-9_-]*)\s*:\s*(\S.*)$")
_LABEL = re.compile(r"^[^\W\d_]+:\s")
_TRANSLATION_HEADING = re.compile(r"^([a-z]{2})\s*:\s*(\S.*)$")
_MARKDOWN = MarkdownIt("commonmark")


def cards_dir() -> Path:
    """The folder with the shipped card files."""
    return agendas_dir() / "cards"


def _card_paragraph(node: SyntaxTreeNode) -> str:
    """A paragraph's text where each 'Situatie:'-style line starts a new line and wrapped lines rejoin."""
    lines: list[str] = []
    for _, text in paragraph_lines(node):
        if lines and not _LABEL.match(text):
            lines[-1] = f"{lines[-1]} {text}"
        else:
            lines.append(text)
    return "\n".join(lines)


def parse_cards(text: str, path: str = "<cards>") -> dict[str, Theme]:
    """Read one card file: each '## id: Title' starts a card; its paragraphs and bullets are the card text.

    A '### tr: Başlık' heading inside a card starts its translation into that language, with the text below it.
    """
    errors: list[AgendaError] = []
    cards: dict[str, Theme] = {}
    current: tuple[str, str, int] | None = None
    body: list[str] = []
    translations: dict[str, tuple[str, list[str], int]] = {}  # lang -> (title, body, line)
    lang: str | None = None  # the translation being read, None for the card's own text

    def finish() -> None:
        if current is None:
            return
        card_id, title, line = current
        done: dict[str, tuple[str, str]] = {}
        for code, (translated, lines, at) in translations.items():
            if not lines:
                errors.append(AgendaError(path, at, "card_translation_empty", {"lang": code}))
            done[code] = (translated, "\n\n".join(lines).strip())
        cards[card_id] = Theme(card_id, title, "\n\n".join(body).strip(), line, done)

    for node in SyntaxTreeNode(_MARKDOWN.parse(text)).children:
        if node.type == "heading" and node.tag == "h2":
            finish()
            current, body, translations, lang = None, [], {}, None
            match = _CARD_HEADING.match(node_text(node))
            if match is None:
                errors.append(AgendaError(path, line_of(node), "card_heading"))
            elif match[1] in cards:
                errors.append(AgendaError(path, line_of(node), "card_id_twice", {"id": match[1]}))
            else:
                current = (match[1], match[2].strip(), line_of(node))
        elif current is None:
            continue  # the file's title and introduction are for the reader of the file
        elif node.type == "heading" and node.tag == "h3":
            match = _TRANSLATION_HEADING.match(node_text(node))
            if match is None:
                errors.append(AgendaError(path, line_of(node), "card_translation_heading"))
                lang = None
                continue
            lang = match[1]
            if lang in translations:
                errors.append(AgendaError(path, line_of(node), "translation_twice", {"lang": lang}))
            translations[lang] = (match[2].strip(), [], line_of(node))
        else:
            into = body if lang is None else translations[lang][1]
            if node.type == "paragraph":
                into.append(_card_paragraph(node))
            elif is_list(node):
                into.append("\n".join(f"- {node_text(item)}" for item in node.children))
    finish()
    if errors:
        raise AgendaInvalid(errors)
    return cards


def load_card_files(directory: Path) -> dict[str, Theme]:
    """Every card in the folder's .md files, in file-name order; an id used twice is an error."""
    cards: dict[str, Theme] = {}
    errors: list[AgendaError] = []
    for file in sorted(directory.glob("*.md")):
        try:
            found = parse_cards(file.read_text(encoding="utf-8"), str(file))
        except AgendaInvalid as exc:
            errors.extend(exc.errors)
            continue
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(AgendaError(str(file), 0, "card_not_utf8", {"reason": exc}))
            continue
        for card_id, card in found.items():
            if card_id in cards:
                errors.append(AgendaError(str(file), card.line, "card_id_elsewhere", {"id": card_id}))
            cards[card_id] = card
    if errors:
        raise AgendaInvalid(errors)
    return cards


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Theme]:
    # Cards never change while the kiosk runs, and every agenda check would otherwise re-read them.
    return load_card_files(cards_dir())


def load_cards() -> dict[str, Theme]:
    """The shipped theme cards by id (lusse-1 .. lusse-10, valkuil-1 .. valkuil-6)."""
    return dict(_shipped())
