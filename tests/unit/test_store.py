"""The event log: sessions listed, damaged files refused with a sentence, never replaced silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.commands.common import parse_stored_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import resume_session, start_session
from kiosk.core.store import DB_NAME, StoreError, open_event_log
from kiosk.resources import default_agenda_path


def test_sessions_list_counts_and_finished_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = open_event_log(tmp_path)
    agenda = load_agenda(default_agenda_path())
    done = start_session(log, agenda, clock=lambda: 1_790_000_000.0)
    done.execute(Command("session/finish"))
    live = start_session(log, agenda, clock=lambda: 1_790_090_000.0)
    live.execute(Command("device/join", {}, Actor("phone", device="device-0001")))
    live.execute(Command("contribution/add", {"id": "p1", "text": "Van papier", "source": "paper"}))
    assert log.latest_unfinished() == log.session(live.info.id)  # type: ignore[union-attr]
    log.close()

    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["avond", "datum", "telefoons", "bijdragen", "gebeurtenissen", "staat", "agenda"]
    assert live.info.id in out[1] and " open " in out[1] and " 1 " in out[1]  # type: ignore[union-attr]
    assert done.info.id in out[2] and "afgesloten" in out[2]  # type: ignore[union-attr]
    assert main(["sessions", "--data-dir", str(tmp_path), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "unfinished" in out[1] and " finished " in out[2]


def test_sessions_count_phones_not_their_joins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A phone joins again when it says its role and after every reconnect; it is still one phone."""
    log = open_event_log(tmp_path)
    core = start_session(log, load_agenda(default_agenda_path()))
    for n in range(8):
        phone = Actor("phone", device=f"device-{n:04d}")
        core.execute(Command("device/join", {}, phone))
        core.execute(Command("device/join", {"role": "parent" if n % 2 else "staff"}, phone))
        core.execute(Command("device/join", {"role": "parent" if n % 2 else "staff", "lang": "en"}, phone))
    log.close()
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    row = capsys.readouterr().out.splitlines()[1].split()
    assert row[3] == "8"  # telefoons, though 24 joins are stored


def test_a_resumed_session_keeps_room_code_and_tokens(tmp_path: Path) -> None:
    log = open_event_log(tmp_path)
    core = start_session(log, load_agenda(default_agenda_path()))
    core.execute(Command("block/start"))
    again = resume_session(log, log.session(core.info.id), parse_stored_agenda)  # type: ignore[union-attr]
    assert again.info == log.session(core.info.id)  # type: ignore[union-attr]
    assert again.state == core.state


def test_a_damaged_database_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / DB_NAME
    damaged.write_bytes(b"this is not a database, it is a shopping list" * 100)
    with pytest.raises(StoreError, match="damaged.*Move the file aside"):
        open_event_log(tmp_path)
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert damaged.read_bytes().startswith(b"this is not a database")


def test_a_data_dir_that_cannot_be_made_gets_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["actions", "--data-dir", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert "Kan de gegevensmap" in err and "--data-dir" in err and "Traceback" not in err
    assert main(["actions", "--data-dir", str(blocker / "sub"), "--lang", "en"]) == 1
    assert "Cannot create the data folder" in capsys.readouterr().err


def test_kiosk_data_dir_environment_variable_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    log = open_event_log(tmp_path / "env")
    core = start_session(log, load_agenda(default_agenda_path()))
    log.close()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "env"))
    assert main(["sessions"]) == 0
    assert core.info is not None and core.info.id in capsys.readouterr().out
