"""Type in a contribution that came on paper or was said aloud."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator


class PaperScreen(ModalScreen[dict[str, Any] | None]):
    """Dismisses the data of a `contribution/add` (without id), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, state: SessionState, t: Translator) -> None:
        super().__init__(classes="dialog")
        self.t = t
        # Questions as the agenda wrote them, never read as markup.
        self.prompts: list[tuple[Text, str]] = [
            (Text(p.text_in(t.lang)[:60]), p.id)
            for b in state.agenda.blocks
            for p in b.prompts
            if p.kind == "open"
        ]
        self.open_prompt = state.open_prompt

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(classes="dialog-box wide"):
            yield Label(t("paper.title"), classes="question", markup=False)
            yield Input(placeholder=t("paper.placeholder"), max_length=500, id="text")
            with Horizontal(classes="fields"):
                yield Select(
                    [(t("source.paper"), "paper"), (t("source.spoken"), "spoken")],
                    value="paper",
                    allow_blank=False,
                    id="source",
                )
                yield Select(
                    [(t("role.parent"), "parent"), (t("role.staff"), "staff")],
                    prompt=t("paper.no_role"),
                    id="role",
                )
            prompt_ids = {pid for _, pid in self.prompts}
            yield Select(
                self.prompts,
                prompt=t("paper.open_prompt"),
                id="prompt",
                value=self.open_prompt if self.open_prompt in prompt_ids else Select.NULL,
            )
            with Horizontal(classes="buttons"):
                yield Button(t("paper.add"), variant="primary", id="add")
                yield Button(t("cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        text = self.query_one("#text", Input).value
        if not text.strip():
            self.notify(self.t("error.empty"), severity="warning")
            return
        data: dict[str, Any] = {"text": text, "source": self.query_one("#source", Select).value}
        role = self.query_one("#role", Select).value
        if isinstance(role, str):
            data["role"] = role
        prompt = self.query_one("#prompt", Select).value
        if isinstance(prompt, str):
            data["prompt"] = prompt
        self.dismiss(data)

    def action_cancel(self) -> None:
        self.dismiss(None)
