"""`kiosk actions`: follow up the school's actions after the evening (list, add, update with a note)."""

from __future__ import annotations

import argparse
from datetime import datetime

from kiosk.commands.common import UserError, add_data_dir, open_log
from kiosk.commands.export import load_evening
from kiosk.core.events import Command, CommandError
from kiosk.core.session import SessionCore
from kiosk.core.state import ACTION_STATUSES
from kiosk.core.store import StoreError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", default=None, help="which evening (default: the latest)")
    change = parser.add_mutually_exclusive_group()
    change.add_argument("--add", metavar="WHAT", default=None, help="add an action: what the school will do")
    change.add_argument("--update", metavar="ID", default=None, help="update the action with this id")
    parser.add_argument("--status", choices=ACTION_STATUSES, default=None, help="the action's status now")
    parser.add_argument("--note", default=None, help="what happened, for the progress history")
    parser.add_argument("--owner", default=None, help="who takes care of it")
    parser.add_argument("--due", default=None, metavar="YYYY-MM-DD", help="by when")
    add_data_dir(parser)


def _execute(core: SessionCore, command: Command) -> None:
    try:
        core.execute(command)
    except CommandError as exc:
        raise UserError(f"{exc.message}.") from exc
    except StoreError as exc:
        if exc.reason == "conflict":  # another kiosk appended to this evening meanwhile: it still runs there
            raise UserError(
                "This evening is open in a running kiosk; change its actions there, or after it ends."
            ) from exc
        raise UserError(str(exc)) from exc


def _list(core: SessionCore) -> None:
    actions = list(core.state.actions.values())
    if not actions:
        print('No actions yet. Add one with: kiosk actions --add "what" --owner WHO --due YYYY-MM-DD')
        return
    print(f"{'id':<10} {'status':<12} {'due':<10}  {'owner':<20} what")
    for a in actions:
        print(f"{a.id:<10} {a.status:<12} {a.due or '-':<10}  {a.owner or '-':<20} {a.what}")
        for note in a.notes:
            when = datetime.fromtimestamp(note.at).strftime("%Y-%m-%d")
            print(f"{'':<10} {when}  {note.status}" + (f": {note.text}" if note.text else ""))


def main(args: argparse.Namespace) -> int:
    log = open_log(args)
    try:
        evening = load_evening(log, args.session)
        core = evening.core
        fields = {k: v for k in ("owner", "due", "status") if (v := getattr(args, k)) is not None}
        if args.add is not None:
            before = set(core.state.actions)
            _execute(core, Command("action/add", {"what": args.add, **fields}))
            if args.note:
                (new_id,) = set(core.state.actions) - before
                _execute(core, Command("action/update", {"id": new_id, "note": args.note}))
        elif args.update is not None:
            if not fields and not args.note:
                raise UserError("Say what changed: --status, --note, --owner or --due.")
            _execute(core, Command("action/update", {"id": args.update, **fields, "note": args.note or ""}))
        elif fields or args.note:
            raise UserError("--status, --note, --owner and --due go with --add or --update ID.")
        _list(core)
    finally:
        log.close()
    return 0
