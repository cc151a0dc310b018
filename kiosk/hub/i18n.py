"""Error messages in the client's language, from the pages' own translation files."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

LANGS = ("nl", "en")  # always offered; other languages when the pages have a file for them
_LANG = re.compile(r"[a-z]{2,3}")

# The hub's own errors, in English; the core's errors carry their English message themselves.
HUB_MESSAGES = {
    "bad_json": "that message is not valid JSON",
    "bad_message": "a message must be a JSON object with a 'type'",
    "binary": "send text messages only",
    "rate_limited": "too many messages; slow down a little",
    "hello_first": "say hello first",
    "hello_timeout": "no hello came in time",
    "bad_hello": "role must be phone, display, remote or host",
    "bad_room": "this room code is not right; scan the QR code again",
    "bad_token": "this link is not valid (any more); use the link the facilitator's laptop shows",
    "bad_device": "this phone sent no valid device id; reload the page",
    "full": "the evening has as many connections as it can take; try again in a minute",
    "too_many_joins": "many phones are joining through this network at once; try again in a moment",
    "not_stored": "the laptop could not save this just now; it stays on your phone, send it again shortly",
    "unknown_type": "unknown message type",
    "too_big": "that message is too big",
    "flooding": "too many messages; disconnected",
}


class _Lenient(dict[str, Any]):
    """Leaves a placeholder as it is when the error has no such parameter."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Messages:
    """Looks up `error.<code>` in `<web_dir>/i18n/<lang>.json`, read once per language."""

    def __init__(self, i18n_dir: Path | None, default_lang: str = "nl") -> None:
        self._dir = i18n_dir
        self.default_lang = default_lang if default_lang in LANGS else "nl"
        self._tables: dict[str, dict[str, str]] = {}

    def lang(self, asked: object) -> str:
        """The language to answer in: the one asked for when we have it, else the kiosk's."""
        if not isinstance(asked, str) or not _LANG.fullmatch(asked):
            return self.default_lang
        if asked in LANGS or (self._dir is not None and (self._dir / f"{asked}.json").is_file()):
            return asked
        return self.default_lang

    def _table(self, lang: str) -> dict[str, str]:
        if lang not in self._tables:
            table: dict[str, str] = {}
            if self._dir is not None:
                try:
                    loaded = json.loads((self._dir / f"{lang}.json").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    loaded = {}  # a missing or broken file: fall back to English, never fail a reply
                if isinstance(loaded, dict):
                    table = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
            self._tables[lang] = table
        return self._tables[lang]

    def error(
        self, code: str, lang: str, english: str | None = None, params: dict[str, Any] | None = None
    ) -> str:
        """The message for an error code in `lang`; the English one when there is no translation."""
        template = self._table(lang).get(f"error.{code}")
        if template is None:
            return english if english is not None else HUB_MESSAGES.get(code, code.replace("_", " "))
        try:
            return string.Formatter().vformat(template, (), _Lenient(params or {}))
        except (ValueError, IndexError):
            return template
