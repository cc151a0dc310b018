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
    open_evening,
    open_log,
)


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
        trust_proxy=args.trust_proxy,
    )
    try:
        await hub.start()
    except HubError as exc:
        raise UserError(str(exc)) from None
    # Catch Ctrl-C before printing the addresses: whoever reads them may stop us right away.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    urls = hub.urls
    print(f"join {urls.join}", flush=True)
    print(f"display {urls.display}", flush=True)
    print(f"remote {urls.remote}", flush=True)
    print(hub.network_hint(), file=sys.stderr, flush=True)
    warning = hub.capacity_warning()
    if warning is not None:
        print(warning, file=sys.stderr, flush=True)
    try:
        await stop.wait()
    finally:
        await hub.stop()
    return 0
