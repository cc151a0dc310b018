"""`kiosk run [AGENDA]`: the facilitator's app and the hub, in one process and one loop."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.agenda.model import Agenda
from kiosk.commands.common import (
    UserError,
    add_evening_options,
    check_network,
    load_agenda_or_exit,
    open_evening,
    open_log,
    parse_stored_agenda,
)
from kiosk.core.session import SessionCore, resume_session, start_session
from kiosk.core.store import EventLog, SessionInfo, StoreError

if TYPE_CHECKING:
    from kiosk.prepare.qr import Wifi
    from kiosk.tui.app import HubStarter, KioskApp, LiveHub, ResumeOffer


def configure(parser: argparse.ArgumentParser) -> None:
    add_evening_options(parser)


def main(args: argparse.Namespace) -> int:
    app = build_app(args)
    app.run()
    return app.return_code or 0


def build_app(args: argparse.Namespace) -> KioskApp:
    """The app for the evening asked for; agenda and data-folder problems raise UserError before any UI."""
    check_network(args)
    log = open_log(args)
    core: SessionCore | None = None
    offer: ResumeOffer | None = None
    if args.resume or args.new:
        core = open_evening(args, log)
    else:
        # Agenda errors end here, before the terminal is taken over.
        agenda = load_agenda_or_exit(args.agenda, args.lang)
        try:
            unfinished = log.latest_unfinished()
            if unfinished is None:
                core = start_session(log, agenda)
        except StoreError as exc:
            raise UserError(exc.said(args.lang)) from exc
        if unfinished is not None:
            offer = _offer(args.lang, unfinished, log, agenda)

    from kiosk.tui.app import KioskApp

    starter = hub_starter(args.host, args.port, args.public_url, args.wifi, args.trust_proxy, args.name_check)
    return KioskApp(core, lang=args.lang, hub=starter, offer=offer, poster=args.poster)


def hub_starter(
    host: str = "0.0.0.0",
    port: int = 8765,
    public_url: str | None = None,
    wifi: Wifi | None = None,
    trust_proxy: bool = False,
    name_check: str = "rules",
) -> HubStarter:
    """How the kiosk starts its hub: here, where both faces meet, so neither imports the other."""

    async def start(core: SessionCore, lang: str) -> LiveHub:
        from kiosk.hub.server import Hub, HubError
        from kiosk.namecheck.service import FullCheck
        from kiosk.tui.app import HubFailed

        hub = Hub(
            core,
            host=host,
            port=port,
            public_url=public_url,
            lang=lang,
            wifi=wifi,
            trust_proxy=trust_proxy,
            full_check=FullCheck(core) if name_check == "full" else None,
        )
        try:
            await hub.start()
        except HubError as exc:
            raise HubFailed(str(exc)) from None
        return hub

    return start


def _offer(lang: str, unfinished: SessionInfo, log: EventLog, agenda: Agenda) -> ResumeOffer:
    """The question "resume the evening of <date>?" and what each answer opens."""
    from kiosk.tui.app import ResumeOffer
    from kiosk.tui.i18n import Translator

    when = datetime.fromtimestamp(unfinished.created_at).strftime("%d-%m-%Y %H:%M")
    t = Translator(lang)
    contributions = t.plural("count.contributions", unfinished.contribution_count)
    question = t("resume.question", date=when, agenda=unfinished.agenda_title, contributions=contributions)
    return ResumeOffer(
        question=question,
        resume=lambda: resume_session(log, unfinished, parse_stored_agenda),
        start_new=lambda: start_session(log, agenda),
    )
