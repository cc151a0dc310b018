"""The hub: one WebSocket server in the app's asyncio loop, between the session core and the browsers."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from kiosk.core.changes import Changes
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.rules import RULES
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.store import StoreError
from kiosk.core.tables import table_for_host_token
from kiosk.hub.admission import FULL, Gate, forwarded_for
from kiosk.hub.connections import Client, Refused, Registry, introduce
from kiosk.hub.i18n import Messages
from kiosk.hub.netinfo import base_url, bind_problem, network_hint, url_origin
from kiosk.hub.open_files import (
    BACKLOG,
    connection_places,
    low_limit_warning,
    quiet_accept_errors,
    raise_open_file_limit,
)
from kiosk.hub.pages import Pages, plain, words_for
from kiosk.hub.poster_pages import PosterPages
from kiosk.hub.publisher import Publisher, encode
from kiosk.hub.seat_handles import PROCESS_HANDLES
from kiosk.namecheck.service import FullCheck
from kiosk.prepare.poster import evening_poster
from kiosk.prepare.qr import Wifi

HELLO_TIMEOUT = 10.0
VIEW_REQUESTS = frozenset({"state/resync", "contributions/filter"})
MAX_FRAME = 4096
# What a phone sends that shows a person is there; a ping or a junk frame does not.
PHONE_DEEDS = frozenset(t for t, rule in RULES.items() if "phone" in rule.actors)
log = logging.getLogger("kiosk.hub")


class GatedConnection(ServerConnection):
    """A connection that asks the hub's gate whether it may stay the moment it is accepted."""

    hub: Hub  # set on a subclass made per hub
    turned_away = False  # closed before websockets saw it: an address opening connections too fast

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not self.hub._opened(self, transport):
            self.turned_away = True
            assert isinstance(transport, asyncio.Transport)
            transport.abort()  # no handshake, no handler: as cheap as a refusal can be
            return
        super().connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.turned_away:
            return
        super().connection_lost(exc)
        self.hub.gate.closed(self)


class HubError(Exception):
    """The hub cannot start; the message is one sentence that says what to do."""


