"""Made-up phones that only say hello fill nothing and count nowhere: new phones stay welcome.

The issue's script made up 20,000 device ids from one laptop in 12 seconds and locked new phones out for the
rest of the evening (`full`), even after `--resume`. Here the same script runs, and a second one spreads 2,000
more over 100 addresses, under every per-address limit.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

import pytest

from kiosk.bench.screens import Screen
from kiosk.bench.server import start_server
from kiosk.bench.wire import WireClient
from kiosk.cli import main
from tests.faults.conftest import ServeCommand, open_phone

MADE_UP = 20_000
SCRIPT = "127.0.0.2"
SPREAD = 2_000
ADDRESSES = [f"127.0.1.{n}" for n in range(1, 101)]  # 20 made-up phones each: under every per-address limit


async def say_hello_and_go(host: str, port: int, room: str, source: str, device: str) -> str:
    """One made-up phone: connect from `source`, say hello, read the answer, hang up. What came back."""
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[bytes] = loop.create_future()
    try:
        _, client = await loop.create_connection(
            lambda: WireClient(host, port, "/ws", lambda raw: answer.done() or answer.set_result(raw)),
            host,
            port,
            local_addr=(source, 0),
        )
    except OSError:
        return "refused"
    try:
        await asyncio.wait_for(asyncio.shield(client.opened), 20)
        client.send_text(json.dumps({"type": "hello", "role": "phone", "room": room, "device": device}))
        reply = json.loads(await asyncio.wait_for(answer, 20))
        return str(reply.get("code") or reply["type"])
    except (OSError, ConnectionError):
        return "refused"
    finally:
        client.close()


async def test_twenty_thousand_made_up_phones_leave_new_phones_welcome(
    tmp_path: Path, serve_command: ServeCommand, capsys: pytest.CaptureFixture[str]
) -> None:
    server = await start_server(serve_command(tmp_path))
    try:
        urls = server.urls
        gate = asyncio.Semaphore(200)

        async def one(n: int, source: str) -> str:
            async with gate:
                return await say_hello_and_go(urls.host, urls.port, urls.room, source, f"made-up-{n:06d}")

        script = Counter(await asyncio.gather(*(one(n, SCRIPT) for n in range(MADE_UP))))
        assert script["hello/ok"] < 1000, script  # the rest were told to wait, or turned away unheard
        assert script["hello/ok"] + script["too_many_joins"] + script["refused"] == MADE_UP, script
        spread = Counter(
            await asyncio.gather(*(one(MADE_UP + n, ADDRESSES[n % len(ADDRESSES)]) for n in range(SPREAD)))
        )
        assert spread == {"hello/ok": SPREAD}  # each was shown the evening, like any phone

        newcomer = await open_phone(urls, "a-real-new-phone")
        assert (await newcomer.command("device/join", role="parent"))["type"] == "ack"
        assert (await newcomer.command("ping"))["type"] == "pong"
        remote = await Screen.connect(urls.ws, "remote", urls.remote_token)
        assert remote.view["devices"] == 1
        assert remote.view["tables"]["suggested"] == 1
        assert remote.view["connected"]["parent"] == 1 and remote.view["connected"]["unknown"] == 0
        await newcomer.close()
        await remote.close()
    finally:
        await server.stop()

    assert main(["sessions", "--data-dir", str(tmp_path)]) == 0
    sessions = capsys.readouterr().out.splitlines()
    assert sessions[1].split()[3] == "1"  # phones: the one that took part

    again = await start_server(serve_command(tmp_path, resume=True))
    try:
        late = await open_phone(again.urls, "a-late-phone-00")
        assert (await late.command("device/join"))["type"] == "ack"
        await late.close()
    finally:
        await again.stop()
