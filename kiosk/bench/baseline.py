"""A bare websockets server that speaks just enough of the protocol to take the bench's load.

It acks every message and broadcasts a small state to everyone with `broadcast`, coalesced like the hub
(at most one update per ~50 ms); the projector's update carries the newest contributions so the bench can
time them. No rules, no SQLite: what the hub costs beyond this is the price of its features.
Run: `python -m kiosk.bench.baseline --port 0` prints join/display/remote URLs like `kiosk serve`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
from collections import deque
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve

ROOM = "BENCH"
TOKEN = "bare-token"
COALESCE = 0.05
SHOWN = 60


class BareHub:
    """Everyone connected, the newest contributions, and a dirty flag for the next broadcast."""

    def __init__(self) -> None:
        self.phones: set[ServerConnection] = set()
        self.screens: set[ServerConnection] = set()
        self.seq = 0
        self.newest: deque[dict[str, Any]] = deque(maxlen=SHOWN)
        self._flush: asyncio.TimerHandle | None = None
        self._last_flush = 0.0

    def small_state(self) -> dict[str, Any]:
        return {"seq": self.seq, "block": {"index": 3}, "prompt": None, "contributions": []}

    def screen_state(self) -> dict[str, Any]:
        return {**self.small_state(), "contributions": list(self.newest)}

    def changed(self) -> None:
        self.seq += 1
        if self._flush is not None:
            return
        loop = asyncio.get_running_loop()
        delay = max(0.0, self._last_flush + COALESCE - loop.time())
        self._flush = loop.call_later(delay, self.flush)

    def flush(self) -> None:
        self._flush = None
        self._last_flush = asyncio.get_running_loop().time()
        broadcast(self.phones, json.dumps({"type": "state/update", "state": self.small_state()}))
        broadcast(self.screens, json.dumps({"type": "state/update", "state": self.screen_state()}))

    async def handler(self, ws: ServerConnection) -> None:
        try:
            hello = json.loads(await asyncio.wait_for(ws.recv(), 10))
        except (TimeoutError, ValueError):
            await ws.close(1008)
            return
        role = hello.get("role") if isinstance(hello, dict) else None
        group = self.phones if role == "phone" else self.screens
        await ws.send(json.dumps({"type": "hello/ok", "role": role, "lang": "nl", "room": ROOM}))
        state = self.small_state() if role == "phone" else self.screen_state()
        await ws.send(json.dumps({"type": "state/reset", "state": state}))
        group.add(ws)
        try:
            async for raw in ws:
                self.answer(ws, raw)
        finally:
            group.discard(ws)

    def answer(self, ws: ServerConnection, raw: str | bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            broadcast([ws], json.dumps({"type": "error", "ref": None, "code": "bad_message"}))
            return
        kind = message.get("type")
        if kind == "ping":
            broadcast([ws], json.dumps({"type": "pong", "ref": message.get("ref")}))
            return
        reply = {"type": "ack", "ref": message.get("ref"), "of": kind}
        if kind == "contribution/add":
            reply["id"] = message.get("id")
            self.newest.appendleft({"id": message.get("id"), "text": message.get("text"), "count": 0})
        broadcast([ws], json.dumps(reply))
        self.changed()


async def run(host: str, port: int) -> None:
    hub = BareHub()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    server: Server
    async with serve(hub.handler, host, port, compression=None, max_size=4096) as server:
        bound = next(s.getsockname() for s in server.sockets)
        base = f"http://{bound[0]}:{bound[1]}"
        print(f"join {base}/join?room={ROOM}", flush=True)
        print(f"display {base}/display?token={TOKEN}", flush=True)
        print(f"remote {base}/remote?token={TOKEN}", flush=True)
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(run(args.host, args.port))


if __name__ == "__main__":
    main()
