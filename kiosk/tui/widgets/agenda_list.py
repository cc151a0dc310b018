"""The agenda down the side: each block with its expected start at the current pace, the current one marked."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.pace import Pace, clock_text


class AgendaList(Static):
    """The blocks of the evening as a small table."""

    def show(self, state: SessionState, pace: Pace, t: Translator) -> None:
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(width=1)
        table.add_column(width=5)
        table.add_column(ratio=1)
        table.add_column(justify="right", width=7)
        for index, (block, timer) in enumerate(zip(state.agenda.blocks, state.timers)):
            minutes = f"{timer.length / 60:.0f} {t('minutes_short')}"
            if index == state.current and not state.finished:
                marker, style = "▶", "bold reverse"
            elif index < state.current or state.finished:
                marker, style = "✓", "dim"
            else:
                marker, style = " ", ""
            start = pace.starts[index] if index < len(pace.starts) else None
            table.add_row(
                marker,
                clock_text(start),
                Text(block.title_in(t.lang), overflow="ellipsis", no_wrap=True),
                minutes,
                style=style,
            )
        self.update(table)