@dataclass(frozen=True)
class HubUrls:
    """Where phones join (with the room code) and where the projector and remote open (with their tokens)."""

    join: str
    display: str
    remote: str
    base: str
    poster: str = ""  # the printable A4 poster, with the projector's token


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
        wifi: Wifi | None = None,
        trust_proxy: bool = False,
        full_check: FullCheck | None = None,
    ) -> None:
        if core.info is None:
            raise HubError("The hub needs a stored evening (with a room code); open one with a data folder.")
        self.core = core
        self.info = core.info
        self.host = host
        self.port = port
        self.public_url = public_url
        self.max_connections = max_connections
        self.trust_proxy = (
            trust_proxy  # X-Forwarded-For names the phone (only behind the proxy of --public-url)
        )
        self.open_files: int | None = None  # the open-file limit after start, None where there is none
        self.gate = Gate(max_connections)
        self.lang = lang
        self.wifi = wifi  # the hall's network for the poster and the projector; never logged
        self.full_check = (
            full_check  # deduce in its helper process; None: our own rules alone (--name-check rules)
        )
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
        self._full: set[ServerConnection] = set()  # accepted only to be told the hub is full
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_storage: Callable[[], None] | None = None
        self._restore_loop: Callable[[], None] | None = None
        self._closing: set[asyncio.Task[None]] = set()

    # -- lifecycle -------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind and serve; port 0 picks a free port. Raises HubError with a sentence."""
        self.open_files = raise_open_file_limit()
        self.gate.capacity = connection_places(self.open_files, self.max_connections)
        connection_class = type("HubConnection", (GatedConnection,), {"hub": self})
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
                create_connection=connection_class,
                backlog=BACKLOG,
            )
        except OSError as exc:
            raise HubError(bind_problem(exc, self.host, self.port, self.lang)) from None
        self._restore_loop = quiet_accept_errors(asyncio.get_running_loop())
        self.port = self._server.sockets[0].getsockname()[1] if self.port == 0 else self.port
        public_origin = url_origin(self.public_url) if self.public_url else None
        tokens = (self.info.display_token, self.info.remote_token)
        posters = PosterPages(tokens, self.wifi, self.poster_html, self.lang)
        self._pages = Pages(_web_dir(), self.urls.join, public_origin, posters.answer, self.lang)
        self.publisher.start(asyncio.get_running_loop())
        self._unsubscribe = self.core.subscribe(self._on_change)
        self._unsubscribe_storage = self.core.on_storage(_log_storage)
        if self.full_check is not None:
            self.full_check.start()  # loads in its own process; returns at once

    async def stop(self) -> None:
        if self.full_check is not None:
            self.full_check.stop()
        self.publisher.stop()
        for unsubscribe in (self._unsubscribe, self._unsubscribe_storage):
            if unsubscribe is not None:
                unsubscribe()
        self._unsubscribe = self._unsubscribe_storage = None
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        if self._restore_loop is not None:
            self._restore_loop()
            self._restore_loop = None

    def capacity_warning(self) -> str | None:
        """A sentence when the open-file limit leaves room for fewer phones than a large hall, in the hub's
        language; None when there is room enough."""
        return low_limit_warning(self.open_files, self.gate.capacity, self.lang)

    @property
    def urls(self) -> HubUrls:
        base = base_url(self.host, self.port, self.public_url)
        return HubUrls(
            join=f"{base}/join?room={self.info.room_code}",
            display=f"{base}/display?token={self.info.display_token}",
            remote=f"{base}/remote?token={self.info.remote_token}",
            base=base,
            poster=f"{base}/poster?token={self.info.display_token}",
        )

    def connected(self) -> dict[str, int]:
        """Connections now: phones by role (parent, staff, unknown), displays, remotes, hosts."""
        return self.publisher.connected()

    def poster_html(self, lang: str | None = None) -> str:
        """The printable poster (in `lang`, else the hub's language): the join QR code and room code, and the
        Wi-Fi code when there is one."""
        return evening_poster(
            self.core.agenda, self.urls.join, self.info.room_code, self.wifi, lang or self.lang
        )

    def network_hint(self) -> str:
        """Which network phones must be on, in the hub's language."""
        return network_hint(self.urls.base, self.port, self.public_url, self.host, self.lang)

    def _on_change(self, changes: Changes, state: SessionState) -> None:
        """After a new division, a host whose link no longer opens its table is sent away like a wrong token."""
        if not changes.tables:
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
        if self.trust_proxy:
            client = forwarded_for(request.headers.get_all("X-Forwarded-For"))
            verdict = self.gate.rekey(connection, client or _peer(connection.transport))
            self._close(verdict.close)
            if verdict.refused is not None and verdict.refused != FULL:
                return plain(429, words_for(request, self.lang)("hub.http.busy"))
            if verdict.refused == FULL:
                self._full.add(connection)
        return self._pages.answer(request)

    # -- admission -------------------------------------------------------------------------------------

    def _opened(self, connection: ServerConnection, transport: asyncio.BaseTransport) -> bool:
        """A connection was just accepted: the gate says whom to close to make room, and whether it may go on
        at all (False: turn it away unheard)."""
        verdict = self.gate.opened(connection, None if self.trust_proxy else _peer(transport))
        self._close(verdict.close)
        if verdict.refused == FULL:
            self._full.add(connection)  # told so after the handshake, so the page waits before it retries
        return verdict.refused is None or verdict.refused == FULL

    def _close(self, connections: list[Any]) -> None:
        for connection in connections:
            transport = connection.transport
            if transport is not None:
                transport.abort()

    # -- WebSocket -------------------------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        if ws in self._full:
            self._full.discard(ws)
            await self._refuse(ws, "full", self.messages.default_lang, close_code=1013)
            return
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
            self._full.discard(ws)
            if client is not None:
                self.publisher.leave(client)

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
        except Refused as refused:
            await self._refuse(ws, refused.code, lang)
            return None
        client.join_lang = hello["lang"] if isinstance(hello.get("lang"), str) else None
        # A phone takes part (joins the evening, counts, gets a table) from the first thing it does; a phone
        # that only says hello fills nothing. A phone this hub has not seen counts against its address.
        taking_part = client.device in self.core.state.devices
        if client.role == "phone" and not taking_part and client.device is not None:
            if not self.gate.may_join(ws, client.device):
                await self._refuse(ws, "too_many_joins", lang, close_code=1013)
                return None
        elif client.device is not None:
            self.gate.seen(client.device)
        self.gate.said_hello(ws, idle_phone=client.role == "phone" and not taking_part)
        greeting = {"type": "hello/ok", "role": client.role, "lang": lang, "room": self.info.room_code}
        broadcast([ws], encode(greeting))
        self.publisher.welcome(client, hello.get("resume"))
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
        if type_ in VIEW_REQUESTS:
            await self._view_request(client, type_, ref, data)
            return True
        await self._command(client, type_, ref, data)
        return True

    async def _command(self, client: Client, type_: str, ref: Any, data: dict[str, Any]) -> None:
        actor = Actor(client.role, device=client.device, table=client.table)
        try:
            # Only who may move people learns whether a handle names anyone: a phone is forbidden first.
            if type_ == "tables/move" and "seat" in data and actor.steers:
                data = self._seat_to_device(data)
            if client.role == "phone" and type_ in PHONE_DEEDS:
                self._take_part(client, actor, type_)
            deed, about = _counted_deed(type_, data)
            if deed is not None and not self.gate.may(deed, client.ws, about):
                code, english = LIMITED[deed]
                raise CommandError(code, english)
            outcome = self.core.execute(Command(type_, data, actor))
            if deed is not None and outcome.changed:
                self.gate.did(deed, client.ws, about)
            if type_ == "device/join" and isinstance(data.get("lang"), str):
                self.publisher.relang(client, self.messages.lang(data["lang"]))  # the phone switched language
        except CommandError as exc:
            await self._error(client, ref, exc.code, exc.message, exc.params)
            return
        except StoreError:
            # The core tells the app and the log once (storage listeners); the phone keeps its answer to resend.
            await self._error(client, ref, "not_stored")
            return
        ack: dict[str, Any] = {"type": "ack", "ref": ref, "of": type_}
        if type_ in ("contribution/add", "question/add"):
            ack["id"] = data.get("id")
        await client.ws.send(encode(ack))

    async def _view_request(self, client: Client, type_: str, ref: Any, data: dict[str, Any]) -> None:
        """Requests about what a client is sent, not about the evening: answered by the publisher alone."""
        try:
            if type_ == "state/resync":
                self.publisher.reset(client)  # it saw a gap in `seq`
            else:
                self.publisher.set_window(client, data)
        except CommandError as exc:
            await self._error(client, ref, exc.code, exc.message, exc.params)
            return
        await client.ws.send(encode({"type": "ack", "ref": ref, "of": type_}))

    def _take_part(self, client: Client, actor: Actor, type_: str) -> None:
        """The phone does something: it joins the evening first (the core's device/join), if it had not."""
        self.gate.active(client.ws)
        if type_ == "device/join" or client.device in self.core.state.devices:
            return
        join = {"lang": client.join_lang} if client.join_lang is not None else {}
        self.core.execute(Command("device/join", join, actor))

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


# What a phone does that the gate counts per address: the refusal when the address did too much of it.
LIMITED = {
    "recognition": ("recognitions_limited", "many recognitions from this network; try again soon"),
    "upvote": ("upvotes_limited", "many upvotes from this network; try again soon"),
    "question": ("questions_limited", "many questions from this network at once; try again soon"),
}


def _counted_deed(type_: str, data: dict[str, Any]) -> tuple[str | None, object]:
    """The deed (of the gate's DEEDS) a command is, and what it is about; (None, None) for one not counted."""
    if type_ == "contribution/endorse" and data.get("on", True) is True:
        return "recognition", data.get("id")
    if type_ == "question/upvote" and data.get("on", True) is True:
        return "upvote", data.get("id")
    if type_ == "question/add":
        return "question", None
    return None, None


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


def _peer(transport: asyncio.BaseTransport | None) -> str | None:
    peer = transport.get_extra_info("peername") if transport is not None else None
    return str(peer[0]) if isinstance(peer, tuple) and peer else None


def _log_storage(problem: StoreError | None) -> None:
    if problem is not None:
        log.warning("Storing failed: %s Phones are told and keep what they sent.", problem)
    else:
        log.warning("Storing works again.")
