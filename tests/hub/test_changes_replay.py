"""A client that applies every change from its first reset holds exactly what a fresh `state/reset` gives.

Random evenings (hypothesis) run through a real hub on a real port with real websockets clients: phones, a
projector and a remote, each keeping its view with the reference reducer (`kiosk.hub.changes.Mirror`). Clients
reconnect and the remote changes its filter in the middle. At the end each client asks for a reset
(`state/resync`) on its own connection and the reset must equal what the changes built.

Why a real server: the changes travel the same path as in the hall (publisher, seq, broadcast, websockets
framing). The hub's flush and count intervals are shortened (2 ms, 10 ms) so an example takes a fraction of a
second; the order of things is the same as with the real intervals.
"""

from __future__ import annotations

import asyncio
import json
import socket
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.asyncio.client import ClientConnection, connect

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.hub import publisher as publisher_module
from kiosk.hub.changes import CHANGES, Mirror, comparable
from kiosk.hub.server import Hub
from kiosk.resources import default_agenda_path

PATIENCE = 10.0  # a guard against a hang, not a speed assertion
ANSWERS = 400  # 500 characters each: enough to fill a phone's socket buffers once it stops reading
PHONES = ("phone-prop-0000", "phone-prop-0001", "phone-prop-0002")
IDS = tuple(f"c-{n}" for n in range(5))
QIDS = tuple(f"q-{n}" for n in range(3))
AGENDA = load_agenda(default_agenda_path())
DIALOGUE = next(b for b in AGENDA.blocks if b.kind == "dialogue")
PROMPTS = (
    tuple(p.id for p in DIALOGUE.prompts[:2])
    + tuple(p.id for b in AGENDA.blocks for p in b.prompts if p.kind != "open")[:1]
)


class Client:
    """A real websockets client that keeps its view by the wire's resets and changes."""

    def __init__(self, ws: ClientConnection, hello: dict[str, Any], mirror: Mirror | None = None) -> None:
        self.ws = ws
        self.hello = hello
        self.mirror = mirror or Mirror()
        self.resets = 0
        self.pongs = 0
        self.changes = 0
        self.acks: dict[str, dict[str, Any]] = {}
        self.reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def open(
        cls,
        port: int,
        hello: dict[str, Any],
        *,
        receive_buffer: int | None = None,
        resume: Mirror | None = None,
    ) -> Client:
        """Connect and say hello; with `resume`, continue that view (the hub sends what it missed, or a reset)."""
        sock = None
        if (
            receive_buffer is not None
        ):  # a small window, set before connecting: the server's buffer fills sooner
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
            sock.connect(("127.0.0.1", port))
        uri = f"ws://127.0.0.1:{port}/ws"
        ws = await connect(uri, proxy=None, compression=None, sock=sock, max_size=None)
        client = cls(ws, hello, resume)
        if resume is not None:
            await ws.send(json.dumps({"type": "hello", **hello, "resume": resume.resume()}))
            await ws.send(json.dumps({"type": "ping"}))  # answered after everything the hello brought
            await client.wait(lambda: client.pongs >= 1)
        else:
            await ws.send(json.dumps({"type": "hello", **hello}))
            await client.wait(lambda: client.resets >= 1)
        return client

    async def _read(self) -> None:
        async for raw in self.ws:
            message = json.loads(raw)
            self.mirror.take(message)
            if message["type"] == "state/reset":
                self.resets += 1
            elif message["type"] == "pong":
                self.pongs += 1
            elif message["type"] in CHANGES:
                self.changes += 1
            elif message["type"] in ("ack", "error") and isinstance(message.get("ref"), str):
                self.acks[message["ref"]] = message

    async def wait(self, done: Any) -> None:
        async def poll() -> None:
            while not done():
                await asyncio.sleep(0.002)

        await asyncio.wait_for(poll(), PATIENCE)

    async def ask(self, type_: str, ref: str, **data: Any) -> dict[str, Any]:
        await self.ws.send(json.dumps({"type": type_, "ref": ref, **data}))
        await self.wait(lambda: ref in self.acks)
        return self.acks.pop(ref)

    async def fresh_reset(self) -> dict[str, Any]:
        """Ask for a whole view on this connection and return it."""
        before = self.resets
        await self.ws.send(json.dumps({"type": "state/resync"}))
        await self.wait(lambda: self.resets > before)
        assert self.mirror.view is not None
        return self.mirror.view

    async def close(self) -> None:
        await self.ws.close()
        await self.reader


def normal(view: dict[str, Any]) -> dict[str, Any]:
    """A view to compare: running clocks left out, the contributions by id (the reducer keeps arrival order)."""
    shown = comparable(view)
    shown["contributions"] = sorted(shown.get("contributions") or [], key=lambda c: c["id"])
    shown["questions"] = sorted(shown.get("questions") or [], key=lambda q: q["id"])
    return shown


