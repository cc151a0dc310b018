"""The invitation for parents, in any language the pages speak: when, where, why, what to think about."""

from __future__ import annotations

import html
from datetime import date

from kiosk.agenda.model import Agenda, Prompt
from kiosk.catalog import Catalog
from kiosk.prepare.page import a4_document, letterhead

MAX_QUESTIONS = 8


def questions_to_think_about(agenda: Agenda) -> list[Prompt]:
    """The open questions of the dialogue (of the whole evening when it has no dialogue block)."""
    blocks = [b for b in agenda.blocks if b.kind == "dialogue"] or list(agenda.blocks)
    return [p for b in blocks for p in b.prompts if p.kind == "open"][:MAX_QUESTIONS]


def prompt_text(prompt: Prompt, lang: str, agenda_lang: str, fallback: str) -> str:
    """The question in the invitation's language, else in its fallback language, else as the agenda wrote it."""
    for code in (lang, fallback):
        if code == agenda_lang:
            return prompt.text
        if code in prompt.translations:
            return prompt.translations[code]
    return prompt.text


def _fact(label: str, value: str) -> str:
    shown = html.escape(value) if value else '<span class="blank"></span>'
    return f"<dt>{html.escape(label)}</dt><dd>{shown}</dd>"


def render_invitation(agenda: Agenda, catalog: Catalog, logo: str | None) -> str:
    """One A4 page; a detail the agenda lacks becomes a line to fill in by hand."""
    t = catalog
    details = agenda.details
    when = t.long_date(date.fromisoformat(details.date)) if details.date else ""
    time = ""
    if agenda.start_time and agenda.end_time:
        time = t("invite.time_range", start=agenda.start_time, end=agenda.end_time)
    fallback = catalog.own.get("_fallback", "en")
    questions = "".join(
        f"<li>{html.escape(prompt_text(p, catalog.lang, agenda.language, fallback))}</li>"
        for p in questions_to_think_about(agenda)
    )
    contact = f"<p>{html.escape(t('invite.contact', contact=details.contact))}</p>" if details.contact else ""
    sheet = f"""{letterhead(details.school, logo)}
<p class="kicker">{html.escape(t("invite.kicker"))}</p>
<h1>{html.escape(t("invite.heading"))}</h1>
<p class="subtitle">{html.escape(agenda.title)}</p>
<p>{html.escape(t("invite.greeting"))}</p>
<p>{html.escape(t("invite.why"))}</p>
<dl class="facts">{_fact(t("invite.when"), when)}{_fact(t("invite.time"), time)}{_fact(t("invite.where"), details.place)}</dl>
{f'<h2>{html.escape(t("invite.think_title"))}</h2><ul class="questions">{questions}</ul>' if questions else ""}
<div class="phone"><h2>{html.escape(t("invite.phone_title"))}</h2>
<p>{html.escape(t("invite.phone_text"))}</p><p>{html.escape(t("invite.no_phone"))}</p></div>
{contact}
<p>{html.escape(t("invite.closing"))}</p>
<p class="signoff">{html.escape(t("invite.regards"))}<br>{html.escape(details.school or t("invite.sender"))}</p>"""
    title = t("invite.page_title", title=agenda.title)
    return a4_document(
        lang=catalog.lang, title=title, sheets=[sheet], kind="invitation", direction=catalog.dir
    )
