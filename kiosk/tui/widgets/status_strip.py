"""One line on top of every screen: what waits for the facilitator, auto-approve, the name check, storage trouble.

It takes the place of Textual's header: the evening's title goes to its right end when there is room left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.widget import Widget

from kiosk.core.readings.waiting import Waiting, waiting_of
from kiosk.tui.i18n import Translator

if TYPE_CHECKING:
    from kiosk.namecheck.service import FullCheck
    from kiosk.tui.app import KioskApp

NAME_CHECK_STATES = ("loading", "ready", "off", "failed")
GAP = " │ "


def name_check_state(check: FullCheck | None) -> str:
    """loading (deduce loads in its process), ready, off (our own rules only: --name-check rules, or no hub) or
    failed (the process could not start or died: our own rules go on)."""
    if check is None:
        return "off"
    if check.ready:
        return "ready"
    return "failed" if check.worker.failed else "loading"


@dataclass(frozen=True)
class StatusFacts:
    """Everything the strip shows, so it redraws only when one of them changes."""

    waiting: Waiting
    auto_approve: bool
    name_check: str
    storage: str | None  # "disk_full", "read_only", "other" or None
    title: str


def _waiting_text(waiting: Waiting, t: Translator, size: str) -> Text:
    """What waits in words of `size`: long, short, or tight (the held ones of every kind in one count)."""
    text = Text()
    if not waiting.total:
        text.append(t("strip.nothing_waits"), style="dim")
        return text
    if size == "long":
        text.append(t("strip.waiting") + " ", style="bold")
    words = "long" if size == "long" else "short"
    parts: list[Text] = []
    for kind, count, held in (
        ("answers", waiting.answers, waiting.answers_held),
        ("questions", waiting.questions, waiting.questions_held),
    ):
        if not count:
            continue
        part = Text(t.plural(f"strip.{kind}.{words}", count), style="bold yellow")
        if held and size != "tight":
            part.append(" " + t("strip.held", n=held), style="bold red")
        parts.append(part)
    held_anywhere = waiting.answers_held + waiting.questions_held + waiting.texts_held
    if size == "tight":
        if held_anywhere:
            parts.append(Text(t("strip.held", n=held_anywhere), style="bold red"))
    elif waiting.texts_held:
        parts.append(Text(t.plural(f"strip.texts.{words}", waiting.texts_held), style="bold red"))
    for index, part in enumerate(parts):
        if index:
            text.append(" " if size == "tight" else ", ")
        text.append_text(part)
    text.append("  ")
    text.append("w", style="bold reverse")
    text.append(" " + t("strip.go" if size == "long" else "strip.go_short"), style="")
    return text


def strip_text(facts: StatusFacts, t: Translator, width: int) -> Text:
    """The line at `width`: long words when they fit, else short, else tight; the title only in what is left."""
    for size in ("long", "short", "tight"):
        text = Text()
        if facts.storage is not None:  # the worst news first: what is typed now may not be kept
            text.append(t(f"strip.storage.{facts.storage}"), style="bold white on red")
            text.append(GAP, style="dim")
        text.append_text(_waiting_text(facts.waiting, t, size))
        words = "long" if size == "long" else "short"
        auto = t(f"strip.auto_{'on' if facts.auto_approve else 'off'}.{words}")
        text.append(GAP, style="dim")
        text.append(auto, style="bold green" if facts.auto_approve else "")
        check = facts.name_check
        text.append(GAP, style="dim")
        style = {"loading": "bold yellow", "ready": "green", "off": "", "failed": "bold red"}[check]
        text.append(t(f"strip.names.{check}.{words}"), style=style)
        if text.cell_len + 1 <= width:
            break
    room = width - 1 - text.cell_len - len(GAP)
    if facts.title and room >= min(len(facts.title), 12):
        title = facts.title if len(facts.title) <= room else facts.title[: room - 1] + "…"
        text.append(" " * (room - len(title) + len(GAP)))
        text.append(title, style="dim")
    return Text(" ") + text


class StatusStrip(Widget):
    """Kept current by the app on every change of the evening (`KioskApp.refresh_status`) and twice a second for
    the name check, which gets ready by itself."""

    DEFAULT_CSS = """
    StatusStrip { dock: top; height: 1; background: $panel; }
    """

    facts: StatusFacts | None = None

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    def on_mount(self) -> None:
        self.update_facts()

    def update_facts(self, counted: bool = True) -> None:
        """Read the facts again; `counted=False` keeps the counts (they change only with the evening)."""
        app = self.kiosk
        if app._core is None:
            return
        state = app.state
        problem = app.core.storage_problem
        hub = app.hub
        facts = StatusFacts(
            waiting=waiting_of(state) if counted or self.facts is None else self.facts.waiting,
            auto_approve=state.auto_approve,
            name_check=name_check_state(hub.full_check if hub is not None else None),
            storage=None
            if problem is None
            else (problem.reason if problem.reason in ("disk_full", "read_only") else "other"),
            title=app.evening_title,
        )
        if facts != self.facts:
            self.facts = facts
            self.refresh()

    def render(self) -> Text:
        if self.facts is None:
            return Text("")
        return strip_text(self.facts, self.kiosk.t, self.size.width)
