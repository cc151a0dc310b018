"""`kiosk sessions`: the stored evenings."""

from __future__ import annotations

import argparse
from datetime import datetime

from kiosk.commands.common import UserError, add_data_dir, add_lang, open_log_for_reading
from kiosk.commands.texts import say
from kiosk.core.store import StoreError


def configure(parser: argparse.ArgumentParser) -> None:
    add_data_dir(parser)
    add_lang(parser)


def main(args: argparse.Namespace) -> int:
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
