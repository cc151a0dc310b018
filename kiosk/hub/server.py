"""The hub: one WebSocket server in the app's asyncio loop, between the session core and the browsers."""

from __future__ import annotations

import asyncio
import errno
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from kiosk.core.events import Actor, Command, CommandError, Event
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.store import StoreError
from kiosk.core.tables import table_for_host_token
from kiosk.hub.connections import Client, Refused, Registry, introduce
from kiosk.hub.i18n import Messages
from kiosk.hub.netinfo import base_url, network_hint, url_origin
from kiosk.hub.pages import Pages
from kiosk.hub.publisher import Publisher, encode
from kiosk.hub.seat_handles import PROCESS_HANDLES

HELLO_TIMEOUT = 10.0
MAX_FRAME = 4096
log = logging.getLogger("kiosk.hub")


class HubError(Exception):
    """The hub cannot start; the message is one sentence that says what to do."""


@dataclass(frozen=True)
class HubUrls:
    """Where phones join (with the room code) and where the projector and remote open (with their tokens)."""

    join: str
    display: str
    remote: str
    base: str


class Hub:
    """Serves the pages and the WebSocket; every face's changes reach every browser through the core."""

    def __init__(
        self,
        core: SessionCore,
        *,
        host: str = "0.0.0.0",
        port: int = 8765,
        public_url: str | None = None,
        lang: str = "nl",
        max_connections: int = 5000,
    ) -> None:
        if core.info is None:
            raise HubError("The hub needs a stored evening (with a room code); open one with a data folder.")
        self.core = core
        self.info = core.info
        self.host = host
        self.port = port
        self.public_url = public_url
        self.max_connections = max_connections
        self.lang = lang
        self.messages = Messages(_i18n_dir(), lang)
        self.registry = Registry()
        self.handles = PROCESS_HANDLES
        self.publisher = Publisher(
            core,
            self.registry,
            lambda: (self.urls.join, self.info.room_code),
            lambda: self.urls.base,
            self.handles,
        )
        self._server: Server | None = None
        self._pages: Pages | None = None
        self._open = 0  # connections, said hello or not
        self._unsubscribe: Callable[[], None] | None = None
        self._closing: set[asyncio.Task[None]] = set()

    # -- lifecycle -------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind and serve; port 0 picks a free port. Raises HubError with a sentence."""
        try:
            self._server = await serve(
                self._handle,
                self.host,
                self.port,
                process_request=self._process_request,
                max_size=MAX_FRAME,
                max_queue=16,
                compression=None,
                ping_interval=20,
                ping_timeout=20,
                server_header=None,
            )
        except OSError as exc:
            raise HubError(_bind_problem(exc, self.host, self.port)) from None
        self.port = self._server.sockets[0].getsockname()[1] if self.port == 0 else self.port
        public_origin = url_origin(self.public_url) if self.public_url else None
        self._pages = Pages(_web_dir(), self.urls.join, public_origin)
        self.publisher.start(asyncio.get_running_loop())
        self._unsubscribe = self.core.subscribe(self._on_event)

    async def stop(self) -> None:
        self.publisher.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    @property
    def urls(self) -> HubUrls:
        base = base_url(self.host, self.port, self.public_url)
        return HubUrls(
            join=f"{base}/join?room={self.info.room_code}",
            display=f"{base}/display?token={self.info.display_token}",
            remote=f"{base}/remote?token={self.info.remote_token}",
            base=base,
        )

    def connected(self) -> dict[str, int]:
        """Connections now: phones by role (parent, staff, unknown), displays, remotes, hosts."""
        return self.publisher.connected()

    def network_hint(self) -> str:
        """Which network phones must be on, in the hub's language."""
        return network_hint(self.urls.base, self.port, self.public_url, self.host, self.lang)

    def _on_event(self, event: Event, state: SessionState) -> None:
        """After a new division, a host whose link no longer opens its table is sent away like a wrong token."""
        if event.type != "tables/assign":
            return
        for client in list(self.registry.hosts):
            if client.token is None or table_for_host_token(state, client.token) != client.table:
                self.registry.remove(client)
                task = asyncio.create_task(self._refuse(client.ws, "bad_token", client.lang))
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        assert self._pages is not None
        return self._pages.answer(request)

    # -- WebSocket -------------------------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        if self._open >= self.max_connections:
            await self._refuse(ws, "full", self.messages.default_lang, close_code=1013)
            return
        self._open += 1
        client: Client | None = None
        try:
            client = await self._hello(ws)
            if client is None:
                return
            async for message in ws:
                if not await self._on_message(client, message):
                    break
        except ConnectionClosed:
            pass  # closing is normal: a phone locks its screen, a frame was too big, the server stops
        finally:
            self._open -= 1
            if client is not None:
                self.registry.remove(client)
                self.publisher.mark("display", "remote")

    async def _hello(self, ws: ServerConnection) -> Client | None:
        lang = self.messages.default_lang
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT)
        except TimeoutError:
            await self._refuse(ws, "hello_timeout", lang)
            return None
        hello = _parse(raw)
        if not isinstance(hello, dict) or hello.get("type") != "hello":
            await self._refuse(ws, "hello_first", lang)
            return None
        lang = self.messages.lang(hello.get("lang"))
        try:
            client = introduce(ws, hello, self.info, self.core.state, lang)
            if client.role == "phone":
                join = {"lang": hello["lang"]} if isinstance(hello.get("lang"), str) else {}
                self.core.execute(Command("device/join", join, Actor("phone", device=client.device)))
        except Refused as refused:
            await self._refuse(ws, refused.code, lang)
            return None
        except CommandError as exc:
            await self._refuse(ws, exc.code, lang, english=exc.message)
            return None
        greeting = {"type": "hello/ok", "role": client.role, "lang": lang, "room": self.info.room_code}
        broadcast([ws], encode(greeting))
        self.publisher.welcome(client)
        return client

    async def _refuse(
        self,
        ws: ServerConnection,
        code: str,
        lang: str,
        *,
        english: str | None = None,
        close_code: int = 1008,
    ) -> None:
        message = self.messages.error(code, lang, english)
        try:
            await ws.send(encode({"type": "error", "ref": None, "code": code, "message": message}))
            await ws.close(close_code, code)
        except ConnectionClosed:
            pass

    async def _on_message(self, client: Client, message: str | bytes) -> bool:
        """Answer one frame; False when the client must be disconnected."""
        if client.closing is not None:
            return True  # read and drop what is still queued, so the closing handshake can complete
        if not client.bucket.allow():
            if client.bucket.flooding:
                client.closing = asyncio.create_task(client.ws.close(1008, "too many messages"))
                return True
            if client.bucket.dropped == 1:
                await self._error(client, None, "rate_limited")
            return True
        if isinstance(message, bytes):
            await self._error(client, None, "binary")
            return True
        data = _parse(message)
        if data is _INVALID:
            await self._error(client, None, "bad_json")
            return True
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            await self._error(client, data.get("ref") if isinstance(data, dict) else None, "bad_message")
            return True
        type_ = data.pop("type")
        ref = data.pop("ref", None)
        if type_ == "ping":
            await client.ws.send(encode({"type": "pong", "ref": ref}))
            return True
        await self._command(client, type_, ref, data)
        return True

    async def _command(self, client: Client, type_: str, ref: Any, data: dict[str, Any]) -> None:
        actor = Actor(client.role, device=client.device, table=client.table)
        try:
            # Only who may move people learns whether a handle names anyone: a phone is forbidden first.
            if type_ == "tables/move" and "seat" in data and actor.steers:
                data = self._seat_to_device(data)
            self.core.execute(Command(type_, data, actor))
        except CommandError as exc:
            await self._error(client, ref, exc.code, exc.message, exc.params)
            return
        except StoreError as exc:
            log.error("a command could not be stored: %s", exc)
            await self._error(client, ref, "not_stored", str(exc))
            return
        ack: dict[str, Any] = {"type": "ack", "ref": ref, "of": type_}
        if type_ == "contribution/add":
            ack["id"] = data.get("id")
        await client.ws.send(encode(ack))

    def _seat_to_device(self, data: dict[str, Any]) -> dict[str, Any]:
        """The remote names a person by the handle its view gave it; the core wants the device."""
        rest = {k: v for k, v in data.items() if k != "seat"}
        device = self.handles.device(self.core.state, data["seat"])
        if device is None:
            raise CommandError("unknown_seat", "that person is no longer at a table; look again")
        return {**rest, "device": device}

    async def _error(
        self,
        client: Client,
        ref: Any,
        code: str,
        english: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        message = self.messages.error(code, client.lang, english, params)
        await client.ws.send(encode({"type": "error", "ref": ref, "code": code, "message": message}))


_INVALID = object()


def _parse(raw: str | bytes) -> Any:
    if isinstance(raw, bytes):
        return _INVALID
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):  # "[[[[...": a 4 KiB frame can nest deeper than the parser recurses
        return _INVALID


def _web_dir() -> Any:
    from kiosk.resources import web_dir

    try:
        return web_dir()
    except FileNotFoundError:
        return None  # pages answer 404 with a sentence; the WebSocket still works


def _i18n_dir() -> Any:
    folder = _web_dir()
    return None if folder is None else folder / "i18n"


def _bind_problem(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"Port {port} is already in use: another kiosk may be running. Stop it, or pass --port {port + 1}."
    if exc.errno == errno.EACCES:
        return f"Port {port} needs administrator rights; pass a port above 1024, such as --port 8765."
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"This laptop has no address {host}; leave out --host to listen on all networks."
    return f"Cannot listen on {host}:{port} ({exc.strerror or exc}); try another --port."
