"""Agenda details (school, date, place, contact, logo) and the action team's `## Voorbereiding`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.agenda.check import run_check
from kiosk.agenda.model import AgendaInvalid
from kiosk.agenda.parser import load_agenda, parse_agenda
from kiosk.resources import agendas_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32

DETAILS = """# Ouderavond samenwerken

school: OBS De Driehoek
datum: woensdag 14 oktober 2026
start: 19:30
plaats: Aula, Schoolstraat 1, Rotterdam
contact: ouderconsulent@driehoek.nl, 010 123 45 67
logo: beeld/logo.png

## Voorbereiding

Wat het actieteam regelt.

- Actieteam oprichten
  - wie: directie
  - wanneer: 8 weken vooraf
- Gespreksleider aanstellen
  - wie: directie
  - wanneer: 2026-09-01
  - de ouderconsulent
  - of een collega
- Koffie en thee
  - wanneer: de dag ervoor
- Zaal klaarzetten
  - wie: conciërge
  - wanneer: op de avond
- Nabellen
  - wanneer: na de herfstvakantie

## Welkom (5 min)

## Dialoog (60 min)
"""


def write(tmp_path: Path, text: str, logo: bytes | None = PNG) -> Path:
    if logo is not None:
        (tmp_path / "beeld").mkdir(exist_ok=True)
        (tmp_path / "beeld" / "logo.png").write_bytes(logo)
    path = tmp_path / "avond.md"
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    with pytest.raises(AgendaInvalid) as caught:
        load_agenda(path)
    return [str(e) for e in caught.value.errors]


def test_details_are_read_with_the_date_as_iso_and_the_end_time_from_the_blocks(tmp_path: Path) -> None:
    agenda = load_agenda(write(tmp_path, DETAILS))
    details = agenda.details
    assert (details.school, details.date, details.place) == (
        "OBS De Driehoek",
        "2026-10-14",
        "Aula, Schoolstraat 1, Rotterdam",
    )
    assert details.contact == "ouderconsulent@driehoek.nl, 010 123 45 67"
    assert (agenda.start_time, agenda.end_time) == ("19:30", "20:35")
    assert agenda.logo_file() == str(tmp_path / "beeld" / "logo.png")


def test_the_logo_is_found_from_the_stored_path_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, DETAILS)
    monkeypatch.chdir(tmp_path)
    agenda = load_agenda("avond.md")  # relative, as a user types it
    assert agenda.path == "avond.md" and agenda.origin == str(path)
    monkeypatch.chdir("/")
    assert Path(agenda.logo_file()).read_bytes() == PNG


def test_preparation_tasks_keep_who_when_and_their_details(tmp_path: Path) -> None:
    tasks = load_agenda(write(tmp_path, DETAILS)).preparation
    assert [t.task for t in tasks] == [
        "Actieteam oprichten",
        "Gespreksleider aanstellen",
        "Koffie en thee",
        "Zaal klaarzetten",
        "Nabellen",
    ]
    first, second, coffee, room, later = tasks
    assert (first.who, first.when, first.days_before) == ("directie", "8 weken vooraf", 56)
    assert (second.on_date, second.details) == ("2026-09-01", ("de ouderconsulent", "of een collega"))
    assert (coffee.days_before, room.days_before, later.days_before) == (1, 0, None)
    assert [t.due("2026-10-14") for t in tasks] == [
        "2026-08-19",
        "2026-09-01",
        "2026-10-13",
        "2026-10-14",
        "",
    ]
    assert first.due("") == ""  # no evening date, no computed date


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2026-10-14", "2026-10-14"),
        ("14-10-2026", "2026-10-14"),
        ("14/10/2026", "2026-10-14"),
        ("14 oktober 2026", "2026-10-14"),
        ("Wednesday, 14 October 2026", "2026-10-14"),
        ("wo 14 okt 2026", "2026-10-14"),
    ],
)
def test_dates_may_be_written_the_dutch_or_the_iso_way(written: str, iso: str) -> None:
    agenda = parse_agenda(f"# A\n\ndatum: {written}\n\n## B (5 min)\n", "t.md")
    assert agenda.details.date == iso


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("31-09-2026", "date '31-09-2026' does not exist"),
        ("volgende week", "date 'volgende week' is not a date; expected a date like 2026-10-14"),
        ("dinsdag 14 oktober 2026", "falls on a Wednesday (woensdag), not on the weekday written"),
        ("14 brumaire 2026", "is not a date"),
    ],
)
def test_a_bad_date_names_its_line_and_what_is_expected(written: str, fragment: str) -> None:
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda(f"# A\n\ndatum: {written}\n\n## B (5 min)\n", "t.md")
    (error,) = caught.value.errors
    assert error.line == 3 and fragment in error.message


def test_check_reports_a_bad_date_a_bad_task_date_and_a_missing_logo_with_exit_2() -> None:
    path = FIXTURES / "bad_details.md"
    out, err = io.StringIO(), io.StringIO()
    assert run_check([str(path)], False, out, err, "en") == 2
    assert err.getvalue().splitlines() == [
        f"{path}:4: date '31-09-2026' does not exist; check the day and the month",
        (
            f"{path}:6: logo 'logo-ontbreekt.png' is missing; put the image next to the agenda or write its "
            "path relative to the agenda"
        ),
        f"{path}:12: date '2026-13-01' does not exist; check the day and the month",
    ]
    dutch = io.StringIO()
    assert run_check([str(path)], False, io.StringIO(), dutch) == 2
    assert (
        dutch.getvalue().splitlines()[0]
        == f"{path}:4: datum '31-09-2026' bestaat niet; kijk de dag en de maand na"
    )


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("logo.gif", b"GIF89a", "is not a PNG, JPEG or SVG image (by its name)"),
        ("logo.png", b"<html>not an image</html>", "is not a PNG image inside"),
        ("logo.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', None),
        ("logo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 16, None),
    ],
)
def test_the_logo_must_be_an_image_of_the_kind_its_name_says(
    tmp_path: Path, name: str, content: bytes, fragment: str | None
) -> None:
    (tmp_path / name).write_bytes(content)
    path = tmp_path / "a.md"
    path.write_text(f"# A\n\nlogo: {name}\n\n## B (5 min)\n", encoding="utf-8")
    if fragment is None:
        assert load_agenda(path).details.logo == name
    else:
        (message,) = errors(path)
        assert message.startswith(f"{path}:3: logo '{name}' ") and fragment in message


def test_a_logo_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    (tmp_path / "logo.png").mkdir()
    path = tmp_path / "a.md"
    path.write_text("# A\n\nlogo: logo.png\n\n## B (5 min)\n", encoding="utf-8")
    (message,) = errors(path)
    assert "is a folder" in message


def test_a_stored_agenda_stays_readable_when_its_logo_has_gone(tmp_path: Path) -> None:
    path = write(tmp_path, DETAILS)
    agenda = load_agenda(path)
    (tmp_path / "beeld" / "logo.png").unlink()
    again = parse_agenda(agenda.source, agenda.origin)  # as `kiosk export` reads a stored evening
    assert again.details.logo == "beeld/logo.png" and not Path(again.logo_file()).exists()


def test_task_bullets_need_a_value_and_say_each_key_once() -> None:
    text = "# A\n\n## Voorbereiding\n\n- Zaal\n  - wie:\n- Koffie\n  - wie: a\n  - who: b\n\n## B (5 min)\n"
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda(text, "t.md")
    assert [(e.line, e.message.split(";")[0]) for e in caught.value.errors] == [
        (6, "'wie:' has no value"),
        (9, "the task already says 'who:'"),
    ]


def test_settings_written_as_a_paragraph_under_voorbereiding_point_to_bullets() -> None:
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda("# A\n\n## Voorbereiding\n\nwie: directie\n\n## B (5 min)\n", "t.md")
    assert "each task is a bullet" in str(caught.value)


def test_shipped_agendas_carry_the_run_sheets_preparation() -> None:
    for name in ("ouderpartnerschap.md", "parent-partnership.en.md", "ouderavond-60.md"):
        tasks = load_agenda(agendas_dir() / name).preparation
        assert len(tasks) >= 10 and all(t.who and t.when for t in tasks)
        assert all(t.days_before is not None for t in tasks)  # every moment counts back from the evening
        assert any("uitnodig" in t.task.lower() or "invitation" in t.task.lower() for t in tasks)


def test_details_appear_in_the_json_of_check(tmp_path: Path) -> None:
    data = load_agenda(write(tmp_path, DETAILS)).to_json()
    assert data["details"]["date"] == "2026-10-14" and data["details"]["logo"] == "beeld/logo.png"
    assert data["preparation"][1]["on_date"] == "2026-09-01"


def test_the_complete_example_of_the_format_doc_parses_with_its_details() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "agenda-format.md").read_text(encoding="utf-8")
    example = doc.split("## A complete example", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    agenda = parse_agenda(example, "example.md")
    details = agenda.details
    assert details.date == "2026-10-14" and agenda.total_minutes == 65
    assert [t.due(details.date) for t in agenda.preparation] == ["2026-09-16", "2026-10-14", "2026-10-28"]
    assert [t.phase(details.date) for t in agenda.preparation] == ["before", "evening", "after"]
    assert (details.signup_by.day(details.date), details.next_update.day(details.date)) == (
        "2026-10-07",
        "2026-12-09",
    )
    assert (details.interpreter, details.interpreter_languages, details.bring) == (True, ("tr", "ar"), True)
    assert (
        details.signup == "bij de mentor of via ouders@driehoek.nl"
        and details.next_update_via == "de nieuwsbrief"
    )
    assert agenda.key_message_in("en").startswith("Good cooperation") and agenda.key_message_in(
        "tr"
    ).startswith("Een")
    assert (
        agenda.advance_questions[0].text_in("en")
        == "What goes well in the contact between you and the school?"
    )
    assert agenda.themes[1].card.endswith("\n- Hoe hoort u het liefst van school?")
