"""The evening a running hub holds: no other kiosk runs it meanwhile, and what other commands hand over (the
letter went out) reaches the core through this process, within a second (kiosk/core/hold.py, handover.py)."""

from __future__ import annotations

import asyncio
import logging

from kiosk.catalog import FULL_LANGUAGES, catalog
from kiosk.core.handover import Handover
from kiosk.core.hold import EveningHold, holder
from kiosk.core.session import SessionCore
from kiosk.core.store import StoreError

HANDOVER_EVERY = 1.0  # seconds between looks at the handover table: a few microseconds when it is empty
HOLD_WAIT = 2.0  # an export writing to a free evening holds it for a moment: wait that long before refusing
log = logging.getLogger("kiosk.hub")


class EveningHeldElsewhere(Exception):
    """Another kiosk runs this evening; the message says which process and what to do."""


class HeldEvening:
    """Holds the core's evening while the hub runs and takes in what is handed over; `stop` lets go."""

    def __init__(self, core: SessionCore) -> None:
        self.core = core
        self._hold: EveningHold | None = None
        self._handover: Handover | None = None
        self._tick: asyncio.TimerHandle | None = None

    def start(self, loop: asyncio.AbstractEventLoop, lang: str) -> None:
        """Hold the evening, or raise EveningHeldElsewhere; an evening without a writable log is not held."""
        log_, info = self.core.log, self.core.info
        if log_ is None or info is None or log_.read_only:
            return
        folder = log_.path.parent
        try:
            self._hold = EveningHold.take(folder, info.id, wait=HOLD_WAIT)
        except OSError:
            return  # a folder that cannot keep the lock file cannot keep the evening either: storing says so
        if self._hold is None:
            words = catalog(lang if lang in FULL_LANGUAGES else "nl")
            raise EveningHeldElsewhere(words("hub.held_elsewhere", pid=holder(folder, info.id) or "?"))
        try:
            self._handover = Handover(log_.path)
        except StoreError as exc:
            log.warning("Nothing can be handed over to this evening: %s", exc)
            return
        self._loop = loop
        self._tick = loop.call_later(HANDOVER_EVERY, self._take_in)

    def _take_in(self) -> None:
        assert self._handover is not None
        answered = self._handover.take_in(self.core)
        if answered:
            log.warning("Took in %d change(s) handed over by another command (kiosk export).", answered)
        self._tick = self._loop.call_later(HANDOVER_EVERY, self._take_in)

    def stop(self) -> None:
        if self._tick is not None:
            self._tick.cancel()
            self._tick = None
        if self._handover is not None:
            self._handover.take_in(self.core)  # what came in the last second is not left behind
            self._handover.close()
            self._handover = None
        if self._hold is not None:
            self._hold.release()
            self._hold = None
