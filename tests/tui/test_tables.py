"""The theme tables in the facilitator's app: divide from the palette, hand out host links, move the presentations."""

from __future__ import annotations

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.core.tables import tables_of
from kiosk.tui.app import KioskApp
from kiosk.tui.palette import palette_entries
from kiosk.tui.widgets.tables_info import TablesInfo

from .conftest import SIZE, shown


def join_room(core: SessionCore, parents: int, staff: int) -> None:
    for n in range(parents + staff):
        role = "parent" if n < parents else "staff"
        core.execute(Command("device/join", {"role": role}, Actor("phone", device=f"phone-{n:04d}-tui")))


def jump_to(core: SessionCore, kind: str) -> None:
    index = next(b.index for b in core.agenda.blocks if b.kind == kind)
    core.execute(Command("block/jump", {"index": index}))


async def test_palette_divides_the_room_with_the_suggested_count_and_run_screen_lists_host_links(
    core: SessionCore,
) -> None:
    join_room(core, parents=12, staff=5)
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(TablesInfo).display
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Tafels indelen"]()
        await pilot.pause()
        await pilot.press("enter")  # the suggestion: 17 phones, about 8 a table, makes 3
        await pilot.pause()
        tables = tables_of(core.state)
        assert len(tables.tables) == 3
        jump_to(core, "tables")
        await pilot.pause()
        app.screen.tick()
        info = app.screen.query_one(TablesInfo)
        assert info.display
        text = shown(info)
        assert "17 deelnemers over 3 tafels" in text
        for table in tables.tables:
            assert f"/host?token={table.host_token}" in text
        assert "Tafel 1: Aanwezigheid en verzuim" in text


async def test_palette_refuses_a_count_that_is_not_a_number_and_divides_nothing(core: SessionCore) -> None:
    join_room(core, parents=3, staff=1)
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Tafels indelen"]()
        await pilot.pause()
        await pilot.press("ctrl+a", "backspace", *"twee", "enter")
        await pilot.pause()
        assert not tables_of(core.state).assigned
        assert any("geen aantal tafels" in str(n.message) for n in app._notifications)


async def test_next_presentation_moves_to_the_next_table_and_the_run_screen_says_who_presents(
    core: SessionCore,
) -> None:
    join_room(core, parents=4, staff=2)
    core.execute(Command("tables/assign", {"count": 2}))
    for table in (1, 2):
        core.execute(Command("table/note/add", {"table": table, "text": f"Punt van tafel {table}"}))
    jump_to(core, "presentations")
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Presentaties starten"]()
        await pilot.pause()
        app.screen.tick()
        lines = shown(app.screen.query_one(TablesInfo)).splitlines()
        assert any(line.startswith("Tafel 1:") and "presenteert nu" in line for line in lines)
        entries["Volgende presentatie"]()
        await pilot.pause()
        app.screen.tick()
        lines = shown(app.screen.query_one(TablesInfo)).splitlines()
        assert any(line.startswith("Tafel 2:") and "presenteert nu" in line for line in lines)
        assert not any(line.startswith("Tafel 1:") and "presenteert nu" in line for line in lines)
