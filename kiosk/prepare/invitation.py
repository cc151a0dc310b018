"""The invitation for parents, in any language the pages speak: when, where, why, how to sign up, what to think about.

One A4 page. What the agenda does not say becomes a line to fill in by hand; what the school wrote (its name, the
place, the contact, how to sign up) stays as written, each isolated so it keeps its own direction on an Arabic page.
"""

from __future__ import annotations

import html
import re
from datetime import date

from kiosk.agenda.model import Agenda, Theme
from kiosk.catalog import Catalog, read
from kiosk.prepare.page import a4_document, letterhead
from kiosk.printing.direction import bdi

MAX_QUESTIONS = 5
BLANK = '<span class="blank"></span>'
_SLOT = "\x00{}\x00"  # stands in for a blank's HTML while a sentence is escaped


def _translated(lang: str, fallback: str, agenda_lang: str, own: str, translations: dict[str, str]) -> str:
    """A text in the invitation's language, else in its fallback language, else as the agenda wrote it."""
    for code in (lang, fallback):
        if code == agenda_lang:
            return own
        if code in translations:
            return translations[code]
    return own


def _theme_question(theme: Theme, lang: str, fallback: str, agenda_lang: str) -> str:
    """A theme as one question for parents: its card's first question, else its card, else its title."""
    cards = {code: card for code, (_, card) in theme.translations.items()}
    titles = {code: title for code, (title, _) in theme.translations.items()}
    card = _translated(lang, fallback, agenda_lang, theme.card, cards)
    lines = [line.strip() for line in card.splitlines() if line.strip()]
    asked = [line[2:].strip() for line in lines if line.startswith("- ")]
    if asked:
        return asked[0]
    if lines and lines[0].endswith("?"):
        return lines[0]
    return _translated(lang, fallback, agenda_lang, theme.title, titles)


def questions_to_think_about(agenda: Agenda, lang: str, fallback: str = "en") -> list[str]:
    """What the invitation asks parents to think about, in `lang`: the agenda's `## Vragen vooraf`, else a
    question per theme, else the dialogue's open questions (written for the room, so the last resort)."""
    own = agenda.language
    if agenda.advance_questions:
        found = [_translated(lang, fallback, own, q.text, q.translations) for q in agenda.advance_questions]
    elif agenda.themes:
        found = [_theme_question(theme, lang, fallback, own) for theme in agenda.themes]
    else:
        blocks = [b for b in agenda.blocks if b.kind == "dialogue"] or list(agenda.blocks)
        prompts = [p for b in blocks for p in b.prompts if p.kind == "open"]
        found = [_translated(lang, fallback, own, p.text, p.translations) for p in prompts]
    return list(dict.fromkeys(found))[:MAX_QUESTIONS]


def _sentence(t: Catalog, key: str, **slots: str) -> str:
    """A catalog sentence as HTML whose blanks are HTML already (a value in a `<bdi>`, a line to fill in); the
    punctuation after a value stays on its line."""
    text = html.escape(t(key, **{name: _SLOT.format(name) for name in slots}))
    for name, value in slots.items():
        slot = re.escape(html.escape(_SLOT.format(name)))
        text = re.sub(
            slot + r"([.,;:!?،؛؟)]*)",
            lambda m, v=value: f'<span class="nobr">{v}{m[1]}</span>' if m[1] else v,  # type: ignore[misc]
            text,
        )
    return text


def _time(agenda: Agenda, t: Catalog) -> str:
    start, begins, end = agenda.start_time, agenda.program_start, agenda.end_time
    if not (start and begins and end):
        return ""
    if begins != start:
        return t("invite.time_walk_in", arrival=start, start=begins, end=end)
    return t("invite.time_range", start=start, end=end)


def _facts(agenda: Agenda, t: Catalog) -> str:
    details = agenda.details
    when = t.long_date(date.fromisoformat(details.date)) if details.date else ""
    rows = ((t("invite.when"), html.escape(when)), (t("invite.time"), html.escape(_time(agenda, t))),
            (t("invite.where"), bdi(details.place, t.dir) if details.place else ""))  # fmt: skip
    body = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th><td>{value or BLANK}</td></tr>'
        for label, value in rows
    )
    return f'<table class="facts">{body}</table>'


def _language(code: str, t: Catalog) -> str:
    """A language named in the invitation's own language when its file does ("Turks"), else in its own name."""
    return t.own.get(f"language.{code}") or read(code).get("_name") or code


def _signup(agenda: Agenda, t: Catalog) -> str:
    """How and by when to say you are coming, and whether to bring someone or ask for an interpreter."""
    details = agenda.details
    day = details.signup_by.day(details.date)
    by = html.escape(t.short_date(date.fromisoformat(day))) if day else BLANK
    how = bdi(details.signup, t.dir) if details.signup else BLANK
    if details.signup and not details.signup_by:
        lines = [_sentence(t, "invite.signup_no_date", how=how)]
    else:
        lines = [_sentence(t, "invite.signup", date=by, how=how)]
    lines.append(html.escape(t("invite.signup_why")))
    if details.interpreter and details.interpreter_languages:
        names = ", ".join(_language(code, t) for code in details.interpreter_languages)
        lines.append(html.escape(t("invite.interpreter_languages", languages=names)))
    elif details.interpreter:
        lines.append(html.escape(t("invite.interpreter")))
    if details.bring:
        lines.append(html.escape(t("invite.bring")))
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return f'<div class="signup"><h2>{html.escape(t("invite.signup_title"))}</h2>{paragraphs}</div>'


def render_invitation(agenda: Agenda, catalog: Catalog, logo: str | None) -> str:
    """One A4 page; a detail the agenda lacks becomes a line to fill in by hand."""
    t = catalog
    details = agenda.details
    fallback = catalog.own.get("_fallback", "en")
    questions = "".join(
        f"<li>{bdi(q, t.dir)}</li>" for q in questions_to_think_about(agenda, catalog.lang, fallback)
    )
    contact = (
        f"<p>{_sentence(t, 'invite.contact', contact=bdi(details.contact, t.dir))}</p>"
        if details.contact
        else ""
    )
    sender = bdi(details.school, t.dir) if details.school else '<span class="blank signature"></span>'
    sheet = f"""{letterhead(details.school, logo, t.dir)}
<p class="kicker">{html.escape(t("invite.kicker"))}</p>
<h1>{html.escape(t("invite.heading"))}</h1>
<p class="subtitle">{bdi(agenda.title, t.dir)}</p>
<p>{html.escape(t("invite.greeting"))}</p>
<p>{html.escape(t("invite.why"))}</p>
{_facts(agenda, t)}
{_signup(agenda, t)}
{f'<h2>{html.escape(t("invite.think_title"))}</h2><ul class="questions">{questions}</ul>' if questions else ""}
<div class="phone"><h2>{html.escape(t("invite.phone_title"))}</h2>
<p>{html.escape(t("invite.phone_text"))} {html.escape(t("invite.no_phone"))}</p></div>
{contact}
<p>{html.escape(t("invite.closing"))}</p>
<p class="signoff">{html.escape(t("invite.regards"))}<br>{sender}</p>"""
    title = t("invite.page_title", title=agenda.title)
    return a4_document(
        lang=catalog.lang, title=title, sheets=[sheet], kind="invitation", direction=catalog.dir
    )
