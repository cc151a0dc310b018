"""The closing: the facilitator composes what we heard, the key message, contact and actions."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp

from .conftest import SIZE, screen_text


def approved_answer(core: SessionCore, cid: str, text: str, device: str) -> None:
    actor = Actor("phone", device=device)
    core.execute(Command("device/join", {"role": "parent"}, actor=actor))
    core.execute(Command("contribution/add", {"id": cid, "text": text}, actor=actor))
    core.execute(Command("contribution/approve", {"id": cid}))


async def test_compose_key_points_from_answers_and_typed_freely(core: SessionCore) -> None:
    core.execute(Command("block/jump", {"index": 3}))
    approved_answer(core, "c-1", "Meer contact met de mentor", "phone-test-0001")
    approved_answer(core, "c-2", "Sneller antwoord op mails", "phone-test-0002")
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(
        Command("contribution/endorse", {"id": "c-2"}, actor=Actor("phone", device="phone-test-0001"))
    )
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        heard = app.screen.query_one("#heard", DataTable)
        assert [row.key.value for row in heard.ordered_rows] == ["c-2", "c-1"]  # most recognised first
        await pilot.press("k")  # the most recognised answer becomes the first key point
        app.screen.query_one("#new-point", Input).focus()
        await pilot.press(*"Ouders willen gehoord worden", "enter")
        await pilot.pause()
        assert [p.text for p in core.state.key_points] == [
            "Sneller antwoord op mails",
            "Ouders willen gehoord worden",
        ]
        assert core.state.key_points[0].sources == ["c-2"]
        app.screen.query_one("#points").focus()
        await pilot.press("down", "left_square_bracket")  # move the typed point up
        await pilot.pause()
        assert core.state.key_points[0].text == "Ouders willen gehoord worden"
        await pilot.press("e", "ctrl+u", *"Ouders willen echt gehoord worden", "enter")
        await pilot.pause()
        assert core.state.key_points[0].text == "Ouders willen echt gehoord worden"
        await pilot.press("down", "x")
        await pilot.pause()
        assert [p.text for p in core.state.key_points] == ["Ouders willen echt gehoord worden"]
        await pilot.press("s")
        await pilot.pause()
        assert core.state.summary_shown


async def test_key_message_contact_and_an_action_with_owner_and_date(core: SessionCore) -> None:
    app = KioskApp(core, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one("#contact", Input).focus()
        await pilot.press(*"Ouderpanel elke maand", "enter")
        app.screen.query_one("#action-what", Input).focus()
        await pilot.press(*"Mentoren bellen elke ouder", "tab", *"teamleider", "tab", *"1 april", "enter")
        await pilot.pause()
        assert not core.state.actions
        assert app._notifications and list(app._notifications)[-1].message == "Write the date as YYYY-MM-DD."
        due = app.screen.query_one("#action-due", Input)
        due.focus()
        await pilot.press("ctrl+u", *"2026-04-01", "enter")
        await pilot.pause()
        (action,) = core.state.actions.values()
        assert (action.what, action.owner, action.due) == (
            "Mentoren bellen elke ouder",
            "teamleider",
            "2026-04-01",
        )
        assert core.state.contact == "Ouderpanel elke maand"


async def test_tab_walks_the_fields_of_the_summary_and_a_field_keeps_its_text_when_reached(
    core: SessionCore,
) -> None:
    core.execute(Command("closing/set", {"key_message": "Samen verder"}))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "heard"
        visited = []
        for _ in range(8):
            await pilot.press("tab")
            await pilot.pause()
            assert app.current_mode == "summary"  # tab stays on this screen; 1-5 switch screens
            assert app.focused is not None
            visited.append(app.focused.id)
        fields = [
            "points",
            "new-point",
            "key-message",
            "contact",
            "action-what",
            "action-owner",
            "action-due",
        ]
        assert visited == [*fields, "heard"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "action-due"
        # Reaching the key message by keyboard selects nothing: typing adds to it instead of replacing it.
        for _ in range(4):
            await pilot.press("shift+tab")
        await pilot.pause()
        key_message = app.screen.query_one("#key-message", Input)
        assert app.focused is key_message and key_message.selection.is_empty
        await pilot.press("end", *" en met geduld", "enter")
        await pilot.pause()
        assert core.state.key_message == "Samen verder en met geduld"
        await pilot.press("1")  # a digit in a field is typed, not a screen switch
        await pilot.pause()
        assert app.current_mode == "summary" and key_message.value.endswith("geduld1")


async def test_esc_leaves_a_field_and_the_screen_keys_work_again(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        new_point = app.screen.query_one("#new-point", Input)
        new_point.focus()
        await pilot.press(*"Vaker contact", "enter")
        await pilot.pause()
        assert "esc veld uit" in screen_text(app)
        await pilot.press("escape", "1")
        await pilot.pause()
        assert new_point.value == "" and app.current_mode == "run"  # 1 switched screens, typed nothing
        assert [p.text for p in core.state.key_points] == ["Vaker contact"]
