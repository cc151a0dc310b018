"""The letter to parents' words: `letter.` in the message catalog ("jullie", as the phone pages speak)."""

from __future__ import annotations

from kiosk.catalog import text


def say(lang: str, key: str, **params: object) -> str:
    """A phrase of the letter (`letter.<key>` in the message catalog), blanks filled in; `n=` picks the plural."""
    return text(lang, f"letter.{key}", **params)


def listing(lang: str, parts: list[str]) -> str:
    """'a, b en c' / 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + say(lang, "and") + parts[-1]
