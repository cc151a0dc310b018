"""The summary screen: compose the closing's "what did we hear", the key message, contact and actions."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantBlur, DescendantFocus
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.widgets.option_list import Option

from kiosk.core.changes import Changes
from kiosk.core.readings.summary import SummaryItem, running_summary
from kiosk.core.state import SessionState
from kiosk.tui.screens.base import QUIET_STEERING, KioskScreen
from kiosk.tui.screens.text_prompt import TextPrompt
from kiosk.tui.widgets.column_fit import FittingTable, distinct_labels
from kiosk.tui.widgets.key_bar import KeyBar
from kiosk.tui.widgets.status_strip import StatusStrip


def heard(state: SessionState, lang: str) -> list[tuple[str, SummaryItem]]:
    """Approved contributions to pick from: per question and tag, pinned and most recognised first."""
    rows: list[tuple[str, SummaryItem]] = []
    for prompt in running_summary(state).prompts:
        question = prompt.text_in(lang) or prompt.block_title
        for group in prompt.groups:
            label = f"{state.agenda.tag_in(group.tag, lang)} · {question}" if group.tag else question
            rows.extend((label, item) for item in group.items)
    return rows


def field(placeholder: str, id: str, max_length: int) -> Input:
    """A text field that keeps its text when focused (no select-all for the first keystroke to replace)."""
    return Input(placeholder=placeholder, id=id, max_length=max_length, select_on_focus=False)


class SummaryScreen(KioskScreen):
    """What we heard, what the school will do, and how we keep in touch."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *QUIET_STEERING,
        Binding("k", "add_point", "key.add_point", tooltip="tip.add_point"),
        Binding("e", "edit_point", "key.edit_point", tooltip="tip.edit_point"),
        Binding("x,delete", "remove_point", "key.remove_point", tooltip="tip.remove_point"),
        Binding("left_square_bracket", "move_point(-1)", "key.up", key_display="[", tooltip="tip.move"),
        Binding("right_square_bracket", "move_point(1)", "key.down", key_display="]", tooltip="tip.move"),
        Binding("s", "show_summary", "key.show_summary", tooltip="tip.show_summary"),
        # Tab walks the fields of this screen, as in any form; the number keys switch screens.
        Binding("tab", "app.focus_next", "key.next_field", tooltip="tip.next_field", show=False),
        Binding("shift+tab", "app.focus_previous", "key.previous_field", show=False),
        # Out of a field with Esc: the screen's keys (1-5, k, s...) work again instead of typing into it.
        Binding("escape", "leave_field", "key.leave_field", key_display="esc", tooltip="tip.leave_field"),
    ]

    def compose(self) -> ComposeResult:
        t = self.t
        yield StatusStrip()
        with Horizontal(id="summary-body"):
            with Vertical(id="heard-col"):
                yield FittingTable(
                    {"count": 2}, {"group": (2, 10, 48), "text": (3, 16, 400)}, id="heard", cursor_type="row"
                )
            with Vertical(id="points-col"):
                yield OptionList(id="points", markup=False)  # key points quote what the room said
                yield field(t("summary.new_point"), "new-point", 500)
            closing = VerticalScroll(id="closing-col")
            closing.can_focus = False  # no tab stop of its own: reaching a field scrolls it into view
            with closing:
                yield Static(id="summary-state")
                yield field(t("summary.key_message"), "key-message", 4000)
                yield field(t("summary.contact"), "contact", 2000)
                yield Static(id="actions")
                yield field(t("summary.action_what"), "action-what", 500)
                with Horizontal(id="action-row"):
                    yield field(t("summary.action_owner"), "action-owner", 200)
                    yield field(t("summary.action_due"), "action-due", 10)
        yield KeyBar()

    def on_mount(self) -> None:
        t = self.t
        self.query_one("#heard-col").border_title = t("summary.heard")
        self.query_one("#points-col").border_title = t("summary.points")
        self.query_one("#closing-col").border_title = t("summary.closing")
        table = self.query_one("#heard", DataTable)
        table.add_column(t("summary.col.count"), key="count", width=2)
        table.add_column(t("summary.col.group"), key="group", width=12)
        table.add_column(t("summary.col.text"), key="text", width=24)
        state = self.kiosk.state
        # The agenda's key message in the kiosk's language while nobody rewrote it; Enter stores what is shown.
        agenda = state.agenda
        untouched = state.key_message == agenda.key_message
        shown = agenda.key_message_in(self.t.lang) if untouched else state.key_message
        self.query_one("#key-message", Input).value = shown
        self.query_one("#contact", Input).value = state.contact
        self._dirty = True
        self._refresh_all()
        table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_field":
            return isinstance(self.focused, Input)  # in the key bar only while typing in a field
        return super().check_action(action, parameters)

    def action_leave_field(self) -> None:
        """Leave the field for the list it belongs with: the key points' list, else what we heard."""
        field_id = self.focused.id if self.focused is not None else None
        target = "#points" if field_id == "new-point" else "#heard"
        self.query_one(target).focus()

    @on(DescendantFocus)
    @on(DescendantBlur)
    def _focus_moved(self) -> None:
        self.refresh_bindings()  # esc comes and goes with the fields

    def on_screen_resume(self) -> None:
        if self._dirty:
            self._refresh_all()

    def on_fitting_table_fitted(self) -> None:
        # A new width: the questions are cut again so that two of them never look the same.
        self._show_heard()

    def core_changed(self, changes: Changes) -> None:
        if not (
            changes.answers
            or changes.recognitions
            or changes.key_points
            or changes.actions
            or changes.summary
            or changes.block
            or changes.prompt
        ):
            return
        self._dirty = True
        if self.is_current:
            self._refresh_all()

    def _refresh_all(self) -> None:
        self._dirty = False
        self._show_heard()
        self._show_points()
        self._show_closing()

    def _show_heard(self) -> None:
        state = self.kiosk.state
        table = self.query_one("#heard", FittingTable)
        row = table.cursor_row
        table.clear()
        rows = heard(state, self.t.lang)
        # Two questions that start alike stay apart however narrow the column ("Wat zijn…de school?").
        labels = distinct_labels([group for group, _ in rows], table.width_of("group"))
        for group, item in rows:
            table.add_row(
                Text(str(item.recognitions or "")),
                Text(labels[group], overflow="ellipsis", no_wrap=True),
                Text(
                    ("* " if item.pinned else "") + item.text.replace("\n", " "),
                    overflow="ellipsis",
                    no_wrap=True,
                ),
                key=item.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _show_points(self) -> None:
        points = self.query_one("#points", OptionList)
        highlighted = points.highlighted
        points.clear_options()
        points.add_options(
            [Option(f"{i + 1}. {p.text}", id=p.id) for i, p in enumerate(self.kiosk.state.key_points)]
        )
        if points.option_count:
            points.highlighted = min(highlighted or 0, points.option_count - 1)

    def _show_closing(self) -> None:
        t = self.t
        state = self.kiosk.state
        shown = t("summary.shown") if state.summary_shown else t("summary.not_shown")
        self.query_one("#summary-state", Static).update(
            Text(shown, style="bold green" if state.summary_shown else "dim")
        )
        lines = Text(t("summary.actions") + "\n", style="bold")
        for action in state.actions.values():
            detail = ", ".join(x for x in (action.owner, action.due) if x)
            lines.append(f"• {action.what}" + (f" ({detail})" if detail else "") + "\n", style="")
        if not state.actions:
            lines.append(t("summary.no_actions") + "\n", style="dim")
        self.query_one("#actions", Static).update(lines)

    def _selected_point(self) -> str | None:
        points = self.query_one("#points", OptionList)
        if points.highlighted is None or not points.option_count:
            return None
        return points.get_option_at_index(points.highlighted).id

    def action_add_point(self) -> None:
        table = self.query_one("#heard", DataTable)
        if not table.row_count:
            self.notify(self.t("summary.nothing_heard"), severity="warning")
            return
        try:
            row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except CellDoesNotExist:
            return
        contribution = self.kiosk.state.contributions.get(row_key.value or "")
        if contribution is not None:
            self.kiosk.steer("keypoint/add", text=contribution.text, sources=[contribution.id])

    def action_edit_point(self) -> None:
        point_id = self._selected_point()
        point = next((p for p in self.kiosk.state.key_points if p.id == point_id), None)
        if point is None:
            return

        def edited(text: str | None) -> None:
            if text is not None:
                self.kiosk.steer("keypoint/edit", id=point.id, text=text)

        self.app.push_screen(TextPrompt(self.t("summary.edit_point"), point.text), edited)

    def action_remove_point(self) -> None:
        point_id = self._selected_point()
        if point_id is not None:
            self.kiosk.steer("keypoint/remove", id=point_id)

    def action_move_point(self, step: int) -> None:
        point_id = self._selected_point()
        points = self.kiosk.state.key_points
        index = next((i for i, p in enumerate(points) if p.id == point_id), None)
        if index is None or not 0 <= index + step < len(points):
            return
        if self.kiosk.steer("keypoint/move", id=point_id, to=index + step):
            self.query_one("#points", OptionList).highlighted = index + step

    def action_show_summary(self) -> None:
        self.kiosk.steer("summary/show", on=not self.kiosk.state.summary_shown)

    @on(Input.Submitted, "#new-point")
    def _add_free_point(self, event: Input.Submitted) -> None:
        if self.kiosk.steer("keypoint/add", text=event.value):
            event.input.value = ""

    @on(Input.Submitted, "#key-message")
    def _set_key_message(self, event: Input.Submitted) -> None:
        if self.kiosk.steer("closing/set", key_message=event.value):
            self.notify(self.t("summary.saved"))

    @on(Input.Submitted, "#contact")
    def _set_contact(self, event: Input.Submitted) -> None:
        if self.kiosk.steer("closing/set", contact=event.value):
            self.notify(self.t("summary.saved"))

    @on(Input.Submitted, "#action-what, #action-owner, #action-due")
    def _add_action(self, event: Input.Submitted) -> None:
        what = self.query_one("#action-what", Input)
        owner = self.query_one("#action-owner", Input)
        due = self.query_one("#action-due", Input)
        if not what.value.strip():
            what.focus()
            return
        if self.kiosk.steer("action/add", what=what.value, owner=owner.value, due=due.value):
            what.value = owner.value = due.value = ""
            what.focus()
