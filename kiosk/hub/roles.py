"""One handler per role: what a phone, a table host, the projector and the remote do, from hello to goodbye.

As in the websockets tutorial (`start`, `join`, `watch`): `serve` reads a connection's hello and hands it to its
role's handler, which reads top to bottom: who it is, whether it may come in, its first view, then every request
it sends until it leaves. What all roles share (reading frames, answering a command, refusing) is below them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast
from websockets.exceptions import ConnectionClosed

from kiosk.core.changes import Changes
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.rules import RULES
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.store import StoreError
from kiosk.core.tables import table_for_host_token
from kiosk.hub.admission import Gate
from kiosk.hub.budgets import ChangeBudget, QuestionShares, changed_thing
from kiosk.hub.connections import Client, Refused, host_client, phone_client, token_client
from kiosk.hub.i18n import Messages
from kiosk.hub.publisher import Publisher, encode
from kiosk.hub.seat_handles import SeatHandles

HELLO_TIMEOUT = 10.0
VIEW_REQUESTS = frozenset({"state/resync", "contributions/filter"})
# What a phone sends that shows a person is there; a ping or a junk frame does not.
PHONE_DEEDS = frozenset(t for t, rule in RULES.items() if "phone" in rule.actors)
# An older connection of a phone or host that opened a newer one is closed with this code (after a `replaced`
# error): its page waits until it is looked at again instead of taking the connection back at once.
REPLACED = 4001
# What a phone does that the gate counts per address: the refusal when the address did too much of it.
LIMITED = {
    "recognition": ("recognitions_limited", "many recognitions from this network; try again soon"),
    "upvote": ("upvotes_limited", "many upvotes from this network; try again soon"),
    "question": ("questions_limited", "many questions from this network at once; try again soon"),
}


@dataclass(frozen=True)
class Request:
    """One frame a client sent, read: its type, its `ref` (echoed in the answer) and the rest."""

    type: str
    ref: Any
    data: dict[str, Any]


class RoleHandlers:
    """Every connection's life after the hub let it in, by role."""

    def __init__(
        self, core: SessionCore, gate: Gate, publisher: Publisher, messages: Messages, handles: SeatHandles
    ) -> None:
        assert core.info is not None
        self.core = core
        self.info = core.info
        self.gate = gate
        self.publisher = publisher
        self.registry = publisher.registry
        self.messages = messages
        self.handles = handles
        self.budget = ChangeBudget()
        self.shares = QuestionShares()
        self._closing: set[asyncio.Task[None]] = set()

    async def serve(self, ws: ServerConnection) -> None:
        """Read the hello and hand the connection to its role; closing is normal (a locked screen, a stop)."""
        lang = self.messages.default_lang
        try:
            hello = await self._hello(ws)
            if hello is None:
                return
            lang = self.messages.lang(hello.get("lang"))
            handler = {
                "phone": self.phone,
                "host": self.host,
                "display": self.display,
                "remote": self.remote,
            }.get(hello.get("role"))  # type: ignore[arg-type]
            if handler is None:
                await self.refuse(ws, "bad_hello", lang)
                return
            await handler(ws, hello, lang)
        except Refused as refused:
            await self.refuse(ws, refused.code, lang)
        except ConnectionClosed:
            pass

    # -- the roles ---------------------------------------------------------------------------------------

    async def phone(self, ws: ServerConnection, hello: dict[str, Any], lang: str) -> None:
        """A parent's or staff member's phone: in with the room code, one live connection per phone (a newer one
        replaces the older). It takes part from the first thing it does; what it does is limited per phone and
        per address, so no one phone or network uses up what the room shares."""
        client = phone_client(ws, hello, self.info, lang)
        device = client.device
        assert device is not None
        client.join_lang = hello["lang"] if isinstance(hello.get("lang"), str) else None
        taking_part = device in self.core.state.devices
        if taking_part:
            self.gate.seen(device)
        elif not self.gate.may_join(ws, device):
            await self.refuse(ws, "too_many_joins", lang, close_code=1013)
            return
        older = self._older(client)
        if not await self._admit(client, idle_phone=not taking_part, replaces=older is not None):
            return
        self._replace(older)
        await self._stay(client, hello, partial(self._room_deed, client, Actor("phone", device=device)))

    async def host(self, ws: ServerConnection, hello: dict[str, Any], lang: str) -> None:
        """A table host: in with its table's link (never `full`), one live connection per host; it writes its
        table's notes, and is sent away when a new division of the room no longer has its table."""
        client = host_client(ws, hello, self.core.state, lang)
        assert client.device is not None
        self.gate.seen(client.device)
        older = self._older(client)
        if not await self._admit(client, kept=True, replaces=older is not None):
            return
        self._replace(older)
        actor = Actor("host", device=client.device, table=client.table)
        await self._stay(client, hello, partial(self._room_deed, client, actor))

    async def display(self, ws: ServerConnection, hello: dict[str, Any], lang: str) -> None:
        """The projector: in with its token (never `full`); it watches, and asks for a whole view after a gap."""
        client = token_client(ws, hello, "display", self.info.display_token, lang)
        if not await self._admit(client, kept=True):
            return
        await self._stay(
            client, hello, partial(self._execute, actor=Actor("display"))
        )  # the core: `forbidden`

    async def remote(self, ws: ServerConnection, hello: dict[str, Any], lang: str) -> None:
        """The facilitator's remote: in with its token (never `full`); it steers the evening, moderates, moves
        people between tables by the handles its view gave it, and chooses which answers it sees."""
        client = token_client(ws, hello, "remote", self.info.remote_token, lang)
        if not await self._admit(client, kept=True):
            return
        await self._stay(client, hello, self._steer)

    def after_change(self, changes: Changes, state: SessionState) -> None:
        """After a new division, a host whose link no longer opens its table is sent away like a wrong token."""
        if not changes.tables:
            return
        for client in list(self.registry.hosts):
            if client.token is None or table_for_host_token(state, client.token) != client.table:
                self.publisher.leave(client)
                self._later(self.refuse(client.ws, "bad_token", client.lang))

    # -- coming in ----------------------------------------------------------------------------------------

    async def _hello(self, ws: ServerConnection) -> dict[str, Any] | None:
        lang = self.messages.default_lang
        try:
            raw = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT)
        except TimeoutError:
            await self.refuse(ws, "hello_timeout", lang)
            return None
        hello = parse(raw)
        if not isinstance(hello, dict) or hello.get("type") != "hello":
            await self.refuse(ws, "hello_first", lang)
            return None
        return hello

    def _older(self, client: Client) -> Client | None:
        """The connection this phone or host already has, if any."""
        same = self.registry.by_device.get(client.device or "", ())
        return next((c for c in same if c.role == client.role and c is not client), None)

    async def _admit(
        self, client: Client, *, idle_phone: bool = False, kept: bool = False, replaces: bool = False
    ) -> bool:
        """Ask the gate for a place now that the client said who it is; `full` when there is none."""
        verdict = self.gate.said_hello(client.ws, idle_phone=idle_phone, kept=kept, replaces=replaces)
        close_now(verdict.close)
        if verdict.refused is not None:
            await self.refuse(client.ws, verdict.refused, client.lang, close_code=1013)
            return False
        return True

    def _replace(self, older: Client | None) -> None:
        """The phone opened a newer connection (a reload, a screen that woke up, another tab): the older one
        gives its place and its updates to the newer at once, and is told why it closes."""
        if older is None:
            return
        self.gate.let_go(older.ws)
        self.publisher.leave(older)
        older.closing = self._later(self.refuse(older.ws, "replaced", older.lang, close_code=REPLACED))

    async def _stay(self, client: Client, hello: dict[str, Any], run: Callable[[Request], object]) -> None:
        """Its greeting and first view, then every request it sends until it leaves: what it is sent is the
        publisher's to answer, what it asks of the evening is `run`'s."""
        greeting = {"type": "hello/ok", "role": client.role, "lang": client.lang, "room": self.info.room_code}
        broadcast([client.ws], encode(greeting))
        self.publisher.welcome(client, hello.get("resume"))
        try:
            async for request in self._requests(client):
                if request.type in VIEW_REQUESTS:
                    await self._view_request(client, request)
                else:
                    await self._answer(client, request, partial(run, request))
        finally:
            self.publisher.leave(client)

    # -- what clients send ----------------------------------------------------------------------------------

    async def _requests(self, client: Client) -> AsyncIterator[Request]:
        """The client's frames as requests, within its rate; junk is answered here, pings too."""
        async for message in client.ws:
            if client.closing is not None:
                continue  # read and drop what is still queued, so the closing handshake can complete
            if not client.bucket.allow():
                if client.bucket.flooding:
                    client.closing = asyncio.create_task(client.ws.close(1008, "too many messages"))
                elif client.bucket.dropped == 1:
                    await self._error(client, None, "rate_limited")
                continue
            if isinstance(message, bytes):
                await self._error(client, None, "binary")
                continue
            data = parse(message)
            if data is INVALID:
                await self._error(client, None, "bad_json")
                continue
            if not isinstance(data, dict) or not isinstance(data.get("type"), str):
                await self._error(client, data.get("ref") if isinstance(data, dict) else None, "bad_message")
                continue
            type_ = data.pop("type")
            ref = data.pop("ref", None)
            if type_ == "ping":
                await client.ws.send(encode({"type": "pong", "ref": ref}))
                continue
            yield Request(type_, ref, data)

    async def _view_request(self, client: Client, request: Request) -> None:
        """Requests about what a client is sent, not about the evening: answered by the publisher alone."""
        try:
            if request.type == "state/resync":
                self.publisher.reset(client)  # it saw a gap in `seq`
            else:
                self.publisher.set_window(client, request.data)  # `forbidden` for all but the remote
        except CommandError as exc:
            await self._error(client, request.ref, exc.code, exc.message, exc.params)
            return
        await client.ws.send(encode({"type": "ack", "ref": request.ref, "of": request.type}))

    async def _answer(self, client: Client, request: Request, run: Callable[[], object]) -> None:
        """Run a command for the client and answer it: an ack, or an error it can act on."""
        try:
            run()
        except CommandError as exc:
            await self._error(client, request.ref, exc.code, exc.message, exc.params)
            return
        except StoreError:
            # The core tells the app and the log once (storage listeners); the phone keeps its answer to resend.
            await self._error(client, request.ref, "not_stored")
            return
        ack: dict[str, Any] = {"type": "ack", "ref": request.ref, "of": request.type}
        if request.type in ("contribution/add", "question/add"):
            ack["id"] = request.data.get("id")
        await client.ws.send(encode(ack))

    def _execute(self, request: Request, actor: Actor) -> bool:
        """The core's answer to a command; True when it changed the evening."""
        return self.core.execute(Command(request.type, request.data, actor)).changed

    def _steer(self, request: Request) -> None:
        """The remote's command; a person is named by the handle its view gave it, the core wants the device."""
        data = request.data
        if request.type == "tables/move" and "seat" in data:
            device = self.handles.device(self.core.state, data["seat"])
            if device is None:
                raise CommandError("unknown_seat", "that person is no longer at a table; look again")
            data = {**{k: v for k, v in data.items() if k != "seat"}, "device": device}
        self._execute(Request(request.type, request.ref, data), Actor("remote"))

    def _room_deed(self, client: Client, actor: Actor, request: Request) -> None:
        """A phone's or host's command, within what one phone and one network may do of what the room shares."""
        type_, data, device = request.type, request.data, client.device
        assert device is not None
        if client.role == "phone" and type_ in PHONE_DEEDS:
            self._take_part(client, actor, type_)
        thing = changed_thing(type_, data)
        address = self.gate.address(client.ws)
        spent = thing is not None and not self.budget.may(device, thing, address)
        if spent and self.core.would_change(Command(type_, data, actor)):  # the same again is never refused
            raise CommandError(
                "too_many_changes", "you changed this many times just now; try again in a minute"
            )
        deed, about = counted_deed(type_, data)
        if deed is not None and not self.gate.may(deed, client.ws, about):
            code, english = LIMITED[deed]
            raise CommandError(code, english)
        if type_ == "question/add" and not self.shares.room(address, self._question_in_play):
            raise CommandError("questions_share", "this network asked as many questions as it may for now")
        changed = self._execute(request, actor)
        if type_ == "device/join" and isinstance(data.get("lang"), str):
            self.publisher.relang(client, self.messages.lang(data["lang"]))  # the phone switched language
        if not changed:
            return  # a repeat or a resend: nothing stored, nothing spent
        if deed is not None:
            self.gate.did(deed, client.ws, about)
        if thing is not None:
            self.budget.spent(device, thing, address)
        if type_ == "question/add":
            self.shares.asked(address, str(data.get("id")))

    def _question_in_play(self, question: str) -> bool:
        found = self.core.state.questions.items.get(question)
        return found is not None and found.status != "hidden"

    def _take_part(self, client: Client, actor: Actor, type_: str) -> None:
        """The phone does something: it joins the evening first (the core's device/join), if it had not."""
        self.gate.active(client.ws)
        if type_ == "device/join" or client.device in self.core.state.devices:
            return
        join = {"lang": client.join_lang} if client.join_lang is not None else {}
        self.core.execute(Command("device/join", join, actor))

    # -- answering ---------------------------------------------------------------------------------------

    async def refuse(
        self,
        ws: ServerConnection,
        code: str,
        lang: str,
        *,
        english: str | None = None,
        close_code: int = 1008,
    ) -> None:
        """An error frame that says why, then the close."""
        message = self.messages.error(code, lang, english)
        try:
            await ws.send(encode({"type": "error", "ref": None, "code": code, "message": message}))
            await ws.close(close_code, code)
        except ConnectionClosed:
            pass

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

    def _later(self, closing: Any) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.create_task(closing)
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)
        return task


def counted_deed(type_: str, data: dict[str, Any]) -> tuple[str | None, object]:
    """The deed (of the gate's DEEDS) a command is, and what it is about; (None, None) for one not counted."""
    if type_ == "contribution/endorse" and data.get("on", True) is True:
        return "recognition", data.get("id")
    if type_ == "question/upvote" and data.get("on", True) is True:
        return "upvote", data.get("id")
    if type_ == "question/add":
        return "question", None
    return None, None


def close_now(connections: list[Any]) -> None:
    """Close connections the gate chose to make room, without a word (they have not said who they are)."""
    for connection in connections:
        transport = connection.transport
        if transport is not None:
            transport.abort()


INVALID = object()


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse(raw: str | bytes) -> Any:
    """A frame's JSON, or INVALID; NaN and Infinity are refused (they would be echoed as invalid JSON)."""
    if isinstance(raw, bytes):
        return INVALID
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # "[[[[...": a 4 KiB frame can nest deeper than the parser recurses
        return INVALID