texts = st.sampled_from(["Meer contact", "Vaker bellen", "Mail me op ouder@example.nl", "Samen optrekken"])
phone = st.sampled_from(range(len(PHONES)))
cid = st.sampled_from(IDS)
# What the room does most (answers coming and going) is drawn most often, so sequences reach the interesting
# states (an answer on the wall that is then hidden, merged, taken back) within a few dozen steps.
common = st.one_of(
    st.tuples(st.just("add"), phone, cid, texts),
    st.tuples(st.just("paper"), cid, texts),
    st.tuples(st.sampled_from(["contribution/approve", "contribution/hide", "contribution/pend"]), cid),
    st.tuples(st.just("withdraw"), phone, cid),
    st.tuples(st.just("endorse"), phone, cid, st.booleans()),
)
# The full name check's finding about an answer or a question: deduce took its first word for a name.
screening = st.tuples(
    st.just("screen"), st.sampled_from(["contribution", "question"]), st.sampled_from(IDS + QIDS)
)
asking = st.one_of(
    st.tuples(st.just("ask"), phone, st.sampled_from(QIDS), texts),
    st.tuples(st.sampled_from(["question/approve", "question/hide", "question/pend"]), st.sampled_from(QIDS)),
    st.tuples(st.just("upvote"), phone, st.sampled_from(QIDS), st.booleans()),
)
steps = st.lists(
    st.one_of(
        common,
        common,
        common,
        screening,
        st.tuples(st.just("contribution/pin"), cid, st.booleans()),
        st.tuples(st.just("contribution/merge"), cid, cid),
        st.tuples(st.just("contribution/edit"), cid, texts),
        st.tuples(st.just("endorse"), phone, cid, st.booleans()),
        st.tuples(st.just("prompt/open"), st.sampled_from(PROMPTS)),
        st.tuples(st.just("prompt/close")),
        st.tuples(st.just("prompt/recognition"), st.booleans()),
        st.tuples(st.sampled_from(["block/next", "block/previous", "block/pause", "block/start"])),
        st.tuples(st.just("settings/auto_approve"), st.booleans()),
        st.tuples(st.just("response/set"), phone, st.integers(0, 5)),
        st.tuples(st.just("summary/show"), st.booleans(), st.sampled_from(["points", "heard"])),
        st.tuples(st.just("role"), phone, st.sampled_from(["parent", "staff"])),
        st.tuples(st.just("tables/assign"), st.integers(1, 2)),
        st.tuples(st.just("presentation/start")),
        st.tuples(st.just("keypoint/add"), texts),
        st.tuples(st.just("reconnect"), st.sampled_from(["phone", "display", "remote"]), st.booleans()),
        st.tuples(
            st.just("window"),
            st.sampled_from([None, "pending", "approved", "withdrawn"]),
            st.sampled_from([None, *PROMPTS[:1]]),
            st.integers(1, 4),
        ),
        st.tuples(st.just("ask"), phone, st.sampled_from(QIDS), texts),
        st.tuples(st.sampled_from(["question/approve", "question/hide"]), st.sampled_from(QIDS)),
        st.tuples(st.just("upvote"), phone, st.sampled_from(QIDS), st.booleans()),
        st.tuples(st.just("question/answer"), st.sampled_from(QIDS), st.sampled_from(["now", "later", None])),
        st.tuples(st.just("display/questions"), st.booleans()),
        st.tuples(st.just("full_check"), st.booleans()),
        st.tuples(st.sampled_from(["contribution/redact", "question/redact"]), st.sampled_from(IDS + QIDS)),
        st.tuples(st.just("question/pend"), st.sampled_from(QIDS)),
        st.tuples(st.just("settle")),
    ),
    min_size=1,
    max_size=40,
)


def name_check_finding(core: SessionCore, target: str, ident: str) -> Command | None:
    """What the full name check sends when deduce takes a text's first word for a name."""
    items = core.state.contributions if target == "contribution" else core.state.questions.items
    item = items.get(ident)
    if item is None:
        return None
    first = item.text.split(" ")[0]
    found = {"target": target, "id": ident, "text": item.text, "spans": [[0, len(first), "name"]]}
    return Command("moderation/screen", {"items": [found]}, Actor("system"))


def play(step: tuple[Any, ...], core: SessionCore) -> bool:
    """One step of a random evening on the core: the name check turned on or off, or a command (refused ones are
    part of an evening too). Whether a command was tried."""
    if step[0] == "full_check":
        core.full_check = step[1]  # auto-approve waits for the name check's finding
        return False
    todo = command(step, core)
    if todo is None:
        return False
    try:
        core.execute(todo)
    except CommandError:
        pass
    return True


