"""`kiosk run --lang en` on the Dutch evening: everything the agenda has in English shows in English (the evening's
title, each block's title, who leads it, its talking points, the key message), and none of its Dutch."""

from __future__ import annotations

from textual.widgets import Input

from kiosk.agenda.model import Block
from kiosk.core.events import Command
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp

from .conftest import screen_text


def dutch_with_english(block: Block) -> list[tuple[str, str]]:
    """(Dutch, English) of each text of the block that the agenda translates into English."""
    pairs = [(block.title, block.title_in("en")), (block.lead, block.lead_in("en"))]
    pairs += list(zip(block.points, block.points_in("en"), strict=True))
    return [(nl, en) for nl, en in pairs if nl and nl != en]


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


async def test_every_block_of_the_dutch_evening_reads_in_english_with_lang_en(core: SessionCore) -> None:
    agenda = core.agenda
    assert agenda.title_in("en") != agenda.title and agenda.key_message_in("en") != agenda.key_message
    app = KioskApp(core, lang="en")
    async with app.run_test(size=(200, 80)) as pilot:
        await pilot.pause()
        assert agenda.title_in("en") in screen_text(app).splitlines()[0]  # the strip's end holds the title
        checked = 0
        for block in agenda.blocks:
            core.execute(Command("block/jump", {"index": block.index}))
            await pilot.pause()
            await pilot.pause()
            shown = flat(screen_text(app))
            for dutch, english in dutch_with_english(block):
                # a long point wraps in the panel: compare its first words
                assert " ".join(english.split()[:6]) in shown, english
                assert " ".join(dutch.split()[:6]) not in shown, dutch
                checked += 1
        assert checked > 40
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one("#key-message", Input).value == agenda.key_message_in("en")
