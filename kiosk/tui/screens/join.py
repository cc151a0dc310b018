"""The join screen: the QR code to scan, the join link, the room code, and the projector and remote links."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from kiosk.core.changes import Changes
from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.widgets.evening_status import people_text
from kiosk.tui.widgets.key_bar import KeyBar
from kiosk.tui.widgets.link_text import link_text
from kiosk.tui.widgets.qr_code import QrCode
from kiosk.tui.widgets.status_strip import StatusStrip


class JoinScreen(KioskScreen):
    """How phones, the projector and the remote find the evening."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "poster", "key.poster", tooltip="tip.poster")]

    def compose(self) -> ComposeResult:
        yield StatusStrip()
        with Horizontal():
            yield QrCode(id="qr")
            with VerticalScroll(id="join-info"):
                yield Static(id="join-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def core_changed(self, changes: Changes) -> None:
        if changes.joined:
            self._show()

    def tick(self) -> None:
        # The connected counts change without events (a phone closing its browser).
        self._show()

    def _show(self) -> None:
        t = self.t
        core = self.kiosk.core
        hub = self.kiosk.hub
        room = core.info.room_code if core.info is not None else "–"
        text = self.query_one("#join-text", Static)
        # The links break between their parts, never inside the room code or a token.
        width = text.content_region.width or 40
        parts: list[RenderableType] = [Text(t("join.scan"), style="bold"), Text("")]
        if hub is None:
            self.query_one(QrCode).display = False
            parts += [
                Text(t("join.no_hub"), style="yellow"),
                Text(""),
                Text(t("join.room", room=room), style="bold"),
            ]
        else:
            urls = hub.urls
            qr = self.query_one(QrCode)
            qr.display = True
            qr.show(urls.join)
            parts += [link_text(urls.join, width), Text(t("join.room", room=room), style="bold"), Text("")]
            # The projector's and the remote's links next, in sight at 80x24; the rest may need scrolling.
            parts += [Text(t("join.display"), style="bold"), link_text(urls.display, width, style="")]
            parts += [Text(t("join.remote"), style="bold"), link_text(urls.remote, width, style=""), Text("")]
            parts += [Text(hub.network_hint()), Text("")]
            if hub.wifi is not None:
                parts += [Text(t("join.wifi", name=hub.wifi.name), style="bold"), Text("")]
            parts += [Text(t("join.poster"), style="bold"), link_text(urls.poster, width, style=""), Text("")]
            present = people_text(t, hub.connected(), ("parent", "staff", "unknown", "display"))
            parts.append(Text(t("run.connected", people=present)))
        text.update(Group(*parts))

    def action_poster(self) -> None:
        self.kiosk.save_poster()
