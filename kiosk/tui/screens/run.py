"""The run screen: the big timer and the evening's pace on top, the agenda and the current block below."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll

from kiosk.core.changes import Changes
from kiosk.tui.pace import compute_pace
from kiosk.tui.question_steering import presenting_now, step_presentation, step_question
from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.screens.table_codes import show_table_codes
from kiosk.tui.widgets.agenda_list import AgendaList
from kiosk.tui.widgets.block_info import BlockInfo
from kiosk.tui.widgets.countdown import Countdown
from kiosk.tui.widgets.evening_status import EveningStatus
from kiosk.tui.widgets.key_bar import KeyBar
from kiosk.tui.widgets.status_strip import StatusStrip
from kiosk.tui.widgets.tables_info import TablesInfo

QUESTIONS = Binding.Group("key.questions")
PRESENTATIONS = Binding.Group("key.next_presentation")


class RunScreen(KioskScreen):
    """Steer the agenda and keep time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the block's scroll area would take the arrows for sideways scrolling it never needs.
        Binding(
            "right",
            "next_question",
            "key.next_question",
            key_display="→",
            tooltip="tip.next_question",
            group=QUESTIONS,
            priority=True,
        ),
        Binding(
            "left",
            "previous_question",
            "key.previous_question",
            key_display="←",
            tooltip="tip.previous_question",
            group=QUESTIONS,
            priority=True,
        ),
        # The same arrows step through the tables' presentations in a block without questions.
        Binding(
            "right",
            "step_presentation(1)",
            "key.next_presentation",
            key_display="→",
            tooltip="tip.next_presentation",
            group=PRESENTATIONS,
            priority=True,
        ),
        Binding(
            "left",
            "step_presentation(-1)",
            "key.next_presentation",
            key_display="←",
            tooltip="tip.previous_presentation",
            group=PRESENTATIONS,
            priority=True,
        ),
        Binding("t", "table_codes", "key.table_codes", tooltip="tip.table_codes"),
    ]
    WHILE_OPEN = KioskScreen.WHILE_OPEN | {"next_question", "previous_question", "step_presentation"}
    shown_block: int | None = None  # the block the "Nu" panel shows, so a new one starts at its top

    def compose(self) -> ComposeResult:
        yield StatusStrip()
        with Horizontal(id="clock-row"):
            yield Countdown("00:00", id="countdown")
            yield EveningStatus(id="status")
        with Horizontal(id="run-body"):
            yield AgendaList(id="agenda")
            with VerticalScroll(id="block-scroll"):
                yield BlockInfo(id="block")
                yield TablesInfo(id="tables")
        yield KeyBar()

    def on_mount(self) -> None:
        self.on_resize()
        self.query_one("#agenda").border_title = self.t("run.agenda")
        self.query_one("#block-scroll").border_title = self.t("run.block")
        self._show_block()
        self.tick()

    def on_screen_resume(self) -> None:
        self._show_block()
        self.tick()

    def on_resize(self) -> None:
        # The status folds into as many lines as the countdown beside it is high: its three rows of digits
        # and its frame (from its styles, which the size classes set before anything is laid out).
        countdown = self.query_one(Countdown)
        self.query_one(EveningStatus).lines_wanted = 3 + countdown.styles.gutter.height

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.kiosk.state
        if action in ("next_question", "previous_question") and not state.block.prompts:
            return False  # a block without questions: the arrows leave the key bar
        if action == "step_presentation" and not presenting_now(state):
            return False
        if action == "table_codes" and not state.tables.assigned:
            return False
        return super().check_action(action, parameters)

    def core_changed(self, changes: Changes) -> None:
        if self.is_current:
            self._show_block()
            self.tick()
            self.refresh_bindings()

    def _show_block(self) -> None:
        state = self.kiosk.state
        self.query_one(BlockInfo).show(state, self.t)
        if self.shown_block != state.block.index:
            self.shown_block = state.block.index
            self.query_one("#block-scroll").scroll_home(animate=False)  # the new block's title in sight

    def tick(self) -> None:
        core = self.kiosk.core
        state = core.state
        now = core.now()
        day = core.info.created_at if core.info is not None else now
        pace = compute_pace(state, now, day)
        timer = state.timer
        self.query_one(Countdown).show(timer.remaining(now), timer.length, timer.running, state.finished)
        self.query_one(AgendaList).show(state, pace, self.t)
        hub = self.kiosk.hub
        room = core.info.room_code if core.info is not None else ""
        join = (hub.urls.join, room) if hub is not None else None
        self.on_resize()  # again: a resize restyles the countdown after its own event
        self.query_one(EveningStatus).show(state, pace, now, hub.connected() if hub else None, join, self.t)
        self.query_one(TablesInfo).show(state, now, hub.urls.base if hub is not None else "", self.t)

    def action_next_question(self) -> None:
        step_question(self.kiosk, 1)

    def action_previous_question(self) -> None:
        step_question(self.kiosk, -1)

    def action_step_presentation(self, step: int) -> None:
        step_presentation(self.kiosk, step)

    def action_table_codes(self) -> None:
        show_table_codes(self.kiosk)
