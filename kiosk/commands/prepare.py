"""`kiosk prepare [AGENDA] -o DIR`: the evening's printed kit: invitations, the team's checklist, table cards."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands.common import UserError, load_agenda_or_exit
from kiosk.commands.texts import hint, say


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("agenda", nargs="?", default=None, help=hint("agenda"))
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("avond-kit"),
        help=hint("prepare.output"),
    )
    parser.add_argument(
        "--languages",
        default=None,
        metavar="nl,en,...",
        help=hint("prepare.languages"),
    )
    parser.add_argument("--no-pdf", action="store_true", help=hint("prepare.no_pdf"))
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help=hint("prepare.lang"))


def main(args: argparse.Namespace) -> int:
    from kiosk.prepare.kit import build_kit, write_kit
    from kiosk.printing.pdf import PdfUnavailable, html_to_pdf, pdf_available

    agenda = load_agenda_or_exit(args.agenda, args.lang)
    langs = [code.strip() for code in args.languages.split(",") if code.strip()] if args.languages else None
    kit = build_kit(agenda, langs, lang=args.lang)
    to_pdf = None
    if not args.no_pdf:
        if pdf_available():
            to_pdf = html_to_pdf
        else:
            kit.notes.append(say(args.lang, "prepare.pdf_skipped"))
    try:
        written = write_kit(kit, args.output, to_pdf)
    except OSError as exc:
        raise UserError(
            say(args.lang, "prepare.cannot_write", folder=args.output, problem=exc.strerror)
        ) from exc
    except PdfUnavailable as exc:
        raise UserError(exc.said(args.lang)) from exc
    for path in written:
        print(say(args.lang, "export.wrote", file=path))
    for note in kit.notes:
        print(say(args.lang, "note", note=note), file=sys.stderr)
    return 0
