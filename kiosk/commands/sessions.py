"""`kiosk sessions`: the stored evenings."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from kiosk.commands.common import (
    UserError,
    add_data_dir,
    add_lang,
    data_dir,
    open_log,
    open_log_for_reading,
)
from kiosk.commands.texts import hint, say
from kiosk.core.hold import EveningHold
from kiosk.core.store import StoreError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--delete", metavar="ID", default=None, help=hint("sessions.delete"))
    parser.add_argument("--yes", action="store_true", help=hint("yes"))
    add_data_dir(parser)
    add_lang(parser)


def confirmed(args: argparse.Namespace, expected: str, question: str) -> bool:
    """A deletion asks the person to type `expected`; --yes answers for a script; no terminal and no --yes: no."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserError(say(args.lang, "delete.needs_yes"))
    try:
        answer = input(question + " ")
    except EOFError:
        return False
    return answer.strip() == expected


def delete(args: argparse.Namespace, session_ids: list[str]) -> int:
    """Delete the given evenings after confirmation; says what went. An evening a kiosk runs now stays."""
    log = open_log(args)
    kept = 0
    try:
        for session_id in session_ids:
            try:
                hold = EveningHold.take(data_dir(args), session_id)
            except OSError:
                hold = None  # a folder without room for the lock file: deleting says what is wrong
            else:
                if hold is None:
                    print(say(args.lang, "delete.running", evening=session_id), file=sys.stderr)
                    kept += 1
                    continue
            try:
                log.delete_session(session_id)
            finally:
                if hold is not None:
                    hold.path.unlink(missing_ok=True)
                    hold.release()
            print(say(args.lang, "delete.done", evening=session_id))
    except StoreError as exc:
        raise UserError(exc.said(args.lang)) from exc
    finally:
        log.close()
    return 1 if kept else 0


def main(args: argparse.Namespace) -> int:
    if args.delete is not None:
        store = open_log(args)
        try:
            info = store.session(args.delete)
        except StoreError as exc:
            raise UserError(exc.said(args.lang)) from exc
        finally:
            store.close()
        question = say(args.lang, "delete.confirm", evening=info.id, title=info.agenda_title)
        if not confirmed(args, info.id, question):
            print(say(args.lang, "delete.kept"))
            return 1
        return delete(args, [info.id])
    log = open_log_for_reading(args)
    try:
        sessions = log.sessions() if log is not None else []
    except StoreError as exc:
        raise UserError(exc.said(args.lang)) from exc
    finally:
        if log is not None:
            log.close()
    if not sessions:
        print(say(args.lang, "sessions.none"))
        return 0
    header = say(args.lang, "sessions.columns").split("|")
    rows = [header]
    for s in sessions:
        when = datetime.fromtimestamp(s.created_at).strftime("%Y-%m-%d %H:%M")
        finished = say(args.lang, "sessions.finished" if s.finished else "sessions.unfinished")
        counts = (s.device_count, s.contribution_count, s.event_count)
        rows.append([s.id, when, *(str(n) for n in counts), finished, s.agenda_title])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = [
            cell.rjust(width) if 2 <= i <= 4 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths))
        ]
        print("  ".join(cells).rstrip())
    return 0
