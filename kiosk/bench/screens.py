"""The projector and the facilitator's remote during a bench: full websockets clients that note first sightings."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from kiosk.hub.changes import Mirror


class Screen:
    """A display, remote or phone client: keeps its view as the wire says (a whole view, then changes) and notes
    when each contribution id first appears and when its count changed."""

    def __init__(self, ws: ClientConnection, role: str) -> None:
        self.ws = ws
        self.role = role
        self.first_seen: dict[str, float] = {}
        # id -> (when, count) each time its count changed, and (when, None) when it left the view
        self.counts_seen: dict[str, list[tuple[float, int | None]]] = {}
        self._present: set[str] = set()
        self.mirror = Mirror()
        self.updates = 0
        self.resets = 0
        self.reset_bytes: list[int] = []  # the size of each whole view received
        self._asked = False
        self.received_bytes = 0
        self._refs = itertools.count(1)
        self._answers: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._reader: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, url: str, role: str, token: str) -> Screen:
        """A display or remote, introduced with its token."""
        return await cls.introduce(url, {"type": "hello", "role": role, "token": token, "lang": "en"})

    @classmethod
    async def introduce(cls, url: str, hello: dict[str, Any]) -> Screen:
        """Any client: send this hello and wait for the state/reset."""
        ws = await connect(url, compression=None, proxy=None, max_size=None, open_timeout=30)
        screen = cls(ws, str(hello.get("role")))
        await ws.send(json.dumps(hello))
        while screen.updates == 0:
            raw = await asyncio.wait_for(ws.recv(), 30)
            message = json.loads(raw)
            if message.get("type") == "error":
                await ws.close()
                raise ConnectionRefusedError(f"hello refused: {message.get('code')}")
            screen.received_bytes += len(raw)
            screen.take(message, len(raw))
        screen._reader = asyncio.get_running_loop().create_task(screen._read())
        return screen

    @property
    def view(self) -> dict[str, Any]:
        return self.mirror.view or {}

    def take(self, message: dict[str, Any], size: int = 0) -> None:
        now = time.monotonic()
        kind = message.get("type")
        if self.mirror.take(message):
            self.updates += 1
            if kind in ("state/reset", "state/update"):
                self.resets += 1
                self.reset_bytes.append(size)
            present = set()
            for item in self.view.get("contributions") or ():
                cid = item.get("id")
                if not isinstance(cid, str):
                    continue
                present.add(cid)
                if cid not in self.first_seen:
                    self.first_seen[cid] = now
                seen = self.counts_seen.setdefault(cid, [])
                count = item.get("count", 0)
                if not seen or seen[-1][1] != count:
                    seen.append((now, count))
            for cid in self._present - present:
                self.counts_seen[cid].append((now, None))
            self._present = present
            self._asked = False
        elif self.mirror.needs_reset and not self._asked:
            self._asked = True  # a gap in seq: ask once for a whole view
            asyncio.get_running_loop().create_task(self.ws.send(json.dumps({"type": "state/resync"})))
        if kind in ("ack", "error", "pong"):
            future = self._answers.pop(str(message.get("ref")), None)
            if future is not None and not future.done():
                future.set_result(message)

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                size = len(raw.encode() if isinstance(raw, str) else raw)
                self.received_bytes += size
                self.take(json.loads(raw), size)
        except ConnectionClosed:
            pass

    async def command(self, kind: str, **data: Any) -> dict[str, Any]:
        """Send a command and wait for its ack or error; ConnectionClosed when the server went away."""
        ref = f"{self.role}{next(self._refs)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._answers[ref] = future
        await self.ws.send(json.dumps({"type": kind, "ref": ref, **data}))
        waits: set[asyncio.Future[Any]] = {future} if self._reader is None else {future, self._reader}
        done, _ = await asyncio.wait(waits, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if future in done:
            return future.result()
        if self._reader is not None and self._reader in done:
            raise ConnectionClosed(None, None)
        raise TimeoutError(f"no answer to {kind}")

    async def wait_seen(self, ids: set[str], timeout: float) -> None:
        """Until every id was seen, or the time is up (ids a view cannot show never come)."""
        deadline = time.monotonic() + timeout
        while not ids <= self.first_seen.keys() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        await self.ws.close()
        if self._reader is not None:
            await self._reader
