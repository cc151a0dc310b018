"""A hall's network for the browser tests: the shaping proxy between a phone and the hub, a remote that steers
over its own socket, and what the hub's database holds."""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import WebSocketRoute
from websockets.sync.client import ClientConnection, connect

from kiosk.bench.shaping import WIFI, ProxyThread, Shape, ShapingProxy, lan_address

# A guard against a hang, not a speed assertion.
PATIENCE = 30.0


class Hall:
    """Proxies to one evening's hub (its join URL); each phone gets its own port (and so its own bytes)."""

    def __init__(self, join: str, thread: ProxyThread) -> None:
        self.thread = thread
        parts = urlsplit(join)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.room = parse_qs(parts.query)["room"][0]

    def proxy(self, shape: Shape = WIFI, *, lan: bool = False) -> ShapingProxy:
        """`lan`: on this machine's LAN address when it has one, where the page is not a secure context (no
        service worker), as on http://192.168.x.y in a hall; else on 127.0.0.1, a secure context as https is."""
        return self.thread.proxy(self.target, shape, host=lan_address() if lan else "127.0.0.1")

    def join_url(self, proxy: ShapingProxy) -> str:
        return f"http://{proxy.listen_host}:{proxy.port}/join?room={self.room}"

    def path(self, proxy: ShapingProxy, path: str) -> None:
        """`up`, `dead`, `stall` or `refuse` from now on."""
        self.thread.set_path(proxy, path)


class Remote:
    """The facilitator's remote on a socket of its own: steers the evening the test needs."""

    def __init__(self, ws: ClientConnection, token: str) -> None:
        self.ws = ws
        self.ws.send(json.dumps({"type": "hello", "role": "remote", "token": token, "lang": "nl"}))
        self.refs = itertools.count(1)

    @classmethod
    @contextlib.contextmanager
    def opened(cls, remote_url: str) -> Iterator[Remote]:
        """The remote of the evening whose remote page is at `remote_url`, for the length of a `with`."""
        token = parse_qs(urlsplit(remote_url).query)["token"][0]
        origin = remote_url.split("/remote", 1)[0].replace("http://", "ws://")
        with connect(f"{origin}/ws", proxy=None, compression=None, open_timeout=PATIENCE) as ws:
            yield cls(ws, token)

    def command(self, kind: str, **data: Any) -> dict[str, Any]:
        """Send a command and return the hub's answer to it (an ack; anything else fails the test)."""
        ref = f"test-{next(self.refs)}"
        self.ws.send(json.dumps({"type": kind, "ref": ref, **data}))
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv(timeout=PATIENCE))
            if message.get("ref") == ref:
                assert message["type"] == "ack", f"{kind} refused: {message}"
                return dict(message)
        raise AssertionError(f"no answer to {kind}")


def stored(data_dir: Path | None, kind: str, containing: str = "") -> int:
    """How many events of this kind (whose data contain `containing`) the hub's database holds."""
    assert data_dir is not None
    db = sqlite3.connect(f"file:{data_dir / 'kiosk.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute(
            "SELECT count(*) FROM events WHERE type=? AND data LIKE ?", (kind, f"%{containing}%")
        ).fetchone()
        return int(row[0])
    finally:
        db.close()


def wait_stored(data_dir: Path | None, kind: str, containing: str = "", within: float = PATIENCE) -> float:
    """Seconds until such an event is in the database; fails the test after `within`."""
    start = time.monotonic()
    while time.monotonic() - start < within:
        if stored(data_dir, kind, containing):
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"no {kind} with {containing!r} stored within {within:.0f} s")


def losing_the_first_ack(
    of: str, sent: list[dict[str, Any]], dropped: list[dict[str, Any]]
) -> Callable[[WebSocketRoute], None]:
    """A route for the page's WebSocket that notes every `of` command sent and breaks the line right after the
    hub's first ack of one: stored, but the phone never hears so."""

    def lossy_network(ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()

        def to_server(message: str | bytes) -> None:
            data = json.loads(message)
            if data.get("type") == of:
                sent.append(data)
            server.send(message)

        def to_page(message: str | bytes) -> None:
            data = json.loads(message)
            if data.get("type") == "ack" and data.get("of") == of and not dropped:
                dropped.append(data)
                ws.close()
                return
            ws.send(message)

        ws.on_message(to_server)
        server.on_message(to_page)

    return lossy_network
