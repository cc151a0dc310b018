"""The live feed of contributions: one row each, updated in place, filtered by status."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from kiosk.agenda.model import Agenda
from kiosk.core.state import Contribution, SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.widgets.column_fit import fit_columns, inner_width, share_widths

FILTERS = ("all", "pending", "held", "approved", "hidden")
COLUMNS = ("pin", "time", "status", "count", "who", "prompt", "text", "tags")
_STATUS_STYLE = {"pending": "yellow", "approved": "green", "hidden": "dim", "held": "bold red"}


def in_filter(contribution: Contribution, name: str) -> bool:
    """Whether a contribution belongs under a filter; held is pending with a moderation reason."""
    if name == "all":
        return True
    if name == "held":
        return contribution.held
    return contribution.status == name


class FeedTable(DataTable[Text | str]):
    """Contributions in arrival order; `sync` touches only the rows of contributions that changed."""

    def __init__(self, t: Translator, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.t = t
        self.filter = "all"
        self.agenda: Agenda | None = None  # known from the first sync: questions show by their words

    def on_mount(self) -> None:
        # Fits 120 columns with the cells' padding; on_resize gives a wider terminal's room to the question and text.
        widths = {
            "pin": 1,
            "time": 5,
            "status": 14,
            "count": 2,
            "who": 7,
            "prompt": 16,
            "text": 35,
            "tags": 14,
        }
        for key in COLUMNS:
            self.add_column(self.t(f"feed.col.{key}"), key=key, width=widths[key])

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        fixed = {"pin": 1, "time": 5, "status": 14, "count": 2, "who": 6 if narrow else 7}
        shares = {"prompt": (1, 8, 40), "text": (3, 20, 400), "tags": (1, 6, 24)}
        fit_columns(self, share_widths(inner_width(self, len(COLUMNS)), fixed, shares))

    def selected_id(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except CellDoesNotExist:
            return None
        return row_key.value

    def rebuild(self, state: SessionState) -> None:
        """Show the current filter afresh (only when the filter changes, never per event)."""
        self.clear()
        self.sync((c.id for c in state.contributions.values()), state)

    def sync(self, ids: Iterable[str], state: SessionState) -> None:
        """Add, update or drop the rows of the given contributions."""
        self.agenda = state.agenda
        follow = self.row_count == 0 or self.cursor_row >= self.row_count - 1
        for contribution_id in dict.fromkeys(ids):
            contribution = state.contributions.get(contribution_id)
            if contribution is None:
                continue
            shown = contribution_id in self.rows
            if not in_filter(contribution, self.filter):
                if shown:
                    self.remove_row(contribution_id)
                continue
            # A merged duplicate's recognitions count with the contribution it was merged into.
            recognitions = (
                0 if contribution.merged_into is not None else state.endorsement_count(contribution)
            )
            cells = self.cells(contribution, recognitions)
            if shown:
                for key, value in zip(COLUMNS, cells):
                    try:
                        self.update_cell(contribution_id, key, value)
                    except (CellDoesNotExist, RowDoesNotExist):
                        pass
            else:
                self.add_row(*cells, key=contribution_id)
        if follow and self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def _question(self, prompt_id: str | None) -> str:
        """The question answered, by its number in its block and its words: "2. Wat gaat goed?"."""
        if prompt_id is None or self.agenda is None:
            return ""
        for block in self.agenda.blocks:
            for number, prompt in enumerate(block.prompts, start=1):
                if prompt.id == prompt_id:
                    return f"{number}. {prompt.text_in(self.t.lang)}"
        return prompt_id

    def cells(self, c: Contribution, recognitions: int) -> list[Text]:
        t = self.t
        if c.withdrawn:
            status = Text(t("feed.withdrawn"), style="dim strike")
        elif c.merged_into is not None:
            status = Text(t("feed.merged"), style="dim")
        elif c.held:
            status = Text(t(f"held.{c.held_reason}"), style=_STATUS_STYLE["held"])
        else:
            status = Text(t(f"status.{c.status}"), style=_STATUS_STYLE[c.status])
        who = t(f"role.{c.role}") if c.role else ""
        if c.source != "phone":
            who = f"{t(f'source.{c.source}')} {who}".strip()
        # Every cell a Text: a DataTable reads plain strings as markup, and tags and texts come from the room.
        return [
            _cell("*" if c.pinned else ""),
            _cell(datetime.fromtimestamp(c.at).strftime("%H:%M")),
            status,
            _cell(str(recognitions or "")),
            _cell(who),
            Text(self._question(c.prompt_id), overflow="ellipsis", no_wrap=True),
            Text(c.text.replace("\n", " "), overflow="ellipsis", no_wrap=True),
            _cell(", ".join(self.agenda.tag_in(tag, t.lang) if self.agenda else tag for tag in c.tags)),
        ]


def _cell(value: str) -> Text:
    """A cell shown as written, on one line (as DataTable shows a plain string, without reading markup)."""
    return Text(value, no_wrap=True, end="")
