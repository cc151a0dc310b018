"""A phone that stops reading its socket while the hub broadcasts a lot: bounded memory, and it is let go."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.bench.load import open_remote
from kiosk.bench.measure import rss_bytes
from kiosk.bench.screens import Screen
from kiosk.bench.server import ServerProcess, start_server
from kiosk.bench.wire import WireClient, open_wire
from kiosk.hub.view_bytes import PHONE_ANSWERS, json_bytes
from tests.faults.conftest import ServeCommand, open_phone

ADDS = 300
LONG_TEXT = ("Wij merken dat het contact met school pas op gang komt als er iets mis is gegaan. " * 7)[:500]
DROP_WAIT = 75.0  # the hub drops a client whose buffer stayed full for 30 s (STALL_LIMIT): well inside this


@dataclass
class Stall:
    remote: Screen
    witness: Screen
    stalled: WireClient
    rss_before: int
    rss_peak: int


async def stall_a_phone_under_broadcast(server: ServerProcess) -> Stall:
    """Open recognition (phones then get every answer), stall one phone, add ADDS long answers."""
    remote = await open_remote(server.urls)
    assert (await remote.command("prompt/recognition", open=True))["type"] == "ack"
    witness = await open_phone(server.urls, "witness-phone-1")
    assert (await witness.command("device/join"))["type"] == "ack"  # both phones take part: they are counted
    reset = asyncio.get_running_loop().create_future()
    stalled = await open_wire(
        server.urls.host, server.urls.port, "/ws", lambda raw: reset.done() or reset.set_result(None)
    )
    hello = {"type": "hello", "role": "phone", "room": server.urls.room, "device": "stalled-phone-1"}
    stalled.send_text(json.dumps(hello))
    await asyncio.wait_for(reset, 30)
    stalled.send_text(json.dumps({"type": "device/join", "ref": "join"}))
    assert stalled.transport is not None
    stalled.transport.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.transport.pause_reading()  # from here on this phone reads nothing at all
    before = peak = rss_bytes(server.pid)
    for i in range(ADDS):
        answer = await remote.command("contribution/add", id=f"long-{i}", text=LONG_TEXT, source="paper")
        assert answer["type"] == "ack", answer
        peak = max(peak, rss_bytes(server.pid))
        await asyncio.sleep(0.06)  # under the remote's 20 messages a second
    return Stall(remote, witness, stalled, before, peak)


async def test_a_phone_that_never_reads_does_not_grow_the_hub_memory(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    server = await start_server(serve_command(tmp_path))
    try:
        stall = await stall_a_phone_under_broadcast(server)
        # Phones get changes, not whole views: the reading phone got each long answer about once (not 300 lists
        # of up to 200), and the hub kept no more than a little for the phone that read nothing.
        received = stall.witness.received_bytes
        assert ADDS * len(LONG_TEXT) < received < 2 * ADDS * len(LONG_TEXT)
        assert stall.rss_peak - stall.rss_before < 2 * 1024 * 1024, (
            stall.rss_peak - stall.rss_before,
            received,
        )
        assert (await stall.witness.command("ping"))["type"] == "pong"
        shown = stall.witness.view["contributions"]  # the newest answers, as many as fit its byte bound
        assert shown[-1]["id"] == f"long-{ADDS - 1}" and json_bytes(shown) <= PHONE_ANSWERS
    finally:
        await server.stop()


async def test_a_phone_that_never_reads_is_dropped(tmp_path: Path, serve_command: ServeCommand) -> None:
    server = await start_server(serve_command(tmp_path))
    try:
        stall = await stall_a_phone_under_broadcast(server)
        remote = stall.remote
        deadline = time.monotonic() + DROP_WAIT
        while remote.view["connected"]["unknown"] > 1 and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
        assert remote.view["connected"]["unknown"] == 1, "the stalled phone is still connected"
        assert (await stall.witness.command("ping"))["type"] == "pong"
    finally:
        await server.stop()
