"""Open files: every phone is one. Raise the soft limit at start, and say how many phones a low one allows."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from kiosk.catalog import FULL_LANGUAGES, catalog

# Files the kiosk keeps for itself (database, pages, terminal) plus a burst of connections accepted in one go
# (the listen backlog) before any of them can be turned away.
RESERVE = 128
BACKLOG = 64
HALL = 500  # phones at once in a large hall: below this many places the kiosk says so at start
ACCEPT_FAILED = "socket.accept() out of system resource"
QUIET_SECONDS = 60.0

log = logging.getLogger("kiosk.hub")


def raise_open_file_limit() -> int | None:
    """Raise the soft limit on open files as far as the hard one allows; the limit now (None: not known)."""
    try:
        import resource
    except ImportError:  # Windows has no such limit to raise
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return None
    # macOS refuses an unlimited soft limit even when the hard one is; it takes its own maximum.
    for wanted in (hard, 1 << 20, 65536, 24576, 10240):
        if wanted == resource.RLIM_INFINITY or wanted <= soft:
            continue
        if hard != resource.RLIM_INFINITY and wanted > hard:
            continue
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):
            continue
        return int(wanted)
    return int(soft)


def connection_places(limit: int | None, most: int) -> int:
    """How many connections the hub can hold with this open-file limit, at most `most`."""
    if limit is None:
        return most
    return max(16, min(most, limit - RESERVE))


def low_limit_warning(limit: int | None, places: int, lang: str) -> str | None:
    """A sentence for the facilitator when the open-file limit leaves room for fewer phones than a hall."""
    if limit is None or places >= HALL:
        return None
    return catalog(lang if lang in FULL_LANGUAGES else "nl")("hub.low_file_limit", limit=limit, places=places)


Handler = Callable[[asyncio.AbstractEventLoop, dict[str, Any]], object]


def quiet_accept_errors(loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
    """Turn asyncio's log of failed accepts (one per try, many a second once files run out) into one calm line
    a minute; asyncio itself tries again a second later, so connections come back with the files. Returns a
    function that puts the previous handler back."""
    previous: Handler | None = loop.get_exception_handler()
    last: list[float] = []
    missed = [0]

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if context.get("message") != ACCEPT_FAILED:
            if previous is not None:
                previous(loop, context)
            else:
                loop.default_exception_handler(context)
            return
        missed[0] += 1
        now = loop.time()
        if not last or now - last[0] >= QUIET_SECONDS:
            log.warning(
                "Out of open files: new connections wait until others close (%d tries). "
                "Raise the limit with `ulimit -n 4096` before starting the kiosk.",
                missed[0],
            )
            last[:] = [now]
            missed[0] = 0

    loop.set_exception_handler(handler)

    def restore() -> None:
        if loop.get_exception_handler() is handler:
            loop.set_exception_handler(previous)

    return restore
