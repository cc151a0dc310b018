"""One table host's link over the whole terminal: a QR code big enough to scan from a phone held at arm's length,
even at 80x24; ←/→ (or the table's number) to the next table."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from kiosk.core.tables import table_list
from kiosk.tui.widgets.qr_code import QrCode

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp


def host_link(base_url: str, token: str) -> str:
    """The table host's page: secret like the remote's link, shown for the facilitator to hand to the host."""
    return f"{base_url}/host?token={token}"


def show_table_codes(app: KioskApp, number: int = 1) -> None:
    """Open the codes at table `number`; says why not before the room is divided or without a hub."""
    if not app.state.tables.assigned:
        app.notify(app.t("error.no_tables"), severity="error")
    elif app.hub is None:
        app.notify(app.t("run.no_hub"), severity="warning")
    else:
        app.push_screen(TableCodesScreen(app.hub.urls.base, number))


class TableCodesScreen(ModalScreen[None]):
    """The code of one table at a time; the links are read from the state, so a new division shows at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", show=False),
        Binding("right,down,pagedown,space", "step(1)", show=False),
        Binding("left,up,pageup", "step(-1)", show=False),
        *[Binding(str(n), f"table({n})", show=False) for n in range(1, 10)],
    ]
    DEFAULT_CSS = """
    TableCodesScreen { background: $background; align: center top; }
    TableCodesScreen #code-title { width: 100%; text-align: center; text-style: bold; }
    TableCodesScreen QrCode { width: auto; height: auto; }
    TableCodesScreen #code-link { width: 100%; text-align: center; color: $text-accent; }
    TableCodesScreen #code-keys { width: 100%; text-align: center; color: $text-muted; }
    """

    def __init__(self, base_url: str, number: int = 1) -> None:
        super().__init__()
        self.base_url = base_url
        self.number = number

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="code-title")
            with Center():
                yield QrCode(id="table-code")
            yield Static(id="code-link")
            yield Static(id="code-keys")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        t = self.kiosk.t
        state = self.kiosk.state
        tables = state.tables
        count = len(tables.tables)
        if not count:
            self.dismiss()
            return
        self.number = min(max(self.number, 1), count)
        table = tables.table(self.number)
        shown = table_list(state)[self.number - 1]
        title = Text(t("codes.title", n=self.number, count=count), style="bold")
        if shown.theme is not None:
            title.append(" · " + shown.theme.title_in(t.lang))
        title.append(" · " + t.plural("count.people", shown.size), style="dim")
        self.query_one("#code-title", Static).update(title)
        link = host_link(self.base_url, table.host_token)
        self.query_one(QrCode).show(link)
        self.query_one("#code-link", Static).update(Text(link, no_wrap=True, overflow="ellipsis"))
        self.query_one("#code-keys", Static).update(Text(t("codes.keys")))

    def action_step(self, step: int) -> None:
        count = len(self.kiosk.state.tables.tables)
        if count:
            self.number = (self.number - 1 + step) % count + 1
            self._show()

    def action_table(self, number: int) -> None:
        if number <= len(self.kiosk.state.tables.tables):
            self.number = number
            self._show()
