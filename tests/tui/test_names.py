"""Names in the feed: a held name is redacted in one key and reaches the projector as "[naam]"; approving a held
answer unchanged asks first; what is typed in from paper warns; held comments are reviewed in the kiosk."""

from __future__ import annotations

import json

from kiosk.commands.run import hub_starter
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.hub.changes import Mirror
from kiosk.tui.app import KioskApp
from kiosk.tui.screens.confirm import ConfirmScreen

from .conftest import SIZE, screen_text, shown
from .test_feed import next_message, open_client, phone_says, projected, rows, to_dialogue


async def test_a_held_name_is_redacted_in_one_key_and_reaches_the_projector_as_naam(
    core: SessionCore,
) -> None:
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0))
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        hub = app.hub
        assert hub is not None and core.info is not None
        core.execute(Command("settings/auto_approve", {"on": True}))
        phone = await open_client(
            hub.port,
            {"role": "phone", "room": core.info.room_code, "device": "phone-test-0001", "lang": "nl"},
        )
        display = await open_client(hub.port, {"role": "display", "token": core.info.display_token})
        await next_message(phone, lambda m: m["type"] == "state/reset")
        wall = Mirror()
        await next_message(display, lambda m: wall.take(m) and m["type"] == "state/reset")
        text = "Ik ben Piet Jansen, vader van Sanne uit 2B."
        await phone.send(json.dumps({"type": "contribution/add", "ref": "r1", "id": "c-1", "text": text}))
        await next_message(phone, lambda m: m["type"] == "ack")
        held = core.state.contributions["c-1"]
        assert (held.status, held.held_reason) == ("pending", "name")  # auto-approve on, and still held
        await pilot.press("2", "f", "f")  # all -> pending -> held
        await pilot.pause()
        assert rows(app) == ["c-1"]
        await pilot.press("r")
        await next_message(display, lambda m: any("[naam]" in t for t in projected(wall, m)))
        assert projected(wall, {"type": "noop"}) == ["Ik ben [naam], vader van [naam] uit 2B."]
        assert "Piet" not in json.dumps(wall.view)
        redacted = core.state.contributions["c-1"]
        assert (redacted.status, redacted.held_reason, redacted.approved_by) == (
            "approved",
            "name",
            "facilitator",
        )
        await pilot.press("f", "f", "f")  # held -> approved
        await pilot.pause()
        assert "aangepast en goedgekeurd door begeleider" in shown(app.screen.query_one("#feed-detail"))
        await phone.close()
        await display.close()


async def test_approving_a_held_answer_unchanged_asks_first(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        phone_says(core, "c-name", "Mevrouw El Amrani belt nooit terug")
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Ongewijzigd goedkeuren?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert core.state.contributions["c-name"].status == "pending"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        c = core.state.contributions["c-name"]
        assert (c.status, c.held_reason, c.approved_by, c.text) == (
            "approved",
            "name",
            "facilitator",
            "Mevrouw El Amrani belt nooit terug",
        )


async def test_a_name_typed_in_from_paper_warns_the_facilitator(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2", "i")
        await pilot.pause()
        await pilot.press(*"Juf Khadija legt alles uit")
        await pilot.press("enter")
        await pilot.pause()
        typed = next(iter(core.state.contributions.values()))
        assert (typed.source, typed.status, typed.held_reason) == ("paper", "pending", "name")
        assert any("Let op: de ingetypte tekst" in n.message for n in app._notifications)


async def test_a_held_rating_comment_is_redacted_from_the_kiosk(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        phone = Actor("phone", device="phone-test-0001")
        core.execute(Command("device/join", {"role": "parent"}, actor=phone))
        rating = next(p for b in core.state.agenda.blocks for p in b.prompts if p.kind == "rating")
        core.execute(Command("prompt/open", {"prompt": rating.id}))
        core.execute(
            Command(
                "response/set",
                {"prompt": rating.id, "value": 2, "comment": "Meneer Jansen was onbeleefd"},
                actor=phone,
            )
        )
        response = core.state.responses[rating.id]["phone-test-0001"]
        assert response.review.state == "held"
        await pilot.press("2", "c")
        await pilot.pause()
        assert "Meneer Jansen was onbeleefd" in screen_text(app)
        await pilot.press("enter")  # the one held comment
        await pilot.pause()
        await pilot.press("enter")  # redact and approve
        await pilot.pause()
        assert response.comment == "Meneer [naam] was onbeleefd"
        assert (response.review.state, response.review.by) == ("approved", "facilitator")


async def test_the_app_runs_the_full_name_check_beside_it_and_it_holds_a_name_our_rules_miss(
    core: SessionCore,
) -> None:
    """`kiosk run`'s default: deduce's process is spawned while Textual holds stdout and stderr (that crashed the
    app once), the app stays usable while it loads, and once it is ready a name our own rules let pass is held."""
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0, name_check="full"))
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        hub = app.hub
        assert hub is not None and hub.full_check is not None
        for _ in range(3000):  # deduce loads in 8-25 s; two minutes once after install
            if hub.full_check.ready or hub.full_check.worker.failed:
                break
            await pilot.pause(0.1)
        assert hub.full_check.worker.failed is None
        assert hub.full_check.ready
        await pilot.press("2")  # the app answers keys beside the loaded check
        await pilot.pause()
        assert type(app.screen).__name__ == "FeedScreen"
        core.execute(Command("settings/auto_approve", {"on": True}))
        phone_says(core, "c-emre", "Emre Kaya pest mijn zoon al sinds de brugklas.")
        for _ in range(100):
            if core.state.contributions["c-emre"].screened:
                break
            await pilot.pause(0.05)
        held = core.state.contributions["c-emre"]
        assert (held.status, held.held_reason) == ("pending", "name")
