"""A client of the hostile-room probes: one WebSocket from a chosen address (127.0.0.x plays another network),
its first view weighed in bytes, its commands answered by `ref`; and a raw HTTP request for odd ones."""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

PATIENCE = 20.0


class Refused(Exception):
    """The hub answered the hello with an error (`code`), or did not let the connection open."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class Talk:
    """One connection that said hello: the size of its first view, then commands and their answers."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.first_view = 0  # bytes of the state/reset frame
        self.mine = 0  # bytes of the first mine/update frame
        self.closed_with: str | None = None  # the error code the hub closed it with
        self.last_frame = ""  # the newest frame as it came, for a probe that weighs its very text
        self._refs = itertools.count(1)
        self._answers: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._reader: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, ws_url: str, hello: dict[str, Any], source: str | None = None) -> Talk:
        """Connect (from `source`), say hello and read the first view; Refused when the hub says no."""
        options: dict[str, Any] = {"local_addr": (source, 0)} if source else {}
        try:
            ws = await connect(
                ws_url, proxy=None, compression=None, max_size=None, open_timeout=PATIENCE, **options
            )
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            raise Refused(f"connect: {type(exc).__name__}") from None
        talk = cls(ws)
        try:
            await ws.send(json.dumps({"type": "hello", **hello}))
            while talk.first_view == 0:
                raw = await asyncio.wait_for(ws.recv(), PATIENCE)
                message = json.loads(raw)
                if message.get("type") == "error":
                    await ws.close()
                    raise Refused(str(message.get("code")))
                if message.get("type") == "state/reset":
                    talk.first_view = len(raw.encode() if isinstance(raw, str) else raw)
        except (ConnectionClosed, TimeoutError):
            raise Refused("closed") from None
        talk._reader = asyncio.get_running_loop().create_task(talk._read())
        return talk

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                self.last_frame = raw if isinstance(raw, str) else raw.decode(errors="replace")
                try:
                    message = json.loads(raw)
                except ValueError:
                    continue
                kind = message.get("type")
                if kind == "mine/update" and not self.mine:
                    self.mine = len(raw.encode() if isinstance(raw, str) else raw)
                if kind == "error" and message.get("ref") is None:
                    self.closed_with = str(message.get("code"))
                future = self._answers.pop(str(message.get("ref")), None)
                if future is not None and not future.done() and kind in ("ack", "error"):
                    future.set_result(message)
        except ConnectionClosed:
            pass
        for future in self._answers.values():
            if not future.done():
                future.set_result({"type": "error", "code": "closed"})

    @property
    def open_now(self) -> bool:
        return self._reader is not None and not self._reader.done()

    async def command(self, kind: str, **data: Any) -> dict[str, Any]:
        """Its ack or error; {"code": "closed"} when the connection went away first."""
        if not self.open_now:
            return {"type": "error", "code": "closed"}
        ref = f"r{next(self._refs)}"
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._answers[ref] = future
        try:
            await self.ws.send(
                json.dumps({"type": kind, "ref": ref, **data}, ensure_ascii=False)
            )  # as a browser
            return await asyncio.wait_for(future, PATIENCE)
        except (ConnectionClosed, TimeoutError):
            return {"type": "error", "code": "closed"}

    async def close(self) -> None:
        await self.ws.close()
        if self._reader is not None:
            await self._reader


def outcome(answer: dict[str, Any]) -> str:
    """`ack`, or the error's code."""
    return "ack" if answer.get("type") == "ack" else str(answer.get("code"))


def raw_http(host: str, port: int, request: bytes) -> bytes:
    """Send a request as bytes and read the answer's first bytes ("" when the hub closed without one)."""
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(request)
        try:
            return sock.recv(4096)
        except OSError:
            return b""


def status_of(answer: bytes) -> str:
    """The status code of an HTTP answer, or "closed" when there was none."""
    parts = answer.split(b" ", 2)
    return parts[1].decode() if len(parts) > 1 and answer.startswith(b"HTTP/") else "closed"
