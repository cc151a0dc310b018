"""The `kiosk` command: run, serve, check, sessions, purge, export, actions, prepare, bench."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk.commands.common import UserError
from kiosk.commands.texts import help_language, hint, localise

# name -> module. Each module has configure(parser) and main(args) -> int; its help is cli.help.command.<name>.
COMMANDS = {
    "run": "kiosk.commands.run",
    "serve": "kiosk.commands.serve",
    "check": "kiosk.commands.check",
    "sessions": "kiosk.commands.sessions",
    "purge": "kiosk.commands.purge",
    "export": "kiosk.commands.export",
    "actions": "kiosk.commands.actions",
    "prepare": "kiosk.commands.prepare",
    "bench": "kiosk.commands.bench",
}


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the language `help_language` found (Dutch unless --lang en)."""
    parser = localise(argparse.ArgumentParser(prog="kiosk", description=hint("command.kiosk")))
    sub = parser.add_subparsers(dest="command", metavar=hint("argparse.command"))
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a subcommand not built yet
        help_text = hint(f"command.{name}")
        command = localise(sub.add_parser(name, help=help_text, description=help_text))
        module.configure(command)
        command.set_defaults(main=module.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    help_language(sys.argv[1:] if argv is None else argv)
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
