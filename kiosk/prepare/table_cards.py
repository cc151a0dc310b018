"""Table cards, one set per language the agenda's themes speak: per theme a card that folds to stand on the table
(the theme and its questions, readable from both sides) and a sheet the table works on (how the table works,
who reports back, the ideas, room for notes).

The words are `card.` in the message catalog, so a card set is in the same language top to bottom; a theme the
agenda does not translate into a language shows as the agenda wrote it there (the kit says which).
"""

from __future__ import annotations

import html
import re

from kiosk.agenda.model import Agenda, Block, Theme
from kiosk.catalog import Catalog, catalog
from kiosk.prepare.page import a4_document
from kiosk.printing.direction import bdi

_LABEL = re.compile(r"^([^\W\d_][\w ]{0,30}):\s+(.*)$")
STEPS = ("card.step_intro", "card.step_read", "card.step_share", "card.step_choose", "card.step_reporter")
IDEA_LINES = 3
NOTE_LINES = 9


def card_languages(agenda: Agenda, offered: list[str]) -> list[str]:
    """The agenda's own language first, then every language a theme is translated into and the catalog speaks."""
    translated = {code for theme in agenda.themes for code in theme.translations}
    speaks = [code for code in offered if catalog(code).has_own("card.")]
    return [agenda.language, *(code for code in speaks if code in translated and code != agenda.language)]


def untranslated(agenda: Agenda, lang: str) -> list[str]:
    """The themes a card set in `lang` shows as the agenda wrote them."""
    if lang == agenda.language:
        return []
    return [theme.title for theme in agenda.themes if lang not in theme.translations]


def _in(theme: Theme, lang: str) -> tuple[str, str]:
    """Title and card in `lang`; a translation of the title alone keeps the original card."""
    title, card = theme.translations.get(lang, (theme.title, theme.card))
    return title, card or theme.card


def _split(card: str, page_dir: str) -> tuple[str, list[str]]:
    """The card's text as HTML paragraphs ('Situatie:' in bold), and its questions (the card's `- ` lines)."""
    paragraphs, questions = [], []
    for line in card.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            questions.append(line[2:].strip())
            continue
        label = _LABEL.match(line)
        if label:
            paragraphs.append(f"<p><strong>{html.escape(label[1])}:</strong> {bdi(label[2], page_dir)}</p>")
        else:
            paragraphs.append(f"<p>{bdi(line, page_dir)}</p>")
    return "".join(paragraphs), questions


def _questions(questions: list[str], page_dir: str, css: str) -> str:
    items = "".join(f"<li>{bdi(q, page_dir)}</li>" for q in questions)
    return f'<ol class="{css}">{items}</ol>' if items else ""


def _tent(title: str, questions: list[str], t: Catalog) -> str:
    """A sheet to fold along the middle: the upper half upside down, so the table reads it from both sides."""
    half = (
        f'<p class="table-line">{html.escape(t("card.table"))} <span class="blank short"></span></p>'
        f"<h1>{bdi(title, t.dir)}</h1>{_questions(questions, t.dir, 'questions')}"
    )
    fold = f'<div class="fold"><span>{html.escape(t("card.fold"))}</span></div>'
    return (
        f'<div class="tent"><div class="half upside">{half}</div>{fold}<div class="half">{half}</div></div>'
    )


def _lines(count: int, css: str) -> str:
    return f'<div class="{css}">' + '<span class="line"></span>' * count + "</div>"


def _work_sheet(
    title: str, text: str, questions: list[str], block: Block | None, t: Catalog, evening: str
) -> str:
    """What the table fills in: how it works, the questions, who reports back, the ideas and notes."""
    how = t("card.how_title") + (f" ({t('card.time', minutes=block.minutes)})" if block else "")
    steps = "".join(f"<li>{html.escape(t(key))}</li>" for key in STEPS)
    ideas = '<li><span class="line"></span></li>' * IDEA_LINES
    return (
        f'<p class="kicker">{bdi(evening, t.dir)}</p>'
        f'<div class="sheet-head"><h1>{bdi(title, t.dir)}</h1>'
        f'<p class="table-line">{html.escape(t("card.table"))} <span class="blank short"></span></p></div>'
        + (f'<div class="card-text">{text}</div>' if text else "")
        + (
            f"<h2>{html.escape(t('card.questions'))}</h2>{_questions(questions, t.dir, 'questions')}"
            if questions
            else ""
        )
        + f'<h2>{html.escape(how)}</h2><ol class="how">{steps}</ol>'
        + f'<p class="reporter"><strong>{html.escape(t("card.reporter"))}</strong> <span class="blank"></span></p>'
        + f'<h2>{html.escape(t("card.ideas"))}</h2><ol class="ideas">{ideas}</ol>'
        + f"<h2>{html.escape(t('card.notes'))}</h2>{_lines(NOTE_LINES, 'notes')}"
        + f'<p class="host-phone">{html.escape(t("card.host_phone"))}</p>'
    )


def render_table_cards(agenda: Agenda, lang: str | None = None) -> str:
    """Every theme of the agenda as a standing card and a work sheet, in `lang` (default: the agenda's)."""
    lang = lang or agenda.language
    t = catalog(lang)
    block = next((b for b in agenda.blocks if b.kind == "tables"), None)
    sheets: list[tuple[str, str]] = []
    for theme in agenda.themes:
        title, card = _in(theme, lang)
        text, questions = _split(card, t.dir)
        sheets.append(("tent-sheet", _tent(title, questions, t)))
        sheets.append(("work-sheet", _work_sheet(title, text, questions, block, t, agenda.title)))
    if not sheets:
        sheets = [("", f'<p class="empty">{html.escape(t("card.no_themes"))}</p>')]
    return a4_document(
        lang=lang, title=t("card.page_title", title=agenda.title), sheets=sheets, kind="card", direction=t.dir
    )
