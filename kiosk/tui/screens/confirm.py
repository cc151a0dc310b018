"""A yes/no question as a modal dialog (resume the evening? quit? finish?), opened on the safe answer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses True for yes, False for no or escape.

    The dialog opens with the safe answer focused, so a reflexive Enter never does what cannot be undone: "no",
    unless `yes_is_safe` (resuming an evening loses nothing). Yes takes its own key (`j`, `y`) or a deliberate move
    to its button."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", show=False),
        Binding("y,j", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
    ]

    def __init__(
        self, question: str, *, yes: str, no: str, purpose: str = "", yes_is_safe: bool = False
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.purpose = purpose  # what is being asked ("quit"), so the same question is not stacked twice
        self.yes_label = yes
        self.no_label = no
        self.yes_is_safe = yes_is_safe

    def compose(self) -> ComposeResult:
        t = getattr(self.app, "t", None)
        yes_key = t("confirm.yes_key") if t is not None else "j"
        no_key = t("confirm.no_key") if t is not None else "n"
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="question", markup=False)  # may name an agenda, as typed
            with Horizontal(classes="buttons"):
                # The safe answer first and focused; the other one says its key.
                yes = Button(f"{self.yes_label} ({yes_key})", id="yes", variant="warning")
                no = Button(f"{self.no_label} ({no_key})", id="no", variant="primary")
                if self.yes_is_safe:
                    yes.variant, no.variant = "primary", "default"
                    yield yes
                    yield no
                else:
                    yield no
                    yield yes

    def on_mount(self) -> None:
        self.query_one("#yes" if self.yes_is_safe else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
