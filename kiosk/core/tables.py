"""The theme tables' state (seats, themes, host notepads, presentation timers) and what the faces read of it."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Any, NamedTuple

from kiosk.agenda.cards import load_cards
from kiosk.agenda.model import Theme
from kiosk.core.grouping import Assignment, place_late_joiner, role_key
from kiosk.core.state import BlockTimer, SessionState
from kiosk.core.table_state import Presentation, TableNote, TablesState, ThemeTable

__all__ = ["Presentation", "TableNote", "TablesState", "ThemeTable"]


@dataclass(frozen=True)
class Table:
    """What a phone may know of its table: the number, the theme and how many sit there."""

    number: int
    theme: Theme | None
    size: int

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "theme": self.theme.to_json() if self.theme else None,
            "size": self.size,
        }


@dataclass(frozen=True)
class TableOutcome:
    """A table's outcome for the report and the projector; theme_title is '' for a table without a theme."""

    number: int
    theme_title: str
    points: list[str]


class Presenting(NamedTuple):
    """The table presenting now and its seconds left (negative is overtime)."""

    table: int
    remaining: float


def theme_by_id(state: SessionState, theme_id: str | None) -> Theme | None:
    """The agenda's theme with this id, else the shipped card with it (a table may take any card)."""
    if theme_id is None:
        return None
    found = next((t for t in state.agenda.themes if t.id == theme_id), None)
    return found if found is not None else load_cards().get(theme_id)


def _view(state: SessionState, tables: TablesState, table: ThemeTable) -> Table:
    size = sum(1 for t in tables.seats.values() if t == table.number)
    return Table(table.number, theme_by_id(state, table.theme), size)


def table_list(state: SessionState) -> list[Table]:
    """All tables in order, as phones and the projector may see them."""
    tables = state.tables
    return [_view(state, tables, t) for t in tables.tables]


def table_of_device(state: SessionState, device: str) -> Table | None:
    """The table a phone sits at, or None before the division (or when it is not seated)."""
    tables = state.tables
    number = tables.seats.get(device)
    return None if number is None else _view(state, tables, tables.table(number))


def table_for_host_token(state: SessionState, token: str) -> int | None:
    """The table whose host notepad this token opens, or None."""
    found = None
    for table in state.tables.tables:
        # Compare with every table in constant time, so timing tells nothing about the tokens.
        if hmac.compare_digest(table.host_token.encode(), token.encode()):
            found = table.number
    return found


def table_outcomes(state: SessionState) -> list[TableOutcome]:
    """Every table with its theme and the points written down, in table order; held notes wait for a person."""
    outcomes = []
    for table in state.tables.tables:
        theme = theme_by_id(state, table.theme)
        outcomes.append(
            TableOutcome(
                table.number, theme.title if theme else "", [n.text for n in table.notes if n.review.shown]
            )
        )
    return outcomes


def current_presentation(state: SessionState, now: float) -> Presenting | None:
    """Which table presents now and its time left; None before the presentations and after the last."""
    tables = state.tables
    if tables.presentation is None or tables.presentation.current is None:
        return None
    timer = tables.table(tables.presentation.current).timer
    assert timer is not None  # presentation/start gives every presenting table a timer
    return Presenting(tables.presentation.current, timer.remaining(now))


def tables_block_timer(state: SessionState) -> BlockTimer | None:
    """The timer of the agenda's theme tables block, or None when the agenda has none."""
    for block in state.agenda.blocks:
        if block.kind == "tables":
            return state.timers[block.index]
    return None


def table_timer(state: SessionState, table: int) -> BlockTimer | None:
    """The timer a table sees: its own while it presents, otherwise the theme tables block's timer."""
    tables = state.tables
    presenting = tables.presentation.current if tables.presentation else None
    if presenting == table:
        return tables.table(table).timer
    return tables_block_timer(state)


def current_assignment(state: SessionState) -> Assignment:
    """The seats as an Assignment, with the roles the devices have now."""
    tables = state.tables
    roles = {d: role_key(dev.role) for d, dev in state.devices.items() if d in tables.seats}
    return Assignment(len(tables.tables), dict(tables.seats), roles)


def late_joiner_table(state: SessionState, device: str, role: str | None) -> int | None:
    """Where a device that arrives after the division sits; None before it or when already seated.

    Deterministic, so a join rule may put it in its event data and apply it with `seat_device`.
    """
    tables = state.tables
    if not tables.assigned or device in tables.seats:
        return None
    return place_late_joiner(current_assignment(state), device, role)


def seat_device(state: SessionState, device: str, table: int) -> None:
    """Apply a seat decided in a check (a late joiner or a move)."""
    state.tables.seats[device] = table


class Seat(NamedTuple):
    """A seated phone as the facilitator may see it: numbered by join order, never by its device id."""

    number: int
    device: str
    role: str | None
    table: int


def seats(state: SessionState) -> list[Seat]:
    """Every seated phone, by table and then by join order; `number` counts every joined phone from 1."""
    placed = state.tables.seats
    found = [
        Seat(n, device, state.devices[device].role, placed[device])
        for n, device in enumerate(state.devices, start=1)
        if device in placed
    ]
    return sorted(found, key=lambda s: (s.table, s.number))
