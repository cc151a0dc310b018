"""A QR code drawn with half blocks, two modules per character cell, dark on light so phones can read it."""

from __future__ import annotations

from functools import lru_cache

import qrcode  # type: ignore[import-untyped]
from qrcode.constants import ERROR_CORRECT_L  # type: ignore[import-untyped]
from rich.text import Text
from textual.widgets import Static

# (top dark, bottom dark) -> the character drawn in black on white
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@lru_cache(maxsize=64)
def qr_lines(data: str, border: int = 2) -> tuple[str, ...]:
    """The QR code of `data` as lines of half-block characters (remembered: screens redraw twice a second)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_L, border=border)
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return tuple(
        "".join(_HALVES[(top, bottom)] for top, bottom in zip(matrix[row], matrix[row + 1]))
        for row in range(0, len(matrix), 2)
    )


class QrCode(Static):
    """The join link as a scannable QR code."""

    shown: str | None = None

    def show(self, data: str) -> None:
        """Draw the code of `data`; drawing the same link again is skipped."""
        if data == self.shown:
            return
        self.shown = data
        self.update(Text("\n".join(qr_lines(data)), style="black on white", no_wrap=True))
