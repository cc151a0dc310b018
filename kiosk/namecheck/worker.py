"""deduce in a helper process, so the evening's one asyncio loop never waits for it.

deduce is pure Python: in a thread it holds the GIL and stalls the loop (up to 2.6 s was measured while it loads).
In its own process (spawned, one for the evening, about 1 GB) it loads in the background (8-20 s, or about two
minutes once after install while it builds its lookup structures) and answers each text in well under a
millisecond. Requests and answers go over a pipe; a thread waits on the answers and hands them to the loop.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from kiosk.core.moderation import Span

log = logging.getLogger(__name__)


def _serve(conn: Connection) -> None:
    """The helper process: load deduce, say so, then answer (n, texts) with (n, spans of each text) until told to
    stop; a text it cannot read gets a sentence instead of spans."""
    _quiet()
    try:
        from kiosk.namecheck.deduce_finds import load_deduce

        deducer = load_deduce()
        warm = _found(deducer, "Warm worden: meneer Jansen woont aan de Kerkstraat 1.")
    except Exception as exc:  # noqa: BLE001 - the parent shows why the full check is off
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    if isinstance(warm, str):  # loaded, but it cannot read a sentence
        conn.send(("failed", warm))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        n, texts = request
        conn.send((n, [_found(deducer, text) for text in texts]))


def _found(deducer: Any, text: str) -> list[list[Any]] | str:
    from kiosk.namecheck.deduce_finds import found_spans

    try:
        return [s.to_json() for s in found_spans(deducer, text)]
    except Exception as exc:  # noqa: BLE001 - one odd text must not stop the check of the others
        return f"{type(exc).__name__}: {exc}"


def _quiet() -> None:
    """The helper shares the facilitator's terminal: what deduce logs or prints ("Please wait 1-2 minutes...")
    would be drawn over the app, so its output goes nowhere; a failure still reaches the parent over the pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    logging.disable(logging.CRITICAL)


@contextmanager
def _real_std_streams() -> Iterator[None]:
    """Textual captures sys.stdout and sys.stderr with objects whose fileno() is -1, and spawning a process passes
    sys.stderr's descriptor on to multiprocessing's resource tracker ("bad value(s) in fds_to_keep"): start the
    process with the interpreter's own streams in place."""
    saved = sys.stdout, sys.stderr
    if sys.__stdout__ is not None and sys.__stderr__ is not None:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


class NameWorker:
    """The full name check's process, seen from the loop: `start`, then `await find(text)` once `ready`."""

    def __init__(self) -> None:
        self.ready = False
        self.failed: str | None = None  # why deduce could not be loaded
        self.started_at: float | None = None
        self.ready_at: float | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting: dict[int, asyncio.Future[list[list[Span] | None]]] = {}
        self._numbers = itertools.count(1)
        self._on_ready: list[Callable[[], None]] = []
        self._send_lock = threading.Lock()
        self._stopping = False
        self.send_seconds = 0.0  # time the loop spent handing texts to the pipe, for the bench

    def on_ready(self, callback: Callable[[], None]) -> None:
        """Call back on the loop once deduce is loaded (at once if it is)."""
        if self.ready:
            callback()
        else:
            self._on_ready.append(callback)

    def start(self) -> None:
        """Spawn the process and return at once; the loop stays free while deduce loads."""
        self._loop = asyncio.get_running_loop()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._conn = parent
        self._process = context.Process(target=_serve, args=(child,), name="kiosk-name-check", daemon=True)
        self.started_at = time.monotonic()
        try:
            with _real_std_streams():
                self._process.start()
        except (OSError, ValueError) as exc:  # no process: the evening goes on with our own rules
            child.close()
            parent.close()
            self._process = self._conn = None
            self._gone(f"the name check could not start: {type(exc).__name__}: {exc}")
            return
        child.close()
        threading.Thread(target=self._read, name="kiosk-name-check-answers", daemon=True).start()

    def _read(self) -> None:
        assert self._conn is not None and self._loop is not None
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                self._loop.call_soon_threadsafe(self._gone, "the name check stopped")
                return
            self._loop.call_soon_threadsafe(self._answer, message)

    def _answer(self, message: tuple[Any, Any]) -> None:
        key, value = message
        if key == "ready":
            self.ready = True
            self.ready_at = time.monotonic()
            callbacks, self._on_ready = self._on_ready, []
            for callback in callbacks:
                callback()
            return
        if key == "failed":
            self._gone(value)
            return
        future = self._waiting.pop(key, None)
        if future is None or future.done():
            return
        found: list[list[Span] | None] = []
        for spans in value:
            if isinstance(spans, str):
                log.warning("The name check could not read a text: %s", spans)
                found.append(None)
            else:
                found.append([Span.from_json(s) for s in spans])
        future.set_result(found)

    def _gone(self, why: str) -> None:
        if self._stopping:
            return
        if self.failed is None:
            log.warning("The full name check is off: %s", why)
        self.failed = self.failed or why
        self.ready = False
        for future in self._waiting.values():
            if not future.done():
                future.set_result([])
        self._waiting.clear()

    async def find(self, text: str) -> list[Span] | None:
        """What deduce finds in a text (after the allow-list), or None when the check is not there."""
        found = await self.find_all([text])
        return found[0] if found else None

    async def find_all(self, texts: list[str]) -> list[list[Span] | None]:
        """What deduce finds in each text, in one trip to the helper and back; [] when the check is not there
        (and None for a text it could not read)."""
        if not self.ready or self._conn is None or self._loop is None or not texts:
            return []
        n = next(self._numbers)
        future: asyncio.Future[list[list[Span] | None]] = self._loop.create_future()
        self._waiting[n] = future
        start = time.perf_counter()
        try:
            with self._send_lock:
                self._conn.send((n, texts))
            self.send_seconds += time.perf_counter() - start
        except (OSError, ValueError) as exc:
            self._waiting.pop(n, None)
            self._gone(str(exc))
            return []
        return await future

    def stop(self) -> None:
        self._stopping = True
        self.ready = False
        if self._conn is not None:
            try:
                self._conn.send(None)
            except (OSError, ValueError):
                pass
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout=2)
            self._process = None
