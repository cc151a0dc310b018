"""The hub is killed with SIGKILL while phones are sending; resumed, it has every acknowledged answer once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from websockets.exceptions import ConnectionClosed

from kiosk.bench.load import open_remote
from kiosk.bench.screens import Screen
from kiosk.bench.server import start_server
from tests.faults.conftest import SENTENCE, ServeCommand, open_phone, shown, stored_ids

PHONES = 5
ACKED_BEFORE_KILL = 25  # the display shows 60, so every answer of this test fits on it


async def keep_sending(phone: Screen, number: int, sent: list[str], acked: list[str]) -> None:
    """A phone answering every quarter second (under the rate limit) until the hub goes away."""
    n = 0
    while True:
        cid = f"p{number}-n{n}"
        n += 1
        sent.append(cid)
        try:
            answer = await phone.command("contribution/add", id=cid, text=f"{SENTENCE} ({number}, {n})")
        except (ConnectionClosed, TimeoutError):
            return
        assert answer["type"] == "ack", answer
        acked.append(cid)
        await asyncio.sleep(0.25)


async def test_every_acknowledged_answer_is_back_exactly_once_after_the_hub_is_killed(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    server = await start_server(serve_command(tmp_path))
    remote = await open_remote(server.urls)
    display = await Screen.connect(server.urls.ws, "display", server.urls.display_token)
    phones = [await open_phone(server.urls, f"fault-phone-{i}") for i in range(PHONES)]
    sent: list[str] = []
    acked: list[str] = []
    senders = [asyncio.create_task(keep_sending(phone, i, sent, acked)) for i, phone in enumerate(phones)]
    while len(acked) < ACKED_BEFORE_KILL:
        await asyncio.sleep(0.05)
    server.kill()  # SIGKILL, mid-stream: phones have answers in flight
    await asyncio.gather(*senders)
    await server.proc.wait()
    block_before = display.view["block"]["index"]
    for client in (remote, display, *phones):
        await client.close()

    again = await start_server(serve_command(tmp_path, resume=True))
    try:
        assert again.urls.room == server.urls.room  # the QR on the wall still works
        remote = await Screen.connect(again.urls.ws, "remote", again.urls.remote_token)
        display = await Screen.connect(again.urls.ws, "display", again.urls.display_token)
        in_log = stored_ids(tmp_path)
        assert sorted(set(in_log)) == sorted(in_log), "a contribution was stored twice"
        assert set(acked) <= set(in_log), "an acknowledged contribution was lost"
        assert set(in_log) <= set(sent)
        on_remote = shown(remote.view)
        assert sorted(on_remote) == sorted(in_log)
        approved = {c["id"] for c in remote.view["contributions"] if c["status"] == "approved"}
        assert set(shown(display.view)) == approved == set(in_log)
        assert display.view["block"]["index"] == block_before

        # Phones come back and resend everything they sent: what was stored stays once, the rest arrives.
        for i in range(PHONES):
            phone = await open_phone(again.urls, f"fault-phone-{i}")
            for cid in [c for c in sent if c.startswith(f"p{i}-")]:
                answer = await phone.command("contribution/add", id=cid, text=f"{SENTENCE} (opnieuw)")
                assert answer == {"type": "ack", "ref": answer["ref"], "of": "contribution/add", "id": cid}
                await asyncio.sleep(0.25)
            await phone.close()
        assert sorted(stored_ids(tmp_path)) == sorted(sent)
        await remote.close()
        await display.close()
    finally:
        await again.stop()
