"""A table card per theme: the theme, its card text and questions, and how the table works; one A4 page each."""

from __future__ import annotations

import html
import re

from kiosk.agenda.model import Agenda, Theme
from kiosk.prepare.page import a4_document
from kiosk.prepare.words import word

_LABEL = re.compile(r"^([^\W\d_][\w ]{0,30}):\s+(.*)$")


def _card_text(theme: Theme) -> tuple[str, list[str]]:
    """The card's text as HTML paragraphs, and its questions (the card's bullets)."""
    paragraphs, questions = [], []
    for line in theme.card.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            questions.append(line[2:].strip())
            continue
        label = _LABEL.match(line)
        if label:
            paragraphs.append(f"<p><strong>{html.escape(label[1])}:</strong> {html.escape(label[2])}</p>")
        else:
            paragraphs.append(f"<p>{html.escape(line)}</p>")
    return "".join(paragraphs), questions


def _sheet(theme: Theme, agenda: Agenda, how: list[str], minutes: int) -> str:
    lang = agenda.language
    text, questions = _card_text(theme)
    listed = "".join(f"<li>{html.escape(q)}</li>" for q in questions)
    steps = "".join(f"<li>{html.escape(point)}</li>" for point in how)
    return (
        f'<p class="kicker">{html.escape(agenda.title)}</p><h1>{html.escape(theme.title)}</h1>'
        f'<p class="table-number">{html.escape(word(lang, "table"))}</p>'
        + (f'<div class="card-text">{text}</div>' if text else "")
        + (
            f'<h2>{html.escape(word(lang, "questions"))}</h2><ol class="questions">{listed}</ol>'
            if listed
            else ""
        )
        + (
            f'<h2>{html.escape(word(lang, "how", minutes=minutes))}</h2><ul class="how">{steps}</ul>'
            if steps
            else ""
        )
    )


def render_table_cards(agenda: Agenda) -> str:
    """Every theme of the agenda on its own page, with the theme tables block's talking points."""
    lang = agenda.language
    block = next((b for b in agenda.blocks if b.kind == "tables"), None)
    how = list(block.points) if block else []
    minutes = block.minutes if block else 0
    sheets = [_sheet(theme, agenda, how, minutes) for theme in agenda.themes]
    if not sheets:
        sheets = [f'<p class="empty">{html.escape(word(lang, "no_themes"))}</p>']
    return a4_document(lang=lang, title=word(lang, "cards", title=agenda.title), sheets=sheets, kind="card")
