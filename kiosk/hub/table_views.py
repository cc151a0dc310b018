"""What each audience may see of the theme tables; host tokens reach only the remote."""

from __future__ import annotations

from typing import Any

from kiosk.agenda.cards import load_cards
from kiosk.agenda.model import Theme
from kiosk.core.readings.tables import suggested_count
from kiosk.core.state import BlockTimer, SessionState
from kiosk.core.tables import (
    current_presentation,
    seats,
    table_list,
    table_of_device,
    table_timer,
    theme_by_id,
)
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.view_bytes import PRESENTED_POINTS, REMOTE_SEATS, first_within

TABLE_KINDS = ("tables", "presentations")


def timer_json(timer: BlockTimer | None, now: float) -> dict[str, Any] | None:
    if timer is None:
        return None
    return {"length": timer.length, "elapsed": round(timer.elapsed(now), 3), "running": timer.running}


def _theme(state: SessionState, theme_id: str | None) -> dict[str, Any] | None:
    theme = theme_by_id(state, theme_id)
    return theme.to_json() if theme else None


def _theme_in_every_language(state: SessionState, theme_id: str | None) -> dict[str, Any] | None:
    theme = theme_by_id(state, theme_id)
    return theme.languages_json() if theme else None


def phone_table(state: SessionState, device: str, lang: str | None = None) -> dict[str, Any] | None:
    """A phone's own table for `mine/update`: number and theme (title, card); None before the division."""
    table = table_of_device(state, device)
    if table is None:
        return None
    return {"number": table.number, "theme": table.theme.to_json_in(lang) if table.theme else None}


def host_view(state: SessionState, table: int, now: float) -> dict[str, Any] | None:
    """A host's notepad: its table, theme and card, its notes and its time left; None if the table is gone.

    The card comes with all its translations: a table has one host, so this costs little, and the host's page
    can switch language without asking again."""
    tables = state.tables
    if not 1 <= table <= len(tables.tables):
        return None
    stored = tables.table(table)
    presenting = tables.presentation.current if tables.presentation else None
    return {
        "table": {
            "number": table,
            "theme": _theme_in_every_language(state, stored.theme),
            "size": sum(1 for t in tables.seats.values() if t == table),
        },
        "notes": [{"id": n.id, "text": n.text, "by": n.by} for n in stored.notes],
        "timer": timer_json(table_timer(state, table), now),
        "presenting": presenting == table,
    }


def _presentation(state: SessionState, now: float, *, remote: bool) -> dict[str, Any] | None:
    tables = state.tables
    presentation = tables.presentation
    if presentation is None:
        return None
    found = current_presentation(state, now)
    presenting = None
    if found is not None:
        table = tables.table(found.table)
        presenting = {
            "number": table.number,
            "theme": _theme(state, table.theme),
            # A held note waits for the facilitator; the points shown fit their byte bound.
            "points": [
                p["text"]
                for p in first_within(
                    [{"text": n.text} for n in table.notes if n.review.shown], PRESENTED_POINTS
                )
            ],
            "timer": timer_json(table.timer, now),
        }
    following = presentation.order[presentation.position + 1 :]
    upcoming = None
    if following:
        table = tables.table(following[0])
        upcoming = {"number": table.number, "theme": _theme(state, table.theme)}
    view: dict[str, Any] = {
        "presenting": presenting,
        "next": upcoming,
        "position": presentation.position,
        "count": len(presentation.order),
    }
    if remote:
        view["order"] = list(presentation.order)
    return view


def display_tables(state: SessionState, now: float) -> dict[str, Any] | None:
    """The projector's tables: the grid during the tables blocks, the presenting table while one presents."""
    tables = state.tables
    if not tables.assigned:
        return None
    presentation = _presentation(state, now, remote=False)
    in_tables = state.block.kind in TABLE_KINDS
    if not in_tables and (presentation is None or presentation["presenting"] is None):
        return None
    return {"list": [t.to_json() for t in table_list(state)], "presentation": presentation}


def _title_only(theme: Theme) -> dict[str, Any]:
    """A theme to pick from: its id and its title in every language it has."""
    titles = {lang: {"title": title} for lang, (title, _) in theme.translations.items()}
    return {"id": theme.id, "title": theme.title, "translations": titles}


def remote_tables(
    state: SessionState, now: float, *, base_url: str, handles: SeatHandles = PROCESS_HANDLES
) -> dict[str, Any]:
    """The facilitator's tables: every table with its secret host link, the explanation, the presentation.

    `seats` lists the seated phones by join number and role, each with an opaque handle for `tables/move`.
    """
    tables = state.tables
    agenda_themes = {t.id for t in state.agenda.themes}
    listed = []
    for table, shown in zip(tables.tables, table_list(state), strict=True):
        path = f"/host?token={table.host_token}"
        theme = theme_by_id(state, table.theme)
        listed.append(
            {
                **shown.to_json(),
                "theme": theme.languages_json() if theme else None,  # the remote shows it in its language
                "host": path,
                "host_url": base_url + path,
                "notes": len(table.notes),
            }
        )
    return {
        "suggested": suggested_count(state),
        "explanation": dict(tables.explanation),
        "themes": [_title_only(t) for t in state.agenda.themes],
        "cards": [_title_only(c) for c in load_cards().values() if c.id not in agenda_themes],
        "list": listed,
        "seats": first_within(
            [
                {"seat": s.number, "role": s.role, "table": s.table, "handle": handles.handle(s.device)}
                for s in seats(state)
            ],
            REMOTE_SEATS,
        ),
        "presentation": _presentation(state, now, remote=True),
    }


def host_key(view: dict[str, Any] | None) -> dict[str, Any] | None:
    """A host view without a running timer's elapsed: equal keys need no resend."""
    if not view or not view.get("timer") or not view["timer"].get("running"):
        return view
    return {**view, "timer": {k: v for k, v in view["timer"].items() if k != "elapsed"}}
