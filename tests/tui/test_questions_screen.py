"""The questions screen (5): the room's questions by votes; approve, hide, answer now or later, on the projector."""

from __future__ import annotations

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.screens.confirm import ConfirmScreen
from kiosk.tui.screens.questions import VOTES_EVERY, QuestionsScreen
from kiosk.tui.widgets.key_bar import units_of
from kiosk.tui.widgets.question_table import QuestionTable

from .conftest import screen_text, shown

HOSTILE = "[bold red]Waarom[/] is het rooster [link=x]zo[/link] laat?"


def phones_ask(core: SessionCore) -> None:
    phones = [Actor("phone", device=f"phone-ask-{n:04d}") for n in range(4)]
    for phone in phones:
        core.execute(Command("device/join", {"role": "parent"}, phone))
    asked = [
        ("q-feest", "Komt er dit jaar weer een schoolfeest?"),
        ("q-rooster", HOSTILE),
        ("q-naam", "Waarom geeft meneer Jansen zoveel huiswerk?"),
    ]
    for phone, (qid, text) in zip(phones, asked, strict=False):
        core.execute(Command("question/add", {"id": qid, "text": text}, phone))
    for qid in ("q-feest", "q-rooster"):
        core.execute(Command("question/approve", {"id": qid}))
    for phone in phones[1:]:
        core.execute(Command("question/upvote", {"id": "q-feest"}, phone))
    core.execute(Command("question/upvote", {"id": "q-rooster"}, phones[0]))


async def test_questions_screen_sorts_by_votes_and_moderates_and_answers_with_keys(core: SessionCore) -> None:
    phones_ask(core)
    app = KioskApp(core, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        table = app.screen.query_one(QuestionTable)
        rows = [table.get_row_at(r) for r in range(table.row_count)]
        # Waiting ones first (the held one, with its reason), then by votes.
        assert [str(row[0]) for row in rows] == ["noemt een naam", "goedgekeurd", "goedgekeurd"]
        assert [str(row[3]) for row in rows][1:] == ["Komt er dit jaar weer een schoolfeest?", HOSTILE]
        assert [str(row[1]) for row in rows] == ["", "3", "1"]
        text = screen_text(app)
        assert "3 vragen · 1 wachtend" in text
        assert HOSTILE[:20] in text  # shown as typed, never read as markup

        await pilot.press("a")  # the held one, selected first: shown unchanged only when asked twice
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.state.questions.items["q-naam"].status == "pending"
        await pilot.press("escape")  # no: it stays held
        await pilot.pause()
        assert app.state.questions.items["q-naam"].status == "pending"
        await pilot.press("r")  # what was found becomes [naam], and it is shown, in one key
        await pilot.pause()
        held = app.state.questions.items["q-naam"]
        assert held.status == "approved" and "[naam]" in held.text and held.approved_by == "facilitator"
        table.move_cursor(row=table.get_row_index("q-feest"))
        await pilot.press("l")
        await pilot.pause()
        assert app.state.questions.items["q-feest"].answer == "later"
        assert "later" in shown(app.screen.query_one("#questions-detail"))
        await pilot.press("l")  # again: the mark comes off
        await pilot.pause()
        assert app.state.questions.items["q-feest"].answer is None
        await pilot.press("b")
        await pilot.pause()
        assert app.state.questions.items["q-feest"].answer == "now"
        table.move_cursor(row=table.get_row_index("q-rooster"))
        await pilot.press("h")
        await pilot.press("s")
        await pilot.pause()
        assert app.state.questions.items["q-rooster"].status == "hidden"
        assert app.state.questions.on_display
        assert "op de beamer: aan" in screen_text(app)
        bar = " ".join(f"{u.keys} {u.description}" for u in units_of(app.screen))
        for entry in (
            "1-5 scherm",
            "a goed",
            "h weg",
            "b nu beantwoord",
            "l later",
            "e bewerk",
            "s op beamer",
        ):
            assert entry in bar, entry


async def test_a_question_asked_while_the_screen_is_open_appears_and_help_lists_the_keys(
    core: SessionCore,
) -> None:
    app = KioskApp(core, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        assert "No questions yet" in screen_text(app)
        phone = Actor("phone", device="phone-late-0001")
        core.execute(Command("device/join", {}, phone))
        core.execute(Command("question/add", {"id": "q-late", "text": "Is there a parents' council?"}, phone))
        await pilot.pause()
        await pilot.pause()
        assert "Is there a parents' council?" in screen_text(app)
        core.execute(Command("question/approve", {"id": "q-late"}))
        voter = Actor("phone", device="phone-vote-0001")
        core.execute(Command("device/join", {}, voter))
        core.execute(Command("question/upvote", {"id": "q-late"}, voter))
        table = app.screen.query_one(QuestionTable)
        await pilot.pause(VOTES_EVERY + 0.3)  # votes alone redraw the list once a second
        assert str(table.get_row_at(0)[1]) == "1"
        await pilot.press("e")
        await pilot.pause()
        assert "Change the question" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        for words in ("answered now", "later", "on projector", "Show the five questions"):
            assert words in help_text, words


async def test_a_question_asked_aloud_is_typed_in_shown_at_once_and_a_name_in_it_is_held(
    core: SessionCore,
) -> None:
    app = KioskApp(core, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"Komt er een ouderraad?", "enter")
        await pilot.pause()
        typed = list(app.state.questions.items.values())
        assert [(q.text, q.status, q.device) for q in typed] == [("Komt er een ouderraad?", "approved", None)]
        assert "Komt er een ouderraad?" in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*"Waarom belt meneer Jansen nooit?", "enter")
        await pilot.pause()
        held = [q for q in app.state.questions.items.values() if "Jansen" in q.text]
        assert [(q.status, q.held_reason) for q in held] == [("pending", "name")]
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed, nothing stored
        await pilot.pause()
        assert len(app.state.questions.items) == 2
