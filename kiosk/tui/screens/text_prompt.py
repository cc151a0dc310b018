"""Ask for one line of text in a modal dialog (edit a contribution, a key point, a tag)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class TextPrompt(ModalScreen[str | None]):
    """Dismisses the text typed (enter), or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(
        self, question: str, value: str = "", *, placeholder: str = "", max_length: int = 500
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="question", markup=False)
            # The text to edit stays as it is: the first keystroke must not replace a whole contribution.
            yield Input(
                self.value,
                placeholder=self.placeholder,
                max_length=self.max_length,
                id="answer",
                select_on_focus=False,
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
