"""The action team's checklist from the agenda's `## Voorbereiding`: task, who, when (with its date)."""

from __future__ import annotations

import html

from kiosk.agenda.model import Agenda, PrepTask
from kiosk.prepare.page import a4_document, letterhead
from kiosk.prepare.words import word
from kiosk.report.texts import format_due


def evening_line(agenda: Agenda) -> str:
    """'14 oktober 2026 · 19:30–20:35 · Aula' from what the agenda says, or '' when it says none of it."""
    lang, details = agenda.language, agenda.details
    parts = [format_due(details.date, lang)] if details.date else []
    if agenda.start_time and agenda.end_time:
        parts.append(f"{agenda.start_time}–{agenda.end_time}")
    if details.place:
        parts.append(details.place)
    return " · ".join(parts)


def _row(task: PrepTask, agenda: Agenda) -> str:
    lang = agenda.language
    due = task.due(agenda.details.date)
    when = html.escape(task.when)
    if due and task.when != due:
        when += f'<span class="date">{html.escape(format_due(due, lang))}</span>'
    details = "".join(f"<li>{html.escape(d)}</li>" for d in task.details)
    return (
        '<tr><td class="box"><span></span></td>'
        f"<td>{html.escape(task.task)}{f'<ul>{details}</ul>' if details else ''}</td>"
        f'<td class="who">{html.escape(task.who)}</td><td class="when">{when}</td></tr>'
    )


def render_checklist(agenda: Agenda, logo: str | None) -> str:
    lang = agenda.language
    line = evening_line(agenda)
    rows = "".join(_row(task, agenda) for task in agenda.preparation)
    table = (
        f'<table class="tasks"><thead><tr><th class="box"></th><th>{word(lang, "task")}</th>'
        f'<th class="who">{word(lang, "who")}</th><th class="when">{word(lang, "when")}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        if rows
        else f'<p class="empty">{html.escape(word(lang, "no_tasks"))}</p>'
    )
    title = word(lang, "checklist", title=agenda.title)
    sheet = (
        f"{letterhead(agenda.details.school, logo)}<h1>{html.escape(title)}</h1>"
        + (
            f'<p class="subtitle">{html.escape(word(lang, "evening"))}: {html.escape(line)}</p>'
            if line
            else ""
        )
        + table
    )
    return a4_document(lang=lang, title=title, sheets=[sheet], kind="checklist")
