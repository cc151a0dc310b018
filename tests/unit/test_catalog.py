"""The message catalog: one JSON file per language for every face, and what each language must hold.

Dutch and English speak every face completely; any other language (a "page language") speaks the pages
completely and may add more namespaces, each of them whole. Blanks agree with Dutch, no language has a key Dutch
lacks, and every plural key has the forms its language's numbers need (CLDR categories, as Intl.PluralRules):
the bare key is "other", `key_zero`, `key_one`, `key_two`, `key_few`, `key_many` the language's other categories.
Every file names its language in itself (`_name`, for the pages' switch); a drafted one asks for review.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from kiosk.catalog import (
    FULL_LANGUAGES,
    PAGE_NAMESPACES,
    PLURAL_SUFFIXES,
    SETTINGS,
    catalog,
    fields,
    i18n_dir,
    language_name,
    languages,
    namespace,
    offered,
    plural_categories,
    plural_category,
    text,
)
from kiosk.tui.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
_VARIANT = re.compile(rf"^(.+)_({'|'.join(PLURAL_SUFFIXES)})$")


def load(lang: str) -> dict[str, str]:
    raw = json.loads((i18n_dir() / f"{lang}.json").read_text(encoding="utf-8"))
    assert isinstance(raw, dict), lang
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()), lang
    return raw


def base(key: str, nl: dict[str, str]) -> str:
    """The key a plural form belongs to (`x_one` -> `x` when Dutch has `x`), else the key itself."""
    m = _VARIANT.match(key)
    return m[1] if m and m[1] in nl else key


def texts(table: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in table.items() if not k.startswith("_")}


NL = texts(load("nl"))
OTHERS = [lang for lang in languages() if lang != "nl"]


def test_the_catalog_is_one_file_per_language_for_every_face() -> None:
    assert {"nl", "en", "tr", "ar", "pl", "uk"} <= set(languages())
    spaces = {namespace(k) for k in NL}
    assert {"app", "cli", "agenda", "report", "letter", "kit", "hub", "invite", "poster"} <= spaces
    assert PAGE_NAMESPACES < spaces
    assert len(NL) > 700
    assert all(k.count(".") >= 1 and k == k.strip() for k in NL), "keys are dotted: <namespace>.<name>"
    # the Python word tables are gone: no module keeps a dictionary of Dutch and English sentences
    tables = re.compile(r"""^\s*["'](nl|en)["']\s*:\s*\{""", re.MULTILINE)
    assert not [p for p in (ROOT / "kiosk").rglob("*.py") if tables.search(p.read_text(encoding="utf-8"))]


def test_dutch_and_english_have_every_key_with_the_same_blanks() -> None:
    en = texts(load("en"))
    assert {k for lang in ("nl", "en") for k in load(lang) if k.startswith("_")} <= SETTINGS
    assert set(en) == set(NL)
    assert {k: fields(v) for k, v in en.items()} == {k: fields(v) for k, v in NL.items()}


@pytest.mark.parametrize("lang", OTHERS)
def test_a_language_has_no_key_dutch_lacks_and_its_blanks_agree(lang: str) -> None:
    own = load(lang)
    assert {k for k in own if k.startswith("_")} <= SETTINGS
    table = texts(own)
    assert not [k for k in table if base(k, NL) not in NL], "keys Dutch does not have"
    for key, value in table.items():
        whole = base(key, NL)
        if whole == key:
            assert fields(value) == fields(NL[key]), (lang, key)
        else:  # a plural form: the sentence's blanks, "{n}" perhaps spelled out ("1 ...", but Ukrainian "one" is 21 too)
            assert fields(NL[whole]) - {"n"} <= fields(value) <= fields(NL[whole]), (lang, key)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_speaks_the_pages_and_finishes_what_it_starts(lang: str) -> None:
    own = load(lang)
    table = texts(own)
    started = {namespace(k) for k in table}
    needed = (
        set(NL) if lang in FULL_LANGUAGES else {k for k in NL if namespace(k) in PAGE_NAMESPACES | started}
    )
    needed = {k for k in needed if not (_VARIANT.match(k) and base(k, NL) != k)}  # forms: checked below
    missing = sorted(needed - set(table))
    if "_incomplete" in own:  # a translation under way says so; the mark goes when it is done
        assert missing, f"{lang}.json is complete: remove its _incomplete"
        assert lang not in FULL_LANGUAGES
    else:
        assert not missing, f"{lang} lacks {len(missing)} keys, e.g. {missing[:5]}"
    via = own.get("_fallback")
    assert via is None or (i18n_dir() / f"{via}.json").is_file()


@pytest.mark.parametrize("lang", ["nl", *OTHERS])
def test_every_plural_key_has_the_forms_its_language_needs(lang: str) -> None:
    table = texts(load(lang))
    categories = plural_categories(lang)
    forms: dict[str, set[str]] = defaultdict(set)
    for key in table:
        m = _VARIANT.match(key)
        if m and m[1] in NL:
            forms[m[1]].add(m[2])
    dutch_plurals = {b for b in NL if any(f"{b}_{s}" in NL for s in PLURAL_SUFFIXES)}
    assert {
        "display.connected",
        "display.answers",
        "host.size",
        "questions.votes",
        "app.count.points",
    } <= dutch_plurals
    for key in dutch_plurals | set(forms):
        if key not in table:
            continue  # a key the language does not have at all is the completeness test's business
        assert forms[key] <= set(categories), (lang, key, "forms this language's numbers never take")
        if key in dutch_plurals or forms[key]:
            needed = set(categories) - {"other"}
            assert needed <= forms[key], (lang, key, sorted(needed - forms[key]))


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("nl", {0: "other", 1: "one", 2: "other", 21: "other"}),
        ("en", {0: "other", 1: "one", 5: "other"}),
        ("tr", {1: "one", 2: "other"}),
        ("ar", {0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 99: "many", 100: "other",
                103: "few", 111: "many", 200: "other"}),
        ("pl", {1: "one", 2: "few", 4: "few", 5: "many", 12: "many", 21: "many", 22: "few", 112: "many"}),
        ("uk", {1: "one", 2: "few", 5: "many", 11: "many", 21: "one", 22: "few", 111: "many", 101: "one"}),
    ],
)  # fmt: skip
def test_plural_categories_are_cldrs(lang: str, counts: dict[int, str]) -> None:
    assert {n: plural_category(lang, n) for n in counts} == counts


