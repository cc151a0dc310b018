"""The help screen (`?`): every key of the screen it was opened on, the keys that work everywhere, and lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from kiosk.tui.key_words import translate_binding

if TYPE_CHECKING:
    from kiosk.tui.i18n import Translator

# Keys of lists and fields that Textual's widgets bring along: (key, catalog key of what it does).
LIST_KEYS = (
    ("↑ ↓", "help.keys.arrows"),
    ("enter", "help.keys.enter"),
    ("esc", "help.keys.escape"),
    ("shift+tab", "help.keys.shift_tab"),
)


class HelpScreen(ModalScreen[None]):
    """Dismissed with escape, `?` or `q`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", show=False),
    ]

    def __init__(self, screen_name: str, own: list[Binding], shared: list[Binding], t: Translator) -> None:
        super().__init__(classes="dialog")
        self.screen_name = screen_name
        self.own, self.shared = own, shared  # the screen's own keys, and those every screen has
        self.t = t

    def compose(self) -> ComposeResult:
        t = self.t
        name = self.screen_name
        with Vertical(classes="dialog-box wide", id="help-box"):
            yield Label(t("help.title", screen=name), classes="question")
            with VerticalScroll(id="help-keys"):
                yield Static(self._keys())
            yield Label(Text(t("help.close"), style="dim"))

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()  # the arrows and page keys scroll a long list

    def _keys(self) -> Group:
        t = self.t
        app = self.app
        own, shared = self.own, self.shared
        parts: list[Table | Text] = []

        def section(title: str, rows: list[tuple[str, str, str]]) -> None:
            table = Table.grid(padding=(0, 2))
            table.add_column(style="bold", no_wrap=True)
            table.add_column()
            for key, what, tip in rows:
                line = Text(what)
                if tip and tip != what:
                    line.append(f"  {tip}", style="dim")
                table.add_row(key, line)
            parts.append(Text(title, style="bold underline"))
            parts.append(table)
            parts.append(Text(""))

        def rows(bindings: list[Binding]) -> list[tuple[str, str, str]]:
            result = []
            for binding in bindings:
                shown = translate_binding(binding, t)
                keys = shown.key_display or "/".join(
                    app.get_key_display(Binding(k.strip(), shown.action)) for k in shown.key.split(",")
                )
                result.append((keys, shown.description, shown.tooltip))
            return result

        if own:
            section(t("help.this_screen"), rows(own))
        app_keys = [
            (app.get_key_display(Binding("ctrl+p", "")), t("key.palette"), t("tip.palette")),
            (app.get_key_display(Binding("ctrl+c", "")), t("key.quit"), t("tip.ctrl_c")),
        ]
        section(t("help.everywhere"), rows(shared) + app_keys)
        section(t("help.lists"), [(key, t(what), "") for key, what in LIST_KEYS])
        return Group(*parts)

    def action_close(self) -> None:
        self.dismiss(None)
