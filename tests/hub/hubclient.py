"""A test's phone, projector or remote: a real websockets client speaking the protocol."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from kiosk.hub.changes import Mirror

# A guard against a hang, not a speed assertion: a message that never comes fails the test after this long.
PATIENCE = 10.0


class Peer:
    """One connection, with helpers to wait for the message a test expects."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.seen: list[dict[str, Any]] = []
        self.mirror = Mirror()  # the view as the client holds it, kept up by resets and changes
        self.received_bytes = 0

    async def _receive(self) -> dict[str, Any]:
        raw = await self.ws.recv()
        self.received_bytes += len(raw.encode() if isinstance(raw, str) else raw)
        message: dict[str, Any] = json.loads(raw)
        self.seen.append(message)
        self.mirror.take(message)
        assert not self.mirror.needs_reset, f"a gap in seq: {message}"
        return message

    @property
    def view(self) -> dict[str, Any]:
        assert self.mirror.view is not None, "no state/reset yet"
        return self.mirror.view

    async def send(self, message: dict[str, Any] | str | bytes) -> None:
        await self.ws.send(json.dumps(message) if isinstance(message, dict) else message)

    async def next(
        self, type_: str, where: Callable[[dict[str, Any]], bool] = lambda m: True
    ) -> dict[str, Any]:
        """The next message of this type that satisfies `where`; earlier ones are kept in `seen`."""

        async def wait() -> dict[str, Any]:
            while True:
                message = await self._receive()
                if message["type"] == type_ and where(message):
                    return message

        return await asyncio.wait_for(wait(), PATIENCE)

    async def state(self, where: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The client's view (after a reset or changes) once it satisfies `where`; a copy."""

        async def wait() -> dict[str, Any]:
            if self.mirror.view is not None and where(self.mirror.view):
                return copy.deepcopy(self.mirror.view)
            while True:
                await self._receive()
                if self.mirror.view is not None and where(self.mirror.view):
                    return copy.deepcopy(self.mirror.view)

        return await asyncio.wait_for(wait(), PATIENCE)

    async def command(self, type_: str, ref: str = "r1", **data: Any) -> dict[str, Any]:
        """Send a command and return its ack or error."""
        await self.send({"type": type_, "ref": ref, **data})
        return await self._reply(ref)

    async def _reply(self, ref: str) -> dict[str, Any]:
        async def wait() -> dict[str, Any]:
            while True:
                message = await self._receive()
                if message["type"] in ("ack", "error") and message.get("ref") == ref:
                    return dict(message)

        return await asyncio.wait_for(wait(), PATIENCE)

    async def close(self) -> None:
        await self.ws.close()


async def open_peer(port: int, hello: dict[str, Any] | None, **options: Any) -> Peer:
    ws = await connect(f"ws://127.0.0.1:{port}/ws", proxy=None, **options)
    peer = Peer(ws)
    if hello is not None:
        await peer.send({"type": "hello", **hello})
    return peer
