"""The report's words (`report.` in the message catalog), and dates written the way a reader expects them."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from kiosk.catalog import catalog, text

LANGS = ("nl", "en")


def label(lang: str, key: str, **params: object) -> str:
    """A report phrase (`report.<key>` in the catalog), blanks filled in; `n=` picks the plural form."""
    return text(lang, f"report.{key}", **params)


def format_date(at: float, lang: str, tz: tzinfo | None = None) -> str:
    """`12 mei 2026` / `12 May 2026`: no locale needed, the same on every laptop."""
    return catalog(lang).short_date(datetime.fromtimestamp(at, tz).date())


def format_due(due: str, lang: str) -> str:
    """A due date `2026-11-01` as `1 november 2026`; anything else as it was written."""
    try:
        day = date.fromisoformat(due)
    except ValueError:
        return due
    return catalog(lang).short_date(day)


def format_number(value: float, lang: str) -> str:
    """One decimal, with the language's decimal sign (`number.decimal`: a comma in Dutch)."""
    return f"{value:.1f}".replace(".", catalog(lang).get("number.decimal") or ".")
