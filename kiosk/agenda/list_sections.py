"""The agenda's list sections, one bullet per item: the team's tasks (`## Voorbereiding`, `## Nazorg`), the themes
(`## Thema's`) and the questions the invitation asks parents to think about (`## Vragen vooraf`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from markdown_it.tree import SyntaxTreeNode

from kiosk.agenda.details import DetailProblem, days_before, looks_like_a_date, parse_date
from kiosk.agenda.line_syntax import slug, split_prompt
from kiosk.agenda.model import AdvanceQuestion, AgendaInvalid, PrepTask, Theme
from kiosk.agenda.tree import item_children, line_of, node_text
from kiosk.agenda.vocabulary import TASK_KEYS

KEY_LINE = re.compile(r"^\s*([^\W\d_][\w'-]*)\s*:\s*(.*?)\s*$")
# A translation: a nested bullet '- tr: text' (a lowercase two-letter code first).
TRANSLATION = re.compile(r"^([a-z]{2})\s*:\s*(\S.*)$")

Report = Callable[..., None]  # the reader's error(line, code, **params)


def read_task(item: SyntaxTreeNode, error: Report, *, aftercare: bool = False) -> PrepTask | None:
    """`- Ruimte reserveren` with `wie:` and `wanneer:` bullets under it; other bullets are its details."""
    line, text = line_of(item), node_text(item)
    if not text:
        error(line, "task_without_text")
        return None
    fields: dict[str, str] = {}
    lines: dict[str, int] = {}
    details: list[str] = []
    for sub in item_children(item):
        sub_text = node_text(sub)
        match = KEY_LINE.match(sub_text)
        name = TASK_KEYS.get(match[1].lower()) if match else None
        if match is None or name is None:
            details.append(sub_text)
        elif not match[2]:
            error(line_of(sub), "task_key_without_value", key=match[1])
        elif name in fields:
            error(line_of(sub), "task_key_twice", key=match[1])
        else:
            fields[name], lines[name] = match[2], line_of(sub)
    when = fields.get("when", "")
    on_date = ""
    if when and looks_like_a_date(when):
        try:
            on_date = parse_date(when).isoformat()
        except DetailProblem as exc:
            error(lines["when"], exc.code, **exc.params)
    return PrepTask(
        task=text,
        who=fields.get("who", ""),
        when=when,
        days_before=None if on_date else days_before(when),
        on_date=on_date,
        details=tuple(d for d in details if d),
        line=line,
        aftercare=aftercare,
    )


def read_advance_question(item: SyntaxTreeNode, error: Report) -> AdvanceQuestion | None:
    """`- Wat gaat goed in het contact met de school?` with `- en: ...` translations under it."""
    line, text = line_of(item), node_text(item)
    if not text:
        error(line, "advance_without_text")
        return None
    translations: dict[str, str] = {}
    for sub in item_children(item):
        translated = TRANSLATION.match(node_text(sub))
        if translated is None:
            error(line_of(sub), "translation_not_bullet")
        elif translated[1] in translations:
            error(line_of(sub), "translation_twice", lang=translated[1])
        else:
            translations[translated[1]] = translated[2].strip()
    return AdvanceQuestion(text, translations, line)


def _title_and_card(text: str) -> tuple[str, str]:
    """'Title: a sentence for the table' into its title and card text."""
    title, _, card = text.partition(": ")
    return title.strip(), card.strip()


def _as_question(text: str) -> str:
    """A nested bullet of a theme is a question for the table: a `- ` line of the card, as in the card files."""
    return f"- {text}"


def read_theme(
    item: SyntaxTreeNode, error: Report, cards: Callable[[], Mapping[str, Theme]], errors: list[object]
) -> Theme | None:
    """`- Title: text` with its questions and translations nested, or `- kaart: ID` for a shipped card."""
    line, text = line_of(item), node_text(item)
    text, explicit_id, _ = split_prompt(text, with_options=False)
    extra: list[str] = []
    translations: dict[str, tuple[str, str]] = {}
    for sub in item_children(item):
        sub_text = node_text(sub)
        translated = TRANSLATION.match(sub_text)
        if translated is None:
            extra.append(_as_question(sub_text))
            continue
        lang = translated[1]
        their_title, their_card = _title_and_card(translated[2])
        more = [_as_question(node_text(deeper)) for deeper in item_children(sub)]
        if lang in translations:
            error(line_of(sub), "translation_twice", lang=lang)
        elif not their_title:
            error(line_of(sub), "theme_translation_without_title", lang=lang)
        else:
            translations[lang] = (their_title, "\n".join([their_card, *more]).strip())
    match = KEY_LINE.match(text)
    if match and match[1].lower() in ("kaart", "card"):
        card_id = match[2].strip()
        try:
            shipped = cards()
        except AgendaInvalid as exc:
            errors.extend(exc.errors)
            return None
        card = shipped.get(card_id)
        if card is None:
            error(line, "unknown_card", card=card_id, cards=", ".join(shipped))
            return None
        # The card file's translations, unless the agenda translates the card itself (its Dutch extra lines
        # stay Dutch: translate them in the agenda's '- tr: Title: text' when they matter)
        return Theme(
            explicit_id or card.id,
            card.title,
            "\n".join([card.card, *extra]).strip(),
            line,
            {**card.translations, **translations},
        )
    title, card_text = _title_and_card(text)
    if not title:
        error(line, "theme_without_title")
        return None
    return Theme(
        explicit_id or slug(title), title, "\n".join([card_text, *extra]).strip(), line, translations
    )
