"""Bad input gets a clear error frame, and other clients keep working."""

from __future__ import annotations

import json
import logging

import pytest
from conftest import Join, in_dialogue
from hubclient import Peer
from websockets.exceptions import ConnectionClosed

from kiosk.hub.limits import FLOOD_LIMIT
from kiosk.hub.server import Hub


async def still_served(peer: Peer, ref: str) -> None:
    await peer.send({"type": "ping", "ref": ref})
    assert (await peer.next("pong"))["ref"] == ref


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2, 3]", "bad_message"),
        ('{"text": "no type"}', "bad_message"),
        ('{"type": "teleport/now"}', "unknown_type"),
        ('{"type": "hello", "role": "phone"}', "unknown_type"),
        (b"\x00\x01binary", "binary"),
    ],
)
async def test_malformed_frames_get_an_error_and_the_others_carry_on(
    hub: Hub, join: Join, frame: str | bytes, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    rogue, other = await join("phone"), await join("phone")
    await rogue.send(frame)
    error = await rogue.next("error")
    assert error["code"] == code and error["message"]
    await still_served(rogue, "rogue")
    await still_served(other, "other")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


@pytest.mark.parametrize(
    ("text", "code"), [("x" * 501, "too_long"), ("   \n\t ", "empty"), (None, "bad_request")]
)
async def test_unacceptable_answers_are_refused_with_the_reason(
    hub: Hub, join: Join, text: str | None, code: str
) -> None:
    in_dialogue(hub.core)
    phone = await join("phone")
    reply = await phone.command("contribution/add", id="c-bad", text=text)
    assert reply["type"] == "error" and reply["code"] == code and reply["ref"] == "r1"
    assert hub.core.state.contributions == {}


async def test_oversized_frame_closes_only_that_connection(
    hub: Hub, join: Join, caplog: pytest.LogCaptureFixture
) -> None:
    big, other = await join("phone"), await join("phone")
    await big.send(json.dumps({"type": "contribution/add", "id": "c-big", "text": "x" * 5000}))
    with pytest.raises(ConnectionClosed):
        while True:
            await big.ws.recv()
    assert big.ws.close_code == 1009
    await still_served(other, "after-big")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_a_flooding_phone_is_limited_then_disconnected_while_others_work(hub: Hub, join: Join) -> None:
    flood, other = await join("phone"), await join("phone")
    with pytest.raises(ConnectionClosed):
        for n in range(FLOOD_LIMIT * 10):
            await flood.send({"type": "ping", "ref": n})
        await flood.next("never")
    await flood.ws.wait_closed()
    assert flood.ws.close_code == 1008
    codes = [m["code"] for m in flood.seen if m["type"] == "error"]
    assert codes and set(codes) == {"rate_limited"}
    assert len([m for m in flood.seen if m["type"] == "pong"]) < FLOOD_LIMIT
    await still_served(other, "calm")


async def test_errors_come_in_the_phones_language(hub: Hub, join: Join, tmp_path: object) -> None:
    from pathlib import Path

    from kiosk.hub.i18n import Messages

    folder = Path(str(tmp_path)) / "i18n"
    folder.mkdir()
    (folder / "nl.json").write_text(json.dumps({"error.too_long": "Maximaal {max} tekens, graag."}))
    hub.messages = Messages(folder, "nl")
    in_dialogue(hub.core)
    dutch = await join("phone", lang="nl")
    english = await join("phone", lang="en")
    assert (await dutch.command("contribution/add", id="c1", text="x" * 600))[
        "message"
    ] == "Maximaal 500 tekens, graag."
    assert (await english.command("contribution/add", id="c2", text="x" * 600))[
        "message"
    ] == "at most 500 characters, please"
