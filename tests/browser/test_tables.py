"""The theme tables in the browser: divide from the remote, phones find their table, hosts write, the room sees it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kiosk.agenda.parser import load_agenda
from kiosk.resources import default_agenda_path
from tests.browser.conftest import PROJECTOR, Evening, Screens, shot
from tests.browser.steps import choose_role, connected, remote_goes_to

pytestmark = pytest.mark.browser
THEMES = [t.title for t in load_agenda(default_agenda_path()).themes]
PRESENTATIONS = "Presentaties thematafels"


def divide(remote: Page, count: int) -> None:
    if remote.locator("#tables-details").get_attribute("open") is None:
        remote.get_by_role("heading", name="Tafels").click()  # folded away outside the tables blocks
    remote.get_by_role("spinbutton", name="Aantal tafels").fill(str(count))
    remote.get_by_role("button", name=re.compile("Indelen")).click()
    expect(remote.locator("#tables-list > li")).to_have_count(count)


def host_link(remote: Page, table: int) -> str:
    link = remote.locator("#tables-list > li").nth(table - 1).locator("a.host-link")
    href = link.get_attribute("href")
    assert href is not None and "/host?token=" in href
    return href


def add_point(host: Page, text: str) -> None:
    host.get_by_role("textbox", name="Nieuw punt").fill(text)
    host.get_by_role("button", name="Punt toevoegen").click()
    expect(host.locator("#notes li").filter(has_text=text).locator(".status")).to_have_count(0)


def test_room_divides_hosts_write_and_the_projector_shows_each_tables_points(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phones = [screens.open(evening.join) for _ in range(6)]
    for n, phone in enumerate(phones):
        connected(phone)
        choose_role(phone, "Schoolpersoneel" if n % 3 == 0 else "Ouder/verzorger")
    remote_goes_to(remote, "Pauze")
    expect(remote.locator("#tables-details")).to_have_attribute("open", "")
    expect(remote.locator("#table-suggested")).to_contain_text("6 telefoons")

    divide(remote, 2)
    expect(remote.locator("#tables-explanation")).to_have_text(
        "6 deelnemers over 2 tafels: per tafel 2 ouders en 1 schoolmedewerker"
    )
    remote_goes_to(remote, "Thematafels")

    seats = {1: 0, 2: 0}
    for phone in phones:
        line = phone.locator("#table")
        expect(line).to_have_text(re.compile(r"Jouw tafel: [12] · "))
        number = int(line.inner_text().split(":")[1].split("·")[0])
        assert line.inner_text() == f"Jouw tafel: {number} · {THEMES[number - 1]}"
        expect(phone.locator("#table-card")).to_be_visible()
        seats[number] += 1
    assert seats == {1: 3, 2: 3}
    shot(phones[0], "phone-with-table")

    expect(display.locator("#tables-grid > li")).to_have_count(2)
    expect(display.locator("#tables-grid > li").first).to_contain_text(THEMES[0])
    expect(display.locator("#tables-grid > li").first).to_contain_text("3 mensen")
    shot(display, "projector-tables")

    host_one = screens.open(host_link(remote, 1))
    expect(host_one.get_by_role("heading", level=1)).to_have_text(f"Tafel 1 · {THEMES[0]}")
    expect(host_one.locator("#time-left-clock")).to_have_text(re.compile(r"^(30:00|29:\d\d)$"))
    add_point(host_one, "De mentor belt elke maand even")
    add_point(host_one, "Ouders in de klankbordgroep")
    add_point(host_one, "Een punt dat weg mag")
    host_one.locator("#notes li").filter(has_text="Een punt dat weg mag").get_by_role(
        "button", name="Verwijderen"
    ).click()
    expect(host_one.locator("#notes li")).to_have_count(2)
    host_one.locator("#notes li").filter(has_text="De mentor").get_by_role("button", name="Wijzigen").click()
    host_one.get_by_role("textbox", name="Punt wijzigen").fill("De mentor belt elke maand")
    host_one.get_by_role("button", name="Opslaan").click()
    expect(host_one.locator("#notes li").first).to_contain_text("De mentor belt elke maand")
    expect(remote.locator("#tables-list > li").first).to_contain_text("punten: 2")
    shot(host_one, "host-notepad")

    host_two = screens.open(host_link(remote, 2))
    add_point(host_two, "Het rapport in gewone taal")

    remote.get_by_role("button", name="Volgende", exact=True).click()
    expect(remote.locator("#block-title")).to_have_text(PRESENTATIONS)
    remote.get_by_role("button", name="Start presentaties").click()
    expect(display.locator("#presenting-title")).to_have_text(f"Tafel 1 · {THEMES[0]}")
    expect(display.locator("#presenting-points li")).to_have_text(
        ["De mentor belt elke maand", "Ouders in de klankbordgroep"]
    )
    expect(display.locator("#presenting-next")).to_have_text(f"Hierna: Tafel 2 · {THEMES[1]}")
    expect(display.locator("#clock")).to_have_text(re.compile(r"^0[45]:\d\d$"))  # 10 minutes over 2 tables
    expect(host_one.locator("#presenting")).to_be_visible()
    shot(display, "projector-presenting")

    remote.get_by_role("button", name="Volgende tafel").click()
    expect(display.locator("#presenting-title")).to_have_text(f"Tafel 2 · {THEMES[1]}")
    expect(display.locator("#presenting-points li")).to_have_text(["Het rapport in gewone taal"])
    expect(remote.locator("#presentation-now")).to_have_text(f"Nu: Tafel 2 · {THEMES[1]} (2 van 2)")
    shot(remote, "remote-tables")
    assert screens.dialogs == []


def test_host_point_written_offline_reaches_the_table_once_back_online(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    choose_role(phone)
    connected(remote)
    divide(remote, 1)
    host = screens.open(host_link(remote, 1))
    expect(host.locator("#conn")).to_have_attribute("data-state", "online")

    host.context.set_offline(True)
    expect(host.locator("#conn")).to_have_attribute("data-state", "offline")
    host.get_by_role("textbox", name="Nieuw punt").fill("Geschreven zonder bereik")
    host.get_by_role("button", name="Punt toevoegen").click()
    expect(host.locator("#notes li .status")).to_have_text("wacht op verbinding")
    waiting = host.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('kiosk.host.outbox.'))")
    assert len(waiting) == 1 and "Geschreven zonder bereik" in host.evaluate(
        f"localStorage.getItem('{waiting[0]}')"
    )
    host.context.set_offline(False)
    expect(host.locator("#notes li")).to_have_count(1)
    expect(host.locator("#notes li .status")).to_have_count(0)
    expect(remote.locator("#tables-list > li").first).to_contain_text("punten: 1")


def test_host_page_and_tables_sections_are_accessible_also_at_200_percent_zoom(
    evening: Evening, screens: Screens
) -> None:
    from tests.browser.test_accessibility import ZOOMED, axe_problems, scrolls_sideways

    remote = screens.open(evening.remote, bypass_csp=True)
    phone = screens.open(evening.join, size=ZOOMED, device_scale_factor=2, bypass_csp=True)
    choose_role(phone)
    connected(remote)
    divide(remote, 1)
    remote_goes_to(remote, "Thematafels")
    expect(phone.locator("#table-card")).to_be_visible()
    host = screens.open(host_link(remote, 1), size=ZOOMED, device_scale_factor=2, bypass_csp=True)
    add_point(host, "Een punt om te lezen op een klein scherm")
    host.locator("#notes li").first.get_by_role("button", name="Wijzigen").click()
    expect(host.get_by_role("textbox", name="Punt wijzigen")).to_be_focused()
    for page in (remote, phone, host):
        assert axe_problems(page) == [], page.url
        assert not scrolls_sideways(page), page.url
    for button in host.get_by_role("button").all():
        if button.is_visible():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 44, button.inner_text()


def test_remote_moves_a_person_to_another_table_and_gives_a_table_a_theme_card(
    evening: Evening, screens: Screens
) -> None:
    from kiosk.agenda.cards import load_cards

    remote = screens.open(evening.remote)
    phones = [screens.open(evening.join) for _ in range(3)]
    for phone in phones:
        connected(phone)
        choose_role(phone, "Ouder/verzorger")
    remote_goes_to(remote, "Pauze")
    divide(remote, 2)
    remote_goes_to(remote, "Thematafels")
    first = remote.locator("#tables-list > li").first
    first.locator("details.seats summary").click()
    people = first.locator(".seat-list > li")
    expect(people.first).to_contain_text(re.compile(r"Telefoon \d · Ouder/verzorger"))
    assert "phone" not in remote.locator("#tables-list").inner_text().lower()  # no device ids, only numbers
    seat = int(people.first.inner_text().split("·")[0].split()[1])
    before = people.count()
    people.first.get_by_label(re.compile(f"Telefoon {seat} ")).select_option(label="Tafel 2")
    expect(first.locator(".seat-list > li")).to_have_count(before - 1)
    second = remote.locator("#tables-list > li").nth(1)
    expect(second.locator(".seat-list > li").filter(has_text=f"Telefoon {seat} ")).to_have_count(1)
    expect(phones[seat - 1].locator("#table")).to_have_text(re.compile(r"Jouw tafel: 2 · "))

    card = load_cards()["lusse-5"]
    second.get_by_label("Thema").select_option(label=card.title)
    expect(phones[seat - 1].locator("#table")).to_have_text(f"Jouw tafel: 2 · {card.title}")
    expect(remote.locator("#tables-list > li").nth(1)).to_contain_text(f"Tafel 2 · {card.title}")
