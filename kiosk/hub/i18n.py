"""Error messages in the client's language, from the message catalog (kiosk/catalog.py) the pages also read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kiosk.catalog import DEFAULT, FULL_LANGUAGES, catalog, fill

_LANG = re.compile(r"[a-z]{2,3}")


class Messages:
    """`error.<code>` from `<i18n_dir>/<lang>.json`, read once per language."""

    def __init__(self, i18n_dir: Path | None, default_lang: str = "nl") -> None:
        self._dir = i18n_dir
        self.default_lang = default_lang if default_lang in FULL_LANGUAGES else "nl"

    def lang(self, asked: object) -> str:
        """The language to answer in: the one asked for when we have it, else the kiosk's."""
        if not isinstance(asked, str) or not _LANG.fullmatch(asked):
            return self.default_lang
        if asked in FULL_LANGUAGES or (self._dir is not None and (self._dir / f"{asked}.json").is_file()):
            return asked
        return self.default_lang

    def error(
        self, code: str, lang: str, english: str | None = None, params: dict[str, Any] | None = None
    ) -> str:
        """The message for an error code in `lang` (or its `_fallback`); else the English one, not Dutch."""
        template = None
        if self._dir is not None:
            words = catalog(lang, self._dir)
            tables = [words.own, *(t for t in words.chain if lang == DEFAULT or t.get("_lang") != DEFAULT)]
            template = next((t[f"error.{code}"] for t in tables if f"error.{code}" in t), None)
        if template is None:
            return english if english is not None else code.replace("_", " ")
        return fill(template, params or {})
