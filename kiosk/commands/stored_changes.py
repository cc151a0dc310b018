"""Changing a stored evening from a command that does not run it, never beside the kiosk that does.

While `kiosk run` or `kiosk serve` holds the evening, the command reads only and hands its change to that kiosk
(kiosk/core/handover.py), which stores it through its own core within a second; otherwise the command holds the
evening itself for the moment it takes to write, so a kiosk that starts meanwhile waits for it.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.catalog import refusal
from kiosk.commands.common import UserError, parse_stored_agenda
from kiosk.commands.texts import say
from kiosk.core.events import Command, CommandError
from kiosk.core.handover import DONE, Handover
from kiosk.core.hold import EveningHold
from kiosk.core.session import resume_session
from kiosk.core.store import DB_NAME, StoreError, open_event_log

HANDOVER_WAIT = 5.0  # seconds to wait for the running kiosk to say it stored the change


def store_change(folder: Path, session_id: str, command: Command, lang: str) -> str | None:
    """Store one command in a stored evening; a note for the user when it went to the running kiosk, None when
    it was stored here. A UserError says why it could not be stored (a read-only backup, a refusal)."""
    try:
        hold = EveningHold.take(folder, session_id)
    except OSError as exc:
        problem = StoreError("folder_not_writable", "read_only", folder=folder)
        raise UserError(problem.said(lang)) from exc
    if hold is None:
        return _hand_over(folder, session_id, command, lang)
    try:
        log = open_event_log(folder)
        try:
            core = resume_session(
                log, log.session(session_id), parse_stored_agenda
            )  # as it is now, not as read
            core.execute(command)
        finally:
            log.close()
    except CommandError as exc:
        raise UserError(refusal(lang, exc.code, exc.params, exc.message)) from exc
    except StoreError as exc:
        raise UserError(exc.said(lang)) from exc
    finally:
        hold.release()
    return None


def _hand_over(folder: Path, session_id: str, command: Command, lang: str) -> str:
    try:
        handover = Handover(folder / DB_NAME)
        try:
            post = handover.post(session_id, command)
            outcome = handover.wait(post, HANDOVER_WAIT)
        finally:
            handover.close()
    except StoreError as exc:
        raise UserError(exc.said(lang)) from exc
    if outcome == DONE:
        return say(lang, "export.handed_over")
    if outcome is None:
        return say(lang, "export.handed_over_later")
    raise UserError(refusal(lang, outcome, {}, outcome.replace("_", " ")))
