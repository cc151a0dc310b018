"""The letter to parents' words: `letter.` in the message catalog, in any of the pages' languages.

The school's words and the room's (a name, an action, a quote) go into the letter's sentences isolated, so each keeps
its own direction: a Dutch action in an Arabic letter, an Arabic quote in a Dutch one.
"""

from __future__ import annotations

from kiosk.catalog import catalog, text
from kiosk.printing.direction import direction_of, isolate


def say(lang: str, key: str, **params: object) -> str:
    """A phrase of the letter (`letter.<key>` in the message catalog), blanks filled in; `n=` picks the plural."""
    return text(lang, f"letter.{key}", **params)


def listing(lang: str, parts: list[str]) -> str:
    """'a, b en c' / 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return say(lang, "comma").join(parts[:-1]) + say(lang, "and") + parts[-1]


def iso(lang: str, value: str) -> str:
    """A value from the school or the room, ready for a sentence of the letter: isolated on a right-to-left page
    (its digits stay in order) and wherever it runs the other way; as it is where nothing can turn."""
    if value and (catalog(lang).dir == "rtl" or direction_of(value) == "rtl"):
        return isolate(value)
    return value
