"""What several subcommands share: the common options, the data folder, opening an evening."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.agenda.model import Agenda
from kiosk.commands.texts import hint, say
from kiosk.core.clock import Clock, system_clock
from kiosk.core.session import SessionCore, resume_session, start_session
from kiosk.core.store import EventLog, NoDatabase, SessionInfo, StoreError, open_event_log

if TYPE_CHECKING:
    from kiosk.prepare.qr import Wifi

APP_NAME = "driehoek-kiosk"
DEFAULT_PORT = 8765


class UserError(Exception):
    """A problem the user can fix; main prints the message, no traceback, and exits with `status`."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=hint("data_dir"),
    )


def add_network(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="0.0.0.0", help=hint("host"))
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=hint("port", port=DEFAULT_PORT))
    parser.add_argument("--public-url", default=None, help=hint("public_url"))
    parser.add_argument(
        "--trust-proxy",
        action="store_true",
        help=hint("trust_proxy"),
    )


def check_network(args: argparse.Namespace) -> None:
    """Options that only make sense together; a sentence instead of a quiet surprise."""
    if getattr(args, "trust_proxy", False) and not getattr(args, "public_url", None):
        raise UserError(say(getattr(args, "lang", "nl"), "network.trust_proxy_alone"))


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help=hint("lang"))


def add_evening(parser: argparse.ArgumentParser) -> None:
    """Options of `run` and `serve`: which agenda, and whether to resume."""
    parser.add_argument("agenda", nargs="?", default=None, help=hint("agenda"))
    parser.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        default=None,
        metavar="SESSION",
        help=hint("resume"),
    )
    parser.add_argument("--new", action="store_true", help=hint("new"))


def add_poster(parser: argparse.ArgumentParser) -> None:
    """The hall's Wi-Fi for the poster and the projector, and where to write the poster."""
    parser.add_argument(
        "--wifi",
        type=_wifi,
        default=os.environ.get("KIOSK_WIFI") or None,  # argparse parses a string default with `type`
        metavar="NAME:PASSWORD",
        help=hint("wifi"),
    )
    parser.add_argument(
        "--poster",
        type=Path,
        default=None,
        metavar="FILE",
        help=hint("poster"),
    )


def _wifi(value: str) -> Wifi:
    from kiosk.prepare.qr import WifiProblem, parse_wifi

    try:
        return parse_wifi(value)
    except WifiProblem as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_evening_options(parser: argparse.ArgumentParser) -> None:
    """Everything `run` and `serve` take: the evening, the data folder, the network, the language, the poster."""
    add_evening(parser)
    add_data_dir(parser)
    add_network(parser)
    add_lang(parser)
    add_poster(parser)
    add_name_check(parser)


def add_name_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name-check",
        choices=("full", "rules"),
        default=os.environ.get("KIOSK_NAME_CHECK", "full"),
        help=hint("name_check"),
    )


def full_check_for(args: argparse.Namespace, core: Any) -> Any:
    """The evening's full name check (kiosk/namecheck/service.py), or None with --name-check rules."""
    if getattr(args, "name_check", "full") != "full":
        return None
    from kiosk.namecheck.service import FullCheck

    return FullCheck(core)


def data_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "data_dir", None):
        return Path(args.data_dir)
    if os.environ.get("KIOSK_DATA_DIR"):
        return Path(os.environ["KIOSK_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def open_log(args: argparse.Namespace, *, read_only: bool = False) -> EventLog:
    """The data folder's database; `read_only` for commands that only read (a backup on a read-only disk)."""
    try:
        return open_event_log(data_dir(args), read_only=read_only)
    except NoDatabase as exc:
        raise UserError(say(getattr(args, "lang", "nl"), "export.none")) from exc
    except StoreError as exc:
        raise UserError(exc.said(getattr(args, "lang", "nl"))) from exc


def open_log_for_reading(args: argparse.Namespace) -> EventLog | None:
    """The database opened read-only, creating nothing; None when the folder holds none yet."""
    try:
        return open_log(args, read_only=True)
    except UserError as exc:
        if isinstance(exc.__cause__, NoDatabase):
            return None
        raise


def load_agenda_or_exit(path: str | None, lang: str = "nl") -> Agenda:
    """The agenda named, or the shipped default; errors become `file:line: message` (in `lang`) and status 2."""
    from kiosk.agenda.model import AgendaInvalid
    from kiosk.agenda.parser import load_agenda
    from kiosk.resources import default_agenda_path

    try:
        return load_agenda(path or default_agenda_path())
    except AgendaInvalid as exc:
        raise UserError("\n".join(e.render(lang) for e in exc.errors), status=2) from exc


def parse_stored_agenda(source: str, path: str) -> Agenda:
    from kiosk.agenda.parser import parse_agenda

    return parse_agenda(source, path)


def describe(info: SessionInfo) -> str:
    when = datetime.fromtimestamp(info.created_at).strftime("%Y-%m-%d %H:%M")
    return f"{info.id} ({when}, {info.agenda_title})"


def open_evening(args: argparse.Namespace, log: EventLog, clock: Clock = system_clock) -> SessionCore:
    """Resume the evening asked for, or start a new one; never silently over an unfinished one."""
    resume = getattr(args, "resume", None)
    lang = getattr(args, "lang", "nl")
    try:
        if resume:
            info = log.latest_unfinished() if resume == "latest" else log.session(resume)
            if info is None:
                raise UserError(say(lang, "nothing_to_resume"))
            return resume_session(log, info, parse_stored_agenda, clock)
        agenda = load_agenda_or_exit(getattr(args, "agenda", None), lang)
        unfinished = log.latest_unfinished()
        if unfinished is not None and not getattr(args, "new", False):
            print(say(lang, "note_unfinished", evening=describe(unfinished)), file=sys.stderr)
        return start_session(log, agenda, clock)
    except StoreError as exc:
        raise UserError(exc.said(lang)) from exc
