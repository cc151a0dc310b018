"""The event log: one SQLite file per data folder, every accepted event committed before it counts."""

from __future__ import annotations

import errno
import json
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.agenda.model import Agenda
from kiosk.catalog import Sentence
from kiosk.core.events import Event

DB_NAME = "kiosk.sqlite3"
SCHEMA_VERSION = 1
# Letters and digits that cannot be mistaken for each other when read off a projector.
_ROOM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    created_at REAL NOT NULL,
    agenda_title TEXT NOT NULL,
    agenda_path TEXT NOT NULL,
    agenda_source TEXT NOT NULL,
    room_code TEXT NOT NULL,
    display_token TEXT NOT NULL,
    remote_token TEXT NOT NULL,
    finished_at REAL
);
CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    at REAL NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
"""


class StoreError(Sentence):
    """The data folder or database cannot be used; the sentence (`store.<code>` in the catalog) says what to do.

    `reason` names the kind of trouble for faces that speak another language: disk_full, read_only, io,
    conflict (another kiosk wrote to the same evening), other.
    """

    def __init__(self, code: str, reason: str = "other", **params: object) -> None:
        self.code = code
        self.reason = reason
        super().__init__(f"store.{code}", **params)


class NoDatabase(StoreError):
    """A folder opened for reading holds no database (yet)."""


# SQLite's primary result codes (the low byte of an extended code) that say why a write failed.
_SQLITE_REASONS = {13: "disk_full", 8: "read_only", 10: "io", 5: "io", 6: "io", 14: "io"}


def write_failure(exc: BaseException, path: Path) -> StoreError:
    """The one error a failed write becomes: a sentence that says what happened and what to do."""
    code = getattr(exc, "sqlite_errorcode", None)
    reason = _SQLITE_REASONS.get(code & 0xFF, "other") if isinstance(code, int) else "other"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        reason = "disk_full"
    if isinstance(exc, UnicodeError):
        return StoreError("broken_text", problem=exc)
    if isinstance(exc, sqlite3.IntegrityError):
        # Another process appended to the same evening meanwhile: its events took these places in the log.
        return StoreError("conflict", "conflict", path=path)
    if reason in ("disk_full", "read_only"):
        return StoreError(reason, reason, path=path)
    return StoreError("not_written", reason, path=path, problem=exc)


@dataclass(frozen=True)
class SessionInfo:
    """One stored evening as `kiosk sessions` lists it."""

    id: str
    created_at: float
    agenda_title: str
    agenda_path: str
    agenda_source: str
    room_code: str
    display_token: str
    remote_token: str
    finished_at: float | None
    event_count: int = 0
    contribution_count: int = 0
    device_count: int = 0

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class EventLog:
    """Sessions and their events in one SQLite file (WAL, synchronous=FULL), private to the user (0600).

    `read_only` opens it for reading only, so a backup on a read-only disk or folder can be listed and exported.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            self._db = self._connect(path, read_only)
            if not read_only:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            result = self._db.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(str(result[0] if result else "no answer"))
            if not read_only:
                self._db.executescript(_SCHEMA)
            self._check_version()
        except OSError as exc:
            reason = "read_only" if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else "io"
            raise StoreError("cannot_open", reason, path=path, problem=exc.strerror) from exc
        except sqlite3.Error as exc:
            failure = write_failure(exc, path)
            if failure.reason in ("disk_full", "read_only"):
                raise failure from exc
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                raise StoreError("unable_to_open", path=path, problem=exc) from exc
            raise StoreError("damaged", path=path, problem=exc, name=path.name) from exc

    @staticmethod
    def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
        if read_only:
            # A folder nobody may write holds no -shm file for WAL readers: read the file as it is.
            flag = "mode=ro" if os.access(path.parent, os.W_OK) else "immutable=1"
            uri = f"{path.resolve().as_uri()}?{flag}"
            return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        if not path.exists():
            # Created private before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif os.name == "posix" and path.stat().st_mode & 0o077:
            try:
                path.chmod(0o600)  # an older kiosk made it readable by everyone on the laptop
            except OSError:
                pass
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None and self.read_only:
            raise sqlite3.DatabaseError("it holds no kiosk evenings")
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError("newer", path=self.path)

    def close(self) -> None:
        self._db.close()

    def create_session(self, agenda: Agenda, created_at: float) -> SessionInfo:
        stamp = datetime.fromtimestamp(created_at).strftime("%Y%m%d-%H%M")
        session_id = f"{stamp}-{secrets.token_hex(2)}"
        room = "".join(secrets.choice(_ROOM_ALPHABET) for _ in range(5))
        info = SessionInfo(
            id=session_id,
            created_at=created_at,
            agenda_title=agenda.title,
            agenda_path=agenda.path,
            agenda_source=agenda.source,
            room_code=room,
            display_token=secrets.token_urlsafe(12),
            remote_token=secrets.token_urlsafe(12),
            finished_at=None,
        )
        with self._transaction():
            self._db.execute(
                "INSERT INTO sessions VALUES (?,?,?,?,?,?,?,?,NULL)",
                (
                    info.id,
                    info.created_at,
                    info.agenda_title,
                    info.agenda_path,
                    info.agenda_source,
                    info.room_code,
                    info.display_token,
                    info.remote_token,
                ),
            )
        return info

    def append(self, session_id: str, events: Iterable[Event]) -> None:
        """Commit events durably; when this returns they survive a crash or a power cut."""
        with self._transaction():
            for event in events:
                self._db.execute(
                    "INSERT INTO events VALUES (?,?,?,?,?)",
                    (session_id, event.seq, event.at, event.type, event.data_json()),
                )
                if event.type == "session/finish":
                    self._db.execute("UPDATE sessions SET finished_at=? WHERE id=?", (event.at, session_id))

    def delete_session(self, session_id: str) -> None:
        """Remove an evening and everything it holds; the freed pages are zeroed and the WAL emptied."""
        session_id = self.session(session_id).id  # raises StoreError when there is none
        self._db.execute("PRAGMA secure_delete=ON")
        with self._transaction():
            self._db.execute("DELETE FROM events WHERE session_id=?", (session_id,))
            self._db.execute("DELETE FROM sessions WHERE id=?", (session_id,))
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def probe(self) -> None:
        """Write something harmless: raises StoreError while the disk is still full or read-only."""
        with self._transaction():
            self._db.execute("UPDATE meta SET value=value WHERE key='schema'")

    def events(self, session_id: str, after: int = 0) -> Iterator[Event]:
        """The evening's events in order; `after`: only those after this seq (written since by another process)."""
        try:
            rows = self._db.execute(
                "SELECT seq, at, type, data FROM events WHERE session_id=? AND seq>? ORDER BY seq",
                (session_id, after),
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._read_failure(exc) from exc
        for seq, at, type_, data in rows:
            yield Event(seq=seq, at=at, type=type_, data=json.loads(data))

    def _read_failure(self, exc: sqlite3.Error) -> StoreError:
        return StoreError("unreadable", path=self.path, problem=exc)

    def sessions(self) -> list[SessionInfo]:
        """All stored sessions, newest first, with their counts."""
        counts: dict[str, dict[str, int]] = {}
        try:
            for session_id, type_, count in self._db.execute(
                "SELECT session_id, type, count(*) FROM events GROUP BY session_id, type"
            ):
                counts.setdefault(session_id, {})[type_] = count
            # A phone joins again when it changes its role or language: count phones, not joins.
            phones = dict(
                self._db.execute(
                    "SELECT session_id, count(DISTINCT json_extract(data, '$.device')) FROM events "
                    "WHERE type='device/join' GROUP BY session_id"
                ).fetchall()
            )
            rows = self._db.execute(
                "SELECT id, created_at, agenda_title, agenda_path, agenda_source, room_code, display_token, "
                "remote_token, finished_at FROM sessions ORDER BY created_at DESC, id DESC"
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._read_failure(exc) from exc
        result = []
        for row in rows:
            c = counts.get(row[0], {})
            result.append(
                SessionInfo(
                    id=row[0],
                    created_at=row[1],
                    agenda_title=row[2],
                    agenda_path=row[3],
                    agenda_source=row[4],
                    room_code=row[5],
                    display_token=row[6],
                    remote_token=row[7],
                    finished_at=row[8],
                    event_count=sum(c.values()),
                    contribution_count=c.get("contribution/add", 0),
                    device_count=phones.get(row[0], 0),
                )
            )
        return result

    def session(self, session_id: str) -> SessionInfo:
        for info in self.sessions():
            if info.id == session_id or info.id.endswith(session_id):
                return info
        raise StoreError("no_session", session=repr(session_id))

    def latest_unfinished(self) -> SessionInfo | None:
        return next((s for s in self.sessions() if not s.finished), None)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self.path)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT; any failure on the way rolls back and becomes one StoreError."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise write_failure(exc, self._path) from exc

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as failed:
                self._rollback()
                raise write_failure(failed, self._path) from failed
            return
        self._rollback()
        if isinstance(exc, (sqlite3.Error, UnicodeError)):
            raise write_failure(exc, self._path) from exc

    def _rollback(self) -> None:
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite rolled back by itself (a full disk can do that); nothing was committed


def open_event_log(data_dir: Path, *, read_only: bool = False) -> EventLog:
    """Open (or create) the data folder's database, with a clear StoreError when that cannot be done.

    `read_only` (for commands that only read, such as export) creates nothing and writes nothing; a folder
    without a database raises NoDatabase.
    """
    if read_only:
        path = data_dir / DB_NAME
        if not path.is_file():
            raise NoDatabase("no_database", folder=data_dir)
        return EventLog(path, read_only=True)
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("cannot_create_folder", folder=data_dir, problem=exc.strerror) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError("folder_not_writable", folder=data_dir)
    return EventLog(data_dir / DB_NAME)
