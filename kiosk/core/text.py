"""Cleaning what people type before it is stored."""

from __future__ import annotations

import re
import unicodedata

MAX_CONTRIBUTION = 500
# Bidi embeddings and overrides can make text read differently from how it was typed; pages use dir="auto".
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_MANY_NEWLINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[^\S\n]+")


def clean_text(text: str) -> str:
    """Drop control characters (keeping line breaks), normalise, and trim."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
    text = text.translate(_BIDI_CONTROLS)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()
