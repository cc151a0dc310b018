"""One line above the feed: the block, its timer and the question phones are answering now."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.pace import countdown_text, timer_level

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp

_LEVEL_STYLE = {"ok": "bold green", "amber": "bold yellow", "red": "bold red"}


def now_text(state: SessionState, now: float, t: Translator) -> Text:
    """'Dialoog · 08:12 loopt · Vraag: Wat gaat goed? (open vraag)', or that the evening is closed."""
    text = Text()
    text.append(state.block.title_in(t.lang), style="bold")
    text.append(" · ", style="dim")
    if state.finished:
        text.append(t("run.state.finished"), style="bold green")
        return text
    timer = state.timer
    remaining = timer.remaining(now)
    text.append(countdown_text(remaining), style=_LEVEL_STYLE[timer_level(remaining, timer.length)])
    text.append(
        " " + t("run.state.running" if timer.running else "run.state.paused"),
        style="" if timer.running else "yellow",
    )
    text.append(" · ", style="dim")
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    if prompt is None:
        text.append(t("feed.no_question"), style="dim")
    else:
        text.append(t("feed.question") + " ", style="bold")
        text.append(prompt.text_in(t.lang), style="bold cyan")
        text.append(f" ({t(f'prompt.kind.{prompt.kind}')})", style="dim")
        if state.recognition_open:
            text.append("  " + t("run.recognition_on"), style="green")
    return text


class NowBar(Static):
    """Keeps itself current twice a second, like the run screen's clock."""

    DEFAULT_CSS = "NowBar { height: auto; padding: 0 1; }"

    def on_mount(self) -> None:
        self.show()
        self.set_interval(0.5, self.show)

    def show(self) -> None:
        app = cast("KioskApp", self.app)
        if app._core is not None:
            self.update(now_text(app.state, app.core.now(), app.t))
