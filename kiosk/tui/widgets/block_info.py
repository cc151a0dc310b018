"""The current block: its title, who leads it, the talking points, and its questions with the open one marked."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from kiosk.agenda.model import Prompt
from kiosk.core.readings import rating
from kiosk.core.readings.responses import rating_of, tally_of
from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator


def questions_table(state: SessionState, t: Translator) -> Table:
    """The block's questions, one a row: the open one marked, a rating or a choice saying what it is."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1, no_wrap=True)
    table.add_column(ratio=1)  # a long question wraps under itself, not under the marker
    for prompt in state.block.prompts:
        is_open = prompt.id == state.open_prompt
        line = Text(prompt.text_in(t.lang), style="bold cyan" if is_open else "")
        notes = [t(f"prompt.kind.{prompt.kind}")] if prompt.kind != "open" else []
        if is_open:
            notes.insert(0, t("run.is_open"))
            if state.recognition_open:
                notes.append(t("run.recognition_on"))
        if notes:
            line.append("  " + " · ".join(notes), style="green" if is_open else "dim")
        table.add_row(Text("▶", style="bold green") if is_open else Text(""), line)
        results = results_line(state, prompt, t)
        if results is not None:
            table.add_row(Text(""), results)
    return table


def results_line(state: SessionState, prompt: Prompt, t: Translator) -> Text | None:
    """What the phones gave a rating or choice question so far: "1★ 0 · 2★ 0 · 3★ 2 · 4★ 3 · 5★ 3 · average 4.1 (8)"."""
    counted = tally_of(state, prompt)
    if counted is None or not counted.total:
        return None
    if prompt.kind == "rating":
        parts = [f"{value}★ {count}" for value, count in enumerate(counted.counts, start=rating.LOWEST)]
        parts.append(t("run.rating_average", average=t.decimal(rating_of(state, prompt).average or 0.0)))
    else:
        parts = [
            f"{option} {count}"
            for option, count in zip(prompt.options_in(t.lang), counted.counts, strict=False)
        ]
    line = Text(" · ".join(parts), style="cyan")
    line.append("  " + t.plural("run.answers_given", counted.total), style="dim")
    return line


class BlockInfo(Static):
    """What the facilitator needs to say and ask in this block."""

    def show(self, state: SessionState, t: Translator) -> None:
        block = state.block
        parts: list[Text | Table] = []
        if state.finished:
            parts.append(Text(t("run.finished"), style="bold green"))
            parts.append(Text(t("run.finished_next"), style="green"))
            parts.append(Text(""))
        parts.append(Text(block.title_in(t.lang), style="bold"))
        if block.lead:
            parts.append(Text(t("run.lead", lead=block.lead_in(t.lang)), style="italic"))
        # The questions first: they are what the facilitator steers, and the talking points may be long.
        if block.prompts:
            parts.append(Text(""))
            parts.append(Text(t.plural("run.questions", len(block.prompts)), style="bold"))
            parts.append(questions_table(state, t))
            if not state.finished:
                hint = "run.questions_keys" if state.open_prompt else "run.no_open_prompt"
                parts.append(Text(t(hint), style="dim"))
        prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
        if prompt is not None and prompt not in block.prompts:
            # A question of another block, opened from the palette, is still what phones see.
            parts.append(Text(""))
            line = Text(t("run.open_elsewhere") + " ", style="bold")
            line.append(prompt.text_in(t.lang), style="bold cyan")
            line.append(f"  ({t(f'prompt.kind.{prompt.kind}')})", style="dim")
            parts.append(line)
        points = block.points_in(t.lang)
        if points:
            parts.append(Text(""))
        for point in points:
            parts.append(Text(f"• {point}"))
        if block.notes:
            parts.append(Text(""))
            parts.append(Text(block.notes_in(t.lang), style="dim italic"))
        self.update(Group(*parts))
