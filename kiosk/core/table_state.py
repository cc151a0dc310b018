"""The theme tables as the state keeps them: seats, themes, host notepads, presentation timers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.core.moderated import Review
from kiosk.core.timer import BlockTimer


@dataclass
class TableNote:
    """One line of a table's outcome, written on the host's notepad or by the facilitator."""

    id: str
    text: str
    at: float
    by: str  # "host" or "facilitator"
    review: Review = field(default_factory=Review)


@dataclass
class ThemeTable:
    """One table as the core keeps it; its host token stays here and is never sent to phones."""

    number: int
    theme: str | None  # a theme id of the agenda
    host_token: str = field(repr=False)
    host: str | None = None  # the device chosen as host, when the facilitator chose one
    notes: list[TableNote] = field(default_factory=list)
    timer: BlockTimer | None = None  # its presentation's timer, from presentation/start on


@dataclass
class Presentation:
    """The tables presenting their outcome in turn, each for `seconds` plus extensions."""

    order: list[int]
    seconds: float
    position: int = 0  # index into order; len(order) once the last table has finished

    @property
    def current(self) -> int | None:
        return self.order[self.position] if self.position < len(self.order) else None


@dataclass
class TablesState:
    """Everything about the theme tables; empty until the facilitator divides the room."""

    tables: list[ThemeTable] = field(default_factory=list)  # table n is tables[n - 1]
    seats: dict[str, int] = field(default_factory=dict)  # device -> table
    seed: str = ""
    explanation: dict[str, str] = field(default_factory=dict)  # lang -> one line
    presentation: Presentation | None = None

    @property
    def assigned(self) -> bool:
        return bool(self.tables)

    def table(self, number: int) -> ThemeTable:
        return self.tables[number - 1]

    def find_note(self, note_id: Any) -> tuple[ThemeTable, TableNote] | None:
        for table in self.tables:
            for note in table.notes:
                if note.id == note_id:
                    return table, note
        return None

    def seated_at(self, number: int) -> frozenset[str]:
        """The devices at one table."""
        return frozenset(d for d, t in self.seats.items() if t == number)
