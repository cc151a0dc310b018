"""`kiosk export`: the team's full record or the letter to parents, as Markdown, HTML, JSON, PDF or CSV."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.agenda.model import AgendaInvalid
from kiosk.catalog import FULL_LANGUAGES, catalog, languages
from kiosk.commands.common import UserError, add_data_dir, open_log, parse_stored_agenda
from kiosk.commands.texts import hint, say
from kiosk.core.events import Command
from kiosk.core.readings.waiting import held_texts, waiting_of
from kiosk.core.session import SessionCore, resume_session
from kiosk.core.state import SessionState
from kiosk.core.store import EventLog, SessionInfo, StoreError

if TYPE_CHECKING:
    from kiosk.report.letter import ParentLetter

FORMATS = ("md", "html", "json", "pdf", "csv")
AUDIENCES = ("team", "parents")


@dataclass(frozen=True)
class StoredEvening:
    """A stored evening rebuilt from its log: its row and its core (state included)."""

    info: SessionInfo
    core: SessionCore


def load_evening(log: EventLog, session: str | None, lang: str = "nl") -> StoredEvening:
    """The evening named (or the latest), replayed; a UserError with a sentence when that cannot be done."""
    try:
        if session is None:
            sessions = log.sessions()
            if not sessions:
                raise UserError(say(lang, "export.none"))
            info = sessions[0]
        else:
            info = log.session(session)
        core = resume_session(log, info, parse_stored_agenda)
        return StoredEvening(info, core)
    except StoreError as exc:
        raise UserError(exc.said(lang)) from exc
    except AgendaInvalid as exc:
        problem = "; ".join(error.render(lang) for error in exc.errors)
        raise UserError(say(lang, "export.bad_agenda", evening=session or "latest", problem=problem)) from exc


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", default=None, help=hint("session"))
    parser.add_argument("--format", choices=FORMATS, default="md", help=hint("export.format"))
    parser.add_argument(
        "--for",
        dest="audience",
        choices=AUDIENCES,
        default="team",
        help=hint("export.for"),
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=hint("export.date"),
    )
    parser.add_argument("-o", "--output", type=Path, default=None, help=hint("export.output"))
    parser.add_argument(
        "--strict",
        action="store_true",
        help=hint("export.strict"),
    )
    parser.add_argument("--lang", choices=letter_languages(), default="nl", help=hint("export.lang"))
    add_data_dir(parser)


def letter_languages() -> list[str]:
    """The languages a letter to parents can be written in: every page language whose file has the letter's words."""
    return [code for code in languages() if code in FULL_LANGUAGES or catalog(code).has_own("letter.")]


def unreviewed(state: SessionState, fmt: str, audience: str) -> dict[str, int]:
    """Texts with detections nobody reviewed that this export would include, by where they are.

    The letter, the report and the JSON show only reviewed text (approved answers, comments and notes let through);
    the team's CSV lists every answer and comment, held ones too.
    """
    if fmt != "csv" or audience != "team":
        return {}
    answers = waiting_of(state).answers_held
    comments = sum(1 for target, _, _, _ in held_texts(state) if target == "comment")
    found = {"answers": answers, "comments": comments}
    return {where: n for where, n in found.items() if n}


