"""A parent's answer travels phone -> remote -> projector through a real `kiosk serve`."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR, Evening, Screens
from tests.browser.steps import FIRST_QUESTION, answer, approve, choose_role, incoming, remote_goes_to, wall

pytestmark = pytest.mark.browser


def test_parent_answer_reaches_projector_after_approval(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phone = screens.open(evening.join)
    choose_role(phone)
    remote_goes_to(remote, "Dialoog")
    expect(display.locator("#question")).to_have_text(FIRST_QUESTION)

    answer(phone, "We horen pas iets als het misgaat.")
    mine = phone.locator("#mine-list li")
    expect(mine).to_have_count(1)
    expect(mine.locator(".status")).to_have_text("wacht op goedkeuring")
    row = incoming(remote, "We horen pas iets als het misgaat.")
    expect(row.locator(".status")).to_have_text("wacht")
    expect(row.locator(".tag")).to_have_text("Ouder/verzorger")
    expect(wall(display)).to_have_count(0)

    approve(remote, "We horen pas iets als het misgaat.")
    expect(wall(display)).to_have_text(["We horen pas iets als het misgaat."])
    expect(mine.locator(".status")).to_have_text("getoond")


def test_markup_typed_on_a_phone_shows_literally_on_the_projector(evening: Evening, screens: Screens) -> None:
    attack = "<img src=x onerror=alert(1)>"
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    answer(phone, attack)
    expect(phone.locator("#mine-list .item-text")).to_have_text(attack)
    approve(remote, attack)
    expect(wall(display)).to_have_text([attack])
    for page in (display, remote, phone):
        assert page.locator("main img:not(.qr)").count() == 0
    assert screens.dialogs == []


def test_block_change_on_remote_reaches_phone_and_projector(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phone = screens.open(evening.join)
    expect(phone.locator("#block-title")).to_have_text("Inloop")
    remote_goes_to(remote, "Welkom")
    expect(phone.locator("#block-title")).to_have_text("Welkom")
    expect(phone.locator("#block-hint")).to_have_text("Welkom! Pak iets te drinken en zoek een plek.")
    expect(display.locator("#block-title")).to_have_text("Welkom")
    expect(display.locator("#block-index")).to_have_text("Onderdeel 2 van 9")
    remote_goes_to(remote, "Pauze")
    expect(phone.locator("#block-title")).to_have_text("Pauze")
    expect(phone.locator("#time-left")).to_be_visible()
    expect(phone.locator("#time-left-clock")).to_have_text(re.compile(r"^(10:00|09:[0-5]\d)$"))


def test_recognition_counts_on_the_projector_and_not_for_ones_own(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    writer = screens.open(evening.join)
    reader = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    answer(writer, "Ik mis een vast aanspreekpunt.")
    approve(remote, "Ik mis een vast aanspreekpunt.")
    remote.get_by_role("button", name="Herkennen aan").click()

    recognise = reader.get_by_role("button", name="Herken ik")
    expect(recognise).to_have_attribute("aria-pressed", "false")
    recognise.click()
    expect(recognise).to_have_attribute("aria-pressed", "true")
    badge = display.locator("#wall li .badge")
    expect(badge.locator("[aria-hidden=true]")).to_have_text("1")
    expect(badge.locator(".visually-hidden")).to_have_text("1 keer herkend")
    expect(writer.locator("#others li")).to_have_count(1)
    expect(writer.get_by_role("button", name="Herken ik")).to_have_count(0)
    expect(writer.locator("#others .tag")).to_have_text("Jouw bijdrage")

    recognise.click()
    expect(recognise).to_have_attribute("aria-pressed", "false")
    expect(display.locator("#wall li .badge")).to_have_count(0)


def test_taking_an_answer_back_removes_it_from_the_projector(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    answer(phone, "Oudergesprekken zijn te kort.")
    approve(remote, "Oudergesprekken zijn te kort.")
    expect(wall(display)).to_have_count(1)
    phone.get_by_role("button", name="Terugnemen").click()
    expect(phone.locator("#mine-list .status")).to_have_text("teruggenomen")
    expect(wall(display)).to_have_count(0)
    expect(incoming(remote, "Oudergesprekken zijn te kort.").locator(".status")).to_have_text("teruggenomen")


def test_sending_an_empty_answer_says_what_to_do(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.locator("#open-feedback")).to_have_text("Schrijf eerst iets.")
    expect(phone.locator("#open-feedback")).to_have_attribute("data-kind", "error")
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_focused()


def test_remote_shows_totals_and_filters_its_list_by_status(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    answer(phone, "Eerste antwoord.")
    answer(phone, "Tweede antwoord.")
    approve(remote, "Eerste antwoord.")
    totals = remote.locator("#incoming-totals")
    expect(totals).to_have_text("1 wachtend · 1 getoond · 0 verborgen · 0 teruggenomen")
    remote.get_by_label("Toon").select_option(label="wachtend")
    expect(remote.locator("#incoming li")).to_have_count(1)
    expect(incoming(remote, "Tweede antwoord.")).to_have_count(1)
    expect(remote.locator("#incoming-more")).to_be_hidden()
    remote.get_by_label("Toon").select_option(label="alles")
    expect(remote.locator("#incoming li")).to_have_count(2)
