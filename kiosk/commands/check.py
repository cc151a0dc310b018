"""`kiosk check AGENDA...`: validate agenda files, in Dutch or (`--lang en`) English."""

from __future__ import annotations

import argparse
import sys

from kiosk.commands.common import add_lang
from kiosk.commands.texts import hint


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agendas", nargs="+", metavar="AGENDA", help=hint("check.agendas"))
    parser.add_argument("--json", action="store_true", help=hint("check.json"))
    add_lang(parser)


def main(args: argparse.Namespace) -> int:
    from kiosk.agenda.check import run_check

    return run_check(list(args.agendas), args.json, sys.stdout, sys.stderr, args.lang)
