"""What the room shares stays shared: one connection per phone, kept places for tokens, a budget for changing
one thing again and again, and each network's share of the questions. Real sockets, addresses 127.0.0.x."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from conftest import Join, in_dialogue
from hubclient import Peer, open_peer
from test_admission import phone_from
from websockets.exceptions import ConnectionClosed

from kiosk.core.events import Command
from kiosk.hub.budgets import CHANGES
from kiosk.hub.roles import REPLACED
from kiosk.hub.server import Hub


async def closed_with(peer: Peer) -> tuple[str | None, int | None]:
    """The error code a connection was told and its close code, once the hub closed it."""
    code = None
    try:
        while True:
            message = json.loads(await asyncio.wait_for(peer.ws.recv(), 10))
            if message.get("type") == "error":
                code = message["code"]
    except ConnectionClosed:
        pass
    return code, peer.ws.close_code


def stored_events(hub: Hub, type_: str) -> int:
    assert hub.core.log is not None
    db = sqlite3.connect(hub.core.log.path)
    try:
        return int(db.execute("SELECT count(*) FROM events WHERE type=?", (type_,)).fetchone()[0])
    finally:
        db.close()


async def test_a_phone_that_opens_a_new_connection_replaces_its_older_one(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    first = await phone_from(hub, "127.0.0.2", "phone-lock-screen")
    assert (await first.command("device/join", ref="j", role="parent"))["type"] == "ack"
    second = await phone_from(hub, "127.0.0.2", "phone-lock-screen")  # the screen woke up, or a reload
    assert await closed_with(first) == ("replaced", REPLACED)
    assert len(hub.registry.by_device["phone-lock-screen"]) == 1
    answer = await second.command("contribution/add", ref="c", id="c-after-wake", text="Fijn dat dit kan")
    assert answer["type"] == "ack"
    assert hub.gate.open == 1


async def test_one_device_id_on_many_sockets_holds_one_place_and_the_hall_still_gets_in(
    hub: Hub, join: Join
) -> None:
    hub.gate.capacity = 40  # a small laptop: 35 places for anyone, 5 kept
    attacker = await phone_from(hub, "127.0.0.2", "one-phone-many-sockets")
    assert (await attacker.command("device/join", ref="j"))["type"] == "ack"
    for _ in range(60):
        attacker = await phone_from(hub, "127.0.0.2", "one-phone-many-sockets")
    assert hub.gate.open <= 2
    hall = [await phone_from(hub, f"127.0.0.{10 + n}", f"hall-phone-{n:02d}") for n in range(20)]
    for n, phone in enumerate(hall):
        assert (await phone.command("device/join", ref=f"h{n}", role="parent"))["type"] == "ack"
    remote = await join("remote")
    assert remote.view["devices"] == 21


async def test_a_token_is_never_told_full_and_a_returning_phone_gets_back_in(hub: Hub, join: Join) -> None:
    hub.gate.capacity = 16  # 14 places for anyone, 2 kept for tokens and returning phones
    phones = []
    for n in range(14):
        phone = await phone_from(hub, f"127.0.1.{n + 1}", f"busy-phone-{n:02d}")
        assert (await phone.command("device/join", ref="j"))["type"] == "ack"
        phones.append(phone)
    info = hub.core.info
    assert info is not None
    newcomer = await open_peer(hub.port, {"role": "phone", "room": info.room_code, "device": "one-too-many"})
    assert (await newcomer.next("error"))["code"] == "full"
    remote = await join("remote")  # on a kept place
    assert remote.view["devices"] == 14
    back = await phone_from(hub, "127.0.1.1", "busy-phone-00")  # the first phone's screen wakes up
    assert await closed_with(phones[0]) == ("replaced", REPLACED)
    assert (await back.command("device/join", ref="again", role="staff"))["type"] == "ack"


async def test_flipping_ones_role_is_limited_and_the_same_again_stores_nothing(hub: Hub, join: Join) -> None:
    phone = await join("phone", device="flipping-phone")
    _, burst = CHANGES
    answers = []
    for n in range(int(burst) + 1):
        answer = await phone.command("device/join", ref=f"f{n}", role=("parent", "staff")[n % 2])
        answers.append(answer.get("code", answer["type"]))
        await asyncio.sleep(0.21)  # within the 5 messages a second a phone may send
    assert answers == ["ack"] * int(burst) + ["too_many_changes"]
    assert stored_events(hub, "device/join") == int(burst)
    same = hub.core.state.devices["flipping-phone"].role
    assert (await phone.command("device/join", ref="same", role=same))["type"] == "ack"
    assert stored_events(hub, "device/join") == int(burst)  # nothing changed, nothing stored, nothing spent


async def test_one_network_asks_within_its_share_and_hiding_its_spam_frees_it(hub: Hub, join: Join) -> None:
    hub.roles.shares.share = 3
    spammer = await phone_from(hub, "127.0.0.2", "spamming-phone")
    for n in range(3):
        assert (await spammer.command("question/add", ref=f"s{n}", id=f"q-spam-{n}", text=f"Koop {n}"))[
            "type"
        ] == "ack"
    refused = await spammer.command("question/add", ref="s3", id="q-spam-3", text="Koop 3")
    assert refused["code"] == "questions_share"
    honest = await phone_from(hub, "127.0.0.3", "honest-phone")
    asked = await honest.command("question/add", ref="h", id="q-honest", text="Komt er een schoolfeest?")
    assert asked["type"] == "ack"
    hub.core.execute(Command("question/hide", {"id": "q-spam-0"}))
    again = await spammer.command("question/add", ref="s4", id="q-spam-4", text="Nog een vraag")
    assert again["type"] == "ack"
