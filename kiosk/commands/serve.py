"""`kiosk serve`: the hub alone, without the terminal app; prints the join, display and remote addresses."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from kiosk.commands.common import (
    UserError,
    add_evening_options,
    check_network,
    full_check_for,
    open_evening,
    open_log,
)
from kiosk.commands.texts import say


def configure(parser: argparse.ArgumentParser) -> None:
    add_evening_options(parser)


def main(args: argparse.Namespace) -> int:
    check_network(args)
    log = open_log(args)
    try:
        core = open_evening(args, log)
        return asyncio.run(_serve(args, core))
    finally:
        log.close()


async def _serve(args: argparse.Namespace, core: object) -> int:
    from kiosk.core.session import SessionCore
    from kiosk.hub.server import Hub, HubError

    assert isinstance(core, SessionCore)
    hub = Hub(
        core,
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        lang=args.lang,
        wifi=args.wifi,
        trust_proxy=args.trust_proxy,
        full_check=full_check_for(args, core),
    )
    try:
        await hub.start()
    except HubError as exc:
        raise UserError(str(exc)) from None
    # Catch Ctrl-C before printing the addresses: whoever reads them may stop us right away.
    stop = asyncio.Event()
    install_stop_signals(asyncio.get_running_loop(), stop)
    urls = hub.urls
    print(f"join {urls.join}", flush=True)
    print(f"display {urls.display}", flush=True)
    print(f"remote {urls.remote}", flush=True)
    print(f"poster {urls.poster}", flush=True)
    if args.poster is not None:
        from kiosk.prepare.poster import PosterNotWritten, write_poster

        try:
            written = write_poster(args.poster, hub.poster_html())
            print(say(args.lang, "export.wrote", file=written), file=sys.stderr, flush=True)
        except PosterNotWritten as exc:
            print(
                f"kiosk: {exc.said(args.lang)}", file=sys.stderr, flush=True
            )  # the evening goes on without the file
    print(hub.network_hint(), file=sys.stderr, flush=True)
    warning = hub.capacity_warning()
    if warning is not None:
        print(warning, file=sys.stderr, flush=True)
    try:
        await stop.wait()
    finally:
        # Also on Windows, where Ctrl-C cancels this task instead of setting `stop`.
        await hub.stop()
    return 0


def install_stop_signals(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    """Ctrl-C and SIGTERM set `stop`, on every system.

    Windows' event loops have no `add_signal_handler`. There Ctrl-C reaches `asyncio.run`, which cancels the
    main task (so `hub.stop()` still runs in its `finally`) and `kiosk` exits with 130; SIGTERM, where the
    system has it, is caught with `signal.signal` and handed to the loop.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, stop.set)
        except (NotImplementedError, RuntimeError):
            if signum == signal.SIGTERM:
                signal.signal(signum, lambda *_: loop.call_soon_threadsafe(stop.set))
