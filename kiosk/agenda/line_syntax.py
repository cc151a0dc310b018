"""The small syntax inside one agenda line: an explicit id `{#id}`, choice options `[a | b]`, theme slugs."""

from __future__ import annotations

import re

_ID_SUFFIX = re.compile(r"\s*\{#([^{}]*)\}\s*$")
_OPTIONS_SUFFIX = re.compile(r"\s*\[([^\[\]]*)\]\s*$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "thema"


def split_prompt(text: str, with_options: bool = True) -> tuple[str, str | None, tuple[str, ...]]:
    """Split 'question [a | b] {#id}' into the question, the explicit id and the options."""
    explicit_id: str | None = None
    options: tuple[str, ...] = ()
    for _ in range(2):  # the id and the options may come in either order
        id_match = _ID_SUFFIX.search(text)
        if id_match and explicit_id is None:
            explicit_id, text = id_match[1].strip(), text[: id_match.start()]
        opt_match = _OPTIONS_SUFFIX.search(text) if with_options else None
        if opt_match and not options:
            options = tuple(o.strip() for o in opt_match[1].split("|") if o.strip())
            text = text[: opt_match.start()]
    return text.strip(), explicit_id, options
