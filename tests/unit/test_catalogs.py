"""Every page language says everything Dutch says, with the same placeholders, and the plural forms it needs.

Plural convention: the bare key is CLDR's "other"; `key_zero`, `key_one`, `key_two`, `key_few`, `key_many` hold
the language's other categories (the pages pick with Intl.PluralRules). A key is counted when Dutch has `key_one`.
"""

from __future__ import annotations

import json
import re

import pytest

from kiosk.resources import web_dir

FOLDER = web_dir() / "i18n"
LANGS = sorted(p.stem for p in FOLDER.glob("*.json"))
# CLDR plural categories for integers besides "other"; a language not listed has "one" (like Dutch and English).
CATEGORIES = {
    "ar": ("zero", "one", "two", "few", "many"),
    "pl": ("one", "few", "many"),
    "uk": ("one", "few", "many"),
    "ru": ("one", "few", "many"),
    "ja": (),
    "zh": (),
}
META = {"_name", "_review", "_fallback"}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def read(lang: str) -> dict[str, str]:
    data = json.loads((FOLDER / f"{lang}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values()), lang
    return data


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


DUTCH = read("nl")
COUNTED = {key[: -len("_one")] for key in DUTCH if key.endswith("_one")}
BASE = [key for key in DUTCH if not key.startswith("_") and not any(key == f"{c}_one" for c in COUNTED)]


def test_the_shipped_languages_are_there() -> None:
    assert {"nl", "en", "tr", "ar", "pl", "uk"} <= set(LANGS)
    assert COUNTED >= {"display.connected", "display.answers", "host.size", "display.people"}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "nl"])
def test_a_language_says_every_dutch_key_with_the_same_placeholders(lang: str) -> None:
    own = read(lang)
    missing = [key for key in BASE if key not in own]
    assert missing == [], f"{lang}.json lacks {missing}"
    differ = [key for key in BASE if placeholders(own[key]) != placeholders(DUTCH[key])]
    assert differ == [], f"{lang}.json has other placeholders than nl.json in {differ}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "nl"])
def test_a_language_has_the_plural_forms_it_needs_and_nothing_stale(lang: str) -> None:
    own = read(lang)
    needed = CATEGORIES.get(lang, ("one",))
    for key in COUNTED:
        for category in needed:
            variant = f"{key}_{category}"
            assert variant in own, f"{lang}.json lacks {variant} (CLDR '{category}' in {lang})"
            assert placeholders(own[variant]) <= placeholders(DUTCH[key]), variant
    allowed = set(BASE) | META | {f"{key}_{c}" for key in COUNTED for c in needed}
    stale = sorted(set(own) - allowed)
    assert stale == [], f"{lang}.json has keys Dutch does not know (or plural forms {lang} has not): {stale}"


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang not in ("nl", "en")])
def test_a_drafted_language_asks_for_review(lang: str) -> None:
    own = read(lang)
    assert "native speaker" in own.get("_review", ""), (
        f"{lang}.json: mark the file for review by a native speaker"
    )


def test_every_file_names_its_language_for_the_switch() -> None:
    names = {lang: read(lang).get("_name") for lang in LANGS}
    assert names["nl"] == "Nederlands" and names["en"] == "English"
    assert names["tr"] == "Türkçe" and names["ar"] == "العربية" and names["pl"] == "Polski"
    assert names["uk"] == "Українська"
    assert all(names.values()), names