@pytest.mark.parametrize("lang", [lang for lang in OTHERS if lang not in FULL_LANGUAGES])
def test_a_drafted_language_asks_for_review(lang: str) -> None:
    own = load(lang)
    if own.get("_reviewed"):  # read by a native speaker: who and when, and no draft mark left
        assert "_review" not in own, f"{lang}.json is reviewed: remove its _review"
        return
    assert "native speaker" in own.get("_review", ""), (
        f"{lang}.json: mark the file for a native speaker's review"
    )


def test_every_file_names_its_language_for_the_switch_and_the_report() -> None:
    switch = offered()
    assert [entry["code"] for entry in switch] == languages()
    names = {entry["code"]: entry["name"] for entry in switch}
    assert names == {lang: load(lang).get("_name") for lang in languages()}, "every file has its own _name"
    assert {k: names[k] for k in ("nl", "en", "tr", "ar", "pl", "uk")} == {
        "nl": "Nederlands",
        "en": "English",
        "tr": "Türkçe",
        "ar": "العربية",
        "pl": "Polski",
        "uk": "Українська",
    }
    assert {entry["code"] for entry in switch if entry["dir"] == "rtl"} == {"ar"}
    # the report names a phone's language in its own language: "geschreven in het Turks"
    assert (language_name("tr", "nl"), language_name("tr", "en"), language_name("uk", "nl")) == (
        "Turks",
        "Turkish",
        "Oekraïens",
    )
    assert language_name("xx", "nl") == "xx"


def test_plural_categories_per_language() -> None:
    assert plural_categories("nl") == ("one", "other")
    assert plural_categories("ar") == ("zero", "one", "two", "few", "many", "other")
    assert (
        plural_categories("pl") == plural_categories("uk") == ("one", "few", "many", "other")
    )  # other: fractions


