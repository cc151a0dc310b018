"""The event log: one SQLite file per data folder, every accepted event committed before it counts."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.agenda.model import Agenda
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


class StoreError(Exception):
    """The data folder or database cannot be used; the message says what to do."""


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
    """Sessions and their events in one SQLite file (WAL, synchronous=FULL)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            result = self._db.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise sqlite3.DatabaseError(str(result[0] if result else "no answer"))
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                raise StoreError(
                    f"Cannot open the database {path}: {exc}. Check that the folder exists and can be written, "
                    "or choose another with --data-dir."
                ) from exc
            raise StoreError(
                f"The database {path} is damaged ({exc}). Nothing was changed and no new evening was started. "
                f"Move the file aside (for example rename it to {path.name}.damaged) to start afresh, "
                "or restore a backup of it."
            ) from exc

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"The database {self.path} was written by a newer version of the kiosk; "
                "update the kiosk or use another --data-dir."
            )

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

    def events(self, session_id: str) -> Iterator[Event]:
        rows = self._db.execute(
            "SELECT seq, at, type, data FROM events WHERE session_id=? ORDER BY seq", (session_id,)
        )
        for seq, at, type_, data in rows:
            yield Event(seq=seq, at=at, type=type_, data=json.loads(data))

    def sessions(self) -> list[SessionInfo]:
        """All stored sessions, newest first, with their counts."""
        counts: dict[str, dict[str, int]] = {}
        for session_id, type_, count in self._db.execute(
            "SELECT session_id, type, count(*) FROM events GROUP BY session_id, type"
        ):
            counts.setdefault(session_id, {})[type_] = count
        # A phone joins again after every reconnect and when it says its role: count phones, not joins.
        phones = dict(
            self._db.execute(
                "SELECT session_id, count(DISTINCT json_extract(data, '$.device')) FROM events "
                "WHERE type = 'device/join' GROUP BY session_id"
            ).fetchall()
        )
        result = []
        for row in self._db.execute(
            "SELECT id, created_at, agenda_title, agenda_path, agenda_source, room_code, display_token, "
            "remote_token, finished_at FROM sessions ORDER BY created_at DESC, id DESC"
        ):
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
        raise StoreError(f"There is no session {session_id!r} here; `kiosk sessions` lists them.")

    def latest_unfinished(self) -> SessionInfo | None:
        return next((s for s in self.sessions() if not s.finished), None)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")


def open_event_log(data_dir: Path) -> EventLog:
    """Open (or create) the data folder's database, with a clear StoreError when that cannot be done."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the data folder {data_dir} ({exc.strerror}). Choose another with --data-dir "
            "or KIOSK_DATA_DIR."
        ) from exc
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise StoreError(
            f"The data folder {data_dir} cannot be written. Fix its permissions or choose another with "
            "--data-dir or KIOSK_DATA_DIR."
        )
    return EventLog(data_dir / DB_NAME)
