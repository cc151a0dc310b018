"""The big countdown: mm:ss, amber at 20% left, red at 5%, +mm:ss in overtime; dashes once the evening is closed."""

from __future__ import annotations

from textual.widgets import Digits

from kiosk.tui.pace import countdown_text, timer_level


class Countdown(Digits):
    """Big digits of the current block's time left."""

    def show(self, remaining: float, length: float, running: bool, finished: bool = False) -> None:
        self.update("--:--" if finished else countdown_text(remaining))
        level = "ok" if finished else timer_level(remaining, length)
        self.set_class(level == "amber", "-amber")
        self.set_class(level == "red", "-red")
        self.set_class(not running or finished, "-paused")
