"""Admission over real sockets: made-up phones count nowhere, floods are capped per phone and per address."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Join, in_dialogue
from hubclient import Peer, open_peer

from kiosk.cli import main
from kiosk.core.events import Command
from kiosk.core.rules.contributions import MAX_PENDING
from kiosk.core.session import SessionCore
from kiosk.hub import admission
from kiosk.hub.server import Hub
from kiosk.report.aftercare import build_report


async def phone_from(hub: Hub, source: str, device: str, **headers: str) -> Peer:
    """A phone connecting from `source` (127.0.0.x plays another address), hello answered and view read."""
    info = hub.core.info
    assert info is not None
    hello = {"role": "phone", "room": info.room_code, "device": device, "lang": "en"}
    options: dict[str, Any] = {"local_addr": (source, 0)}
    if headers:
        options["additional_headers"] = headers
    peer = await open_peer(hub.port, hello, **options)
    await peer.next("hello/ok")
    await peer.next("state/reset")
    return peer


async def test_phones_that_only_say_hello_take_no_part(hub: Hub, join: Join) -> None:
    remote = await join("remote")
    for n in range(40):
        await phone_from(hub, "127.0.0.5", f"made-up-{n:04d}")
    real = await join("phone", device="a-real-parent-1")
    assert (await real.command("device/join", role="parent"))["type"] == "ack"
    view = await remote.state(lambda v: v["devices"] == 1)
    assert view["connected"] == {"parent": 1, "staff": 0, "unknown": 0, "display": 0, "remote": 1, "host": 0}
    assert view["tables"]["suggested"] == 1
    assert list(hub.core.state.devices) == ["a-real-parent-1"]
    report = build_report(hub.core.state, created_at=0.0, end=None, lang="nl")
    assert (report.attendance.total, report.attendance.parent) == (1, 1)


async def test_a_phone_with_too_many_answers_waiting_is_told_until_one_is_read(hub: Hub) -> None:
    in_dialogue(hub.core)
    phone = await phone_from(hub, "127.0.0.6", "chatty-phone-1")
    for n in range(MAX_PENDING):
        assert (await phone.command("contribution/add", ref=f"a{n}", id=f"c{n}", text=f"Punt {n}"))[
            "type"
        ] == "ack"
        await asyncio.sleep(0.25)  # as the page does: under the 5 messages a second of a phone
    refused = await phone.command("contribution/add", ref="more", id="c-more", text="Nog een punt")
    assert refused["code"] == "too_many_pending"
    assert refused["message"] == (
        f"{MAX_PENDING} of your answers are still waiting for the facilitator. Send more once they have been read."
    )
    # A resend of one already stored is still acknowledged; the phone keeps its connection.
    assert (await phone.command("contribution/add", ref="again", id="c0", text="Punt 0"))["type"] == "ack"
    await asyncio.sleep(0.25)
    hub.core.execute(Command("contribution/approve", {"id": "c3"}))
    assert (await phone.command("contribution/add", ref="now", id="c-more", text="Nog een punt"))[
        "type"
    ] == "ack"


async def recognise_from(hub: Hub, source: str, count: int, target: str, first: int = 0) -> list[str]:
    codes = []
    for n in range(first, first + count):
        phone = await phone_from(hub, source, f"fan-{source.replace('.', '-')}-{n:04d}")
        answer = await phone.command("contribution/endorse", ref="e", id=target, on=True)
        codes.append(answer.get("code", answer["type"]))
        await phone.close()
    return codes


async def test_recognitions_of_one_answer_are_limited_per_address(hub: Hub) -> None:
    in_dialogue(hub.core)
    author = await phone_from(hub, "127.0.0.7", "author-phone-1")
    assert (await author.command("contribution/add", id="c-mine", text="Meer contact graag"))["type"] == "ack"
    assert (await author.command("contribution/add", ref="2", id="c-other", text="Vaker bellen"))[
        "type"
    ] == "ack"
    for cid in ("c-mine", "c-other"):
        hub.core.execute(Command("contribution/approve", {"id": cid}))
    hub.core.execute(Command("prompt/recognition", {"open": True}))
    burst = int(admission.RECOGNITIONS[1])
    codes = await recognise_from(hub, "127.0.0.8", burst + 5, "c-mine")
    assert codes == ["ack"] * burst + ["recognitions_limited"] * 5
    assert hub.core.state.endorsement_count(hub.core.state.contributions["c-mine"]) == burst
    # Another answer, and the same answer from elsewhere in the hall, are not held back.
    assert await recognise_from(hub, "127.0.0.8", 1, "c-other", first=100) == ["ack"]
    assert await recognise_from(hub, "127.0.0.9", 1, "c-mine") == ["ack"]


async def test_new_phones_beyond_a_hall_at_once_wait_returning_ones_never(hub: Hub) -> None:
    hub.gate._joins.burst = 5  # a tiny hall, so the test stays short; the rule is the same
    for n in range(5):
        await phone_from(hub, "127.0.0.10", f"hall-phone-{n:04d}")
    info = hub.core.info
    assert info is not None
    late = await open_peer(
        hub.port,
        {"role": "phone", "room": info.room_code, "device": "one-too-many"},
        local_addr=("127.0.0.10", 0),
    )
    refused = await late.next("error")
    assert refused["code"] == "too_many_joins"
    await late.ws.wait_closed()
    assert late.ws.close_code == 1013  # try again later: the page does, with its backoff
    await phone_from(hub, "127.0.0.10", "hall-phone-0002")  # back after a reload: welcome
    await phone_from(hub, "127.0.0.11", "next-door-phone")  # another address: welcome


@pytest.fixture
async def proxied(evening: SessionCore) -> AsyncIterator[Hub]:
    server = Hub(
        evening, host="127.0.0.1", port=0, public_url="https://kiosk.school.example", trust_proxy=True
    )
    await server.start()
    yield server
    await server.stop()


async def test_behind_a_trusted_proxy_the_forwarded_address_counts(proxied: Hub) -> None:
    proxied.gate._joins.burst = 3
    for n in range(3):
        await phone_from(proxied, "127.0.0.1", f"via-proxy-{n}", **{"X-Forwarded-For": "203.0.113.7"})
    info = proxied.core.info
    assert info is not None
    hello = {"role": "phone", "room": info.room_code, "device": "via-proxy-x"}
    late = await open_peer(
        proxied.port, hello, additional_headers={"X-Forwarded-For": "10.9.9.9, 203.0.113.7"}
    )
    assert (await late.next("error"))["code"] == "too_many_joins"
    # Another phone behind the same proxy, with its own address, is welcome.
    await phone_from(proxied, "127.0.0.1", "via-proxy-y", **{"X-Forwarded-For": "203.0.113.8"})


async def test_without_trust_a_forwarded_for_header_is_ignored(hub: Hub) -> None:
    await phone_from(hub, "127.0.0.12", "claims-to-be-1", **{"X-Forwarded-For": "203.0.113.7"})
    assert hub.gate.address(phone_ws(hub, "claims-to-be-1")) == "127.0.0.12"


def phone_ws(hub: Hub, device: str) -> Any:
    return next(iter(hub.registry.by_device[device])).ws


def test_trust_proxy_without_a_public_url_is_refused_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--trust-proxy", "--data-dir", str(tmp_path), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert "--public-url" in err and "X-Forwarded-For" in err and "Traceback" not in err
    assert not (tmp_path / "kiosk.sqlite3").exists()
