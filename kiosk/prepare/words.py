"""The words of the action team's checklist and the table cards: `kit.` in the message catalog."""

from __future__ import annotations

from kiosk.catalog import text


def word(lang: str, key: str, **params: object) -> str:
    return text(lang, f"kit.{key}", **params)
