"""A stream: the changes one group of clients gets, numbered, with the newest kept for clients that come back.

Every phone (and host) of one language shares one stream (`phone` in the agenda's own language, `phone.tr` for
the Turkish ones when the agenda has Turkish, so no phone receives languages it does not read), every projector
one; each remote has a stream of its own, since it chooses which contributions it sees (`contributions/filter`).
"""

from __future__ import annotations

import json
import secrets
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from kiosk.hub.audiences import View
from kiosk.hub.connections import Client

# A shared stream keeps its newest change messages up to this many bytes, so a phone that reconnects (a locked
# screen) gets only what it missed instead of a whole view.
HISTORY_BYTES = 512 * 1024


def encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


@dataclass(eq=False)
class Stream:
    """The changes one group of clients gets: they all hold `view`, as of message `seq`.

    `name` changes whenever the numbering starts over (a new process, or nobody listened for a while), so a
    client's (name, seq) says exactly which view it holds; `history` keeps the newest frames for resuming.
    """

    name: str
    make: Callable[[], View]  # the view afresh, from the state as it is now
    members: Callable[[], Collection[Client]]
    seq: int = 0
    view: View | None = None
    keeps_history: bool = False
    history: deque[tuple[int, str]] = field(default_factory=deque)
    history_bytes: int = 0
    behind: set[Client] = field(
        default_factory=set
    )  # skipped as slow: each gets a reset once it has caught up

    def held(self) -> View:
        """The view its clients hold; made afresh when nobody held one."""
        if self.view is None:
            self.view = self.make()
        return self.view

    def frames(self, messages: list[dict[str, Any]]) -> list[str]:
        """Each message encoded, numbered on from the last."""
        encoded = []
        for message in messages:
            self.seq += 1
            frame = encode({"type": message["type"], "seq": self.seq, **message})
            encoded.append(frame)
            if self.keeps_history:
                self.history.append((self.seq, frame))
                self.history_bytes += len(frame)
        while self.history_bytes > HISTORY_BYTES and self.history:
            self.history_bytes -= len(self.history.popleft()[1])
        return encoded

    def reset(self) -> str:
        state = self.held().current()
        return encode({"type": "state/reset", "seq": self.seq, "stream": self.name, "state": state})

    def since(self, name: object, seq: object) -> list[str] | None:
        """The frames after `seq` for a client that holds this stream's view at `seq`; None if not all kept."""
        if name != self.name or isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= self.seq:
            return None
        if seq == self.seq:
            return []
        if not self.history or self.history[0][0] > seq + 1:
            return None
        return [frame for number, frame in self.history if number > seq]

    def forget(self) -> None:
        """Nobody holds the view: drop it, and start a new numbering so no old client can resume into it."""
        self.view = None
        self.name = stream_name(self.name.split("-", 1)[0])
        self.seq = 0
        self.history.clear()
        self.history_bytes = 0


def stream_name(audience: str) -> str:
    return f"{audience}-{secrets.token_hex(4)}"
