"""The evening at a glance: the wall clock, the timer's state, ahead or behind, who is connected, the join link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from kiosk.core.readings.evening import people
from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.pace import Pace, clock_text

SEPARATOR = " · "


@dataclass(frozen=True)
class Fact:
    """One piece of the status; `group` keeps related facts together when lines are shared."""

    text: Text
    group: int
    joiner: str = SEPARATOR  # what goes before it when it follows another fact on the same line


def drift_text(behind: float, t: Translator) -> tuple[str, str]:
    """'3 min behind' or '2 min ahead' or 'on time', with a style."""
    minutes = round(behind / 60)
    if minutes > 0:
        return t("run.behind", minutes=minutes), "bold red" if minutes >= 5 else "yellow"
    if minutes < 0:
        return t("run.ahead", minutes=-minutes), "green"
    return t("run.on_time"), "green"


def people_text(t: Translator, counts: dict[str, int], roles: tuple[str, ...]) -> str:
    """'6 ouders, 1 school' with the right plural for each; the roles nobody has are left out."""
    parts = [t.plural(f"count.{role}", counts.get(role, 0)) for role in roles if counts.get(role, 0)]
    return ", ".join(parts) if parts else t("count.nobody")


def _lines_of(facts: list[Fact], width: int, sharing: str) -> list[list[Fact]]:
    """Facts one per line ("none"), or sharing lines greedily "within" their group, or across "all" groups."""
    lines: list[list[Fact]] = []
    used = 0
    for fact in facts:
        line = lines[-1] if lines else None
        fits = line is not None and used + len(fact.joiner) + fact.text.cell_len <= width
        same_group = line is not None and line[-1].group == fact.group
        tight = same_group and fact.joiner != SEPARATOR  # a clock and its state, a label and its link
        if line is not None and fits and (tight or sharing == "all" or (sharing == "within" and same_group)):
            line.append(fact)
            used += len(fact.joiner) + fact.text.cell_len
        else:
            lines.append([fact])
            used = fact.text.cell_len
    return lines


def fold(facts: list[Fact], width: int, height: int) -> list[list[Fact]]:
    """Stack the facts one per line when there is room; else share lines within groups; else across them."""
    width = max(width, 1)
    tries = [_lines_of(facts, width, sharing) for sharing in ("none", "within", "all")]
    fitting = [lines for lines in tries if len(lines) <= height]
    # The least sharing that fits; when none fits, the fewest lines (the first of equals shares least).
    return fitting[0] if fitting else min(tries, key=len)


def render_lines(lines: list[list[Fact]]) -> Text:
    text = Text(overflow="fold")
    for row, line in enumerate(lines):
        if row:
            text.append("\n")
        for index, fact in enumerate(line):
            if index:
                text.append(fact.joiner, style="dim")
            text.append_text(fact.text)
    return text


class EveningStatus(Widget):
    """The facts beside the countdown, stacked when there is room and folded on a small terminal."""

    DEFAULT_CSS = "EveningStatus { height: auto; }"

    lines_wanted: reactive[int] = reactive(5, layout=True)
    """As many lines as the countdown beside it is high; more only when the facts need them."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.facts: list[Fact] = []

    def show(
        self,
        state: SessionState,
        pace: Pace,
        now: float,
        connected: dict[str, int] | None,
        join: tuple[str, str] | None,
        t: Translator,
    ) -> None:
        """`connected` and `join` (url, room code) come from the hub; None when it is not running."""
        facts: list[Fact] = []
        clock = Text(datetime.fromtimestamp(now).strftime("%H:%M:%S"), style="bold")
        if state.finished:
            facts.append(Fact(clock, 0))
            facts.append(Fact(Text(t("run.state.finished"), style="bold green"), 0, "  "))
            ended = state.ended_at if state.ended_at is not None else now
            facts.append(Fact(Text(t("run.ended_at", time=clock_text(ended))), 1))
        else:
            running = state.timer.running
            facts.append(Fact(clock, 0))
            state_text = Text(
                t("run.state.running" if running else "run.state.paused"),
                style="bold green" if running else "bold yellow",
            )
            facts.append(Fact(state_text, 0, "  "))
            facts.append(Fact(Text(t("run.planned_end", time=clock_text(pace.planned_end))), 1))
            facts.append(Fact(Text(t("run.expected_end", time=clock_text(pace.expected_end))), 1))
            drift, style = drift_text(pace.behind, t)
            facts.append(Fact(Text(drift, style=style), 1))
        came = people(state)
        roles = {"parent": came.parent, "staff": came.staff, "unknown": came.unknown}
        facts.append(
            Fact(Text(t("run.joined", people=people_text(t, roles, ("parent", "staff", "unknown")))), 2)
        )
        if connected is not None:
            present = people_text(t, connected, ("parent", "staff", "unknown", "display"))
            facts.append(Fact(Text(t("run.connected", people=present)), 2))
        if join is None:
            facts.append(Fact(Text(t("run.no_hub"), style="dim"), 3))
        else:
            url, room = join
            facts.append(Fact(Text(t("run.join_at"), style="bold"), 3))
            facts.append(Fact(Text(url, style="bold cyan"), 3, " "))
            facts.append(Fact(Text(t("join.room", room=room), style="bold"), 3))
        self.facts = facts
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(fold(self.facts, width, self.lines_wanted))

    def render(self) -> Text:
        return render_lines(fold(self.facts, self.size.width, self.lines_wanted))
