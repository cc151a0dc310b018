"""A hostile room against the real `kiosk serve`, started under a laptop's open-file limit of 256.

From 127.0.0.2 one person opens sockets that never say hello, makes up 3,000 phones and spams answers. Meanwhile
100 phones, each from its own address, and 50 phones behind one address (a school's NAT, 127.0.0.3) join and
answer, and the facilitator's remote connects from 127.0.0.4. Every honest answer is acknowledged.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from kiosk.bench.screens import Screen
from kiosk.bench.server import ServerProcess, Urls, start_server
from kiosk.bench.wire import WireClient
from kiosk.hub.admission import WAITING_PER_ADDRESS
from tests.faults.conftest import SENTENCE, stored_ids

SOFT_LIMIT = 256  # macOS' default; the hub raises it to the hard limit at start
ATTACKER = "127.0.0.2"
NAT = "127.0.0.3"
REMOTE = "127.0.0.4"
OWN_ADDRESSES = [f"127.0.0.{10 + n}" for n in range(100)]
IDLE_SOCKETS = 600
MADE_UP = 3000
SPAMMERS = 50
ANSWERS = 4  # per honest phone, a second apart: the phones answer while the spam goes on
REMOTE_FIRST_VIEW = 256 * 1024
# Codes a phone page answers by waiting and trying again (participant_web/js/phone.js, connection.js).
RETRYABLE = {"rate_limited", "full", "too_many_joins", "not_stored", "internal"}


def under_soft_limit(command: list[str], soft: int, stderr: Path) -> list[str]:
    """The command started with a low soft open-file limit (the hard one stays), as on a laptop; its stderr
    goes to a file, to be weighed."""
    return ["sh", "-c", f'ulimit -Sn {soft} && exec "$@" 2>"{stderr}"', "kiosk", *command]


@dataclass
class Flood:
    """What happened: the honest phones' answers, the attacker's outcomes, the remote's first view."""

    sent: list[str] = field(default_factory=list)
    acked: list[str] = field(default_factory=list)
    join_seconds: list[float] = field(default_factory=list)
    retries: Counter[str] = field(default_factory=Counter)
    ack_seconds: list[float] = field(default_factory=list)
    attack: Counter[str] = field(default_factory=Counter)
    remote_first_view: int = 0
    remote_seconds: float = 0.0
    idle_closed_by_hub: int = 0
    stderr: bytes = b""
    alive: bool = False
    stored: list[str] = field(default_factory=list)


async def wire(urls: Urls, source: str, on_text: Any = lambda raw: None) -> WireClient:
    loop = asyncio.get_running_loop()
    _, client = await asyncio.wait_for(
        loop.create_connection(
            lambda: WireClient(urls.host, urls.port, "/ws", on_text),
            urls.host,
            urls.port,
            local_addr=(source, 0),
        ),
        10,
    )
    try:
        await asyncio.wait_for(asyncio.shield(client.opened), 10)
    except TimeoutError:
        client.close()
        raise
    return client


async def open_idle_sockets(urls: Urls, flood: Flood, held: list[Any]) -> None:
    """Half raw TCP that never sends a byte, half WebSockets that never say hello."""
    for n in range(IDLE_SOCKETS):
        try:
            if n % 2:
                held.append(await asyncio.open_connection(urls.host, urls.port, local_addr=(ATTACKER, 0)))
            else:
                held.append(await wire(urls, ATTACKER))
            flood.attack["idle opened"] += 1
        except (OSError, ConnectionError, TimeoutError):
            flood.attack["idle refused"] += 1


async def make_up_phones(urls: Urls, flood: Flood, spammers: list[WireClient], held: list[Any]) -> None:
    """MADE_UP hellos with random device ids, each kept open; the first SPAMMERS let in also spam."""
    gate = asyncio.Semaphore(100)

    async def one(n: int) -> None:
        async with gate:
            first: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
            try:
                client = await wire(urls, ATTACKER, lambda raw: first.done() or first.set_result(raw))
                hello = {"type": "hello", "role": "phone", "room": urls.room, "device": f"made-up-{n:06d}-x"}
                client.send_text(json.dumps(hello))
                answer = json.loads(await asyncio.wait_for(first, 10))
            except (OSError, ConnectionError, TimeoutError, ValueError):
                flood.attack["join refused at connect"] += 1
                return
            if answer.get("type") == "hello/ok":
                flood.attack["join let in"] += 1
                (spammers if len(spammers) < SPAMMERS else held).append(client)
            else:
                flood.attack[f"join refused: {answer.get('code')}"] += 1
                client.close()

    await asyncio.gather(*(one(n) for n in range(MADE_UP)))


