"""The full name check for real: deduce in its helper process beside a hub on a real port, phones over websockets.

What came in while deduce loaded is checked once it is ready (a name is taken back off the projector); from then on
auto-approve waits for the check, so a name our own rules miss never reaches the wall; a rating comment with a name
is held for review."""

from __future__ import annotations

import asyncio
import json

from conftest import in_dialogue
from hubclient import open_peer

from kiosk.core.events import Command
from kiosk.core.session import SessionCore
from kiosk.hub.server import Hub
from kiosk.namecheck.service import FullCheck

LOADING = 300.0  # deduce loads in 8-20 s, two minutes once after install; a guard against a hang


async def test_the_full_check_holds_what_deduce_finds_before_and_after_it_is_ready(
    evening: SessionCore,
) -> None:
    check = FullCheck(evening)
    hub = Hub(evening, host="127.0.0.1", port=0, full_check=check)
    await hub.start()
    try:
        info = evening.info
        assert info is not None
        in_dialogue(evening)
        evening.execute(Command("settings/auto_approve", {"on": True}))
        phone = await open_peer(
            hub.port, {"role": "phone", "room": info.room_code, "device": "phone-0001-test", "lang": "nl"}
        )
        display = await open_peer(hub.port, {"role": "display", "token": info.display_token})
        for peer in (phone, display):
            await peer.next("state/reset")
        # Before deduce is ready our own rules decide: a name without a title passes them.
        early = "Gerard Brouwer pest mijn zoon al sinds de brugklas."  # in no list of ours: deduce knows him
        assert not check.ready
        assert (await phone.command("contribution/add", ref="a", id="c-early", text=early))["type"] == "ack"
        assert evening.state.contributions["c-early"].visible

        async def ready() -> None:
            while not check.ready:
                assert check.worker.failed is None, check.worker.failed
                await asyncio.sleep(0.1)

        await asyncio.wait_for(ready(), LOADING)
        await asyncio.wait_for(check.wait_idle(), 10)
        taken_back = evening.state.contributions["c-early"]
        assert (taken_back.status, taken_back.held_reason, taken_back.screened) == ("pending", "name", True)
        await display.state(lambda v: all(c["text"] != early for c in v.get("contributions", [])))

        # Ready: auto-approve waits for the check, so the name never shows; a clean answer still goes up.
        late = "Jan Jansen was onbeleefd tegen mijn zoon bij de ingang."
        clean = "Magister en Parro geven te laat de cijfers door, vooral rond Kerst."
        await phone.command("contribution/add", ref="b", id="c-name", text=late)
        await phone.command("contribution/add", ref="c", id="c-clean", text=clean)
        await display.state(lambda v: any(c["text"] == clean for c in v.get("contributions", [])))
        await asyncio.wait_for(check.wait_idle(), 10)
        held = evening.state.contributions["c-name"]
        assert (held.status, held.held_reason, held.spans[0][:2]) == ("pending", "name", [0, 10])
        assert late not in json.dumps(display.view)

        # A rating comment with a name is held until someone reviews it.
        rating = next(p for b in evening.agenda.blocks for p in b.prompts if p.kind == "rating")
        evening.execute(Command("prompt/open", {"prompt": rating.id}))
        await phone.command(
            "response/set", ref="d", prompt=rating.id, value=2, comment="Fatima Benali was heel behulpzaam"
        )
        await asyncio.wait_for(check.wait_idle(), 10)
        assert evening.state.responses[rating.id]["phone-0001-test"].review.held
        await phone.close()
        await display.close()
    finally:
        await hub.stop()
