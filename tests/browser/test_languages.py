"""Dutch first, English on an English browser or by the switch (remembered), any language file right-to-left."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Evening, Screens
from tests.browser.steps import remote_goes_to

pytestmark = pytest.mark.browser


def test_phone_speaks_dutch_by_default(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.join)
    expect(phone.locator("html")).to_have_attribute("lang", "nl")
    expect(phone.get_by_role("heading", name="Wie ben je?")).to_be_visible()


def test_english_switch_is_remembered_and_shows_the_question_in_english(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    phone.get_by_label("Taal").select_option("en")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("heading", name="Who are you?")).to_be_visible()
    expect(phone.get_by_role("textbox", name="What are the parents' experiences?")).to_be_visible()
    expect(phone.get_by_role("button", name="Send")).to_be_visible()

    phone.reload()
    expect(phone.get_by_label("Language")).to_have_value("en")
    expect(phone.get_by_role("textbox", name="What are the parents' experiences?")).to_be_visible()
    # The server answers in the phone's language too.
    phone.get_by_role("textbox", name="What are the parents' experiences?").fill("x" * 10)
    phone.get_by_role("button", name="Send").click()
    expect(phone.locator("#open-feedback")).to_have_text("Saved")


def test_english_browser_gets_english(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.join, locale="en-GB")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("button", name="Parent/carer")).to_be_visible()


def test_arabic_is_right_to_left(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.join + "&lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator("html")).to_have_attribute("lang", "ar")
    expect(phone.get_by_role("heading", name="من أنت؟")).to_be_visible()
    expect(phone.locator(".foot")).to_have_text("لا يُطلب اسمك ولا يُحفظ في أي مكان.")
    expect(phone.locator("#conn")).to_have_text("متصل")
    # Right to left: the language switch goes to the end of the bar, which is then its left edge.
    bar = phone.locator(".bar").bounding_box()
    switch = phone.locator(".lang-switch").bounding_box()
    assert bar is not None and switch is not None and switch["x"] - bar["x"] < 40


def test_a_wrong_room_code_says_what_to_do(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.origin + "/join?room=XXXXX")
    expect(phone.locator("#conn")).to_have_text(
        "Deze code klopt niet. Scan de QR-code op het scherm opnieuw."
    )


def test_no_room_code_asks_to_scan_the_qr_code(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.origin + "/join")
    expect(phone.get_by_role("heading", name="Scan de QR-code")).to_be_visible()


def test_the_remote_in_english_names_the_block_and_the_themes_in_english(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    remote.get_by_label("Taal").select_option("en")
    expect(remote.locator("#block-title")).to_have_text("Dialogue")  # as the projector in English says
    remote.get_by_role("button", name="Next", exact=True).click()
    expect(remote.locator("#block-title")).to_have_text("Summary")
