"""The team's report says in which language an answer was written (the phone's page), and how many per language."""

from __future__ import annotations

from pathlib import Path

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.report.aftercare import build_report
from kiosk.report.export_json import report_to_json
from kiosk.report.render_html import render_html
from kiosk.report.render_md import render_markdown
from kiosk.resources import default_agenda_path

ANSWERS = [
    ("d-nederlands-1", "nl", "Goed contact met de mentor."),
    ("d-nederlands-2", "nl", "Meer uitleg over het rooster."),
    ("d-turks-00001", "tr", "Öğretmenle iletişim çok iyi."),
    ("d-arabisch-001", "ar", "نحتاج إلى معلومات أكثر."),
]


def evening_with_answers(tmp_path: Path) -> SessionCore:
    core = start_session(open_event_log(tmp_path / "data"), load_agenda(default_agenda_path()))
    core.execute(
        Command("block/jump", {"index": next(b.index for b in core.agenda.blocks if b.kind == "dialogue")})
    )
    for n, (device, lang, text) in enumerate(ANSWERS):
        phone = Actor("phone", device=device)
        core.execute(Command("device/join", {"role": "parent", "lang": lang}, phone))
        core.execute(Command("contribution/add", {"id": f"c-{n}", "text": text}, phone))
        core.execute(Command("contribution/approve", {"id": f"c-{n}"}))
    core.execute(Command("contribution/add", {"id": "c-paper", "text": "Van papier.", "source": "paper"}))
    return core


def test_the_report_notes_the_language_of_each_answer_and_counts_them(tmp_path: Path) -> None:
    core = evening_with_answers(tmp_path)
    dutch = build_report(core.state, created_at=0.0, lang="nl")
    assert dutch.languages == (("nl", 2), ("ar", 1), ("tr", 1))
    text = render_markdown(dutch)
    assert "Antwoorden per taal van de telefoon: Nederlands: 2 · Arabisch: 1 · Turks: 1" in text
    assert "- Öğretmenle iletişim çok iyi. *(geschreven in het Turks)*" in text
    assert "- نحتاج إلى معلومات أكثر. *(geschreven in het Arabisch)*" in text
    # Answers in the agenda's own language, and from paper, carry no note.
    assert "- Goed contact met de mentor.\n" in text and "- Van papier. *(op papier)*" in text
    english = render_markdown(build_report(core.state, created_at=0.0, lang="en"))
    assert "Öğretmenle iletişim çok iyi. *(written in Turkish)*" in english
    data = report_to_json(dutch)
    assert data["languages"] == {"nl": 2, "ar": 1, "tr": 1}
    # The language is all the report knows of a phone: no device id anywhere.
    assert all(device not in str(data) + text for device, _, _ in ANSWERS)


def test_an_evening_all_in_the_agendas_language_has_no_language_line(tmp_path: Path) -> None:
    core = start_session(open_event_log(tmp_path / "data"), load_agenda(default_agenda_path()))
    core.execute(
        Command("block/jump", {"index": next(b.index for b in core.agenda.blocks if b.kind == "dialogue")})
    )
    phone = Actor("phone", device="d-nederlands-1")
    core.execute(Command("device/join", {"lang": "nl"}, phone))
    core.execute(Command("contribution/add", {"id": "c-1", "text": "Prima avond."}, phone))
    core.execute(Command("contribution/approve", {"id": "c-1"}))
    report = build_report(core.state, created_at=0.0)
    assert report.languages == () and "per taal" not in render_markdown(report)


def test_the_team_record_shows_the_facilitators_rendering_under_an_answer_or_question_in_another_language(
    tmp_path: Path,
) -> None:
    core = evening_with_answers(tmp_path)
    turkish_phone = Actor("phone", device="d-turks-00001")
    core.execute(Command("question/add", {"id": "q-tr", "text": "Tercüman var mı?"}, turkish_phone))
    core.execute(Command("question/approve", {"id": "q-tr"}))
    core.execute(
        Command("rendering/set", {"id": "c-2", "lang": "nl", "text": "Het contact met de leraar is goed."})
    )
    core.execute(Command("rendering/set", {"id": "q-tr", "lang": "nl", "text": "Is er een tolk?"}))
    core.execute(Command("rendering/set", {"id": "q-tr", "lang": "en", "text": "Is there an interpreter?"}))

    dutch = build_report(core.state, created_at=0.0, lang="nl")
    text = render_markdown(dutch)
    assert (
        "- Öğretmenle iletişim çok iyi. *(geschreven in het Turks)*\\\n"
        "  *weergave in het Nederlands:* Het contact met de leraar is goed.\n"
    ) in text
    assert (
        "- Tercüman var mı? *(geschreven in het Turks)*\\\n  *weergave in het Nederlands:* Is er een tolk?"
        in text
    )
    # The Arabic answer nobody rendered stands as written, with no empty line under it.
    assert "- نحتاج إلى معلومات أكثر. *(geschreven in het Arabisch)*\n" in text
    english = render_markdown(build_report(core.state, created_at=0.0, lang="en"))
    assert (
        "- Tercüman var mı? *(written in Turkish)*\\\n  *rendering in English:* Is there an interpreter?"
        in english
    )
    # The English record has no English rendering of the Turkish answer, so none shows.
    assert "Het contact met de leraar" not in english

    html = render_html(dutch)
    assert "Öğretmenle iletişim çok iyi. <em>(geschreven in het Turks)</em><br />" in html
    assert "<em>weergave in het Nederlands:</em> Het contact met de leraar is goed." in html

    data = report_to_json(dutch)
    heard = [c for b in data["blocks"] for p in b["heard"] for g in p["groups"] for c in g["contributions"]]
    assert {c["text"]: c["rendering"] for c in heard if c["lang"] == "tr"} == {
        "Öğretmenle iletişim çok iyi.": "Het contact met de leraar is goed."
    }
    (question,) = data["questions"]["approved"]
    assert (question["written_in"], question["rendering"]) == ("tr", "Is er een tolk?")
    assert all(device not in str(data) + text for device, _, _ in ANSWERS)
