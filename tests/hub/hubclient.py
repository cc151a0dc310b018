"""A test's phone, projector or remote: a real websockets client speaking the protocol."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

# A guard against a hang, not a speed assertion: a message that never comes fails the test after this long.
PATIENCE = 10.0


class Peer:
    """One connection, with helpers to wait for the message a test expects."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.seen: list[dict[str, Any]] = []

    async def send(self, message: dict[str, Any] | str | bytes) -> None:
        await self.ws.send(json.dumps(message) if isinstance(message, dict) else message)

    async def next(
        self, type_: str, where: Callable[[dict[str, Any]], bool] = lambda m: True
    ) -> dict[str, Any]:
        """The next message of this type that satisfies `where`; earlier ones are kept in `seen`."""

        async def wait() -> dict[str, Any]:
            while True:
                message = json.loads(await self.ws.recv())
                self.seen.append(message)
                if message["type"] == type_ and where(message):
                    return message

        return await asyncio.wait_for(wait(), PATIENCE)

    async def state(self, where: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first view (reset or update) that satisfies `where`."""

        async def wait() -> dict[str, Any]:
            while True:
                message = json.loads(await self.ws.recv())
                self.seen.append(message)
                if message["type"] in ("state/reset", "state/update") and where(message["state"]):
                    return dict(message["state"])

        return await asyncio.wait_for(wait(), PATIENCE)

    async def command(self, type_: str, ref: str = "r1", **data: Any) -> dict[str, Any]:
        """Send a command and return its ack or error."""
        await self.send({"type": type_, "ref": ref, **data})
        return await self._reply(ref)

    async def _reply(self, ref: str) -> dict[str, Any]:
        async def wait() -> dict[str, Any]:
            while True:
                message = json.loads(await self.ws.recv())
                self.seen.append(message)
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
