"""`kiosk export`: the summary and aftercare report of a stored evening, as Markdown, HTML or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.agenda.model import AgendaInvalid
from kiosk.commands.common import UserError, add_data_dir, add_lang, open_log, parse_stored_agenda
from kiosk.core.events import Event
from kiosk.core.session import SessionCore, resume_session
from kiosk.core.store import EventLog, SessionInfo, StoreError

FORMATS = ("md", "html", "json")


@dataclass(frozen=True)
class StoredEvening:
    """A stored evening rebuilt from its log: its row, its core (state included) and its events."""

    info: SessionInfo
    core: SessionCore
    events: list[Event]


def load_evening(log: EventLog, session: str | None) -> StoredEvening:
    """The evening named (or the latest), replayed; a UserError with a sentence when that cannot be done."""
    try:
        if session is None:
            sessions = log.sessions()
            if not sessions:
                raise UserError(
                    "No evenings are stored here yet; `kiosk run` starts one, --data-dir picks another."
                )
            info = sessions[0]
        else:
            info = log.session(session)
        core = resume_session(log, info, parse_stored_agenda)
        return StoredEvening(info, core, list(log.events(info.id)))
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    except AgendaInvalid as exc:
        raise UserError(
            f"The agenda stored with evening {session or 'latest'} cannot be read: {exc}"
        ) from exc


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", default=None, help="which evening (default: the latest)")
    parser.add_argument("--format", choices=FORMATS, default="md", help="md (default), html or json")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, help="write to this file (default: stdout)"
    )
    add_lang(parser)
    add_data_dir(parser)


def render(evening: StoredEvening, fmt: str, lang: str) -> str:
    """The report of a stored evening in one of FORMATS."""
    from kiosk.report.aftercare import build_report, evening_end

    report = build_report(
        evening.core.state, created_at=evening.info.created_at, end=evening_end(evening.events), lang=lang
    )
    if fmt == "json":
        from kiosk.report.export_json import report_to_json

        return json.dumps(report_to_json(report), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from kiosk.report.render_html import render_html

        return render_html(report)
    from kiosk.report.render_md import render_markdown

    return render_markdown(report)


def main(args: argparse.Namespace) -> int:
    log = open_log(args, read_only=True)  # a backup on a read-only disk can be exported too
    try:
        text = render(load_evening(log, args.session), args.format, args.lang)
    finally:
        log.close()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Cannot write {args.output} ({exc.strerror}); choose another file with -o.") from exc
    print(f"wrote {args.output}", file=sys.stderr)
    return 0
