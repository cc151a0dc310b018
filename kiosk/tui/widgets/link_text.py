"""A link that breaks only between its parts (after `/`, before `?` and `&`), never inside a room code or token."""

from __future__ import annotations

import re

from rich.text import Text

_PARTS = re.compile(r"[^/?&]*/+|[?&][^/?&]*|[^/?&]+")


def link_lines(url: str, width: int) -> list[str]:
    """The link in lines of at most `width` cells where its parts allow; a part longer than that stays whole."""
    lines: list[str] = []
    for part in _PARTS.findall(url):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return lines or [""]


def link_text(url: str, width: int, style: str = "bold cyan") -> Text:
    """The link as Text whose line breaks fall between its parts."""
    return Text("\n".join(link_lines(url, max(width, 1))), style=style, no_wrap=True, overflow="fold")