def test_every_face_reads_the_catalog() -> None:
    t = Translator("nl")
    assert t.plural("count.points", 1) == "1 punt" and t.plural("count.points", 3) == "3 punten"
    assert t("error.too_long", max=500) == NL["error.too_long"].replace(
        "{max}", "500"
    )  # shared with the pages
    assert t("error.no_open_prompt") == NL["app.error.no_open_prompt"]  # the app names its own keys
    assert (
        text("en", "report.choice_line", n=1) == "1 answer."
        and text("en", "report.choice_line", n=2) == "2 answers."
    )
    assert text("nl", "cli.export.wrote", file="x.md") == "geschreven: x.md"
    assert (
        text("en", "agenda.check_ok", path="a") == "a: ok, {blocks}, {minutes}"
    )  # a missing blank stays visible
    assert catalog("xx")("conn.online") == NL["conn.online"] != catalog("ar")("conn.online")


def test_the_core_redacts_and_explains_a_hold_in_the_catalogs_words() -> None:
    from kiosk.core.events import Actor, Command, CommandError
    from kiosk.core.moderated import Review
    from kiosk.core.moderation import KINDS, Span, redact
    from kiosk.core.rules.moderated import confirmed

    assert {f"redact.{kind}" for kind in KINDS} | {f"held.{kind}" for kind in KINDS} <= set(NL)
    said = "Bel meneer Jansen op 06-12345678"
    at, number = said.index("meneer"), said.index("06")
    spans = [Span(at, at + len("meneer Jansen"), "name"), Span(number, len(said), "phone_number")]
    # The placeholders speak the language the text is written in, whoever redacts it.
    assert redact(said, spans, "nl") == redact(said, spans, "en") == "Bel [naam] op [telefoonnummer]"
    english = "Call Mr Jansen on 06-12345678"
    spans = [Span(5, 14, "name"), Span(18, len(english), "phone_number")]
    assert redact(english, spans, "nl") == "Call [name] on [phone number]"
    ukrainian = "Пан Янсен: 06-12345678"
    spans = [Span(4, 9, "name"), Span(11, len(ukrainian), "phone_number")]
    assert redact(ukrainian, spans) == "Пан [ім’я]: [номер телефону]"
    # A text that tells nothing of its language takes the writer's page language.
    assert redact("Jansen!", [Span(0, 6, "name")], "tr") == "[isim]!"
    with pytest.raises(CommandError) as held:
        held_for_an_address = Review(state="held", held_reason="address")
        confirmed(Command("contribution/approve", {"id": "x"}, Actor("facilitator")), held_for_an_address)
    assert (
        held.value.message == "this was held because it contains an address; approve it anyway?"
    )  # the core's English


def test_a_language_falls_back_to_its_named_language_then_dutch(tmp_path: Path) -> None:
    (tmp_path / "nl.json").write_text(json.dumps({"a.one": "een", "a.two": "twee", "a.n": "{n} dingen",
                                                  "a.n_one": "{n} ding"}))  # fmt: skip
    (tmp_path / "en.json").write_text(json.dumps({"a.two": "two"}))
    (tmp_path / "pl.json").write_text(json.dumps({"_fallback": "en", "a.n": "{n} rzeczy", "a.n_one": "{n} rzecz",
                                                  "a.n_few": "{n} rzeczy (few)"}))  # fmt: skip
    words = catalog("pl", tmp_path)
    assert (words("a.one"), words("a.two")) == ("een", "two")
    assert [words.plural("a.n", n) for n in (1, 2, 5)] == ["1 rzecz", "2 rzeczy (few)", "5 rzeczy"]
    assert words.has_own("a.") and not words.has_own("b.")
    assert words("a.missing") == "a.missing"


