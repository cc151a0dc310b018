"""The action team's checklist from the agenda's `## Voorbereiding` and `## Nazorg`: task, who, when (with its date),
grouped before, on and after the evening, each group in date order."""

from __future__ import annotations

import html
from datetime import date

from kiosk.agenda.model import Agenda, PrepTask
from kiosk.catalog import format_due
from kiosk.prepare.page import a4_document, letterhead
from kiosk.prepare.words import word

PHASES = ("before", "evening", "after")


def evening_line(agenda: Agenda) -> str:
    """'14 oktober 2026 · 19:30–20:35 · Aula' from what the agenda says, or '' when it says none of it."""
    lang, details = agenda.language, agenda.details
    parts = [format_due(details.date, lang)] if details.date else []
    if agenda.start_time and agenda.end_time:
        parts.append(f"{agenda.start_time}–{agenda.end_time}")
    if details.place:
        parts.append(details.place)
    return " · ".join(parts)


def _offset(task: PrepTask, evening: str) -> int | None:
    """Days from the evening to the task (negative before it); None when the agenda cannot say."""
    if task.days_before is not None:
        return -task.days_before
    if task.on_date and evening:
        return (date.fromisoformat(task.on_date) - date.fromisoformat(evening)).days
    return None


def in_order(agenda: Agenda) -> dict[str, list[PrepTask]]:
    """The tasks by phase, each phase in date order; a task without a date keeps its place after the dated."""
    evening = agenda.details.date
    grouped: dict[str, list[PrepTask]] = {phase: [] for phase in PHASES}
    for task in agenda.preparation:
        grouped[task.phase(evening)].append(task)
    for tasks in grouped.values():
        positions = {id(task): n for n, task in enumerate(tasks)}
        tasks.sort(key=lambda t: (_offset(t, evening) is None, _offset(t, evening) or 0, positions[id(t)]))
    return grouped


def _when(task: PrepTask, agenda: Agenda) -> str:
    """A date as a date ('1 oktober 2026', however it was written); a moment as written with its date under it."""
    lang = agenda.language
    due = task.due(agenda.details.date)
    if task.on_date:
        return html.escape(format_due(task.on_date, lang))
    shown = html.escape(task.when)
    if due:
        shown += f'<span class="date">{html.escape(format_due(due, lang))}</span>'
    return shown


def _row(task: PrepTask, agenda: Agenda) -> str:
    details = "".join(f"<li>{html.escape(d)}</li>" for d in task.details)
    return (
        '<tr><td class="box"><span></span></td>'
        f"<td>{html.escape(task.task)}{f'<ul>{details}</ul>' if details else ''}</td>"
        f'<td class="who">{html.escape(task.who)}</td><td class="when">{_when(task, agenda)}</td></tr>'
    )


def render_checklist(agenda: Agenda, logo: str | None) -> str:
    lang = agenda.language
    line = evening_line(agenda)
    groups = "".join(
        f'<tbody class="phase {phase}"><tr class="phase-title"><th colspan="4">'
        f"{html.escape(word(lang, f'phase_{phase}'))}</th></tr>"
        + "".join(_row(task, agenda) for task in tasks)
        + "</tbody>"
        for phase, tasks in in_order(agenda).items()
        if tasks
    )
    table = (
        f'<table class="tasks"><thead><tr><th class="box"></th><th>{word(lang, "task")}</th>'
        f'<th class="who">{word(lang, "who")}</th><th class="when">{word(lang, "when")}</th></tr></thead>'
        f"{groups}</table>"
        if groups
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
