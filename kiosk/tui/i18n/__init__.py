"""The kiosk's words: one dictionary per language, and a translator that fills in the blanks."""

from __future__ import annotations

from typing import Any

from kiosk.core.events import CommandError
from kiosk.tui.i18n import en, nl

LANGUAGES: dict[str, dict[str, str]] = {"nl": nl.STRINGS, "en": en.STRINGS}


class Translator:
    """`t("key", name=...)` in the kiosk's language; a missing key falls back to English, then to the key."""

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang if lang in LANGUAGES else "nl"
        self._strings = LANGUAGES[self.lang]

    def __call__(self, key: str, **params: Any) -> str:
        template = self._strings.get(key, en.STRINGS.get(key, key))
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    def plural(self, key: str, count: int, **params: Any) -> str:
        """`key_one` for exactly one where the language has it ("1 punt"), else `key` ("2 punten"); `{n}` is the count."""
        one = f"{key}_one"
        chosen = one if count == 1 and one in self._strings else key
        return self(chosen, n=count, **params)

    def error(self, exc: CommandError) -> str:
        """A refused command in the kiosk's language; the core's English when no translation exists."""
        key = f"error.{exc.code}"
        if key in self._strings:
            return self(key, **exc.params)
        return exc.message