def command(step: tuple[Any, ...], core: SessionCore) -> Command | None:
    kind = step[0]
    if kind == "screen":
        return name_check_finding(core, step[1], step[2])
    if kind in ("contribution/redact", "question/redact", "question/pend"):
        return Command(kind, {"id": step[1]})
    if kind == "add":
        return Command(
            "contribution/add", {"id": step[2], "text": step[3]}, Actor("phone", device=PHONES[step[1]])
        )
    if kind == "paper":
        return Command("contribution/add", {"id": step[1], "text": step[2], "source": "paper"})
    if kind == "withdraw":
        return Command("contribution/withdraw", {"id": step[2]}, Actor("phone", device=PHONES[step[1]]))
    if kind == "endorse":
        data = {"id": step[2], "on": step[3]}
        return Command("contribution/endorse", data, Actor("phone", device=PHONES[step[1]]))
    if kind == "ask":
        return Command(
            "question/add", {"id": step[2], "text": step[3]}, Actor("phone", device=PHONES[step[1]])
        )
    if kind == "upvote":
        data = {"id": step[2], "on": step[3]}
        return Command("question/upvote", data, Actor("phone", device=PHONES[step[1]]))
    if kind in ("question/approve", "question/hide"):
        return Command(kind, {"id": step[1]})
    if kind == "question/answer":
        return Command(kind, {"id": step[1], "answer": step[2]})
    if kind == "display/questions":
        return Command(kind, {"on": step[1]})
    if kind == "role":
        return Command("device/join", {"role": step[2]}, Actor("phone", device=PHONES[step[1]]))
    if kind == "response/set":
        data = {"prompt": core.state.open_prompt or PROMPTS[0], "value": step[2]}
        return Command("response/set", data, Actor("phone", device=PHONES[step[1]]))
    if kind == "contribution/pin":
        return Command(kind, {"id": step[1], "pinned": step[2]})
    if kind == "contribution/merge":
        return Command(kind, {"id": step[1], "into": step[2]})
    if kind == "contribution/edit":
        return Command(kind, {"id": step[1], "text": step[2]})
    if kind in ("contribution/approve", "contribution/hide", "contribution/pend"):
        return Command(kind, {"id": step[1]})
    if kind == "prompt/open":
        return Command(kind, {"prompt": step[1]})
    if kind == "prompt/recognition":
        return Command(kind, {"open": step[1]})
    if kind == "settings/auto_approve":
        return Command(kind, {"on": step[1]})
    if kind == "tables/assign":
        return Command(kind, {"count": step[1]})
    if kind == "keypoint/add":
        return Command(kind, {"text": step[1]})
    if kind == "presentation/start":
        return Command(kind, {})
    if kind == "summary/show":
        return Command(kind, {"on": step[1], "view": step[2]})
    if kind in ("prompt/close", "block/next", "block/previous", "block/pause", "block/start"):
        return Command(kind, {})
    return None


