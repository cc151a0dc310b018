"""The evening at a glance: the wall clock, the planned end, ahead or behind, and who is connected."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.tui.i18n import Translator
from kiosk.tui.pace import Pace, clock_text


def drift_text(behind: float, t: Translator) -> tuple[str, str]:
    """'3 min behind' or '2 min ahead' or 'on time', with a style."""
    minutes = round(behind / 60)
    if minutes > 0:
        return t("run.behind", minutes=minutes), "bold red" if minutes >= 5 else "yellow"
    if minutes < 0:
        return t("run.ahead", minutes=-minutes), "green"
    return t("run.on_time"), "green"


class EveningStatus(Static):
    """One block of facts beside the countdown."""

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
        text = Text()
        text.append(datetime.fromtimestamp(now).strftime("%H:%M:%S"), style="bold")
        text.append("\n" + t("run.planned_end", time=clock_text(pace.planned_end)))
        text.append("\n" + t("run.expected_end", time=clock_text(pace.expected_end)))
        drift, style = drift_text(pace.behind, t)
        text.append("\n" + drift, style=style)
        state_key = "run.state.finished" if state.finished else (
            "run.state.running" if state.timer.running else "run.state.paused"
        )
        text.append("\n" + t(state_key), style="bold")
        roles = {"parent": 0, "staff": 0, "unknown": 0}
        for device in state.devices.values():
            roles[device.role or "unknown"] = roles.get(device.role or "unknown", 0) + 1
        text.append("\n\n" + t("run.joined", parent=roles["parent"], staff=roles["staff"], unknown=roles["unknown"]))
        if connected is None:
            text.append("\n" + t("run.no_hub"), style="dim")
        else:
            text.append(
                "\n"
                + t(
                    "run.connected",
                    parent=connected.get("parent", 0),
                    staff=connected.get("staff", 0),
                    unknown=connected.get("unknown", 0),
                    display=connected.get("display", 0),
                )
            )
        if join is not None:
            text.append("\n\n" + t("run.join_at") + "\n", style="bold")
            text.append(join[0], style="bold cyan")
            text.append("\n" + t("join.room", room=join[1]))
        self.update(text)
