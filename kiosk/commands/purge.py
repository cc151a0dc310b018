"""`kiosk purge --older-than DAYS`: delete the evenings older than that, all they hold, after confirmation."""

from __future__ import annotations

import argparse
import time
from datetime import datetime

from kiosk.commands.common import UserError, add_data_dir, add_lang, open_log_for_reading
from kiosk.commands.sessions import confirmed, delete
from kiosk.commands.texts import hint, say
from kiosk.core.store import StoreError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--older-than", type=int, required=True, metavar="DAYS", help=hint("purge.older_than")
    )
    parser.add_argument("--yes", action="store_true", help=hint("yes"))
    add_data_dir(parser)
    add_lang(parser)


def main(args: argparse.Namespace) -> int:
    if args.older_than < 0:
        raise UserError(say(args.lang, "purge.days"))
    log = open_log_for_reading(args)
    try:
        sessions = log.sessions() if log is not None else []
    except StoreError as exc:
        raise UserError(exc.said(args.lang)) from exc
    finally:
        if log is not None:
            log.close()
    cutoff = time.time() - args.older_than * 86400
    old = [s for s in sessions if s.created_at < cutoff]
    if not old:
        print(say(args.lang, "purge.none", days=args.older_than))
        return 0
    for s in old:
        print(f"{s.id}  {datetime.fromtimestamp(s.created_at):%Y-%m-%d}  {s.agenda_title}")
    if not confirmed(args, str(len(old)), say(args.lang, "purge.confirm", n=len(old))):
        print(say(args.lang, "delete.kept"))
        return 1
    return delete(args, [s.id for s in old])
