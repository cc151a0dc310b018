"""Cleaning what people type before it is stored."""

from __future__ import annotations

import re
import unicodedata

MAX_CONTRIBUTION = 500
# Bidi embeddings and overrides can make text read differently from how it was typed; pages use dir="auto".
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Letters that draw nothing: Hangul fillers and the blank Braille cell are used to post "empty" messages.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[^\S\n]+")


def _invisible(ch: str) -> bool:
    """Draws nothing by itself: format characters (zero-width space, joiners, marks) and fillers."""
    return ch.isspace() or ch in _FILLERS or unicodedata.category(ch) == "Cf"


def _kept(ch: str) -> bool:
    # Cc: control characters (a line break stays); Cs: half of a surrogate pair, which UTF-8 cannot store.
    return ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs")


def _trim(line: str) -> str:
    start, end = 0, len(line)
    while start < end and _invisible(line[start]):
        start += 1
    while end > start and _invisible(line[end - 1]):
        end -= 1
    return line[start:end]


def clean_text(text: str) -> str:
    """Drop control characters and broken ones (keeping line breaks), normalise, and trim.

    Text that shows nothing at all (only zero-width characters, fillers or accents on nothing) becomes "".
    """
    text = "".join(ch for ch in text if _kept(ch) or ch == "\r" or ch == "\t")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
    text = text.translate(_BIDI_CONTROLS)
    text = "".join(ch for ch in text if _kept(ch))
    text = "\n".join(_trim(_SPACES.sub(" ", line)) for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text).strip()
    if not any(_shows(ch) for ch in text):
        return ""
    return text


def _shows(ch: str) -> bool:
    return not _invisible(ch) and unicodedata.category(ch) not in ("Mn", "Me")


def text_size(text: str) -> int:
    """How long a text counts against a limit: its characters, or half its UTF-8 bytes when that is more (an emoji
    counts as two, a Chinese character as one and a half). A limit of N then holds N letters of any alphabet the
    pages speak and never more than 2N bytes, so views built from texts are bounded in bytes too."""
    return max(len(text), (len(text.encode("utf-8", "surrogatepass")) + 1) // 2)


def shortened(text: str, size: int) -> str:
    """The text cut to at most `size` by `text_size`."""
    if text_size(text) <= size:
        return text
    cut = text[:size]
    while cut and text_size(cut) > size:
        cut = cut[:-1]
    return cut
