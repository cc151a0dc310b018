"""Palette steps for the theme tables: move a person, change a table's theme, type a table's point."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from kiosk.agenda.cards import load_cards
from kiosk.core.tables import seats, theme_by_id

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp

NO_THEME = "-"  # the pick list's id for "no theme"; theme ids start with a letter or digit


def _role_word(app: KioskApp, role: str | None) -> str:
    return app.t(f"role.{role}") if role in ("parent", "staff") else app.t("tables.role_unknown")


def _table_options(app: KioskApp) -> list[tuple[str, str]]:
    options = []
    for table in app.state.tables.tables:
        theme = theme_by_id(app.state, table.theme)
        title = theme.title_in(app.t.lang) if theme else app.t("tables.no_theme")
        options.append((str(table.number), app.t("tables.table_option", n=table.number, theme=title)))
    return options


def _has_tables(app: KioskApp) -> bool:
    if app.state.tables.assigned:
        return True
    app.notify(app.t("error.no_tables"), severity="error")
    return False


def move_person(app: KioskApp) -> None:
    """Pick a seated phone (anonymous: table, role, join number), then the table it moves to."""
    from kiosk.tui.screens.pick import PickScreen

    if not _has_tables(app):
        return
    listed = seats(app.state)
    if not listed:
        app.notify(app.t("tables.nobody_seated"), severity="warning")
        return
    by_number = {str(seat.number): seat for seat in listed}
    people = [
        (key, app.t("tables.seat", table=seat.table, role=_role_word(app, seat.role), n=seat.number))
        for key, seat in by_number.items()
    ]

    def person_picked(key: str | None) -> None:
        if key is None or key not in by_number:
            return
        seat = by_number[key]

        def table_picked(table: str | None) -> None:
            if table is not None and app.steer("tables/move", device=seat.device, table=int(table)):
                app.notify(app.t("tables.moved", n=seat.number, table=table))

        options = [(k, label) for k, label in _table_options(app) if k != str(seat.table)]
        app.push_screen(PickScreen(app.t("tables.move_where", n=seat.number), options), table_picked)

    app.push_screen(PickScreen(app.t("tables.move_who"), people), person_picked)


def change_theme(app: KioskApp) -> None:
    """Pick a table, then a theme: the agenda's themes first, then the shipped cards, or none."""
    from kiosk.tui.screens.pick import PickScreen

    if not _has_tables(app):
        return

    def table_picked(table: str | None) -> None:
        if table is None:
            return
        themes = [(t.id, t.title_in(app.t.lang)) for t in app.state.agenda.themes]
        known = {theme_id for theme_id, _ in themes}
        themes += [
            (c.id, f"{c.title_in(app.t.lang)} ({c.id})") for c in load_cards().values() if c.id not in known
        ]
        themes.append((NO_THEME, app.t("tables.no_theme")))

        def theme_picked(theme: str | None) -> None:
            if theme is None:
                return
            chosen = None if theme == NO_THEME else theme
            if app.steer("tables/theme", table=int(table), theme=chosen):
                app.notify(app.t("tables.theme_changed", n=table))

        app.push_screen(PickScreen(app.t("tables.theme_which", n=table), themes), theme_picked)

    app.push_screen(PickScreen(app.t("tables.pick_table"), _table_options(app)), table_picked)


def add_table_point(app: KioskApp) -> None:
    """Pick a table, then type one of its points: for a table that works on paper, without a host phone."""
    # The dialogs load when first used, like the screens: the kiosk starts faster.
    from kiosk.tui.screens.pick import PickScreen
    from kiosk.tui.screens.text_prompt import TextPrompt

    if not _has_tables(app):
        return

    def table_picked(table: str | None) -> None:
        if table is None:
            return

        def typed(text: str | None) -> None:
            if text is None:
                return
            note_id = f"kiosk-{secrets.token_hex(6)}"
            if app.steer("table/note/add", table=int(table), id=note_id, text=text):
                app.notify(app.t("tables.point_added", n=table))

        app.push_screen(TextPrompt(app.t("tables.point_question", n=table)), typed)

    app.push_screen(PickScreen(app.t("tables.pick_table"), _table_options(app)), table_picked)
