"""`kiosk export` and `kiosk actions` on a real data folder: the report, then the school's follow-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.core.events import Actor, Command
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock

PHONE = Actor("phone", device="ouder-telefoon-0001")
TEACHER = Actor("phone", device="docent-telefoon-0002")
EVENING = 1_790_000_000.0  # 21 September 2026


def stored_evening(data: Path, *, start: float = EVENING) -> str:
    """A short evening on the shipped agenda, closed and stored; returns its session id."""
    clock = FakeClock(start)
    log = open_event_log(data)
    core = start_session(log, load_agenda(default_agenda_path()), clock)
    core.execute(Command("device/join", {"role": "parent"}, PHONE))
    core.execute(Command("device/join", {"role": "staff"}, TEACHER))
    core.execute(Command("block/jump", {"index": 3}))
    core.execute(Command("contribution/add", {"id": "c1", "text": "Bel ons ook als het goed gaat"}, PHONE))
    core.execute(Command("contribution/approve", {"id": "c1"}))
    core.execute(Command("contribution/add", {"id": "c2", "text": "Ik <3 de mentor & de [app]"}, TEACHER))
    core.execute(Command("contribution/approve", {"id": "c2"}))
    core.execute(Command("action/add", {"what": "Positief belrondje in oktober", "owner": "mentoren"}))
    clock.advance(3600)
    core.execute(Command("session/finish"))
    assert core.info is not None
    log.close()
    return core.info.id


def action_ids(data: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["actions", "--data-dir", str(data)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    return [line.split()[0] for line in lines if not line.startswith(" ")]


def test_export_prints_the_latest_evening_as_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored_evening(tmp_path, start=EVENING - 86_400 * 7)
    stored_evening(tmp_path)
    assert main(["export", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Terugkoppeling: Dialoogbijeenkomst ouderpartnerschap\n")
    assert "Avond van 21 september 2026" in out
    assert "- Bel ons ook als het goed gaat" in out and r"Ik <3 de mentor & de \[app]" in out
    assert "Ouders: 1 · school: 1" in out
    assert "ouder-telefoon" not in out and "docent-telefoon" not in out


def test_export_writes_html_and_json_files_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = stored_evening(tmp_path / "data")
    html_file, json_file = tmp_path / "report.html", tmp_path / "report.json"
    args = ["export", session, "--data-dir", str(tmp_path / "data"), "--lang", "en"]
    assert main([*args, "--format", "html", "-o", str(html_file)]) == 0
    assert main([*args, "--format", "json", "-o", str(json_file)]) == 0
    html = html_file.read_text(encoding="utf-8")
    assert "<h2>What we heard</h2>" in html and "Ik &lt;3 de mentor &amp; de [app]" in html
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert data["lang"] == "en" and data["attendance"] == {"parent": 1, "staff": 1, "unknown": 0}
    assert "telefoon" not in html + json_file.read_text(encoding="utf-8")
    assert f"wrote {html_file}" in capsys.readouterr().err


def test_export_of_an_unknown_session_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored_evening(tmp_path)
    assert main(["export", "19990101-0000-beef", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Er is hier geen avond '19990101-0000-beef'" in err and "Traceback" not in err
    assert main(["export", "19990101-0000-beef", "--data-dir", str(tmp_path), "--lang", "en"]) == 1
    assert "There is no session '19990101-0000-beef' here" in capsys.readouterr().err


def test_export_with_nothing_stored_says_how_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.invocation import kiosk_command

    assert main(["export", "--data-dir", str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert f"Hier zijn nog geen avonden opgeslagen; “{kiosk_command()} run” begint er een" in said
    assert main(["export", "--data-dir", str(tmp_path), "--lang", "en"]) == 1
    assert "No evenings are stored here yet" in capsys.readouterr().err


def test_school_follows_up_actions_and_the_report_shows_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = stored_evening(tmp_path)
    data = ["--data-dir", str(tmp_path)]
    assert main(["export", session, *data]) == 0
    before = capsys.readouterr().out
    assert "status: gepland" in before and "Wat jullie zeiden, wat wij deden" not in before

    (first,) = action_ids(tmp_path, capsys)
    assert (
        main(
            ["actions", session, *data, "--update", first, "--status", "in_progress", "--note", "Lijst klaar"]
        )
        == 0
    )
    panel = ["--add", "Ouderpanel starten", "--owner", "ouderconsulent", "--due", "2027-02-01"]
    assert main(["actions", *data, *panel]) == 0
    listing = capsys.readouterr().out
    assert "in_progress" in listing and "Lijst klaar" in listing and "Ouderpanel starten" in listing

    assert main(["export", session, *data]) == 0
    after = capsys.readouterr().out
    assert "*Wat jullie zeiden, wat wij deden*" in after
    assert "bijgewerkt op" in after and "Avond van 21 september 2026" in after
    assert "Sinds de avond van 21 september 2026: 1 nieuwe actie en 1 actie bijgewerkt." in after
    assert "status: bezig" in after and ": Lijst klaar" in after
    assert (
        "- **Ouderpanel starten** (wie: ouderconsulent; uiterlijk: 1 februari 2027; status: gepland)" in after
    )


def test_actions_refuse_bad_input_with_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stored_evening(tmp_path)
    data = ["--data-dir", str(tmp_path)]
    assert main(["actions", *data, "--update", "zzzz", "--status", "done"]) == 1
    assert "Er is geen actie met id “zzzz” bij deze avond" in capsys.readouterr().err
    assert main(["actions", *data, "--update", "zzzz", "--status", "done", "--lang", "en"]) == 1
    assert "There is no action with id “zzzz” in this evening" in capsys.readouterr().err
    (first,) = action_ids(tmp_path, capsys)
    assert main(["actions", *data, "--update", first]) == 1
    assert (
        "Zeg wat er veranderde: --status, --note, --owner, --due, --link of --unlink."
        in capsys.readouterr().err
    )
    assert main(["actions", *data, "--add", "Bellen", "--due", "volgende week"]) == 1
    assert "Schrijf de datum als JJJJ-MM-DD." in capsys.readouterr().err
    assert main(["actions", *data, "--add", "Bellen", "--due", "volgende week", "--lang", "en"]) == 1
    assert "Write the date as YYYY-MM-DD." in capsys.readouterr().err
    assert main(["actions", *data, "--note", "los"]) == 1
    assert "horen bij --add of --update ID" in capsys.readouterr().err
    assert len(action_ids(tmp_path, capsys)) == 1  # nothing half-stored
