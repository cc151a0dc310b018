"""A cockpit the facilitator can trust: no reflexive key does what cannot be undone, what waits is always in sight,
and the palette runs only the line that is visibly chosen."""

from __future__ import annotations

from textual.pilot import Pilot

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.screens.confirm import ConfirmScreen
from kiosk.tui.widgets.feed_table import FeedTable
from kiosk.tui.widgets.status_strip import StatusStrip

from .conftest import SIZE, screen_text, shown


def phone_says(core: SessionCore, cid: str, text: str, n: int) -> None:
    phone = Actor("phone", device=f"phone-cockpit-{n:04d}")
    core.execute(Command("device/join", {"role": "parent"}, actor=phone))
    core.execute(Command("contribution/add", {"id": cid, "text": text}, actor=phone))


def to_dialogue(core: SessionCore) -> None:
    index = next(b.index for b in core.agenda.blocks if b.kind == "dialogue")
    core.execute(Command("block/jump", {"index": index}))


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_enter_on_every_dialog_does_nothing_that_cannot_be_undone(core: SessionCore) -> None:
    to_dialogue(core)
    phone_says(core, "c-name", "Meneer Jansen belt nooit terug", 1)
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # approving a held answer unchanged
        await pilot.press("2", "a")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert core.state.contributions["c-name"].status == "pending"
        # closing the evening
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert not core.state.finished
        # quitting
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        # the deliberate way still works: its own key
        await pilot.press("a")
        await settle(pilot)
        assert "(j)" in screen_text(app)
        await pilot.press("j")
        await settle(pilot)
        assert core.state.contributions["c-name"].status == "approved"


async def test_closing_with_answers_waiting_says_how_many(core: SessionCore) -> None:
    to_dialogue(core)
    for n in range(8):
        phone_says(core, f"c-{n}", f"Antwoord nummer {n} over de mentor", n)
    phone_says(core, "c-name", "Meneer Jansen belt nooit terug", 9)
    core.execute(
        Command(
            "question/add",
            {"id": "q-1", "text": "Komt er een ouderraad?"},
            actor=Actor("phone", device="phone-cockpit-0001"),
        )
    )
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        asked = screen_text(app)
        assert "Er wacht nog: 9 antwoorden (waarvan 1 vastgehouden), 1 vraag." in " ".join(asked.split())
        await pilot.press("j")
        await settle(pilot)
        assert core.state.finished


async def test_the_strip_shows_what_waits_auto_approve_and_the_name_check_at_80_columns(
    core: SessionCore,
) -> None:
    to_dialogue(core)
    app = KioskApp(core)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        strip = app.screen.query_one(StatusStrip)
        assert "Niets wacht" in shown(strip)
        for n in range(8):
            phone_says(core, f"c-{n}", f"Antwoord nummer {n} over de mentor", n)
        phone_says(core, "c-name", "Meneer Jansen belt nooit terug", 9)
        await settle(pilot)
        line = screen_text(app).splitlines()[0]
        assert "9 antw. (1 vast)" in line and "auto: uit" in line and "namen: regels" in line
        await pilot.press("2", "o")  # auto-approve on, from the feed
        await settle(pilot)
        for screen in ("1", "3", "4", "5"):
            await pilot.press(screen)
            await settle(pilot)
            line = screen_text(app).splitlines()[0]
            assert "auto: AAN" in line and "9 antw." in line, screen
            assert len(line.rstrip()) <= 80


async def test_w_goes_from_any_screen_to_the_next_waiting_answer_then_the_questions(
    core: SessionCore,
) -> None:
    to_dialogue(core)
    phone_says(core, "c-1", "Eerste antwoord", 1)
    phone_says(core, "c-2", "Tweede antwoord", 2)
    core.execute(Command("contribution/approve", {"id": "c-1"}))
    phone = Actor("phone", device="phone-cockpit-0003")
    core.execute(Command("device/join", {"role": "parent"}, actor=phone))
    core.execute(Command("question/add", {"id": "q-1", "text": "Komt er een ouderraad?"}, actor=phone))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "w")  # from the summary screen
        await settle(pilot)
        assert app.current_mode == "feed"
        assert app.screen.query_one(FeedTable).selected_id() == "c-2"
        await pilot.press("a")  # approved: nothing else waits among the answers
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert app.current_mode == "room_questions"
        await pilot.press("a", "w")
        await settle(pilot)
        assert any("Er wacht niets" in str(n.message) for n in app._notifications)


