"""A real terminal for the kiosk: tmux on a private server, keys typed into it, its screen read back as text or
as a picture (the colours of every cell, so a QR code drawn with half blocks can be scanned from it)."""

from __future__ import annotations

import re
import subprocess
import time

from PIL import Image

PATIENCE = 30.0  # a guard against a hang, not a speed assertion
ESCAPE_ALONE = 0.8  # seconds after an Escape before the next key, or the app reads the two as alt+key


class Terminal:
    """A detached tmux session on a private server: type keys into it, read what it shows."""

    def __init__(self, tmux: str, name: str) -> None:
        self.tmux = tmux
        self.server = ["-L", name]

    def run(self, *args: str) -> str:
        # No check: list-sessions fails once the kiosk has quit, which is what a test may wait for.
        command = [self.tmux, *self.server, *args]
        done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=30)
        return done.stdout

    def start(self, command: str, width: int, height: int) -> None:
        self.run("new-session", "-d", "-s", "kiosk", "-x", str(width), "-y", str(height), command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "kiosk")

    def colours(self) -> str:
        """The screen with its colours, as escape sequences."""
        return self.run("capture-pane", "-p", "-e", "-t", "kiosk")

    def press(self, *keys: str) -> None:
        # Escape and the next key close together read as alt+key: each key after an Escape goes on its own.
        while "Escape" in keys:
            at = keys.index("Escape")
            if at:
                self.run("send-keys", "-t", "kiosk", *keys[:at])
            self.run("send-keys", "-t", "kiosk", "Escape")
            time.sleep(ESCAPE_ALONE)
            keys = keys[at + 1 :]
        if keys:
            self.run("send-keys", "-t", "kiosk", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "kiosk", "-l", text)

    def wait_for(self, wanted: str, gone: str | None = None) -> str:
        """The screen once it shows `wanted` (and no longer `gone`)."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            shown = self.screen()
            if wanted in shown and (gone is None or gone not in shown):
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{wanted!r} never appeared; the terminal shows:\n{self.screen()}")

    def settle(self, seconds: float = 0.6) -> str:
        """The screen once it stopped changing for a moment (the kiosk redraws its clock twice a second)."""
        time.sleep(seconds)
        return self.screen()

    def alive(self) -> bool:
        return "kiosk" in self.run("list-sessions", "-F", "#{session_name}")

    def wait_closed(self) -> None:
        deadline = time.monotonic() + PATIENCE
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        self.run("kill-server")


# --- the screen as a picture ------------------------------------------------------------------------------------

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-ln-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]")
BASIC = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
]  # fmt: skip
DEFAULT_FG, DEFAULT_BG = (229, 229, 229), (0, 0, 0)


def xterm_colour(n: int) -> tuple[int, int, int]:
    """The xterm 256-colour palette."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    grey = 8 + (n - 232) * 10
    return grey, grey, grey


def _apply(params: list[int], fg: tuple[int, int, int], bg: tuple[int, int, int], reverse: bool):  # type: ignore[no-untyped-def]
    i = 0
    while i < len(params):
        p = params[i]
        if p == 0:
            fg, bg, reverse = DEFAULT_FG, DEFAULT_BG, False
        elif p == 7:
            reverse = True
        elif p == 27:
            reverse = False
        elif 30 <= p <= 37 or 90 <= p <= 97:
            fg = BASIC[p - 30 if p < 90 else p - 90 + 8]
        elif 40 <= p <= 47 or 100 <= p <= 107:
            bg = BASIC[p - 40 if p < 100 else p - 100 + 8]
        elif p == 39:
            fg = DEFAULT_FG
        elif p == 49:
            bg = DEFAULT_BG
        elif p in (38, 48) and i + 1 < len(params):
            if params[i + 1] == 5 and i + 2 < len(params):
                colour = xterm_colour(params[i + 2])
                i += 2
            elif params[i + 1] == 2 and i + 4 < len(params):
                colour = (params[i + 2], params[i + 3], params[i + 4])
                i += 4
            else:
                colour = fg if p == 38 else bg
            if p == 38:
                fg = colour
            else:
                bg = colour
        i += 1
    return fg, bg, reverse


def screen_picture(coloured: str, cell: tuple[int, int] = (6, 12)) -> Image.Image:
    """Draw the captured screen as a terminal would: each cell its background, a full or half block in its
    foreground colour; letters as a small mark (a scanner needs the blocks, a reader the text capture)."""
    lines = coloured.rstrip("\n").split("\n")
    width = max(len(_OTHER_ESCAPE.sub("", _SGR.sub("", line))) for line in lines)
    w, h = cell
    picture = Image.new("RGB", (width * w, len(lines) * h), DEFAULT_BG)
    pixels = picture.load()
    assert pixels is not None
    fg, bg, reverse = DEFAULT_FG, DEFAULT_BG, False
    for row, line in enumerate(lines):
        column = 0
        position = 0
        line = _OTHER_ESCAPE.sub("", line)
        while position < len(line):
            match = _SGR.match(line, position)
            if match:
                params = [int(p) for p in re.split("[;:]", match[1]) if p] or [0]
                fg, bg, reverse = _apply(params, fg, bg, reverse)
                position = match.end()
                continue
            char = line[position]
            position += 1
            front, back = (bg, fg) if reverse else (fg, bg)
            top = front if char in "█▀" else back
            bottom = front if char in "█▄" else back
            for y in range(h):
                colour = top if y < h // 2 else bottom
                for x in range(w):
                    pixels[column * w + x, row * h + y] = colour
            column += 1
    return picture
