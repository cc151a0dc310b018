"""What the name check decides after an answer arrives shows in its row at once: no key, no filter cycling.

The full name check answers some 25 ms after an answer came in, as a `moderation/screen` command of the system. These
tests play that command themselves (what deduce would have found), so the screens' rows are checked without the
1 GB helper process: the row must say what the state says.
"""

from __future__ import annotations

from textual.widgets import DataTable

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.widgets.feed_table import FeedTable
from kiosk.tui.widgets.question_table import QuestionTable

from .conftest import SIZE
from .test_feed import phone_says, to_dialogue

SYSTEM = Actor("system")


def deduce_found_a_name(core: SessionCore, target: str, ident: str, name: str) -> None:
    """What the full check sends when deduce finds `name` in a text."""
    text = (
        core.state.contributions[ident].text
        if target == "contribution"
        else core.state.questions.items[ident].text
    )
    start = text.index(name)
    item = {"target": target, "id": ident, "text": text, "spans": [[start, start + len(name), "name"]]}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))


def deduce_found_nothing(core: SessionCore, target: str, ident: str) -> None:
    text = (
        core.state.contributions[ident].text
        if target == "contribution"
        else core.state.questions.items[ident].text
    )
    item = {"target": target, "id": ident, "text": text, "spans": []}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))


def row_status(table: DataTable[object], key: str) -> str:
    return str(table.get_cell(key, "status"))


async def test_an_answer_the_name_check_holds_shows_as_held_in_its_row_without_a_key(
    core: SessionCore,
) -> None:
    core.full_check = True
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2")
        phone_says(core, "c-sam", "Quirijn wordt elke pauze gepest")  # a name none of our own lists knows
        await pilot.pause()
        feed = app.screen.query_one(FeedTable)
        assert row_status(feed, "c-sam") == "wachtend"
        deduce_found_a_name(core, "contribution", "c-sam", "Quirijn")
        await pilot.pause()
        assert core.state.contributions["c-sam"].held_reason == "name"
        assert row_status(feed, "c-sam") == "noemt een naam"


async def test_auto_approves_verdict_shows_as_approved_and_a_pulled_back_approval_as_held(
    core: SessionCore,
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("2", "o")  # auto-approve on
        await pilot.pause()
        assert core.state.auto_approve
        # Before the full check is ready, auto-approve shows what our rules let pass at once.
        phone_says(core, "c-early", "Tjitske mist haar vriendinnen", device="phone-test-0002")
        core.full_check = True  # the check is ready: auto-approve waits for its verdict
        phone_says(core, "c-fine", "Meer contact met de mentor")
        await pilot.pause()
        feed = app.screen.query_one(FeedTable)
        assert row_status(feed, "c-early") == "goedgekeurd"
        assert row_status(feed, "c-fine") == "wachtend"
        deduce_found_nothing(core, "contribution", "c-fine")
        deduce_found_a_name(core, "contribution", "c-early", "Tjitske")  # checked after loading: pulled back
        await pilot.pause()
        assert core.state.contributions["c-fine"].status == "approved"
        assert row_status(feed, "c-fine") == "goedgekeurd"
        assert core.state.contributions["c-early"].status == "pending"
        assert row_status(feed, "c-early") == "noemt een naam"
        assert "goedgekeurd (1)" in str(app.screen.query_one("#feed-bar").render())


async def test_a_question_the_name_check_holds_shows_as_held_on_the_questions_screen(
    core: SessionCore,
) -> None:
    core.full_check = True
    phone = Actor("phone", device="phone-test-0003")
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await to_dialogue(app, pilot)
        await pilot.press("5")
        core.execute(Command("device/join", {"role": "parent"}, actor=phone))
        core.execute(
            Command("question/add", {"id": "q-ayoub", "text": "Mag Bartholomeus eerder naar huis?"}, phone)
        )
        await pilot.pause()
        table = app.screen.query_one(QuestionTable)
        assert table.row_count == 1 and "wachtend" in row_status(table, "q-ayoub")
        deduce_found_a_name(core, "question", "q-ayoub", "Bartholomeus")
        await pilot.pause()
        assert core.state.questions.items["q-ayoub"].held_reason == "name"
        assert row_status(table, "q-ayoub") == "noemt een naam"
