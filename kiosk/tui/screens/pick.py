"""Pick one of several things in a modal list (merge target, a theme as tag, a prompt)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    """Dismisses the id of the option chosen, or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, question: str, options: list[tuple[str, str]]) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.options = options  # (id, label)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="question", markup=False)
            # Labels carry what the room wrote (a merge target, a tag): shown as typed, never read as markup.
            options = [Option(label, id=option_id) for option_id, label in self.options]
            yield OptionList(*options, id="choices", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
