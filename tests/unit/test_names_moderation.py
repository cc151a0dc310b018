"""Names, addresses and numbers are held wherever the room writes them; redaction, confirmation, the history; the
team's export says what nobody reviewed and --strict refuses; evenings are deleted on request or after DAYS."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.moderation import Span, redact, screen
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock

PHONE = Actor("phone", device="ouder-telefoon-0001")
SYSTEM = Actor("system")


@pytest.mark.parametrize(
    ("text", "reason", "found"),
    [
        ("Mijn naam is Fatima de Jong en ik help graag", "name", "Fatima de Jong"),
        ("Ik ben Piet Jansen, vader van Sanne uit 2B.", "name", "Piet Jansen"),
        ("Mevrouw El Amrani heeft ons geholpen", "name", "El Amrani"),
        ("Onze dochter Emma wordt gepest", "name", "Emma"),
        ("Wij wonen aan de Kerkstraat 12 in Utrecht", "address", "Kerkstraat 12"),
        ("Bel me op +31 6 1234 5678", "phone_number", "+31 6 1234 5678"),
        ("Bel 06-12345678 na zessen", "phone_number", "06-12345678"),
        ("mail p.jansen@hotmail.nl", "email", "p.jansen@hotmail.nl"),
        ("Wat een kutschool", "profanity", "kutschool"),
    ],
)
def test_our_own_rules_hold_names_addresses_numbers_and_swearing(text: str, reason: str, found: str) -> None:
    screening = screen(text)
    assert screening.reason == reason
    assert found in [text[s.start : s.end] for s in screening.spans]


@pytest.mark.parametrize(
    "text",
    [
        "Juf Engels is leuk",
        "Magister en Parro werken prima",
        "Met Ramadan en Kerst is het druk",
        "De MR en het VO",
        "Op 12-03-2026 was het feest",
        "Antwoord 5",
        "Groep 7 is druk",
    ],
)
def test_capitalised_school_words_pass(text: str) -> None:
    assert screen(text).reason is None


def test_redaction_puts_placeholders_in_the_language_the_text_is_written_in() -> None:
    text = "Bel Jan op 0612345678"
    spans = [Span(4, 7, "name"), Span(11, 21, "phone_number")]
    assert redact(text, spans) == redact(text, spans, "en") == "Bel [naam] op [telefoonnummer]"
    text = "Call Jan on 0612345678"
    assert redact(text, [Span(5, 8, "name"), Span(12, 22, "phone_number")]) == "Call [name] on [phone number]"


@pytest.fixture
def core(tmp_path: Path) -> SessionCore:
    log = open_event_log(tmp_path)
    core = start_session(log, load_agenda(default_agenda_path()), FakeClock())
    core.execute(Command("device/join", {"role": "parent"}, PHONE))
    core.execute(Command("block/jump", {"index": 3}))
    return core


def add(core: SessionCore, cid: str, text: str) -> None:
    core.execute(Command("contribution/add", {"id": cid, "text": text}, PHONE))


def test_a_held_answer_needs_confirmation_and_keeps_its_reason_and_who_approved(core: SessionCore) -> None:
    add(core, "c1", "Meneer Jansen luistert nooit")
    with pytest.raises(CommandError) as refused:
        core.execute(Command("contribution/approve", {"id": "c1"}, Actor("remote")))
    assert refused.value.code == "confirm_needed"
    core.execute(Command("contribution/approve", {"id": "c1", "confirm": True}, Actor("remote")))
    c = core.state.contributions["c1"]
    assert (c.status, c.held_reason, c.approved_by) == ("approved", "name", "remote")


def test_redact_replaces_the_spans_and_approves_in_one_event(core: SessionCore) -> None:
    add(core, "c1", "Bel meneer Jansen op 06-12345678")
    outcome = core.execute(Command("contribution/redact", {"id": "c1"}))
    assert outcome.event is not None and outcome.event.data["text"] == "Bel meneer [naam] op [telefoonnummer]"
    c = core.state.contributions["c1"]
    assert (c.visible, c.text, c.held_reason, c.approved_by) == (
        True,
        "Bel meneer [naam] op [telefoonnummer]",
        "phone_number",
        "facilitator",
    )
    add(core, "c2", "Niets aan de hand")
    with pytest.raises(CommandError, match="nothing"):
        core.execute(Command("contribution/redact", {"id": "c2"}))


def test_the_full_checks_finding_holds_an_auto_approved_answer_and_survives_a_restart(
    core: SessionCore, tmp_path: Path
) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    text = "Gerard Brouwer was onbeleefd"  # no title, no name of our lists: our rules let it pass, deduce finds it
    add(core, "c1", text)
    assert core.state.contributions["c1"].visible  # the name check was not ready yet
    data = {"items": [{"target": "contribution", "id": "c1", "text": text, "spans": [[0, 14, "name"]]}]}
    with pytest.raises(CommandError):
        core.execute(Command("moderation/screen", data, PHONE))  # only the kiosk itself reports findings
    core.execute(Command("moderation/screen", data, SYSTEM))
    c = core.state.contributions["c1"]
    assert (c.status, c.held_reason, c.spans, c.screened) == ("pending", "name", [[0, 14, "name"]], True)
    assert core.log is not None and core.info is not None
    events = list(core.log.events(core.info.id))
    from kiosk.core.session import replay

    again = replay(core.agenda, events).contributions["c1"]
    assert (again.status, again.held_reason, again.screened) == ("pending", "name", True)


def test_with_the_full_check_ready_auto_approve_waits_for_it(core: SessionCore) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    core.full_check = True
    add(core, "c1", "Meer contact graag")
    assert core.state.contributions["c1"].status == "pending"
    item = {"target": "contribution", "id": "c1", "text": "Meer contact graag", "spans": []}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))
    assert core.state.contributions["c1"].visible


def rating_with_comment(core: SessionCore, comment: str) -> str:
    rating = next(p for b in core.agenda.blocks for p in b.prompts if p.kind == "rating")
    core.execute(Command("prompt/open", {"prompt": rating.id}))
    core.execute(Command("response/set", {"prompt": rating.id, "value": 2, "comment": comment}, PHONE))
    return rating.id


def test_a_rating_comment_with_a_name_stays_out_of_the_report_until_reviewed(
    core: SessionCore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comment = "Jan Jansen was onbeleefd"
    prompt = rating_with_comment(core, comment)
    ident = f"{prompt}/{PHONE.device}"
    item = {"target": "comment", "id": ident, "text": comment, "spans": [[0, 10, "name"]]}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))
    assert core.state.responses[prompt][PHONE.device].review.held
    assert main(["export", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Jan Jansen" not in out and "1 opmerking weggelaten" in out
    core.execute(Command("moderation/redact", {"target": "comment", "id": ident}))
    assert main(["export", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[naam] was onbeleefd" in out and "Jan Jansen" not in out


def test_the_teams_csv_warns_of_unreviewed_detections_and_strict_refuses(
    core: SessionCore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(core, "c1", "Meneer Jansen luistert nooit")
    assert main(["export", "--data-dir", str(tmp_path), "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert "1 teksten met een gevonden naam" in captured.err and "Meneer Jansen" in captured.out
    assert main(["export", "--data-dir", str(tmp_path), "--format", "csv", "--strict"]) == 3
    captured = capsys.readouterr()
    assert captured.out == "" and "--strict" in captured.err
    assert main(["export", "--data-dir", str(tmp_path), "--for", "parents", "--strict"]) == 0
    assert "Jansen" not in capsys.readouterr().out
    core.execute(Command("contribution/redact", {"id": "c1"}))
    assert main(["export", "--data-dir", str(tmp_path), "--format", "csv", "--strict"]) == 0


def test_sessions_delete_and_purge_remove_an_evening_and_all_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = open_event_log(tmp_path)
    old = start_session(log, load_agenda(default_agenda_path()), FakeClock(1_700_000_000.0))
    new = start_session(log, load_agenda(default_agenda_path()), FakeClock())
    for core in (old, new):
        core.execute(Command("device/join", {"role": "parent"}, PHONE))
        core.execute(Command("block/jump", {"index": 3}))
        add(core, "c1", "Fatima de Jong woont op de Kerkstraat 12")
    log.close()
    assert old.info is not None and new.info is not None
    assert (
        main(["sessions", "--data-dir", str(tmp_path), "--delete", new.info.id]) == 1
    )  # no terminal, no --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["purge", "--data-dir", str(tmp_path), "--older-than", "365", "--yes"]) == 0
    assert f"verwijderd: {old.info.id}" in capsys.readouterr().out
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", new.info.id, "--yes"]) == 0
    db = sqlite3.connect(tmp_path / "kiosk.sqlite3")
    assert db.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM sessions").fetchone() == (0,)
    db.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"Fatima" not in raw


def test_a_table_note_with_a_name_stays_off_the_projector_and_out_of_the_report_until_reviewed(
    core: SessionCore,
) -> None:
    from kiosk.core.tables import table_outcomes
    from kiosk.hub.table_views import host_view

    core.execute(Command("tables/assign", {"count": 2}))
    core.execute(Command("table/note/add", {"table": 1, "id": "n1", "text": "Meer contact met de mentor"}))
    core.execute(
        Command("table/note/add", {"table": 1, "id": "n2", "text": "Meneer Jansen belt nooit terug"})
    )
    assert table_outcomes(core.state)[0].points == ["Meer contact met de mentor"]
    view = host_view(core.state, 1, core.now())
    assert view is not None and len(view["notes"]) == 2  # the table's own notepad shows what it wrote
    core.execute(Command("moderation/redact", {"target": "note", "id": "n2"}))
    assert table_outcomes(core.state)[0].points == [
        "Meer contact met de mentor",
        "Meneer [naam] belt nooit terug",
    ]