async def spam(spammers: list[WireClient], stop: asyncio.Event, flood: Flood) -> None:
    """Each made-up phone sends answers as fast as it is allowed (just under 5 a second), forever."""
    ids = itertools.count()
    while not stop.is_set():
        for client in spammers:
            n = next(ids)
            client.send_text(
                json.dumps({"type": "contribution/add", "ref": n, "id": f"spam-{n}", "text": f"spam {n}"})
            )
        flood.attack["spam sent"] += len(spammers)
        await asyncio.sleep(0.22)


async def honest_phone(urls: Urls, source: str, device: str, flood: Flood) -> None:
    """A phone as the page behaves: join, say its role, send its answers; wait and retry what the page retries."""
    pending = [f"{device}-a{n}" for n in range(ANSWERS)]
    flood.sent.extend(pending)
    deadline = time.monotonic() + 45
    started = time.monotonic()
    while pending and time.monotonic() < deadline:
        try:
            ws = await connect(
                urls.ws, proxy=None, compression=None, max_size=None, open_timeout=10, local_addr=(source, 0)
            )
        except (OSError, InvalidHandshake, TimeoutError) as exc:
            flood.retries[f"connect: {type(exc).__name__}"] += 1
            await asyncio.sleep(0.5)
            continue
        try:
            await ws.send(json.dumps({"type": "hello", "role": "phone", "room": urls.room, "device": device}))
            first = await reply(ws, lambda m: m["type"] in ("hello/ok", "error"))
            if first["type"] == "error":
                flood.retries[first["code"]] += 1
                assert first["code"] in RETRYABLE, first
                await asyncio.sleep(0.5)
                continue
            await ws.send(json.dumps({"type": "device/join", "ref": "join", "role": "parent"}))
            assert (await reply(ws, lambda m: m.get("ref") == "join"))["type"] == "ack"
            flood.join_seconds.append(time.monotonic() - started)
            while pending:
                cid = pending[0]
                sent_at = time.monotonic()
                text = f"{SENTENCE} ({device} {cid[-1]})"
                await ws.send(json.dumps({"type": "contribution/add", "ref": cid, "id": cid, "text": text}))
                answer = await reply(ws, lambda m, ref=cid: m.get("ref") == ref)
                if answer["type"] == "error":
                    flood.retries[answer["code"]] += 1
                    assert answer["code"] in RETRYABLE, answer
                    await asyncio.sleep(1.0)
                    continue
                flood.ack_seconds.append(time.monotonic() - sent_at)
                flood.acked.append(pending.pop(0))
                await asyncio.sleep(1.0)
        except (ConnectionClosed, TimeoutError):
            flood.retries["dropped"] += 1
        finally:
            await ws.close()


async def reply(ws: ClientConnection, wanted: Any) -> dict[str, Any]:
    async def wait() -> dict[str, Any]:
        while True:
            message = json.loads(await ws.recv())
            if wanted(message):
                return dict(message)

    return await asyncio.wait_for(wait(), 15)


async def remote_connects(urls: Urls, flood: Flood) -> None:
    """The facilitator's remote from its own address: how big is the first view it must load?"""
    started = time.monotonic()
    async with connect(
        urls.ws, proxy=None, compression=None, max_size=None, open_timeout=15, local_addr=(REMOTE, 0)
    ) as ws:
        await ws.send(json.dumps({"type": "hello", "role": "remote", "token": urls.remote_token}))
        while True:
            raw = await asyncio.wait_for(ws.recv(), 15)
            if json.loads(raw)["type"] == "state/reset":
                flood.remote_first_view = len(raw.encode() if isinstance(raw, str) else raw)
                flood.remote_seconds = time.monotonic() - started
                return


