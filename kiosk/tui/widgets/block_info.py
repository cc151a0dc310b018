"""The current block: its title, who leads it, the talking points and the open question."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator


class BlockInfo(Static):
    """What the facilitator needs to say and ask in this block."""

    def show(self, state: SessionState, t: Translator) -> None:
        block = state.block
        parts: list[Text] = [Text(block.title, style="bold")]
        if block.lead:
            parts.append(Text(t("run.lead", lead=block.lead), style="italic"))
        parts.append(Text(""))
        for point in block.points:
            parts.append(Text(f"• {point}"))
        if block.notes:
            parts.append(Text(""))
            parts.append(Text(block.notes, style="dim italic"))
        prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
        if prompt is not None:
            parts.append(Text(""))
            line = Text(t("run.open_prompt") + " ", style="bold")
            line.append(prompt.text_in(t.lang), style="bold cyan")
            if state.recognition_open:
                line.append("  " + t("run.recognition_on"), style="green")
            parts.append(line)
        elif block.prompts:
            parts.append(Text(""))
            parts.append(Text(t("run.no_open_prompt"), style="dim"))
        if state.finished:
            parts.append(Text(""))
            parts.append(Text(t("run.finished"), style="bold green"))
        self.update(Group(*parts))