async def evening(folder: Path, plan: list[tuple[Any, ...]]) -> None:
    log = open_event_log(folder)
    core = start_session(log, AGENDA)
    core.execute(Command("block/jump", {"index": DIALOGUE.index}))
    hub = Hub(core, host="127.0.0.1", port=0)
    hub.publisher.flush_interval, hub.publisher.counts_interval = 0.002, 0.01
    await hub.start()
    info = core.info
    assert info is not None
    hellos = {
        "display": {"role": "display", "token": info.display_token},
        "remote": {"role": "remote", "token": info.remote_token},
    }
    clients: dict[str, Client] = {}
    try:
        for n, device in enumerate(PHONES):
            hello = {"role": "phone", "room": info.room_code, "device": device, "lang": "nl"}
            clients[f"phone{n}"] = await Client.open(hub.port, hello)
        for role, hello in hellos.items():
            clients[role] = await Client.open(hub.port, hello)
        window: dict[str, Any] = {}
        for number, step in enumerate(plan):
            if step[0] == "settle":
                await asyncio.sleep(0.015)
            elif step[0] == "reconnect":
                name = "phone1" if step[1] == "phone" else step[1]
                old = clients[name]
                await old.close()
                if step[2] and old.mirror.resume() is not None:  # back with the view it holds
                    clients[name] = await Client.open(hub.port, old.hello, resume=old.mirror)
                else:
                    clients[name] = await Client.open(hub.port, old.hello)
                if name == "remote" and window:
                    assert (await clients[name].ask("contributions/filter", f"w{number}", **window))[
                        "type"
                    ] == "ack"
            elif step[0] == "window":
                window = {"status": step[1], "prompt": step[2], "limit": step[3]}
                answer = await clients["remote"].ask("contributions/filter", f"w{number}", **window)
                assert answer["type"] == "ack", answer
            elif play(step, core):
                await asyncio.sleep(0.003)  # past a flush: most steps go out on their own, not coalesced
        await asyncio.sleep(0.05)  # every flush and count batch has gone out
        for name, client in clients.items():
            assert client.mirror.gaps == 0, name
            assert client.mirror.view is not None
            held = normal(client.mirror.view)
            assert held == normal(await client.fresh_reset()), name
    finally:
        for client in clients.values():
            await client.close()
        await hub.stop()
        log.close()


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=steps)
def test_applying_every_change_gives_what_a_fresh_reset_gives(plan: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(evening(Path(folder), plan))


async def test_a_phone_skipped_as_slow_gets_a_reset_once_it_reads_again(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone that stops reading misses changes; when it reads again it gets a reset, never a gap."""
    monkeypatch.setattr(publisher_module, "SLOW_BUFFER", 2048)
    core = hub.core
    core.execute(Command("block/jump", {"index": DIALOGUE.index}))
    core.execute(Command("settings/auto_approve", {"on": True}))
    core.execute(Command("prompt/recognition", {"open": True}))
    info = core.info
    assert info is not None
    hello = {"role": "phone", "room": info.room_code, "device": "phone-slow-0001", "lang": "nl"}
    slow = await Client.open(hub.port, hello, receive_buffer=4096)
    witness = await Client.open(hub.port, {**hello, "device": "phone-fast-0001"})
    # A phone on a crowded Wi-Fi: small socket buffers on both ends, so the hub's own buffer fills soon.
    (on_hub,) = hub.registry.by_device["phone-slow-0001"]
    server_socket = on_hub.ws.transport.get_extra_info("socket")
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    transport = slow.ws.transport
    assert transport is not None
    transport.pause_reading()  # the phone's screen locks mid-evening
    stale_seen = False
    for n in range(ANSWERS):
        text = (f"Een lang antwoord dat de buffer vult, nummer {n}: " + "bla " * 120)[:500]
        core.execute(Command("contribution/add", {"id": f"c-slow-{n}", "text": text, "source": "paper"}))
        await asyncio.sleep(0.002)
        stale_seen = stale_seen or bool(hub.publisher.streams["phone"].behind)
    assert stale_seen, "the phone that stopped reading was never skipped"
    resets_before = slow.resets
    transport.resume_reading()
    await slow.wait(lambda: slow.resets > resets_before)
    last = f"c-slow-{ANSWERS - 1}"
    await witness.wait(
        lambda: [c["id"] for c in (witness.mirror.view or {}).get("contributions", ())][-1:] == [last]
    )
    await asyncio.sleep(0.1)
    assert slow.mirror.gaps == 0
    assert slow.mirror.view is not None and witness.mirror.view is not None
    assert normal(slow.mirror.view) == normal(witness.mirror.view) == normal(await slow.fresh_reset())
    await slow.close()
    await witness.close()


async def test_a_phone_back_from_a_locked_screen_gets_only_what_it_missed(hub: Hub) -> None:
    core = hub.core
    core.execute(Command("block/jump", {"index": DIALOGUE.index}))
    core.execute(Command("prompt/recognition", {"open": True}))
    info = core.info
    assert info is not None
    hello = {"role": "phone", "room": info.room_code, "device": "phone-lock-0001", "lang": "nl"}
    keeps_stream_alive = await Client.open(hub.port, {**hello, "device": "phone-stay-0001"})
    for n in range(30):
        core.execute(
            Command("contribution/add", {"id": f"c-before-{n}", "text": f"Eerder {n}", "source": "paper"})
        )
    phone = await Client.open(hub.port, hello)
    assert len(phone.mirror.view["contributions"]) == 30  # type: ignore[index]
    await phone.close()  # the screen locks
    for n in range(3):
        core.execute(
            Command("contribution/add", {"id": f"c-missed-{n}", "text": f"Gemist {n}", "source": "paper"})
        )
        await asyncio.sleep(0.05)
    back = await Client.open(hub.port, hello, resume=phone.mirror)
    assert back.resets == 0 and back.changes == 3  # three small changes, not a whole list of 33 again
    assert normal(back.mirror.view) == normal(await back.fresh_reset())  # type: ignore[arg-type]
    assert {c["id"] for c in back.mirror.view["contributions"]} >= {"c-missed-0", "c-missed-2"}  # type: ignore[index]

    # A hub that started over (another numbering) cannot be resumed into: a whole view comes.
    await back.close()
    stale = Mirror()
    stale.take({"type": "state/reset", "seq": 3, "stream": "phone-00000000", "state": {"contributions": []}})
    again = await Client.open(hub.port, hello, resume=stale)
    assert again.resets == 1 and len(again.mirror.view["contributions"]) == 33  # type: ignore[index]
    for client in (again, keeps_stream_alive):
        await client.close()
