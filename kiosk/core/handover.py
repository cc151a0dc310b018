"""Changes another command hands to the kiosk that runs an evening, instead of writing into it beside that kiosk.

`kiosk export` remembers that a letter went out (`letter/exported`). While `kiosk run` or `kiosk serve` holds the
evening (kiosk/core/hold.py), the export posts that command here, in the same database file but apart from the
evening's log; the running kiosk takes it in through its own core within a second, as if its facilitator had
given it, and writes down how it went for the export to read. Only the commands in HANDED_OVER can come this way.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore
from kiosk.core.store import StoreError

HANDED_OVER = frozenset({"letter/exported"})
DONE = "done"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS handover (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    posted_at REAL NOT NULL,
    outcome TEXT
)
"""
FORGET_AFTER = 7 * 24 * 3600.0  # answered posts nobody came back for


class Handover:
    """The handover table of one database, opened beside the evening's log (never inside its transactions)."""

    def __init__(self, db_path: Path) -> None:
        self._db = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False, timeout=2.0)
        try:
            self._db.execute(_SCHEMA)
        except sqlite3.Error as exc:
            self._db.close()
            raise StoreError("not_written", "other", path=db_path, problem=exc) from exc
        self.path = db_path

    def close(self) -> None:
        self._db.close()

    def post(self, session_id: str, command: Command) -> int:
        """Leave a command for the kiosk that runs the evening; the post's number, to ask how it went."""
        if command.type not in HANDED_OVER:
            raise ValueError(f"{command.type} is not handed over")
        cursor = self._db.execute(
            "INSERT INTO handover (session_id, type, data, posted_at) VALUES (?,?,?,?)",
            (session_id, command.type, json.dumps(command.data), time.time()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def outcome(self, post: int) -> str | None:
        """`done`, the refusal's code, or None while the post waits."""
        row = self._db.execute("SELECT outcome FROM handover WHERE id=?", (post,)).fetchone()
        return None if row is None else row[0]

    def wait(self, post: int, seconds: float) -> str | None:
        """The outcome, waiting up to `seconds` for the running kiosk to take the post in."""
        deadline = time.monotonic() + seconds
        while True:
            found = self.outcome(post)
            if found is not None or time.monotonic() >= deadline:
                return found
            time.sleep(0.1)

    def take_in(self, core: SessionCore) -> int:
        """Run what waits for this core's evening, through the core; returns how many posts were answered.

        A post the disk cannot store yet stays for the next try; a refusal is answered with its code.
        """
        assert core.info is not None
        try:
            rows = self._db.execute(
                "SELECT id, type, data FROM handover WHERE session_id=? AND outcome IS NULL ORDER BY id",
                (core.info.id,),
            ).fetchall()
        except sqlite3.Error:
            return 0  # busy or unreadable for a moment: the next tick tries again
        answered = 0
        for post, type_, data in rows:
            outcome = self._run(core, type_, data)
            if outcome is None:
                break
            try:
                self._db.execute("UPDATE handover SET outcome=? WHERE id=?", (outcome, post))
            except sqlite3.Error:
                break
            answered += 1
        if answered:
            self._forget_old()
        return answered

    @staticmethod
    def _run(core: SessionCore, type_: str, data: str) -> str | None:
        if type_ not in HANDED_OVER:
            return "forbidden"
        try:
            parsed = json.loads(data)
            core.execute(Command(type_, parsed if isinstance(parsed, dict) else {}, Actor("system")))
        except CommandError as exc:
            return exc.code
        except StoreError:
            return None  # not stored (a full disk): the post waits for the next try
        except ValueError:
            return "bad_request"
        return DONE

    def _forget_old(self) -> None:
        try:
            self._db.execute(
                "DELETE FROM handover WHERE outcome IS NOT NULL AND posted_at < ?",
                (time.time() - FORGET_AFTER,),
            )
        except sqlite3.Error:
            pass
