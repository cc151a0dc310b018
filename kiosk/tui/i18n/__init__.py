"""The app's words: the `app.` part of the message catalog (kiosk/catalog.py), and the shared `error.` texts."""

from __future__ import annotations

from typing import Any

from kiosk.catalog import FULL_LANGUAGES, Catalog, catalog
from kiosk.core.events import CommandError


def app_strings(lang: str) -> dict[str, str]:
    """The app's own texts in `lang`, without their `app.` prefix (for tests that compare languages)."""
    return {key[4:]: text for key, text in catalog(lang).own.items() if key.startswith("app.")}


class Translator:
    """`t("key", name=...)` in the kiosk's language: `app.<key>` when the app has its own text, else `<key>`."""

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang if lang in FULL_LANGUAGES else "nl"
        self.words: Catalog = catalog(self.lang)

    def _key(self, key: str) -> str:
        own = f"app.{key}"
        return own if self.words.has(own) or self.words.has(f"{own}_one") else key

    def __call__(self, key: str, **params: Any) -> str:
        return self.words(self._key(key), **params)

    def plural(self, key: str, count: int, **params: Any) -> str:
        """The form for `count` ("1 punt", "2 punten"); `{n}` is the count."""
        return self.words.plural(self._key(key), count, **params)

    def decimal(self, value: float, places: int = 1) -> str:
        """A number as this language writes it: "4,1" in Dutch, "4.1" in English."""
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if self.lang == "nl" else text

    def error(self, exc: CommandError) -> str:
        """A refused command in the kiosk's language; the core's English when the catalog lacks it."""
        key = f"error.{exc.code}"
        if self.words.has(f"app.{key}") or self.words.has(key):
            return self(key, **exc.params)
        return exc.message
