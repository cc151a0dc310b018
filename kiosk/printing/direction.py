"""Text of one direction inside a page of the other: a Dutch address in an Arabic invitation, an Arabic answer in a
Dutch letter. Each such value is isolated, so its digits and its full stop stay where its writer put them.

In Markdown (and any plain text) the value sits between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE; on a page
it is a `<bdi>` with the value's own direction. A value whose direction differs from the page's is laid out as one
box (inline-block): WeasyPrint resolves directions per printed line, and a phone number broken over two lines of
an Arabic page would otherwise print back to front ("67 45 123 010").
"""

from __future__ import annotations

import html
import re
import unicodedata

FSI, PDI = "\u2068", "\u2069"
_ISOLATED = re.compile(f"{FSI}([^{FSI}{PDI}]*){PDI}")


def direction_of(text: str) -> str | None:
    """`ltr` or `rtl` by the first letter with a direction (as `dir="auto"` decides); None without one."""
    depth = 0
    for char in text:
        if char in (FSI, "\u2066", "\u2067"):
            depth += 1  # an isolate inside does not decide the outside's direction
        elif char == PDI and depth:
            depth -= 1
        elif not depth:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return None


def isolate(text: str) -> str:
    """The value between FSI and PDI: its own direction in any sentence, invisible when printed."""
    return f"{FSI}{text}{PDI}" if text else ""


def bdi(text: str, page_dir: str = "ltr", css: str = "") -> str:
    """The value as escaped HTML in a `<bdi>` with its own direction; one box when it runs against the page."""
    own = direction_of(text) or page_dir
    classes = " ".join(c for c in (css, "iso" if own != page_dir else "") if c)
    attrs = f' class="{classes}"' if classes else ""
    return f'<bdi dir="{own}"{attrs}>{html.escape(text)}</bdi>'


def isolates_to_html(escaped: str, page_dir: str) -> str:
    """HTML whose text still holds FSI...PDI runs (from Markdown), with each run as a `<bdi>` of its direction."""

    def one(match: re.Match[str]) -> str:
        inner = match[1]
        own = direction_of(html.unescape(inner)) or page_dir
        css = ' class="iso"' if own != page_dir else ""
        return f'<bdi dir="{own}"{css}>{inner}</bdi>'

    return _ISOLATED.sub(one, escaped)


ISOLATE_CSS = "bdi.iso { display: inline-block; text-indent: 0; }\n"
