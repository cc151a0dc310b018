"""`kiosk sessions`: the stored evenings."""

from __future__ import annotations

import argparse
from datetime import datetime

from kiosk.commands.common import UserError, add_data_dir, open_log_for_reading
from kiosk.core.store import StoreError


def configure(parser: argparse.ArgumentParser) -> None:
    add_data_dir(parser)


def main(args: argparse.Namespace) -> int:
    log = open_log_for_reading(args)
    try:
        sessions = log.sessions() if log is not None else []
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    finally:
        if log is not None:
            log.close()
    if not sessions:
        print("No evenings stored yet. `kiosk run` starts one.")
        return 0
    print(f"{'session':<20} {'date':<16} {'phones':>6} {'contrib.':>8} {'events':>6}  {'state':<10} agenda")
    for s in sessions:
        when = datetime.fromtimestamp(s.created_at).strftime("%Y-%m-%d %H:%M")
        state = "finished" if s.finished else "unfinished"
        print(
            f"{s.id:<20} {when:<16} {s.device_count:>6} {s.contribution_count:>8} {s.event_count:>6}  "
            f"{state:<10} {s.agenda_title}"
        )
    return 0