def used_keys() -> dict[str, set[str]]:
    """Literal keys in the Python faces' calls, as the catalog spells them (`t("run.agenda")` -> app.run.agenda)."""
    kiosk = ROOT / "kiosk"

    def found(pattern: str, *folders: str, files: str = "*.py") -> set[str]:
        return {
            key
            for folder in folders
            for path in (kiosk / folder).rglob(files)
            for key in re.findall(pattern, path.read_text(encoding="utf-8"))
        }

    app = found(r'\bt(?:\.plural)?\(\s*f?"([a-z_]+\.[\w.]+)"', "tui")
    return {
        "app": {f"app.{k}" if f"app.{k}" in NL or f"app.{k}_one" in NL else k for k in app},
        "cli": {f"cli.{k}" for k in found(r'\bsay\([^,()]+, "([\w.]+)"', "commands")}
        | {f"cli.help.{k}" for k in found(r'\bhint\(\s*"([\w.]+)"', "commands")},
        "report": {f"report.{k}" for k in found(r'\blabel\([^,()]+, "(\w+)"', "report")},
        "letter": {f"letter.{k}" for k in found(r'\bsay\([^,()]+, "(\w+)"', "report", files="letter*.py")},
        "kit": {f"kit.{k}" for k in found(r'\bword\([^,()]+, "(\w+)"', "prepare")},
    }


def test_every_key_the_python_faces_ask_for_is_in_the_catalog() -> None:
    for face, keys in used_keys().items():
        assert len(keys) > 5, face  # the scan found the face's calls
        assert not keys - set(NL), (face, sorted(keys - set(NL)))


def test_the_command_lines_help_speaks_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    for argv, words, foreign in [
        (
            ["run", "--help"],
            ["gebruik:", "opties", "toon deze hulp", "agendabestand"],
            ["usage", "options", "show"],
        ),
        (
            ["run", "--help", "--lang", "en"],
            ["usage:", "options", "show this help", "agenda file"],
            ["gebruik", "opties"],
        ),
        (["--help"], ["OPDRACHT", "controleer agendabestanden"], ["validate"]),
    ]:
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert all(w in out for w in words), (argv, out)
        assert not any(re.search(rf"\b{f}\b", out) for f in foreign), (argv, out)


def test_an_error_sentence_speaks_each_language_with_its_parts() -> None:
    from kiosk.prepare.poster import PosterNotWritten
    from kiosk.printing.pdf import INSTALL, PdfUnavailable

    error = PosterNotWritten(
        "printing.poster_no_pdf", problem=PdfUnavailable("printing.pdf_missing", command=INSTALL)
    )
    assert str(error).startswith("PDF needs WeasyPrint") and "--poster poster.html" in str(
        error
    )  # logs: English
    assert error.said("nl").startswith("Voor PDF is WeasyPrint nodig") and error.said("nl").endswith(
        "poster.html.)"
    )


def test_the_hub_answers_a_page_language_in_its_fallback_never_in_dutch(tmp_path: Path) -> None:
    from kiosk.hub.i18n import Messages

    (tmp_path / "nl.json").write_text(json.dumps({"error.full": "Vol.", "error.empty": "Leeg."}))
    (tmp_path / "en.json").write_text(json.dumps({"error.full": "Full."}))
    (tmp_path / "ar.json").write_text(json.dumps({"_fallback": "en", "error.too_long": "{max}"}))
    (tmp_path / "tr.json").write_text(json.dumps({"error.too_long": "en fazla {max}"}))
    messages = Messages(tmp_path)
    assert messages.error("too_long", "ar", params={"max": 5}) == "5"
    assert messages.error("full", "ar") == "Full."  # from its _fallback
    assert messages.error("empty", "ar", "the core's English") == "the core's English"  # not the Dutch
    assert messages.error("empty", "tr", "the core's English") == "the core's English"
    assert messages.error("empty", "nl") == "Leeg."
    assert messages.lang("tr") == "tr" and messages.lang("de") == "nl"


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_every_option_of_every_command_is_explained_from_the_catalog(lang: str) -> None:
    import argparse

    from kiosk.cli import build_parser
    from kiosk.commands.texts import help_language

    help_language(["--lang", lang])
    try:
        parser = build_parser()
    finally:
        help_language([])
    said = {v.replace("%", "%%") for k, v in load(lang).items() if k.startswith("cli.help.")}
    said |= {s.replace("{port}", "8765") for s in said}
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = [a.help for p in [parser, *subparsers.choices.values()] for a in p._actions if a.help]
    helps += [a.help for a in subparsers._choices_actions]
    assert len(helps) > 60
    assert [h for h in helps if h not in said] == []
