"""`kiosk export --for parents --lang ar` and `kiosk actions --render`: the letter in every page language, the
room's other languages rendered by the facilitator (or left out, with a note saying which), and who answers each
question the school comes back to."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.core.events import Actor, Command
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from tests.conftest import FakeClock
from tests.unit.test_letter_cli import EVENING, school_agenda

DUTCH = Actor("phone", device="nederlandse-telefoon")
TURKISH = Actor("phone", device="turkse-telefoon")


@pytest.fixture
def data(tmp_path: Path) -> list[str]:
    """An evening with a Dutch and a Turkish answer and a Turkish question the school comes back to."""
    log = open_event_log(tmp_path / "data")
    core = start_session(log, load_agenda(school_agenda(tmp_path / "school")), FakeClock(EVENING))
    core.execute(Command("device/join", {"role": "parent"}, DUTCH))
    core.execute(Command("device/join", {"role": "parent", "lang": "tr"}, TURKISH))
    core.execute(Command("block/jump", {"index": 3}))
    core.execute(Command("contribution/add", {"id": "nl-antwoord", "text": "Meer contact graag"}, DUTCH))
    core.execute(Command("contribution/add", {"id": "tr-antwoord", "text": "Daha fazla iletişim"}, TURKISH))
    core.execute(Command("question/add", {"id": "tr-vraag", "text": "Tercüman var mı?"}, TURKISH))
    for kind, item in (
        ("contribution", "nl-antwoord"),
        ("contribution", "tr-antwoord"),
        ("question", "tr-vraag"),
    ):
        core.execute(Command(f"{kind}/approve", {"id": item}))
    core.execute(Command("question/answer", {"id": "tr-vraag", "answer": "later"}))
    core.execute(
        Command("action/add", {"what": "Tolken regelen", "owner": "ouderconsulent", "due": "2026-10-20"})
    )
    core.execute(Command("session/finish"))
    log.close()
    return ["--data-dir", str(tmp_path / "data")]


def letter(data: list[str], capsys: pytest.CaptureFixture[str], lang: str = "nl") -> tuple[str, str]:
    capsys.readouterr()
    assert main(["export", *data, "--for", "parents", "--lang", lang, "--date", "2026-09-28"]) == 0
    streams = capsys.readouterr()
    return streams.out, streams.err


def test_the_export_names_what_the_letter_left_out_and_what_it_lacks(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = letter(data, capsys)
    assert "Daha fazla" not in out and "Tercüman" not in out
    assert "let op: 2 antwoorden of vragen in een andere taal staan niet in de brief (nl)" in err
    assert "tr-a" in err and 'kiosk actions --render REF "tekst" --into nl' in err
    # the shipped agenda's `vervolg: 8 weken na de avond`, from 21 September
    assert "Uiterlijk 16 november 2026 laten we u in een brief als deze weten hoe het staat" in out


def test_the_facilitator_renders_an_answer_and_a_question_and_links_the_question_to_an_action(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actions", *data, "--heard"]) == 0
    heard = capsys.readouterr().out
    assert (
        "[tr] Daha fazla iletişim" in heard and "[tr] Tercüman var mı?  (de school komt erop terug)" in heard
    )
    assert main(["actions", *data, "--render", "tr-antwoord", "Meer communicatie"]) == 0
    assert "→ nl: Meer communicatie" in capsys.readouterr().out
    assert main(["actions", *data, "--render", "tr-vraag", "Is er een tolk?"]) == 0
    assert main(["actions", *data, "--render", "tr-vraag", "Is there an interpreter?", "--into", "en"]) == 0
    capsys.readouterr()
    action = next(iter(_actions(data, capsys)))
    assert main(["actions", *data, "--update", action, "--link", "tr-vraag"]) == 0
    assert "hoort bij vraag „Tercüman var mı?”" in capsys.readouterr().out
    out, err = letter(data, capsys)
    assert "Daha fazla" not in out and "Meer communicatie *(1× genoemd)*" in out  # among the answers heard
    assert "- Is er een tolk?\\\n  *ouderconsulent antwoordt, uiterlijk 20 oktober 2026*" in out
    assert "staan niet in de brief" not in err and "eigenaar" not in err
    english, _ = letter(data, capsys, "en")
    assert "- Is there an interpreter?\\\n  *ouderconsulent answers by 20 October 2026*" in english
    turkish, _ = letter(data, capsys, "tr")
    assert "- Tercüman var mı?\\\n  *ouderconsulent en geç 20 Ekim 2026 tarihinde cevap veriyor*" in turkish
    assert main(["actions", *data, "--render", "zzzz", "x"]) == 1
    assert main(["actions", *data, "--render", "nl-antwoord", "x", "--into", "english"]) == 1


def _actions(data: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["actions", *data]) == 0
    return [
        line.split()[0] for line in capsys.readouterr().out.splitlines()[1:] if line and not line[0].isspace()
    ]


def test_a_question_without_an_owner_is_named_when_the_letter_is_made(
    data: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actions", *data, "--render", "tr-vraag", "Is er een tolk?"]) == 0
    _, err = letter(data, capsys)
    assert (
        "let op: 1 vraag waar de school op terugkomt heeft nog geen eigenaar en datum: „Is er een tolk?”"
        in err
    )


@pytest.mark.parametrize("lang", ["tr", "ar", "pl", "uk"])
def test_the_letter_comes_in_every_page_language_and_the_record_in_two(
    data: list[str], capsys: pytest.CaptureFixture[str], lang: str, tmp_path: Path
) -> None:
    out, _ = letter(data, capsys, lang)
    assert "Daha fazla iletişim" in out if lang == "tr" else "Daha fazla" not in out
    page = tmp_path / f"brief-{lang}.html"
    assert (
        main(["export", *data, "--for", "parents", "--lang", lang, "--format", "html", "-o", str(page)]) == 0
    )
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in page.read_text(
        encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["export", *data, "--lang", lang]) == 1
    assert "Het verslag voor het team is er in het Nederlands en Engels" in capsys.readouterr().err
