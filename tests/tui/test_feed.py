"""The feed: what phones send arrives live; the facilitator approves, hides, edits, tags, merges and types in."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from textual.pilot import Pilot
from websockets.asyncio.client import ClientConnection, connect

from kiosk.agenda.parser import load_agenda
from kiosk.commands.run import hub_starter
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.hub.changes import Mirror
from kiosk.resources import default_agenda_path
from kiosk.tui.app import KioskApp
from kiosk.tui.screens.feed import FeedScreen
from kiosk.tui.widgets.feed_table import FeedTable
from kiosk.tui.widgets.status_strip import StatusStrip

from .conftest import SIZE, SteppedClock, shown

PATIENCE = 10.0  # a guard against a hang, not a speed assertion
PHONE = Actor("phone", device="phone-test-0001")


async def open_client(port: int, hello: dict[str, Any]) -> ClientConnection:
    ws = await connect(f"ws://127.0.0.1:{port}/ws", proxy=None)
    await ws.send(json.dumps({"type": "hello", **hello}))
    return ws


async def next_message(ws: ClientConnection, wanted: Any) -> dict[str, Any]:
    """The first message for which `wanted(message)` holds."""

    async def wait() -> dict[str, Any]:
        while True:
            message: dict[str, Any] = json.loads(await ws.recv())
            if wanted(message):
                return message

    return await asyncio.wait_for(wait(), PATIENCE)


def projected(mirror: Mirror, message: dict[str, Any]) -> list[str]:
    """The projector's texts after this message: its view is a reset plus the changes since."""
    mirror.take(message)
    return [c["text"] for c in (mirror.view or {}).get("contributions", [])]


async def to_dialogue(app: KioskApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("n", "n", "n")
    assert app.state.block.kind == "dialogue"


def phone_says(core: SessionCore, cid: str, text: str, device: str = "phone-test-0001") -> None:
    actor = Actor("phone", device=device)
    core.execute(Command("device/join", {"role": "parent"}, actor=actor))
    core.execute(Command("contribution/add", {"id": cid, "text": text}, actor=actor))


def rows(app: KioskApp) -> list[str]:
    table = app.screen.query_one(FeedTable)
    return [str(row.key.value) for row in table.ordered_rows]


async def test_parent_answer_approved_in_the_kiosk_reaches_the_projector(core: SessionCore) -> None:
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0))
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        hub = app.hub
        assert hub is not None and core.info is not None
        phone = await open_client(
            hub.port,
            {"role": "phone", "room": core.info.room_code, "device": "phone-test-0001", "lang": "nl"},
        )
        display = await open_client(hub.port, {"role": "display", "token": core.info.display_token})
        await next_message(phone, lambda m: m["type"] == "state/reset")
        wall = Mirror()
        await next_message(display, lambda m: wall.take(m) and m["type"] == "state/reset")
        await phone.send(
            json.dumps({"type": "contribution/add", "ref": "r1", "id": "c-1", "text": "Meer contact"})
        )
        await next_message(phone, lambda m: m["type"] == "ack")
        await pilot.press("2")
        await pilot.pause()
        assert rows(app) == ["c-1"]
        assert "wachtend" in shown(app.screen.query_one("#feed-detail"))
        await pilot.press("a")
        await next_message(display, lambda m: "Meer contact" in projected(wall, m))
        assert [c["text"] for c in (wall.view or {})["contributions"]] == ["Meer contact"]
        assert core.state.contributions["c-1"].status == "approved"
        await phone.close()
        await display.close()


async def test_a_burst_of_ten_thousand_contributions_lands_in_one_update() -> None:
    # The core without a log: the burst is about the screen, not about the disk.
    core = SessionCore(load_agenda(default_agenda_path()), clock=SteppedClock())
    updates: list[object] = []
    app = KioskApp(core)
    async with app.run_test(size=SIZE, message_hook=updates.append) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        # A thousand phones, ten answers each: as many as one phone may have waiting for the facilitator.
        for n in range(1000):
            core.execute(Command("device/join", {}, actor=Actor("phone", device=f"phone-burst-{n:04d}")))
        before = sum(isinstance(m, KioskApp.CoreChanged) for m in updates)
        for n in range(10_000):
            device = f"phone-burst-{n % 1000:04d}"
            core.execute(
                Command(
                    "contribution/add",
                    {"id": f"b{n}", "text": f"antwoord {n}"},
                    actor=Actor("phone", device=device),
                )
            )
        await pilot.pause()
        assert sum(isinstance(m, KioskApp.CoreChanged) for m in updates) - before == 1
        screen = app.screen
        assert isinstance(screen, FeedScreen)
        while screen.backlog:  # drawn in slices between refreshes
            await pilot.pause()
        table = app.screen.query_one(FeedTable)
        assert table.row_count == 10_000
        assert table.cursor_row == 9_999  # the newest stays in view
        await pilot.press("a")
        await pilot.pause()
        assert core.state.contributions["b9999"].status == "approved"


async def test_held_answer_shows_why_and_an_edit_removes_the_name_before_approval(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        phone_says(core, "c-ok", "Fijne avond")
        phone_says(core, "c-name", "Meneer Jansen belt nooit terug", device="phone-test-0002")
        await pilot.press("2", "f", "f")  # all -> pending -> held
        await pilot.pause()
        assert rows(app) == ["c-name"]
        assert "noemt een naam" in shown(app.screen.query_one("#feed-detail"))
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u")
        await pilot.press(*"De mentor belt nooit terug", "enter")
        await pilot.pause()
        assert core.state.contributions["c-name"].text == "De mentor belt nooit terug"
        await pilot.press("a")
        await pilot.pause()
        assert core.state.contributions["c-name"].status == "approved"
        assert rows(app) == []  # no longer held


async def test_tag_with_a_theme_pin_and_merge_a_duplicate(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        phone_says(core, "c-1", "Meer contact met de mentor")
        phone_says(core, "c-2", "Vaker contact met mentor", device="phone-test-0002")
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(FeedTable)
        table.move_cursor(row=0)
        await pilot.press("a")
        await pilot.pause()
        assert table.selected_id() == "c-2"  # approved: on to the next answer that waits
        table.move_cursor(row=0)
        await pilot.press("v", "t")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second theme: contact en communicatie
        await pilot.pause()
        first = core.state.contributions["c-1"]
        assert first.pinned and first.tags == ["Contact en communicatie"]
        table.move_cursor(row=1)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")  # the first offered is the other answer to the same question
        await pilot.pause()
        assert core.state.contributions["c-2"].merged_into == "c-1"
        assert "samengevoegd" in str(table.get_row("c-2"))


async def test_facilitator_types_in_a_paper_contribution(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2", "i")
        await pilot.pause()
        await pilot.press(*"Ouders willen vaker feedback", "enter")
        await pilot.pause()
        (contribution,) = core.state.contributions.values()
        assert contribution.text == "Ouders willen vaker feedback"
        assert contribution.source == "paper" and contribution.status == "approved"
        assert contribution.prompt_id == core.state.open_prompt
        assert "papier" in str(app.screen.query_one(FeedTable).get_row(contribution.id))


async def test_auto_approve_switch_lets_phone_answers_through(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2", "o")
        await pilot.pause()
        assert "auto-goedkeuren: aan" in shown(app.screen.query_one(StatusStrip)).lower()
        phone_says(core, "c-1", "Fijn dat dit er is")
        await pilot.pause()
        assert core.state.contributions["c-1"].status == "approved"
        assert "goedgekeurd" in str(app.screen.query_one(FeedTable).get_row("c-1"))
