"""The hub: one WebSocket server in the app's asyncio loop, between the session core and the browsers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from kiosk.catalog import FULL_LANGUAGES, catalog
from kiosk.core.session import SessionCore
from kiosk.core.store import StoreError
from kiosk.hub.admission import FULL, Gate, forwarded_for
from kiosk.hub.connections import Registry
from kiosk.hub.held_evening import EveningHeldElsewhere, HeldEvening
from kiosk.hub.http_guard import ANSWERED, HostCheck, request_method
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
from kiosk.hub.publisher import Publisher
from kiosk.hub.roles import RoleHandlers, close_now
from kiosk.hub.seat_handles import PROCESS_HANDLES
from kiosk.namecheck.service import FullCheck
from kiosk.prepare.poster import evening_poster
from kiosk.prepare.qr import Wifi

MAX_FRAME = 4096
REFUSED_LINGER = 2.0  # seconds a refused request may go on sending its body before the hub closes
log = logging.getLogger("kiosk.hub")


class GatedConnection(ServerConnection):
    """A connection that asks the hub's gate whether it may stay the moment it is accepted."""

    hub: Hub  # set on a subclass made per hub
    turned_away = False  # closed before websockets saw it: an address opening connections too fast
    first_bytes: bytes | None = b""  # the request line, until it is all there
    refusing = False  # answered 405 by the hub itself; what the client still sends is read and dropped

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not self.hub._opened(self, transport):
            self.turned_away = True
            assert isinstance(transport, asyncio.Transport)
            transport.abort()  # no handshake, no handler: as cheap as a refusal can be
            return
        super().connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.refusing:
            return
        if self.first_bytes is not None:
            self.first_bytes += data
            method = request_method(self.first_bytes)
            if method is not None and method not in ANSWERED:
                self._refuse_method()
                return
            if method is not None or len(self.first_bytes) > MAX_FRAME:
                self.first_bytes = None  # a GET or HEAD, or no HTTP: websockets reads it from here
        super().data_received(data)

    def _refuse_method(self) -> None:
        """405 for a method the kiosk does not answer, body or not; the body is read and dropped."""
        self.refusing = True
        transport = self.transport
        assert isinstance(transport, asyncio.Transport)
        words = catalog(self.hub.lang if self.hub.lang in FULL_LANGUAGES else "nl")
        transport.write(plain(405, words("hub.http.method")).serialize())
        if transport.can_write_eof():
            transport.write_eof()
        asyncio.get_running_loop().call_later(REFUSED_LINGER, transport.close)

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
        self.registry = Registry()
        self.handles = PROCESS_HANDLES
        self.publisher = Publisher(
            core,
            self.registry,
            lambda: (self.urls.join, self.info.room_code),
            lambda: self.urls.base,
            self.handles,
        )
        self.held = HeldEvening(core)  # no other kiosk runs this evening while this hub does
        self.roles = RoleHandlers(core, self.gate, self.publisher, Messages(_i18n_dir(), lang), self.handles)
        self._server: Server | None = None
        self._pages: Pages | None = None
        self._full: set[ServerConnection] = set()  # accepted only to be told the hub is full
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_storage: Callable[[], None] | None = None
        self._restore_loop: Callable[[], None] | None = None

    @property
    def messages(self) -> Messages:
        """The error messages every client gets, in its language."""
        return self.roles.messages

    @messages.setter
    def messages(self, messages: Messages) -> None:
        self.roles.messages = messages

    # -- lifecycle -------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind and serve; port 0 picks a free port. Raises HubError with a sentence."""
        self.open_files = raise_open_file_limit()
        self.gate.capacity = connection_places(self.open_files, self.max_connections)
        connection_class = type("HubConnection", (GatedConnection,), {"hub": self})
        try:
            self.held.start(asyncio.get_running_loop(), self.lang)
        except EveningHeldElsewhere as exc:
            raise HubError(str(exc)) from None
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
            self.held.stop()
            raise HubError(bind_problem(exc, self.host, self.port, self.lang)) from None
        self._restore_loop = quiet_accept_errors(asyncio.get_running_loop())
        self.port = self._server.sockets[0].getsockname()[1] if self.port == 0 else self.port
        public_origin = url_origin(self.public_url) if self.public_url else None
        tokens = (self.info.display_token, self.info.remote_token)
        posters = PosterPages(tokens, self.wifi, self.poster_html, self.lang)
        hosts = HostCheck(self.public_url)
        self._pages = Pages(_web_dir(), self.urls.join, public_origin, posters.answer, self.lang, hosts)
        self.publisher.start(asyncio.get_running_loop())
        self._unsubscribe = self.core.subscribe(self.roles.after_change)
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
        self.held.stop()

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

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        assert self._pages is not None
        if self.trust_proxy:
            client = forwarded_for(request.headers.get_all("X-Forwarded-For"))
            verdict = self.gate.rekey(connection, client or _peer(connection.transport))
            close_now(verdict.close)
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
        close_now(verdict.close)
        if verdict.refused == FULL:
            self._full.add(connection)  # told so after the handshake, so the page waits before it retries
        return verdict.refused is None or verdict.refused == FULL

    # -- WebSocket -------------------------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        try:
            if ws in self._full:
                await self.roles.refuse(ws, "full", self.messages.default_lang, close_code=1013)
                return
            await self.roles.serve(ws)
        finally:
            self._full.discard(ws)


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
    if problem is not None and problem.reason == "taken_in":
        log.warning("%s", problem)  # another process wrote to this evening: taken in, storing goes on
    elif problem is not None:
        log.warning("Storing failed: %s Phones are told and keep what they sent.", problem)
    else:
        log.warning("Storing works again.")
