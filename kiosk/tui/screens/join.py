"""The join screen: the QR code to scan, the join link, the room code, and the projector and remote links."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

from kiosk.core.events import Event
from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.widgets.qr_code import QrCode


class JoinScreen(KioskScreen):
    """How phones, the projector and the remote find the evening."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "poster", "key.poster", tooltip="tip.poster")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield QrCode(id="qr")
            with VerticalScroll(id="join-info"):
                yield Static(id="join-text")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def core_changed(self, events: list[Event]) -> None:
        if any(event.type == "device/join" for event in events):
            self._show()

    def tick(self) -> None:
        # The connected counts change without events (a phone closing its browser).
        self._show()

    def _show(self) -> None:
        t = self.t
        core = self.kiosk.core
        hub = self.kiosk.hub
        room = core.info.room_code if core.info is not None else "–"
        text = Text()
        text.append(t("join.scan") + "\n\n", style="bold")
        if hub is None:
            self.query_one(QrCode).display = False
            text.append(t("join.no_hub") + "\n\n", style="yellow")
            text.append(t("join.room", room=room) + "\n", style="bold")
        else:
            urls = hub.urls
            qr = self.query_one(QrCode)
            qr.display = True
            qr.show(urls.join)
            text.append(urls.join + "\n", style="bold cyan")
            text.append(t("join.room", room=room) + "\n\n", style="bold")
            text.append(hub.network_hint() + "\n\n")
            if hub.wifi is not None:
                text.append(t("join.wifi", name=hub.wifi.name) + "\n\n", style="bold")
            text.append(t("join.poster") + "\n", style="bold")
            text.append(urls.poster + "\n\n")
            text.append(t("join.display") + "\n", style="bold")
            text.append(urls.display + "\n\n")
            text.append(t("join.remote") + "\n", style="bold")
            text.append(urls.remote + "\n\n")
            connected = hub.connected()
            text.append(
                t(
                    "run.connected",
                    parent=connected.get("parent", 0),
                    staff=connected.get("staff", 0),
                    unknown=connected.get("unknown", 0),
                    display=connected.get("display", 0),
                )
            )
        self.query_one("#join-text", Static).update(text)

    def action_poster(self) -> None:
        self.kiosk.save_poster()
