"""The run screen: the agenda, the current block with its talking points, the big timer and the evening's pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header

from kiosk.core.events import Event
from kiosk.tui.pace import compute_pace
from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.widgets.agenda_list import AgendaList
from kiosk.tui.widgets.block_info import BlockInfo
from kiosk.tui.widgets.countdown import Countdown
from kiosk.tui.widgets.evening_status import EveningStatus
from kiosk.tui.widgets.tables_info import TablesInfo


class RunScreen(KioskScreen):
    """Steer the agenda and keep time."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield AgendaList(id="agenda")
            with Vertical(id="main"):
                with Horizontal(id="clock-row"):
                    yield Countdown("00:00", id="countdown")
                    yield EveningStatus(id="status")
                with VerticalScroll(id="block-scroll"):
                    yield BlockInfo(id="block")
                    yield TablesInfo(id="tables")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agenda").border_title = self.t("run.agenda")
        self.query_one("#block-scroll").border_title = self.t("run.block")
        self._show_block()
        self.tick()

    def on_screen_resume(self) -> None:
        self._show_block()
        self.tick()

    def core_changed(self, events: list[Event]) -> None:
        if self.is_current:
            self._show_block()
            self.tick()

    def _show_block(self) -> None:
        self.query_one(BlockInfo).show(self.kiosk.state, self.t)

    def tick(self) -> None:
        core = self.kiosk.core
        state = core.state
        now = core.now()
        day = core.info.created_at if core.info is not None else now
        pace = compute_pace(state, now, day)
        timer = state.timer
        self.query_one(Countdown).show(timer.remaining(now), timer.length, timer.running)
        self.query_one(AgendaList).show(state, pace, self.t)
        hub = self.kiosk.hub
        room = core.info.room_code if core.info is not None else ""
        join = (hub.urls.join, room) if hub is not None else None
        self.query_one(EveningStatus).show(state, pace, now, hub.connected() if hub else None, join, self.t)
        self.query_one(TablesInfo).show(state, now, hub.urls.base if hub is not None else "", self.t)
