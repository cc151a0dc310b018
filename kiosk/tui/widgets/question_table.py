"""The room's questions to the school: waiting ones first, then by votes; one row each, as typed (never markup)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from kiosk.core.moderated import Question
from kiosk.core.readings.questions import for_facilitator
from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.widgets.column_fit import fit_columns, inner_width, share_widths

COLUMNS = ("status", "votes", "answer", "text")
FIXED = {"status": 14, "votes": 3, "answer": 13}
_STATUS_STYLE = {"pending": "yellow", "approved": "green", "hidden": "dim", "held": "bold red"}


class QuestionTable(DataTable[Text]):
    """Rebuilt from the state when questions change (a few hundred at most); the cursor stays on its question."""

    def __init__(self, t: Translator, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.t = t

    def on_mount(self) -> None:
        for key in COLUMNS:
            self.add_column(self.t(f"questions.col.{key}"), key=key, width=FIXED.get(key, 40))

    def on_resize(self) -> None:
        fit_columns(self, share_widths(inner_width(self, len(COLUMNS)), FIXED, {"text": (1, 20, 400)}))

    def selected_id(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except CellDoesNotExist:
            return None

    def rebuild(self, state: SessionState) -> None:
        selected = self.selected_id()
        self.clear()
        for question in for_facilitator(state):
            self.add_row(*self.cells(question), key=question.id)
        if selected is not None and selected in self.rows:
            self.move_cursor(row=self.get_row_index(selected))

    def cells(self, q: Question) -> list[Text]:
        t = self.t
        if q.held:
            status = Text(t(f"held.{q.held_reason}"), style=_STATUS_STYLE["held"])
        else:
            status = Text(t(f"status.{q.status}"), style=_STATUS_STYLE[q.status])
        answer = t(f"questions.answer.{q.answer}") if q.answer else ""
        return [
            status,
            Text(str(len(q.votes) or ""), no_wrap=True, end=""),
            Text(answer, no_wrap=True, end=""),
            Text(q.text.replace("\n", " "), overflow="ellipsis", no_wrap=True),
        ]
