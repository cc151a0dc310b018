"""The event log on a real full or read-only disk: one error type out of the store, nothing committed lost."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.commands.common import parse_stored_agenda
from kiosk.core.changes import Changes
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore, resume_session, start_session
from kiosk.core.store import DB_NAME, StoreError, open_event_log
from kiosk.resources import default_agenda_path
from tests.mounts import fill, make_read_only, tiny_disk

PHONE = Actor("phone", device="full-disk-phone")


def dialogue(core: SessionCore) -> None:
    core.execute(
        Command("block/jump", {"index": next(b.index for b in core.agenda.blocks if b.kind == "dialogue")})
    )
    core.execute(Command("device/join", {}, PHONE))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_journal_files_are_private(tmp_path: Path) -> None:
    log = open_event_log(tmp_path / "data")
    core = start_session(log, load_agenda(default_agenda_path()))
    core.execute(Command("block/start"))
    files = [tmp_path / "data" / name for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm")]
    assert all(f.exists() for f in files)
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert mode(tmp_path / "data") == 0o700
    log.close()


def test_an_existing_readable_database_is_made_private(tmp_path: Path) -> None:
    open_event_log(tmp_path).close()
    (tmp_path / DB_NAME).chmod(0o644)
    open_event_log(tmp_path).close()
    assert mode(tmp_path / DB_NAME) == 0o600


def test_a_full_disk_is_a_store_error_and_what_was_committed_stays(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        log = open_event_log(disk)
        core = start_session(log, load_agenda(default_agenda_path()))
        dialogue(core)
        filler = fill(disk)
        committed: list[str] = []
        failure: StoreError | None = None
        for n in range(5000):
            try:
                core.execute(
                    Command(
                        "contribution/add", {"id": f"c{n}", "text": "Wij willen vaker horen " * 20}, PHONE
                    )
                )
            except StoreError as exc:
                failure = exc
                break
            committed.append(f"c{n}")
        assert failure is not None, "the disk never filled up"
        assert failure.reason == "disk_full"
        assert "disk" in str(failure).lower()
        assert core.storage_problem is not None
        assert f"c{len(committed)}" not in core.state.contributions  # refused, not half applied
        # The disk stays full: the next write fails the same calm way, the connection to SQLite survives.
        with pytest.raises(StoreError):
            core.execute(Command("contribution/add", {"id": "again", "text": "nog eens"}, PHONE))

        filler.unlink()
        assert core.check_storage()
        assert core.storage_problem is None
        core.execute(Command("contribution/add", {"id": "after", "text": "weer ruimte"}, PHONE))
        assert core.info is not None
        again = resume_session(log, core.info, parse_stored_agenda)
        assert set(again.state.contributions) == {*committed, "after"}
        log.close()


def stored_evening(folder: Path) -> str:
    log = open_event_log(folder)
    core = start_session(log, load_agenda(default_agenda_path()))
    dialogue(core)
    core.execute(Command("contribution/add", {"id": "c1", "text": "Een antwoord in de back-up"}, PHONE))
    core.execute(Command("contribution/approve", {"id": "c1"}))
    log.close()
    assert core.info is not None
    return core.info.id


def test_export_and_sessions_read_a_backup_on_a_read_only_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = stored_evening(tmp_path / "original")
    with tiny_disk(tmp_path / "backup") as backup:
        shutil.copy(tmp_path / "original" / DB_NAME, backup / DB_NAME)
        make_read_only(backup)
        before = sorted(os.listdir(backup))
        assert main(["sessions", "--data-dir", str(backup)]) == 0
        assert session in capsys.readouterr().out
        assert main(["export", "--data-dir", str(backup), "--format", "json"]) == 0
        assert "Een antwoord in de back-up" in capsys.readouterr().out
        assert sorted(os.listdir(backup)) == before


def test_sessions_in_a_folder_without_a_database_say_so_and_make_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing-here"
    assert main(["sessions", "--data-dir", str(empty)]) == 0
    assert "Nog geen avonden opgeslagen" in capsys.readouterr().out
    assert not empty.exists()


def test_a_read_only_disk_refuses_a_new_evening_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tiny_disk(tmp_path / "ro") as folder:
        make_read_only(folder)
        with pytest.raises(StoreError, match="cannot be written"):
            open_event_log(folder)


def test_sessions_count_phones_not_joins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = open_event_log(tmp_path)
    core = start_session(log, load_agenda(default_agenda_path()))
    for data in ({}, {"role": "parent"}, {"lang": "en"}):  # one phone says its role, then switches language
        core.execute(Command("device/join", data, PHONE))
    log.close()
    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[3] == "1"


def test_a_kiosk_that_another_process_wrote_beside_takes_those_changes_in_and_stores_on(
    tmp_path: Path,
) -> None:
    session = stored_evening(tmp_path)
    log = open_event_log(tmp_path)
    running = resume_session(log, log.session(session), parse_stored_agenda)
    heard: list[Changes] = []
    said: list[str | None] = []
    running.subscribe(lambda changes, state: heard.append(changes))
    running.on_storage(lambda problem: said.append(None if problem is None else problem.reason))
    other = open_event_log(tmp_path)  # an older `kiosk export` in another terminal writes the same evening
    beside = resume_session(other, other.session(session), parse_stored_agenda)
    beside.execute(Command("letter/exported", {}))
    beside.execute(Command("action/add", {"what": "Terugbellen"}))
    running.execute(
        Command("action/add", {"what": "Ook terugbellen"})
    )  # no `not_stored`: taken in, then stored
    # Every listener heard the other's changes as if they were its own: the letter, then the two actions.
    assert [c.letters for c in heard] == [True, False, False] and all(c.actions for c in heard[1:])
    assert said == ["taken_in"] and running.storage_problem is None
    assert [a.what for a in running.state.actions.values()][-2:] == ["Terugbellen", "Ook terugbellen"]
    assert [e.type for e in log.events(session)][-3:] == ["letter/exported", "action/add", "action/add"]
    running.execute(Command("action/add", {"what": "Nog eentje"}))
    assert said == ["taken_in"]  # said once
    log.close()
    other.close()


def test_kiosk_actions_only_reads_an_evening_a_kiosk_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.core.hold import EveningHold

    session = stored_evening(tmp_path)
    hold = EveningHold.take(tmp_path, session)
    assert hold is not None
    try:
        assert main(["actions", "--data-dir", str(tmp_path), "--add", "Terugbellen"]) == 1
        assert "geopend in een draaiende kiosk" in capsys.readouterr().err
        assert main(["actions", "--data-dir", str(tmp_path)]) == 0  # the list is still there to read
    finally:
        hold.release()
    assert main(["actions", "--data-dir", str(tmp_path), "--add", "Terugbellen"]) == 0


def test_an_evening_a_kiosk_runs_is_not_deleted_under_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.core.hold import EveningHold

    session = stored_evening(tmp_path)
    hold = EveningHold.take(tmp_path, session)
    assert hold is not None
    try:
        assert main(["sessions", "--data-dir", str(tmp_path), "--delete", session, "--yes"]) == 1
        assert "draait nu in een kiosk" in capsys.readouterr().err
    finally:
        hold.release()
    assert main(["sessions", "--data-dir", str(tmp_path), "--delete", session, "--yes"]) == 0
    assert not (tmp_path / "held" / f"{session}.lock").exists()
