"""The `kiosk` command: run, serve, check, sessions, purge, export, actions, prepare, bench."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk.commands.common import UserError

# name -> (module, one-line help). Each module has configure(parser) and main(args) -> int.
COMMANDS = {
    "run": ("kiosk.commands.run", "run the evening: the facilitator's app plus the hub"),
    "serve": ("kiosk.commands.serve", "the hub alone, without the terminal app"),
    "check": ("kiosk.commands.check", "validate agenda files"),
    "sessions": ("kiosk.commands.sessions", "list the stored evenings, or delete one (--delete ID)"),
    "purge": ("kiosk.commands.purge", "delete the evenings older than --older-than DAYS"),
    "export": ("kiosk.commands.export", "the summary and aftercare report of an evening"),
    "actions": ("kiosk.commands.actions", "follow up the school's actions after the evening"),
    "prepare": ("kiosk.commands.prepare", "the evening's printed kit: invitations, checklist, table cards"),
    "bench": ("kiosk.commands.bench", "measure the hub under load"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Driehoek: run a parent dialogue evening.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a subcommand not built yet
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.configure(command)
        command.set_defaults(main=module.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "main", None):
        parser.print_help()
        return 2
    try:
        return int(args.main(args))
    except UserError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
