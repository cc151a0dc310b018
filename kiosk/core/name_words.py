"""Words and well-known names the kiosk knows are no person, in every page language and whatever case a parent
writes them in.

Our own rules (kiosk/core/moderation.py, kiosk/core/name_rules.py) and the full name check (kiosk/namecheck/) both
ask here, so a language, a month, a feast or a school's system is never held as a name by either. The words
themselves live with their language in kiosk/core/name_languages/.
"""

from __future__ import annotations

from typing import Any

from kiosk.core.name_languages.lexicon import is_not_name, lexicon
from kiosk.core.name_rules import inside_not_name_phrase

__all__ = ["inside_not_name_phrase", "is_allowed"]


def __getattr__(name: str) -> Any:
    """`ALLOWED` (the words, folded) and `ALLOWED_PHRASES` (the phrases), built on first use like the lexicon."""
    if name == "ALLOWED":
        return lexicon().not_names
    if name == "ALLOWED_PHRASES":
        return tuple(" ".join(p) for found in lexicon().not_name_phrases.values() for p in found)
    raise AttributeError(name)


def is_allowed(word: str) -> bool:
    """A word the kiosk knows is no name, in any page language: the word lists, in any case and the forms Polish
    and Ukrainian bend it into, with or without an 's or -s."""
    return is_not_name(word)
