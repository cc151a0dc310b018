"""`kiosk check`: a school checks its agenda files and reads exactly where they are wrong."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from kiosk.agenda.check import run_check
from kiosk.agenda.model import AgendaInvalid
from kiosk.agenda.parser import load_agenda
from kiosk.catalog import read
from kiosk.cli import main
from kiosk.resources import agendas_dir, default_agenda_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"

# `kiosk check`'s words: the `agenda.` part of the message catalog
MESSAGES = {
    lang: {k[7:]: v for k, v in read(lang).items() if k.startswith("agenda.")} for lang in ("nl", "en")
}


def check(paths: list[str], as_json: bool = False, lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_check(paths, as_json, out, err, lang)
    return status, out.getvalue(), err.getvalue()


def test_valid_agenda_passes_with_exit_zero_and_a_short_summary() -> None:
    status, out, err = check([str(default_agenda_path())])
    assert (status, err) == (0, "")
    assert out == f"{default_agenda_path()}: ok, 9 blocks, 135 minutes\n"


def test_all_shipped_agendas_pass_the_check() -> None:
    status, _, err = check([str(p) for p in sorted(agendas_dir().glob("*.md"))])
    assert (status, err) == (0, "")


def test_broken_agenda_exits_2_and_prints_each_problem_as_file_line_message() -> None:
    path = str(FIXTURES / "many_errors.md")
    status, out, err = check([path])
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert [line.split(":")[1] for line in lines] == ["3", "5", "11", "16", "17"]
    assert all(line.startswith(f"{path}:") for line in lines)
    assert "Traceback" not in err


def test_check_of_several_files_reports_the_broken_ones_and_still_fails() -> None:
    good, bad = str(default_agenda_path()), str(FIXTURES / "missing_minutes.md")
    status, out, err = check([good, bad])
    assert status == 2
    assert out.startswith(f"{good}: ok")
    assert err.startswith(f"{bad}:7: block 'Dialoog' has no duration")


def test_missing_file_gets_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "ouderavond.md")
    status, _, err = check([missing])
    assert status == 2
    assert err == f"{missing}:0: no such file; expected the path of an agenda (.md)\n"


def test_folder_instead_of_file_gets_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    status, _, err = check([str(tmp_path)])
    assert status == 2
    assert err == f"{tmp_path}:0: is a folder; expected an agenda file (.md)\n"


def test_check_without_files_asks_for_one() -> None:
    status, _, err = check([])
    assert status == 2 and "name at least one agenda file" in err


def test_json_prints_the_parsed_agenda() -> None:
    status, out, err = check([str(default_agenda_path())], as_json=True)
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["total_minutes"] == 135 and len(data["blocks"]) == 9
    assert data["blocks"][3]["prompts"][0] == {
        "id": "b4-q1",
        "kind": "open",
        "text": "Wat zijn de ervaringen van de ouders?",
        "options": [],
        "translations": {
            "en": "What are the parents' experiences?",
            "tr": "Velilerin deneyimleri neler?",
            "ar": "ما هي تجارب أولياء الأمور؟",
            "pl": "Jakie są doświadczenia rodziców?",
            "uk": "Який досвід мають батьки?",
        },
        "option_translations": {},
    }
    assert data["blocks"][3]["title_translations"]["uk"] == "Діалог"
    assert data["themes"][1]["translations"]["pl"]["title"] == "Kontakt i komunikacja"
    assert "ë" in out  # Dutch text stays readable, not \u-escaped


def test_json_of_several_agendas_is_a_list() -> None:
    paths = [str(default_agenda_path()), str(agendas_dir() / "ouderavond-60.md")]
    status, out, _ = check(paths, as_json=True)
    assert status == 0
    assert [a["total_minutes"] for a in json.loads(out)] == [135, 60]


def test_json_with_a_broken_agenda_prints_no_json_at_all() -> None:
    paths = [str(default_agenda_path()), str(FIXTURES / "unknown_kind.md")]
    status, out, err = check(paths, as_json=True)
    assert (status, out) == (2, "")
    assert ":5: unknown kind 'feestje'" in err


def test_check_speaks_dutch_by_default_and_english_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = str(default_agenda_path()), str(FIXTURES / "missing_minutes.md")
    assert main(["check", good, bad]) == 2
    out, err = capsys.readouterr()
    assert out == f"{good}: in orde, 9 blokken, 135 minuten\n"
    assert err.startswith(f"{bad}:7: blok 'Dialoog' heeft geen duur; zet de minuten aan het eind van de kop")
    assert main(["check", "--lang", "en", bad]) == 2
    assert capsys.readouterr().err.startswith(f"{bad}:7: block 'Dialoog' has no duration")


def test_dutch_and_english_know_every_agenda_error_with_the_same_blanks() -> None:
    assert set(MESSAGES["nl"]) == set(MESSAGES["en"])
    blanks = re.compile(r"(?<!{){(\w+)}(?!})")
    for code, english in MESSAGES["en"].items():
        assert set(blanks.findall(MESSAGES["nl"][code])) == set(blanks.findall(english)), code


def test_every_error_the_parser_can_give_has_words() -> None:
    """Codes written in the parser's source and shown by the broken fixtures are all in the catalog."""
    agenda_dir = Path(load_agenda.__code__.co_filename).parent
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(agenda_dir.glob("*.py")))
    used = set(re.findall(r'(?:\berror\([^,()]+, |AgendaError\([^,()]+, [^,()]+, )"([a-z_0-9]+)"', source))
    used |= set(re.findall(r'"(prompts_outside|section_outside)"', source))
    used |= {"signup_by_before", "next_update_after"}  # made as f"{name}_{side}" in front_details.py
    assert len(used) > 35 and used <= set(MESSAGES["en"]), used - set(MESSAGES["en"])
    for fixture in FIXTURES.glob("*.md"):
        try:
            load_agenda(fixture)
        except AgendaInvalid as exc:
            assert all(error.code in MESSAGES["en"] for error in exc.errors), fixture
