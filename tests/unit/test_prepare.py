"""`kiosk prepare`: the evening's kit from an agenda, in every language the pages speak; a new language is one file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.agenda.parser import load_agenda, parse_agenda
from kiosk.catalog import catalog, languages
from kiosk.cli import main
from kiosk.prepare.kit import build_kit
from kiosk.resources import default_agenda_path, web_dir
from tests.unit.test_letter_cli import school_agenda


def test_prepare_writes_invitations_checklist_and_table_cards_with_a_note_per_gap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kit"
    assert main(["prepare", str(default_agenda_path()), "-o", str(out), "--no-pdf"]) == 0
    names = sorted(p.name for p in out.iterdir())
    invitations = [f"uitnodiging-{lang}.html" for lang in ("ar", "en", "nl", "pl", "tr", "uk")]
    cards = [f"tafelkaarten-{lang}.html" for lang in ("ar", "en", "pl", "tr", "uk")]
    assert names == [*cards, "tafelkaarten.html", *invitations, "voorbereiding.html"]
    streams = capsys.readouterr()
    assert f"geschreven: {out / 'uitnodiging-nl.html'}" in streams.out
    assert (
        "let op: de agenda heeft geen school, datum, plaats, aanmelden, aanmelden-voor; de uitnodiging laat een"
        " regel open" in streams.err
    )
    assert "nog geen uitnodiging" not in streams.err  # every language the pages speak has its invitation
    assert main(["prepare", str(default_agenda_path()), "-o", str(out), "--no-pdf", "--lang", "en"]) == 0
    streams = capsys.readouterr()
    assert f"wrote {out / 'uitnodiging-nl.html'}" in streams.out
    assert (
        "note: the agenda has no school, datum, plaats, aanmelden, aanmelden-voor; the invitation leaves a line"
        " to fill in by hand" in streams.err
    )
    assert "no invitation" not in streams.err  # every language the pages speak has its invitation
    invitation = (out / "uitnodiging-nl.html").read_text(encoding="utf-8")
    # date, place, how and by when to sign up: lines to fill in by hand, and one to sign under
    assert invitation.count('<span class="blank"></span>') == 4 and "blank signature" in invitation
    assert "inloop vanaf 19:00, we beginnen om 19:15 en sluiten rond 21:15 af" in invitation
    assert "<script" not in invitation and "<br>de school" not in invitation
    assert "U mag iemand meenemen" in invitation  # the shipped agenda says `meenemen: ja`
    # What parents think about beforehand is asked of them, not of the room ("Wat zijn de ervaringen van school?")
    assert "Wat gaat goed in het contact tussen u en de school?" in invitation
    assert "ervaringen van school" not in invitation and "What goes well" not in invitation
    english = (out / "uitnodiging-en.html").read_text(encoding="utf-8")
    assert "What goes well in the contact between you and the school?" in english and 'lang="en"' in english
    # The shipped evening's questions come in the parents' own languages, Arabic right to left.
    arabic = (out / "uitnodiging-ar.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "أحضروا هاتفكم" in arabic
    assert "ما الذي يسير بشكل جيد في التواصل بينكم وبين المدرسة؟" in arabic
    for lang, asked in (
        ("tr", "Sizinle okul arasındaki iletişimde neler iyi gidiyor?"),
        ("pl", "Co dobrze działa w kontakcie między Państwem a szkołą?"),
        ("uk", "Що добре вдається в спілкуванні між вами і школою?"),
    ):
        assert asked in (out / f"uitnodiging-{lang}.html").read_text(encoding="utf-8"), lang


def test_the_checklist_dates_each_task_from_the_evening(tmp_path: Path) -> None:
    agenda = load_agenda(school_agenda(tmp_path))  # the evening is on 21 September 2026
    checklist = build_kit(agenda, ["nl"]).pages["voorbereiding.html"]
    assert '8 weken vooraf<span class="date">27 juli 2026</span>' in checklist
    assert 'op de avond<span class="date">21 september 2026</span>' in checklist
    assert "de ouderconsulent van de school (als de school die heeft)" in checklist
    assert "21 september 2026 · 19:00–21:15 · Aula" in checklist
    # Before, on and after the evening, each in date order; the aftercare dated after it
    phases = [
        checklist.index(f'<th colspan="4">{name}</th>')
        for name in ("Vooraf", "Op de avond", "Na de avond: de nazorg")
    ]
    assert phases == sorted(phases)
    assert '2 weken na de avond<span class="date">5 oktober 2026</span>' in checklist
    assert checklist.index("Hapje en drankje") < checklist.index("Herinnering sturen aan de ouders")
    for task in (
        "Herinnering sturen aan de ouders",
        "genoeg collega&#x27;s vragen",
        "Gespreksleiders van de thematafels voorbereiden",
    ):
        assert task in checklist


def test_a_date_on_the_checklist_reads_like_every_other_date(tmp_path: Path) -> None:
    agenda = parse_agenda(
        "# A\n\ndatum: 2026-10-14\n\n## Voorbereiding\n\n- Zaal\n  - wanneer: 2026-10-01\n"
        "- Koffie\n  - wanneer: 1-10-2026\n- Na\n  - wanneer: na de herfstvakantie\n\n## B (5 min)\n"
    )
    checklist = build_kit(agenda, ["nl"]).pages["voorbereiding.html"]
    assert checklist.count('<td class="when">1 oktober 2026</td>') == 2 and "2026-10-01" not in checklist
    assert '<td class="when">na de herfstvakantie</td>' in checklist


def test_table_cards_carry_the_card_its_questions_and_how_the_table_works() -> None:
    agenda = load_agenda(default_agenda_path().with_name("ouderavond-60.md"))
    cards = build_kit(agenda, ["nl"]).pages["tafelkaarten.html"]
    # per theme a card that folds to stand (the upper half upside down) and the sheet the table fills in
    assert cards.count('<section class="sheet card tent-sheet">') == 10
    assert cards.count('<section class="sheet card work-sheet">') == 10
    assert cards.count('<div class="half upside">') == 10 and "vouw hier" in cards
    assert "<strong>Situatie:</strong>" in cards and "ouders ervaren een hoge drempel naar school." in cards
    assert "Wat kan de school aan uitnodigingen en ontvangst veranderen?" in cards
    assert "Zo werken we aan tafel (25 min.)" in cards and "Wie vertelt het bij de presentaties?" in cards
    assert "Aantekeningen" in cards and cards.count('<span class="line"></span>') == 10 * (3 + 9)
    assert (
        "Lees de kaart van jullie thema" not in cards
    )  # the facilitator's talking points stay on the laptop


def test_table_cards_come_in_every_language_the_themes_speak() -> None:
    kit = build_kit(load_agenda(default_agenda_path()))
    names = sorted(name for name in kit.pages if name.startswith("tafelkaarten"))
    assert names == [f"tafelkaarten{suffix}.html" for suffix in ("-ar", "-en", "-pl", "-tr", "-uk", "")]
    turkish = kit.pages["tafelkaarten-tr.html"]
    assert '<html lang="tr" dir="ltr">' in turkish and "Devam ve devamsızlık" in turkish
    assert "Bir öğrencinin her gün okula gelmesine ne yardımcı olur?" in turkish
    assert "Sunumlarda kim anlatacak?" in turkish and "Vragen voor de tafel" not in turkish
    assert '<html lang="ar" dir="rtl">' in kit.pages["tafelkaarten-ar.html"]
    assert "Aanwezigheid en verzuim" in kit.pages["tafelkaarten.html"]
    assert not [note for note in kit.notes if "tafelkaarten" in note]  # every theme is translated
    partly = parse_agenda("# A\n\n## Thema's\n\n- Rooster: Wat werkt?\n  - tr: Program: Ne işe yarıyor?\n"
                          "- Verzuim: Wat helpt?\n\n## B (5 min)\n")  # fmt: skip
    kit = build_kit(partly, ["nl", "tr"])
    assert "Verzuim" in kit.pages["tafelkaarten-tr.html"]
    assert "tafelkaarten-tr: Verzuim zonder vertaling in 'tr'" in " ".join(kit.notes)


def test_a_new_language_is_one_file_and_missing_words_fall_back(tmp_path: Path) -> None:
    folder = tmp_path / "i18n"
    shutil.copytree(web_dir() / "i18n", folder)
    (folder / "de.json").write_text(
        json.dumps({"_fallback": "en", "invite.kicker": "Einladung", "invite.greeting": "Liebe Eltern,"}),
        encoding="utf-8",
    )
    assert languages(folder) == ["nl", "en", "ar", "de", "pl", "tr", "uk"]
    kit = build_kit(load_agenda(default_agenda_path()), i18n=folder)
    german = kit.pages["uitnodiging-de.html"]
    assert '<html lang="de" dir="ltr">' in german and "Einladung" in german and "Liebe Eltern," in german
    assert "Bring your phone" in german  # not translated yet: its _fallback, English
    assert "What goes well in the contact" in german  # the agenda has no German: English questions
    assert '<html lang="ar" dir="rtl">' in kit.pages["uitnodiging-ar.html"]
    assert not kit.notes or all("no invitation" not in note for note in kit.notes)


def test_a_broken_language_file_falls_back_instead_of_failing(tmp_path: Path) -> None:
    (tmp_path / "xx.json").write_text("{ not json", encoding="utf-8")
    shutil.copy(web_dir() / "i18n" / "nl.json", tmp_path / "nl.json")
    messages = catalog("xx", tmp_path)
    assert messages("invite.kicker") == "Uitnodiging" and not messages.has_own("invite.")


def test_prepare_of_a_broken_agenda_names_the_line_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = tmp_path / "a.md"
    agenda.write_text("# A\n\ndatum: 31-02-2026\n\n## B (5 min)\n", encoding="utf-8")
    assert main(["prepare", str(agenda), "-o", str(tmp_path / "kit")]) == 2
    assert f"{agenda}:3: datum '31-02-2026' bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "kit").exists()


def test_prepare_prints_the_kit_to_pdf_on_the_right_number_of_pages(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    out = tmp_path / "kit"
    assert (
        main(["prepare", str(school_agenda(tmp_path / "school")), "-o", str(out), "--languages", "nl,en"])
        == 0
    )
    themes = len(load_agenda(default_agenda_path()).themes)
    counts = {p.name: len(PdfReader(p).pages) for p in out.glob("*.pdf")}
    assert counts == {"uitnodiging-nl.pdf": 1, "uitnodiging-en.pdf": 1, "voorbereiding.pdf": 2,
                      "tafelkaarten.pdf": 2 * themes, "tafelkaarten-en.pdf": 2 * themes}  # fmt: skip
    text = PdfReader(out / "uitnodiging-nl.pdf").pages[0].extract_text()
    assert "maandag 21 september 2026" in text and "OBS De Driehoek" in text
