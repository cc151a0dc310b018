"""The command palette steers what has no key, and both languages have every word."""

from __future__ import annotations

from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.i18n import app_strings
from kiosk.tui.palette_entries import palette_entries

from .conftest import SIZE


def test_dutch_and_english_have_the_same_words() -> None:
    assert set(app_strings("nl")) == set(app_strings("en")) and len(app_strings("nl")) > 250


async def test_palette_jumps_to_a_block_and_opens_a_question(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Ga naar blok 4", "enter")
        await pilot.pause()
        assert app.state.block.title == "Dialoog"
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Vraag stellen: Wat is moeilijk?"]()
        entries["Herkennen aanzetten"]()
        await pilot.pause()
        assert app.state.open_prompt == "b4-q4" and app.state.recognition_open


async def test_finishing_the_evening_asks_first(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.finish_evening()
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert not app.state.finished
        app.finish_evening()
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.state.finished
