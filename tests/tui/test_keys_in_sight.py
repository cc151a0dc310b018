"""Every action in sight: the key bar on every screen, the help screen, the questions on the run screen, the end."""

from __future__ import annotations

import re

import pytest

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.palette_entries import palette_entries
from kiosk.tui.screens.help import HelpScreen
from kiosk.tui.widgets.block_info import BlockInfo
from kiosk.tui.widgets.countdown import Countdown
from kiosk.tui.widgets.evening_status import EveningStatus
from kiosk.tui.widgets.feed_table import FeedTable
from kiosk.tui.widgets.key_bar import KeyBar, lay_out, units_of
from kiosk.tui.widgets.now_bar import NowBar

from .conftest import SIZE, SteppedClock, screen_text, shown

SMALLEST = (80, 24)


def to_dialogue(core: SessionCore) -> None:
    index = next(b.index for b in core.agenda.blocks if b.kind == "dialogue")
    core.execute(Command("block/jump", {"index": index}))


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_every_screen_shows_all_its_keys_at_80x24_with_quit_help_and_commands_last(
    core: SessionCore, key: str
) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SMALLEST) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        units = units_of(app.screen)
        lines = lay_out(units, bar.size.width)
        assert bar.size.height == len(lines) <= 3  # every key on screen: a second line rather than cut keys
        bottom = screen_text(app).splitlines()[-len(lines) :]
        assert all(len(line.rstrip()) <= 80 for line in bottom)
        shown_keys = " ".join(bottom)
        for unit in units:
            assert f"{unit.keys} {unit.description}" in shown_keys
        assert [u.keys for u in units][:1] == ["1-5"] and "1-5 scherm" in shown_keys
        assert [u.keys for u in units][-3:] == ["?", "q", "^p"]
        assert "q stoppen" in shown_keys and "? hulp" in shown_keys and "^p opdrachten" in shown_keys
        assert "palette" not in shown_keys and "tab" not in shown_keys.split()


async def test_help_lists_every_key_of_the_feed_and_the_keys_of_every_screen(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Toetsen · bijdragen" in text
        lines = [line.strip("█ ▀▄") for line in text.splitlines()]

        def listed(key: str, what: str) -> bool:
            return any(re.match(rf"{re.escape(key)}\s+{re.escape(what)}(\s|$)", line) for line in lines)

        # the feed's own keys, the one the key bar leaves out (u) too
        for key, what in [
            ("a", "goed"),
            ("h", "weg"),
            ("u", "terug naar wachtend"),
            ("v", "pin"),
            ("t", "thema"),
            ("m", "samen"),
            ("e", "bewerk"),
            ("i", "invoer"),
            ("f", "filter"),
            ("o", "auto"),
        ]:
            assert listed(key, what), (key, what)
        # and those of every screen
        for key, what in [
            ("1", "verloop"),
            ("2", "bijdragen"),
            ("3", "deelnemen"),
            ("4", "samenvatting"),
            ("5", "vragen"),
            ("space", "start/pauze"),
            ("n", "volgend blok"),
            ("p", "vorig blok"),
            ("+", "+1 min"),
            ("-", "-1 min"),
            ("^e", "avond afsluiten"),
            ("tab", "scherm"),
            ("?", "hulp"),
            ("q", "stoppen"),
            ("^p", "opdrachten"),
            ("^c", "stoppen"),
        ]:
            assert listed(key, what), (key, what)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_run_screen_lists_the_blocks_questions_and_the_arrows_ask_the_next_and_previous(
    core: SessionCore,
) -> None:
    to_dialogue(core)
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        info = shown(app.screen.query_one(BlockInfo))
        assert (
            "7 vragen" in info and "Wat zijn de ervaringen van school?" in info and "Wat gaat goed?" in info
        )
        assert core.state.open_prompt == "b4-q1"  # the first opened with the block
        assert "▶ Wat zijn de ervaringen van de ouders?  staat open" in info
        await pilot.press("right")
        await pilot.pause()
        assert core.state.open_prompt == "b4-q2"
        assert "▶ Wat zijn de ervaringen van school?  staat open" in shown(app.screen.query_one(BlockInfo))
        await pilot.press("left", "left")
        await pilot.pause()
        assert core.state.open_prompt == "b4-q1"
        assert list(app._notifications)[-1].message == "Dit is de eerste vraag van dit blok."


async def test_a_rating_question_says_it_is_a_rating_and_the_palette_marks_the_open_question(
    core: SessionCore,
) -> None:
    closing = next(b for b in core.agenda.blocks if any(p.kind == "rating" for p in b.prompts))
    rating = next(p for p in closing.prompts if p.kind == "rating")
    core.execute(Command("block/jump", {"index": closing.index}))
    core.execute(Command("prompt/open", {"prompt": rating.id}))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        info = shown(app.screen.query_one(BlockInfo))
        assert f"▶ {rating.text}  staat open · cijfer 1-5" in info
        assert "Open vraag" not in info
        titles = [title for title, _, _ in palette_entries(app)]
        assert f"Staat open: {rating.text}" in titles
        assert sum(title.startswith("Staat open:") for title in titles) == 1
        helps = {title: help_text for title, help_text, _ in palette_entries(app)}
        assert helps[f"Staat open: {rating.text}"].startswith("cijfer 1-5 · ")


async def test_ctrl_e_closes_the_evening_after_a_yes_and_then_the_screen_says_it_ended(
    core: SessionCore, clock: SteppedClock
) -> None:
    to_dialogue(core)
    core.execute(Command("block/start"))
    clock.advance(3 * 3600)  # long after the planned end: no "min voor" or "achter" once closed
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not core.state.finished
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert core.state.finished
        app.screen.tick()
        await pilot.pause()
        status = shown(app.screen.query_one(EveningStatus))
        assert "afgesloten" in status and "min voor" not in status and "achter" not in status
        assert "loopt" not in status and "gepauzeerd" not in status
        assert "De avond is afgesloten." in shown(app.screen.query_one(BlockInfo))
        assert app.screen.query_one(Countdown).value == "--:--"
        keys = screen_text(app).splitlines()[-2:]
        assert "start/pauze" not in " ".join(keys) and "avond afsluiten" not in " ".join(keys)
        assert "q stoppen" in " ".join(keys)


async def test_feed_shows_the_block_the_timer_and_the_open_question_by_its_words(core: SessionCore) -> None:
    to_dialogue(core)
    core.execute(Command("block/start"))
    phone = Actor("phone", device="phone-test-0001")
    core.execute(Command("device/join", {"role": "parent"}, phone))
    core.execute(Command("contribution/add", {"id": "c-1", "text": "Meer contact"}, phone))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        now = shown(app.screen.query_one(NowBar))
        assert now.startswith(
            "Dialoog · 45:00 loopt · Vraag: Wat zijn de ervaringen van de ouders? (open vraag)"
        )
        text = screen_text(app)
        assert "b4-q1" not in text and "1. Wat zijn d…" in text
        table = app.screen.query_one(FeedTable)
        assert "1. Wat zijn de ervaringen van de ouders?" in str(table.get_cell("c-1", "prompt"))
