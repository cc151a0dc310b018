"""The full name check of an evening: every text from the room goes to deduce, and what it finds is held.

`kiosk run` and `kiosk serve` start it with the hub. Until deduce is loaded, our own rules decide alone; once it is,
everything that came in meanwhile is checked too, and from then on each new text as it arrives. Findings become
core events (`moderation/screen`), so they are in the log and survive a restart; a restart checks again only what
no `moderation/screen` covered.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from kiosk.core.changes import Changes
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.rules.screening import text_of, unscreened
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.store import StoreError
from kiosk.namecheck.worker import NameWorker

log = logging.getLogger(__name__)
SYSTEM = Actor("system")
NAME_CHECKS = ("full", "rules")
BATCH = 64  # texts sent to the helper before awaiting their answers
# A burst's texts are gathered this long, so their findings are one write to the log (each write waits for the
# disk): at 200 answers a second, 40 writes instead of 200.
GATHER = 0.025


class FullCheck:
    """Feeds what the room writes to the name check's process and tells the core what it found."""

    def __init__(self, core: SessionCore, worker: NameWorker | None = None) -> None:
        self.core = core
        self.worker = worker or NameWorker()
        self.queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        self.checked = 0
        self._busy = False
        self.loop_seconds = 0.0  # time the loop spent here (reading texts, storing findings), for the bench
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.listeners: list[Callable[[], None]] = []  # told when the check is ready

    @property
    def ready(self) -> bool:
        return self.worker.ready

    def start(self) -> None:
        """Start loading deduce in its process; returns at once."""
        self.worker.on_ready(self._ready)
        self.worker.start()

    def _ready(self) -> None:
        self.core.full_check = True
        self._unsubscribe = self.core.subscribe(self._on_change)
        for item in unscreened(self.core.state):
            self.queue.put_nowait(item)
        self._task = asyncio.get_running_loop().create_task(self._run())
        log.info("The full name check is ready; %d texts to check from before", self.queue.qsize())
        for listener in list(self.listeners):
            listener()

    def _on_change(self, changes: Changes, state: SessionState) -> None:
        for item in changes.new_text:
            self.queue.put_nowait(item)

    async def _run(self) -> None:
        while True:
            try:
                await self._check_batch()
            except asyncio.CancelledError:
                raise
            except Exception:  # a listener's bug must not end the check of the rest of the evening
                log.exception("The name check skipped a batch")
            finally:
                self._busy = False
            if not self.worker.ready:
                self.core.full_check = False
                return

    async def _check_batch(self) -> None:
        """Send what waits (up to BATCH texts) to the helper, and store its findings as one event."""
        batch = [await self.queue.get()]
        self._busy = True
        if self.queue.empty():
            await asyncio.sleep(GATHER)  # the first of a burst: its neighbours come with it, in one write
        # Texts that waited while the last batch was checked go at once: they waited long enough.
        start = time.perf_counter()
        while len(batch) < BATCH and not self.queue.empty():
            batch.append(self.queue.get_nowait())
        texts = [text_of(self.core.state, target, ident) for target, ident in batch]
        self.loop_seconds += time.perf_counter() - start
        answers = await self.worker.find_all([t for t in texts if t])
        found = iter(answers)
        start = time.perf_counter()
        items = []
        for (target, ident), text in zip(batch, texts, strict=True):
            spans = next(found, None) if text else None
            if text and spans is not None:
                items.append(
                    {"target": target, "id": ident, "text": text, "spans": [s.to_json() for s in spans]}
                )
        if items:
            try:
                self.core.execute(Command("moderation/screen", {"items": items}, SYSTEM))
            except (CommandError, StoreError) as exc:
                # Not stored: the texts stay as our rules judged them, and a restart checks them again.
                log.warning("The name check's findings were not stored: %s", exc)
        self.checked += len(items)
        self.loop_seconds += time.perf_counter() - start

    async def wait_idle(self) -> None:
        """Until everything queued so far is checked (for tests and the bench)."""
        while not self.queue.empty() or self._busy:
            await asyncio.sleep(0.005)

    def stop(self) -> None:
        self.core.full_check = False
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._task is not None:
            self._task.cancel()
        self.worker.stop()
