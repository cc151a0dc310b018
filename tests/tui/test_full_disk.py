"""`kiosk run` on a disk that fills up: a calm banner, the app and the hub keep going, nothing acked is lost."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from kiosk.agenda.parser import load_agenda
from kiosk.commands.common import parse_stored_agenda
from kiosk.commands.run import hub_starter
from kiosk.core.session import resume_session, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from kiosk.tui.app import STORAGE_RETRY, KioskApp
from kiosk.tui.widgets.storage_banner import StorageBanner
from tests.mounts import fill, tiny_disk

from .conftest import SIZE, SteppedClock, shown

LONG = "Wij willen graag vaker horen hoe het met ons kind gaat, ook als het goed gaat. " * 5


async def ask(ws: ClientConnection, message: dict[str, Any]) -> dict[str, Any]:
    await ws.send(json.dumps(message))

    async def answer() -> dict[str, Any]:
        while True:
            reply = json.loads(await ws.recv())
            if reply.get("ref") == message["ref"] and reply["type"] in ("ack", "error", "pong"):
                return dict(reply)

    return await asyncio.wait_for(answer(), 15)


def banner(app: KioskApp) -> StorageBanner:
    return app.screen.query_one(StorageBanner)


async def test_a_full_disk_shows_a_calm_banner_and_the_evening_goes_on(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", size="1m") as disk:
        log = open_event_log(disk)
        core = start_session(log, load_agenda(default_agenda_path()), SteppedClock())
        app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert not banner(app).display
            hub = app.hub
            assert hub is not None and core.info is not None
            dialogue = next(b.index for b in core.agenda.blocks if b.kind == "dialogue")
            assert app.steer("block/jump", index=dialogue)
            ws = await connect(f"ws://127.0.0.1:{hub.port}/ws", proxy=None, compression=None, max_size=None)
            await ws.send(
                json.dumps(
                    {
                        "type": "hello",
                        "role": "phone",
                        "room": core.info.room_code,
                        "device": "full-disk-phone",
                        "lang": "nl",
                    }
                )
            )
            assert (await ask(ws, {"type": "device/join", "ref": "j"}))["type"] == "ack"
            assert app.steer("settings/auto_approve", on=True)  # no cap on waiting answers gets in the way

            filler = fill(disk)
            acked: list[str] = []
            refusal: dict[str, Any] | None = None
            for n in range(400):
                answer = await ask(
                    ws, {"type": "contribution/add", "ref": f"c{n}", "id": f"c{n}", "text": LONG}
                )
                if answer["type"] == "error":
                    refusal = answer
                    break
                acked.append(f"c{n}")
                await pilot.pause(0.21)  # under the phone's 5 messages a second
            assert refusal is not None, "the disk never filled up"
            assert refusal["code"] == "not_stored"
            assert (
                "telefoon" in refusal["message"]
            )  # in the phone's language: it keeps the answer and resends
            assert (await ask(ws, {"type": "ping", "ref": "still"}))["type"] == "pong"  # the connection stays

            await pilot.pause()
            assert banner(app).display
            assert "de schijf is vol" in shown(banner(app)) and "blijft bewaard" in shown(banner(app))
            before = core.state.timer.extra
            await pilot.press("plus")  # the facilitator's key does nothing harmful: the app keeps running
            assert core.state.timer.extra == before and app.is_running
            await pilot.press("2")
            await pilot.pause()
            assert banner(app).display  # on every screen

            filler.unlink()
            await pilot.pause(STORAGE_RETRY + 1.0)
            assert not banner(app).display
            resent = await ask(
                ws, {"type": "contribution/add", "ref": "again", "id": refusal["ref"], "text": LONG}
            )
            assert resent["type"] == "ack"
            acked.append(refusal["ref"])
            await pilot.press("plus")
            assert core.state.timer.extra == before + 60
            await ws.close()

        again = resume_session(log, core.info, parse_stored_agenda)
        assert set(acked) <= set(again.state.contributions)
        log.close()
