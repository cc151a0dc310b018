"""The theme tables in the facilitator's app: divide from the palette, hand out host links, move the presentations."""

from __future__ import annotations

from typing import Any

from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.core.tables import table_list, table_outcomes
from kiosk.tui.app import KioskApp
from kiosk.tui.palette_entries import palette_entries
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
        tables = core.state.tables
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
        assert not core.state.tables.assigned
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


def option_labels(app: KioskApp) -> list[str]:
    """The labels of the pick list on top, as the facilitator reads them."""
    from textual.widgets import OptionList

    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def pick(pilot: Any, app: KioskApp, label: str) -> None:
    """Choose the option with this label in the pick list on top."""
    from textual.widgets import OptionList

    index = option_labels(app).index(label)
    app.screen.query_one(OptionList).highlighted = index
    await pilot.press("enter")
    await pilot.pause()


async def test_facilitator_moves_a_person_chosen_anonymously_to_another_table(core: SessionCore) -> None:
    join_room(core, parents=4, staff=2)
    core.execute(Command("tables/assign", {"count": 2}))
    seats = core.state.tables.seats
    fifth_joined = list(core.state.devices)[4]  # the fifth phone to join: "telefoon 5", a staff member
    start = seats[fifth_joined]
    target = 2 if start == 1 else 1
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Persoon naar andere tafel"]()
        await pilot.pause()
        people = option_labels(app)
        assert len(people) == 6
        assert f"Tafel {start} · school · telefoon 5" in people
        assert not any("phone-" in label for label in people)  # never a device id
        await pick(pilot, app, f"Tafel {start} · school · telefoon 5")
        tables = option_labels(app)
        assert tables == [f"Tafel {target} · {core.agenda.themes[target - 1].title}"]
        await pick(pilot, app, tables[0])
        assert core.state.tables.seats[fifth_joined] == target
        assert any("Telefoon 5 zit nu aan tafel" in str(n.message) for n in app._notifications)


async def test_facilitator_gives_a_table_a_shipped_card_as_theme_and_then_none(core: SessionCore) -> None:
    from kiosk.agenda.cards import load_cards

    join_room(core, parents=4, staff=2)
    core.execute(Command("tables/assign", {"count": 2}))
    card = load_cards()["valkuil-2"]
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Thema van tafel wijzigen"]()
        await pilot.pause()
        await pick(pilot, app, f"Tafel 2 · {core.agenda.themes[1].title}")
        themes = option_labels(app)
        assert themes[: len(core.agenda.themes)] == [t.title for t in core.agenda.themes]
        await pick(pilot, app, f"{card.title} (valkuil-2)")
        assert core.state.tables.table(2).theme == "valkuil-2"
        assert [t.theme.title if t.theme else None for t in table_list(core.state)][1] == card.title
        entries["Thema van tafel wijzigen"]()
        await pilot.pause()
        await pick(pilot, app, f"Tafel 2 · {card.title}")
        await pick(pilot, app, "geen thema")
        assert core.state.tables.table(2).theme is None


async def test_table_without_host_phone_gets_its_points_typed_at_the_kiosk_and_they_reach_the_report(
    core: SessionCore,
) -> None:
    join_room(core, parents=2, staff=2)
    core.execute(Command("tables/assign", {"count": 2}))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Punt voor tafel toevoegen"]()
        await pilot.pause()
        await pick(pilot, app, f"Tafel 1 · {core.agenda.themes[0].title}")
        await pilot.press(*"Vaste contactpersoon per klas", "enter")
        await pilot.pause()
    outcome = table_outcomes(core.state)[0]
    assert outcome.points == ["Vaste contactpersoon per klas"]
    assert core.state.tables.table(1).notes[0].by == "facilitator"


async def test_table_palette_steps_say_to_divide_first_before_the_tables_exist(core: SessionCore) -> None:
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = {title: action for title, _, action in palette_entries(app)}
        entries["Persoon naar andere tafel"]()
        await pilot.pause()
        assert any("Deel eerst de tafels in" in str(n.message) for n in app._notifications)
        assert not app.screen.query("OptionList")


def decoded(lines: tuple[str, ...]) -> str:
    """Read a QR code drawn with half blocks the way a phone would: as a picture, with zxing."""
    import zxingcpp
    from PIL import Image

    top = {"█": True, "▀": True, "▄": False, " ": False}
    bottom = {"█": True, "▀": False, "▄": True, " ": False}
    rows = [[top[c] for c in line] for line in lines] + [[bottom[c] for c in line] for line in lines]
    rows = [
        row for pair in zip(rows[: len(lines)], rows[len(lines) :]) for row in pair
    ]  # top, bottom, top, ...
    scale, margin = 8, 4
    size = (len(rows[0]) + 2 * margin, len(rows) + 2 * margin)
    image = Image.new("L", size, 255)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.putpixel((x + margin, y + margin), 0)
    image = image.resize((size[0] * scale, size[1] * scale), Image.NEAREST)
    (result,) = zxingcpp.read_barcodes(image)
    return str(result.text)


async def test_each_table_leaders_link_shows_full_screen_as_a_qr_code_a_phone_can_read(
    core: SessionCore,
) -> None:
    from kiosk.commands.run import hub_starter
    from kiosk.tui.widgets.qr_code import QrCode, qr_lines

    from .conftest import screen_text

    join_room(core, parents=6, staff=3)
    core.execute(Command("tables/assign", {"count": 2}))
    jump_to(core, "tables")
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.hub is not None
        text = shown(app.screen.query_one(TablesInfo))
        assert "t: de QR-code van elke tafelleider groot op het scherm" in text
        await pilot.press("t")
        await pilot.pause()
        for table in core.state.tables.tables:
            link = f"{app.hub.urls.base}/host?token={table.host_token}"
            assert app.screen.query_one(QrCode).shown == link
            code = qr_lines(link)
            assert decoded(code) == link
            # the whole code is on the 80x24 screen: its lines one under the other, in one column
            rows = screen_text(app).splitlines()
            assert len(rows) <= 24
            middle = len(code) // 2  # the blank first line is the same in every code; the middle is not
            found = next(i for i, row in enumerate(rows) if code[middle] in row)
            start, column = found - middle, rows[found].index(code[middle])
            assert [row[column : column + len(code[0])] for row in rows[start : start + len(code)]] == list(
                code
            )
            assert f"Tafel {table.number} van 2" in screen_text(app)
            await pilot.press("right")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(QrCode)