async def test_the_palette_runs_only_a_line_whose_words_were_typed(core: SessionCore) -> None:
    tables = next(b.index for b in core.agenda.blocks if b.kind == "tables")
    core.execute(Command("block/jump", {"index": tables}))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"vergro")
        await pilot.pause(0.5)
        assert "Vergroten" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert core.state.open_prompt is None  # no question of the dialogue came back to the phones
        assert app.screen.maximized is not None  # the "Nu" panel fills the screen
        await pilot.press("escape")
        await settle(pilot)
        # a line that changes the evening says what it does: which question, from which block
        await pilot.press("ctrl+p")
        await pilot.press(*"wat gaat goed")
        await pilot.pause(0.5)
        text = " ".join(screen_text(app).split())
        assert "Vraag stellen: Wat gaat goed?" in text
        assert "Uit een ander blok: Dialoog (nu loopt Thematafels)" in text


async def test_the_palette_lists_this_screens_keys_first(core: SessionCore) -> None:
    from kiosk.tui.palette_entries import all_entries

    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        titles = [entry.title for entry in all_entries(app, app.screen)]
        assert titles[0].startswith("Keur de gekozen bijdrage goed")
        assert titles[-1] == "Stoppen"
        assert any(title.startswith("Voeg een dubbele bijdrage samen") for title in titles)


async def test_arrows_move_the_presentations_and_t_shows_the_table_codes(core: SessionCore) -> None:
    for n in range(8):
        phone = Actor("phone", device=f"phone-cockpit-{n:04d}")
        core.execute(Command("device/join", {"role": "parent" if n % 2 else "staff"}, actor=phone))
    core.execute(Command("tables/assign", {"count": 2}))
    index = next(b.index for b in core.agenda.blocks if b.kind == "presentations")
    core.execute(Command("block/jump", {"index": index}))
    app = KioskApp(core)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "presentatie verder/terug" in screen_text(app)
        await pilot.press("right")
        await settle(pilot)

        presentation = core.state.tables.presentation
        assert presentation is not None and presentation.position == 0
        await pilot.press("right")
        await settle(pilot)
        assert core.state.tables.presentation.position == 1  # type: ignore[union-attr]
        await pilot.press("left")
        await settle(pilot)
        assert core.state.tables.presentation.position == 0  # type: ignore[union-attr]


async def test_a_new_block_starts_at_the_top_of_the_now_panel(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "n")  # the introduction: more talking points than the panel shows
        await settle(pilot)
        panel = app.screen.query_one("#block-scroll")
        panel.scroll_end(animate=False)
        await settle(pilot)
        assert panel.scroll_y > 0
        await pilot.press("n")
        await settle(pilot)
        assert panel.scroll_y == 0
        assert "Dialoog" in screen_text(app)


async def test_the_run_screen_shows_the_rating_results(core: SessionCore) -> None:
    closing = next(b for b in core.agenda.blocks if b.kind == "closing")
    core.execute(Command("block/jump", {"index": closing.index}))
    rating = next(p for p in closing.prompts if p.kind == "rating")
    core.execute(Command("prompt/open", {"prompt": rating.id}))
    for n, value in enumerate([3, 4, 5, 3, 4, 5, 4, 5]):
        phone = Actor("phone", device=f"phone-cockpit-{n:04d}")
        core.execute(Command("device/join", {"role": "parent"}, actor=phone))
        core.execute(Command("response/set", {"prompt": rating.id, "value": value}, actor=phone))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "1★ 0 · 2★ 0 · 3★ 2 · 4★ 3 · 5★ 3 · gemiddeld 4,1 (8 antwoorden)" in text


def test_the_strip_names_each_state_of_the_name_check_within_80_columns(core: SessionCore) -> None:
    from kiosk.core.readings.waiting import Waiting
    from kiosk.namecheck.service import FullCheck
    from kiosk.tui.i18n import Translator
    from kiosk.tui.widgets.status_strip import StatusFacts, name_check_state, strip_text

    check = FullCheck(core)  # its process not started: deduce still has to load
    states = [name_check_state(None), name_check_state(check)]
    check.worker.ready = True
    states.append(name_check_state(check))
    check.worker.ready, check.worker.failed = False, "the process died"
    states.append(name_check_state(check))
    assert states == ["off", "loading", "ready", "failed"]
    busy = Waiting(answers=12, answers_held=3, questions=4, questions_held=1, texts_held=2)
    for lang, words in (
        ("nl", ["regels", "laden…", "klaar", "MISLUKT"]),
        ("en", ["rules", "loading…", "ready", "FAILED"]),
    ):
        for state, word in zip(states, words, strict=True):
            facts = StatusFacts(busy, True, state, "disk_full", core.agenda.title)
            line = strip_text(facts, Translator(lang), 80).plain
            assert len(line) <= 80 and word in line, line
            assert "12 " in line and " 4 " in line and "(6 " in line, line  # every held one counted
