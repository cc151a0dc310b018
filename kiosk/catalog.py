"""The message catalog: every sentence of every face, one flat JSON file per language.

participant_web/i18n/<lang>.json holds dotted keys whose first part names who speaks: the pages' own
namespaces (`phone.`, `remote.`, `error.` (one text per refused command, for every face), ...; see
PAGE_NAMESPACES), and beside them the app (`app.`), the command line (`cli.`), `kiosk check` (`agenda.`), the
store's errors (`store.`), the report (`report.`), the letter (`letter.`), the printed kit (`invite.`, `poster.`,
`kit.`, `printing.`), the hub's lines (`hub.`), the table division (`grouping.`), what redaction puts in place of
a name (`redact.<kind>`: "[naam]") and the languages' names in the language of the text that names them
(`language.<code>`: "geschreven in het Turks"). The pages read the same
files in the browser (participant_web/js/i18n.js); the hub serves them only the page namespaces.

A key a language lacks comes from the language its `"_fallback"` names, then from Dutch (as on the pages).
Blanks are `{name}`; a blank without a value stays as written. Plurals follow CLDR: the bare key is "other",
`key_zero`, `key_one`, `key_two`, `key_few`, `key_many` hold the other categories a language has.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from kiosk.resources import web_dir

DEFAULT = "nl"
# Every face speaks these two completely; other languages speak the pages (and whatever else they start).
FULL_LANGUAGES = ("nl", "en")
# What the hub serves to a browser: the rest of the catalog (app, CLI, report...) stays on the laptop.
PAGE_NAMESPACES = frozenset(
    {"common", "conn", "phone", "display", "remote", "host", "error", "status", "held", "role", "kind",
     "prompt_kind", "moderation", "questions"}
)  # fmt: skip
RTL = frozenset({"ar", "he", "fa", "ur"})  # as participant_web/js/i18n.js turns the page around
PLURAL_SUFFIXES = ("zero", "one", "two", "few", "many")  # and the bare key for "other"
# A file's own settings, not texts: the language that fills its gaps, its name in itself, a translation under way,
# a drafted translation waiting for a native speaker's review, and who reviewed it when.
SETTINGS = frozenset({"_fallback", "_name", "_incomplete", "_review", "_reviewed"})
_CODE = re.compile(r"^[a-z]{2,3}$")


def plural_category(lang: str, n: int) -> str:
    """The CLDR plural category of a whole number `n` in `lang` (the rules Intl.PluralRules applies)."""
    n = abs(n)
    ten, hundred = n % 10, n % 100
    base = lang.split("-")[0]
    if base == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= hundred <= 10:
            return "few"
        return "many" if 11 <= hundred <= 99 else "other"
    if base in ("pl", "uk", "ru"):
        one = n == 1 if base == "pl" else ten == 1 and hundred != 11
        if one:
            return "one"
        if 2 <= ten <= 4 and not 12 <= hundred <= 14:
            return "few"
        return "many"  # whole numbers only; "other" is for fractions
    if base in ("ja", "zh", "ko", "vi", "th", "id"):
        return "other"
    return "one" if n == 1 else "other"  # nl, en, tr, de, fr (for counts) and most others


def plural_categories(lang: str) -> tuple[str, ...]:
    """The categories whole numbers reach in `lang`, "other" last (the bare key)."""
    reached = {plural_category(lang, n) for n in range(200)}
    return tuple(c for c in (*PLURAL_SUFFIXES, "other") if c in reached or c == "other")


def namespace(key: str) -> str:
    return key.split(".", 1)[0]


def i18n_dir() -> Path:
    return web_dir() / "i18n"


def read(lang: str, folder: Path | None = None) -> dict[str, str]:
    """One language's file as it is (including `_fallback`); empty when missing or broken."""
    if not _CODE.match(lang):
        return {}
    try:
        loaded = json.loads(((folder or i18n_dir()) / f"{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or broken file: the fallback speaks instead, a reply never fails
    if not isinstance(loaded, dict):
        return {}
    return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}


def languages(folder: Path | None = None) -> list[str]:
    """Every language with a file, Dutch and English first."""
    found = sorted(p.stem for p in (folder or i18n_dir()).glob("*.json") if _CODE.match(p.stem))
    return sorted(found, key=lambda code: ({"nl": 0, "en": 1}.get(code, 2), code))


def offered(folder: Path | None = None) -> list[dict[str, str]]:
    """The languages a page's switch offers (`/languages.json`), each in its own name (the file's `"_name"`)."""
    folder = folder or i18n_dir()
    return [
        {
            "code": code,
            "name": read(code, folder).get("_name") or code,
            "dir": "rtl" if code in RTL else "ltr",
        }
        for code in languages(folder)
    ]


def language_name(code: str, lang: str) -> str:
    """The language `code` named in `lang` ("Turks" in Dutch); else in its own name, else its code."""
    return catalog(lang).get(f"language.{code}") or read(code).get("_name") or code


def page_part(table: Mapping[str, str]) -> dict[str, str]:
    """What a browser gets of one file: the page namespaces, the language it falls back to and its own name."""
    return {k: v for k, v in table.items() if k in ("_fallback", "_name") or namespace(k) in PAGE_NAMESPACES}


def fields(text: str) -> set[str]:
    """The names of a text's `{blanks}` (`{{` is a brace)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"<unbalanced braces>"}


class _Lenient(dict[str, Any]):
    """Leaves a blank as it is when no value came for it; `{kiosk}` is how to start this kiosk from here."""

    def __missing__(self, key: str) -> str:
        if key == "kiosk":
            from kiosk.invocation import kiosk_command

            return kiosk_command()
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return string.Formatter().vformat(template, (), _Lenient(params))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


@dataclass(frozen=True)
class Catalog:
    """One language's messages with its fallbacks; `own` holds only what the language's file itself says."""

    lang: str
    own: Mapping[str, str]
    chain: tuple[Mapping[str, str], ...]

    @property
    def dir(self) -> str:
        return "rtl" if self.lang in RTL else "ltr"

    def get(self, key: str) -> str | None:
        for table in (self.own, *self.chain):
            if key in table:
                return table[key]
        return None

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def has_own(self, prefix: str) -> bool:
        """Whether the language's own file has any message starting with `prefix` (like 'invite.')."""
        return any(key.startswith(prefix) for key in self.own)

    def __call__(self, key: str, **params: Any) -> str:
        """The text of `key` with its blanks filled in; the key itself when no language has it."""
        template = self.get(key)
        return key if template is None else fill(template, params)

    def plural(self, key: str, n: int, **params: Any) -> str:
        """The form of `key` for the count `n` (given to the text as `{n}`)."""
        return self(self.plural_key(key, n), n=n, **params)

    def plural_key(self, key: str, n: int) -> str:
        """`key_<category>` of the first language in the chain that has `key`, else `key` itself."""
        for lang, table in self._langs():
            if key in table or any(f"{key}_{s}" in table for s in PLURAL_SUFFIXES):
                category = plural_category(lang, n)
                return f"{key}_{category}" if category != "other" and f"{key}_{category}" in table else key
        return key

    def _langs(self) -> list[tuple[str, Mapping[str, str]]]:
        tables = (self.own, *self.chain)
        names = [self.lang, *(t.get("_lang", DEFAULT) for t in self.chain)]
        return list(zip(names, tables, strict=True))

    def long_date(self, day: date) -> str:
        """'woensdag 14 oktober 2026' / 'Wednesday 14 October 2026', from the catalog's own names."""
        months, weekdays = self("date.months").split(), self("date.weekdays").split()
        if len(months) != 12 or len(weekdays) != 7:
            return day.isoformat()
        return self("date.long", weekday=weekdays[day.weekday()], day=day.day, month=months[day.month - 1],
                    year=day.year)  # fmt: skip

    def short_date(self, day: date) -> str:
        """'12 mei 2026' / '12 May 2026'."""
        months = self("date.months").split()
        if len(months) != 12:
            return day.isoformat()
        return f"{day.day} {months[day.month - 1]} {day.year}"


def catalog(lang: str, folder: Path | None = None) -> Catalog:
    """The messages of `lang` with its `_fallback` language and Dutch behind them (read once per process)."""
    return _catalog(lang if _CODE.match(lang) else DEFAULT, folder or i18n_dir())


@lru_cache(maxsize=64)
def _catalog(lang: str, folder: Path) -> Catalog:
    own = read(lang, folder)
    chain: list[dict[str, str]] = []
    via = own.get("_fallback")
    if via and via != lang and via != DEFAULT and _CODE.match(via):
        chain.append({**read(via, folder), "_lang": via})
    if lang != DEFAULT:
        chain.append({**read(DEFAULT, folder), "_lang": DEFAULT})
    return Catalog(lang, own, tuple(chain))


def text(lang: str, key: str, **params: Any) -> str:
    """One sentence in `lang`; `n=` picks the plural form."""
    words = catalog(lang)
    n = params.pop("n", None)
    if isinstance(n, int) and not isinstance(n, bool):
        return words.plural(key, n, **params)
    return words(key, **({} if n is None else {"n": n}), **params)


def refusal(lang: str, code: str, params: Mapping[str, Any], english: str) -> str:
    """A refused command (`error.<code>`) in `lang`, for every face; `english` (the core's) when no text exists."""
    words = catalog(lang)
    template = words.get(f"error.{code}")
    return english if template is None else fill(template, params)


class Sentence(Exception):
    """An error whose words are the catalog's `key`: str() is the English (for logs), said(lang) tells a person.

    A parameter that is itself a Sentence is said in the same language.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        params = {k: v.said(lang) if isinstance(v, Sentence) else v for k, v in self.params.items()}
        return catalog(lang if lang in FULL_LANGUAGES else "en")(self.key, **params)


# -- dates and numbers as a reader of each language expects them ------------------------------------------


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
