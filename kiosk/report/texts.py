"""The report's words (`report.` in the message catalog)."""

from __future__ import annotations

from kiosk.catalog import text


def label(lang: str, key: str, **params: object) -> str:
    """A report phrase (`report.<key>` in the catalog), blanks filled in; `n=` picks the plural form."""
    return text(lang, f"report.{key}", **params)