async def open_the_dialogue(urls: Urls) -> None:
    remote = await Screen.connect(urls.ws, "remote", urls.remote_token)
    view = remote.view
    assert (await remote.command("block/jump", index=3))["type"] == "ack"
    await asyncio.sleep(0.2)
    assert remote.view["prompt"] is not None, view
    await remote.close()


async def run_flood(server: ServerProcess, data_dir: Path) -> Flood:
    urls = server.urls
    flood = Flood()
    await open_the_dialogue(urls)
    held: list[Any] = []
    made_up: list[WireClient] = []
    spammers: list[WireClient] = []
    stop = asyncio.Event()
    attack = [
        asyncio.create_task(open_idle_sockets(urls, flood, held)),
        asyncio.create_task(make_up_phones(urls, flood, spammers, made_up)),
        asyncio.create_task(spam(spammers, stop, flood)),
    ]
    await asyncio.sleep(2.0)  # the room is already hostile when the honest phones arrive
    sources = [(address, f"own-{n:03d}-phone") for n, address in enumerate(OWN_ADDRESSES)]
    sources += [(NAT, f"nat-{n:03d}-phone") for n in range(50)]
    random.Random(11).shuffle(sources)
    honest = [asyncio.create_task(honest_phone(urls, source, device, flood)) for source, device in sources]
    await asyncio.sleep(2.0)
    try:
        await remote_connects(urls, flood)
    except (OSError, InvalidHandshake, TimeoutError) as exc:
        flood.attack[f"remote failed: {type(exc).__name__}"] += 1
    await asyncio.gather(*honest)
    stop.set()
    for task in attack:  # what the attacker did not get through by now is not waited for
        task.cancel()
    await asyncio.gather(*attack, return_exceptions=True)
    flood.idle_closed_by_hub = sum(
        1 for h in held if (h.closed.done() if isinstance(h, WireClient) else h[0].at_eof())
    )
    for h in held:
        (h if isinstance(h, WireClient) else h[1]).close()
    for client in spammers + made_up:
        client.close()
    flood.alive = server.proc.returncode is None
    flood.stored = stored_ids(data_dir)
    return flood


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Flood:
    from tests.faults.conftest import kiosk_serve

    data_dir = Path(tmp_path_factory.mktemp("flood"))

    async def scenario() -> Flood:
        stderr = data_dir / "stderr.txt"
        server = await start_server(under_soft_limit(kiosk_serve()(data_dir), SOFT_LIMIT, stderr))
        try:
            result = await run_flood(server, data_dir)
        finally:
            await server.stop()
        result.stderr = stderr.read_bytes()
        return result

    return asyncio.run(scenario())


def test_every_honest_answer_is_acknowledged_in_a_hostile_room(flood: Flood) -> None:
    assert flood.alive
    assert sorted(flood.acked) == sorted(flood.sent), (len(flood.acked), len(flood.sent), flood.retries)
    assert set(flood.acked) <= set(flood.stored)
    assert not flood.retries, flood.retries  # no honest phone was even asked to wait
    print(
        f"\nhonest: {len(flood.acked)} answers acked, slowest join {max(flood.join_seconds):.2f} s, "
        f"slowest ack {max(flood.ack_seconds):.2f} s; "
        f"attack: {dict(flood.attack)}; remote's first view {flood.remote_first_view} bytes "
        f"after {flood.remote_seconds:.2f} s; hub stderr {len(flood.stderr)} bytes"
    )


def test_the_attackers_made_up_phones_and_idle_sockets_are_held_back(flood: Flood) -> None:
    assert flood.attack["join let in"] < MADE_UP / 2
    assert flood.attack["idle opened"] - flood.idle_closed_by_hub <= WAITING_PER_ADDRESS
    assert sum(1 for cid in flood.stored if cid.startswith("spam-")) <= SPAMMERS * 10


def test_the_hub_says_little_on_stderr(flood: Flood) -> None:
    assert len(flood.stderr) < 4096, flood.stderr[:2000]
    assert b"Traceback" not in flood.stderr and b"out of system resource" not in flood.stderr


def test_the_remote_from_its_own_address_gets_a_small_first_view(flood: Flood) -> None:
    assert 0 < flood.remote_first_view <= REMOTE_FIRST_VIEW, flood.remote_first_view