def iso_date(text: str) -> date:
    """A YYYY-MM-DD command-line value; argparse prints the sentence when it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-12-02") from None


def render(
    evening: StoredEvening, fmt: str, lang: str, audience: str = "team", written_at: float | None = None
) -> str | bytes:
    """The record (team) or the letter (parents) of a stored evening in one of FORMATS; PDF comes as bytes."""
    if fmt == "pdf":
        from kiosk.printing.pdf import PdfUnavailable, html_to_pdf

        html = render(evening, "html", lang, audience, written_at)
        assert isinstance(html, str)
        try:
            return html_to_pdf(html)
        except PdfUnavailable as exc:
            raise UserError(exc.said(lang)) from exc
    if fmt == "csv":
        from kiosk.report.answers_csv import answers_csv

        return answers_csv(evening.core.state, lang, team=audience == "team")
    if audience == "parents":
        return render_letter(evening, fmt, lang, time.time() if written_at is None else written_at)
    from kiosk.report.aftercare import build_report

    report = build_report(evening.core.state, created_at=evening.info.created_at, lang=lang)
    if fmt == "json":
        from kiosk.report.export_json import report_to_json

        return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from kiosk.report.render_html import render_html

        return render_html(report)
    from kiosk.report.render_md import render_markdown

    return render_markdown(report)


def letter_of(evening: StoredEvening, lang: str, written_at: float, *, logo: bool = True) -> ParentLetter:
    """The letter to parents of a stored evening, with the school's logo when the agenda's file is still there."""
    from kiosk.agenda.details import logo_data_uri
    from kiosk.report.letter import build_letter

    agenda = evening.core.agenda
    image = logo_data_uri(agenda.logo_file()) if logo else None
    if logo and agenda.details.logo and image is None:
        print(say(lang, "export.logo_unreadable", file=agenda.logo_file()), file=sys.stderr)
    state = evening.core.state
    starts = [t.first_started for t in state.timers if t.first_started is not None]
    return build_letter(
        state,
        evening_at=min(starts, default=evening.info.created_at),
        written_at=written_at,
        lang=lang,
        logo=image,
    )


def letter_notes(letter: ParentLetter, evening: StoredEvening, ui: str) -> list[str]:
    """What the one who sends the letter should know: the room's text it left out (in another language, not
    rendered), questions the school comes back to without an owner and date, no date for the next update."""
    from kiosk.commands.refs import linkable, short_ref

    refs = linkable(evening.core.state)
    notes = []
    left = [*letter.left_out.answers, *letter.left_out.questions]
    if left:
        named = ", ".join(short_ref(ref, refs) for ref in left)
        notes.append(say(ui, "export.left_out", n=len(left), refs=named, language=letter.lang))
    unowned = [q for q in letter.come_back_to if not (q.owner and q.due)]
    if unowned:
        named = "; ".join(f"„{q.text}”" for q in unowned)
        notes.append(say(ui, "export.no_owner", n=len(unowned), refs=named))
    if not letter.next_update.day:
        notes.append(say(ui, "export.no_next_update"))
    return notes


def render_letter(evening: StoredEvening, fmt: str, lang: str, written_at: float) -> str:
    """The letter to parents as Markdown or HTML, with the school's logo when the agenda's file is still there."""
    if fmt == "json":
        raise UserError(say(lang, "export.letter_not_json"))
    letter = letter_of(evening, lang, written_at, logo=fmt == "html")
    if fmt == "html":
        from kiosk.report.letter_html import render_letter_html

        return render_letter_html(letter)
    from kiosk.report.letter_md import render_letter_markdown

    return render_letter_markdown(letter)


def _remember_letter(args: argparse.Namespace, evening: StoredEvening, dated: float | None) -> None:
    """A letter written to a file may be sent: remember the actions as it told them, for the next letter. While
    a kiosk runs the evening, that kiosk stores it; the letter is written either way."""
    from kiosk.commands.common import data_dir
    from kiosk.commands.stored_changes import store_change

    command = Command("letter/exported", {} if dated is None else {"dated": dated})
    try:
        note = store_change(data_dir(args), evening.info.id, command, args.lang)
    except UserError as exc:
        # The letter is written; only the next letter's "what changed since" will reach further back.
        print(say(args.lang, "export.not_remembered", problem=exc), file=sys.stderr)
        return
    if note is not None:
        print(note, file=sys.stderr)


def write_private(path: Path, output: str | bytes, *, csv: bool = False) -> None:
    """Write an export readable by its owner only (0600, like the database): it holds what the room said."""
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    if not csv and not isinstance(output, bytes) and os.linesep != "\n":
        data = output.replace("\n", os.linesep).encode("utf-8")  # as text files are written on this system
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    mode = path.stat().st_mode
    if os.name == "posix" and stat.S_ISREG(mode) and mode & 0o077:
        path.chmod(0o600)  # an older export of the same name was readable by others


def main(args: argparse.Namespace) -> int:
    if args.audience == "team" and args.lang not in FULL_LANGUAGES and args.format != "csv":
        raise UserError(say("nl", "export.team_lang", langs=", ".join(letter_languages())))
    written_at = None
    if args.date is not None:
        written_at = datetime(args.date.year, args.date.month, args.date.day, 12).timestamp()
    if args.format == "pdf" and args.output is None and sys.stdout.isatty():
        raise UserError(say(args.lang, "export.pdf_to_file"))
    # Exporting reads only, so a backup on a read-only disk can be exported too, and a running kiosk is never
    # written beside. A letter written to a file is remembered afterwards (`_remember_letter`).
    log = open_log(args, read_only=True)
    try:
        evening = load_evening(log, args.session, args.lang)
        held = unreviewed(evening.core.state, args.format, args.audience)
        if held:
            where = ", ".join(f"{where}: {n}" for where, n in held.items())
            if args.strict:
                print(
                    "kiosk: " + say(args.lang, "export.strict", n=sum(held.values()), where=where),
                    file=sys.stderr,
                )
                return 3
            print(
                "kiosk: " + say(args.lang, "export.unreviewed", n=sum(held.values()), where=where),
                file=sys.stderr,
            )
        output = render(evening, args.format, args.lang, args.audience, written_at)
        if args.audience == "parents" and args.format != "csv":
            letter = letter_of(
                evening, args.lang, time.time() if written_at is None else written_at, logo=False
            )
            for note in letter_notes(letter, evening, args.lang):
                print(f"kiosk: {note}", file=sys.stderr)
        if args.output is None:
            if isinstance(output, bytes):
                sys.stdout.buffer.write(output)
            else:
                sys.stdout.write(output)
            return 0
        try:
            write_private(args.output, output, csv=args.format == "csv")
        except OSError as exc:
            raise UserError(
                say(args.lang, "export.cannot_write", file=args.output, reason=exc.strerror)
            ) from exc
    finally:
        log.close()
    if args.audience == "parents" and args.format != "csv":
        _remember_letter(args, evening, written_at)
    print(say(args.lang, "export.wrote", file=args.output), file=sys.stderr)
    return 0
