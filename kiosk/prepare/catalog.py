"""The pages' message catalogs (participant_web/i18n/*.json), read for printed pages: a language is one file.

A key a file lacks comes from the language its `"_fallback"` names, then from Dutch, as on the pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.resources import web_dir

DEFAULT = "nl"
RTL = frozenset({"ar", "he", "fa", "ur"})  # as participant_web/js/i18n.js turns the page around
_CODE = re.compile(r"^[a-z]{2,3}$")


def i18n_dir() -> Path:
    return web_dir() / "i18n"


def _read(lang: str, folder: Path) -> dict[str, str]:
    try:
        loaded = json.loads((folder / f"{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or broken file: the fallback speaks instead
    return (
        {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
        if isinstance(loaded, dict)
        else {}
    )


def languages(folder: Path | None = None) -> list[str]:
    """Every language the pages speak, Dutch and English first."""
    found = sorted(p.stem for p in (folder or i18n_dir()).glob("*.json") if _CODE.match(p.stem))
    return sorted(found, key=lambda code: ({"nl": 0, "en": 1}.get(code, 2), code))


def offered(folder: Path | None = None) -> list[dict[str, str]]:
    """The languages a page's switch offers, each in its own name (the file's `"_name"`) and direction."""
    folder = folder or i18n_dir()
    return [
        {"code": code, "name": _read(code, folder).get("_name") or code, "dir": "rtl" if code in RTL else "ltr"}
        for code in languages(folder)
    ]


@dataclass(frozen=True)
class Catalog:
    """One language's messages with its fallbacks; `own` holds only what the language's file itself says."""

    lang: str
    own: dict[str, str]
    chain: tuple[dict[str, str], ...]

    @property
    def dir(self) -> str:
        return "rtl" if self.lang in RTL else "ltr"

    def has_own(self, prefix: str) -> bool:
        """Whether the language's own file has any message starting with `prefix` (like 'invite.')."""
        return any(key.startswith(prefix) for key in self.own)

    def __call__(self, key: str, **params: object) -> str:
        for table in (self.own, *self.chain):
            if key in table:
                text = table[key]
                break
        else:
            return key
        return re.sub(r"\{(\w+)\}", lambda m: str(params[m[1]]) if m[1] in params else m[0], text)

    def long_date(self, day: date) -> str:
        """'woensdag 14 oktober 2026' / 'Wednesday 14 October 2026', from the catalog's own names."""
        months, weekdays = self("date.months").split(), self("date.weekdays").split()
        if len(months) != 12 or len(weekdays) != 7:
            return day.isoformat()
        return self("date.long", weekday=weekdays[day.weekday()], day=day.day, month=months[day.month - 1],
                    year=day.year)  # fmt: skip


def catalog(lang: str, folder: Path | None = None) -> Catalog:
    """The messages of `lang` with its `_fallback` language and Dutch behind them."""
    folder = folder or i18n_dir()
    own = _read(lang, folder) if _CODE.match(lang) else {}
    chain: list[dict[str, str]] = []
    via = own.get("_fallback")
    if via and via != lang and via != DEFAULT and _CODE.match(via):
        chain.append(_read(via, folder))
    if lang != DEFAULT:
        chain.append(_read(DEFAULT, folder))
    return Catalog(lang, own, tuple(chain))
