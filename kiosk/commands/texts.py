"""What the command line says: the `cli.` part of the message catalog, Dutch by default, English with `--lang en`."""

from __future__ import annotations

from typing import Any

from kiosk.catalog import FULL_LANGUAGES, text


def say(lang: str, key: str, **params: Any) -> str:
    """A sentence of the command line in `lang` (Dutch when the language is unknown)."""
    return text(lang if lang in FULL_LANGUAGES else "nl", f"cli.{key}", **params)
