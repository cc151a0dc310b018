"""Phones, the projector and the remote introduce themselves; wrong codes and tokens are refused."""

from __future__ import annotations

from conftest import Join
from hubclient import open_peer

from kiosk.hub.server import Hub


async def test_phone_with_the_room_code_joins_and_gets_the_evening(hub: Hub) -> None:
    info = hub.core.info
    assert info is not None
    phone = await open_peer(
        hub.port, {"role": "phone", "room": info.room_code.lower(), "device": "dev-abcdef12", "lang": "en"}
    )
    ok = await phone.next("hello/ok")
    reset = await phone.next("state/reset")
    mine = await phone.next("mine/update")
    assert ok["role"] == "phone" and ok["room"] == info.room_code
    assert reset["state"]["block"]["count"] == len(hub.core.agenda.blocks)
    assert "contributions" in reset["state"] and "blocks" not in reset["state"]
    assert mine["mine"] == [] and mine["device"]["role"] is None
    # Saying hello shows the evening; the phone takes part (is counted, gets a table) once it does something.
    assert "dev-abcdef12" not in hub.core.state.devices
    assert (await phone.command("response/set", prompt="nothing-open", value=1))["type"] == "error"
    assert hub.core.state.devices["dev-abcdef12"].lang == "en"
    await phone.close()


async def test_phone_with_a_wrong_room_code_is_refused_and_closed(hub: Hub) -> None:
    phone = await open_peer(
        hub.port, {"role": "phone", "room": "WRONG", "device": "dev-abcdef12", "lang": "en"}
    )
    error = await phone.next("error")
    assert error["code"] == "bad_room" and "QR" in error["message"]
    await phone.ws.wait_closed()
    assert phone.ws.close_code == 1008
    assert hub.core.state.devices == {}


async def test_display_and_remote_need_their_own_tokens(hub: Hub, join: Join) -> None:
    info = hub.core.info
    assert info is not None
    wrong = await open_peer(hub.port, {"role": "remote", "token": info.display_token})
    assert (await wrong.next("error"))["code"] == "bad_token"
    forged = await open_peer(hub.port, {"role": "display", "token": "x" * 16})
    assert (await forged.next("error"))["code"] == "bad_token"
    display = await join("display")
    remote = await join("remote")
    assert hub.connected()["display"] == 1 and hub.connected()["remote"] == 1
    await display.close()
    await remote.close()


async def test_table_host_is_refused_before_the_tables_exist(hub: Hub) -> None:
    host = await open_peer(hub.port, {"role": "host", "token": "anything", "device": "host-device-1"})
    assert (await host.next("error"))["code"] == "bad_token"
    await host.ws.wait_closed()
    assert host.ws.close_code == 1008


async def test_first_message_must_be_hello(hub: Hub) -> None:
    peer = await open_peer(hub.port, None)
    await peer.send({"type": "contribution/add", "id": "c1", "text": "hoi"})
    assert (await peer.next("error"))["code"] == "hello_first"
    await peer.ws.wait_closed()


async def test_unknown_role_and_bad_device_are_refused(hub: Hub) -> None:
    info = hub.core.info
    assert info is not None
    stranger = await open_peer(hub.port, {"role": "admin"})
    assert (await stranger.next("error"))["code"] == "bad_hello"
    bad_device = await open_peer(hub.port, {"role": "phone", "room": info.room_code, "device": "x/../y"})
    assert (await bad_device.next("error"))["code"] == "bad_device"


async def test_connection_cap_answers_full_and_serves_the_others(hub: Hub, join: Join) -> None:
    hub.gate.capacity = 2
    first = await join("phone")
    second = await join("phone")
    for phone in (first, second):  # both take part: neither may be let go to make room
        assert (await phone.command("device/join", role="parent"))["type"] == "ack"
    third = await open_peer(hub.port, None)
    error = await third.next("error")
    assert error["code"] == "full"
    await third.ws.wait_closed()
    assert third.ws.close_code == 1013
    await first.send({"type": "ping", "ref": "still-here"})
    assert (await first.next("pong"))["ref"] == "still-here"
    await second.close()


async def test_when_full_a_phone_that_only_said_hello_makes_room_for_a_newcomer(hub: Hub, join: Join) -> None:
    hub.gate.capacity = 2
    taking_part = await join("phone")
    assert (await taking_part.command("device/join", role="staff"))["type"] == "ack"
    idle = await join("phone")
    newcomer = await join("phone")  # gets in: the phone that did nothing is let go
    await idle.ws.wait_closed()
    for phone in (taking_part, newcomer):
        await phone.send({"type": "ping", "ref": "here"})
        assert (await phone.next("pong"))["ref"] == "here"


async def test_connected_counts_phones_by_role(hub: Hub, join: Join) -> None:
    parent = await join("phone")
    silent = await join("phone")
    await join("phone")  # says hello and nothing else: not counted
    assert (await parent.command("device/join", role="parent"))["type"] == "ack"
    assert (await silent.command("device/join"))["type"] == "ack"
    assert hub.connected() == {"parent": 1, "staff": 0, "unknown": 1, "display": 0, "remote": 0, "host": 0}
