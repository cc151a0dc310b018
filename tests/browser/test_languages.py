"""A phone opens in its browser's language when the pages speak it (Dutch otherwise), the switch changes it (and is
remembered), any language file turns right-to-left by itself; a phone without the room code types the poster's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from kiosk.catalog import catalog
from tests.browser.conftest import Evening, Screens, shot
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


@pytest.mark.parametrize(
    ("locale", "lang"), [("tr-TR", "tr"), ("ar-MA", "ar"), ("pl-PL", "pl"), ("uk-UA", "uk")]
)
def test_a_phone_opens_in_its_browsers_language_and_the_switch_stays(
    evening: Evening, screens: Screens, locale: str, lang: str
) -> None:
    phone = screens.open(evening.join, locale=locale)
    words = catalog(lang)
    expect(phone.locator("html")).to_have_attribute("lang", lang)
    expect(phone.locator("html")).to_have_attribute("dir", words.dir)
    expect(phone.get_by_role("heading", name=words("phone.role_title"))).to_be_visible()
    expect(phone.get_by_role("button", name=words("role.parent"))).to_be_visible()
    switch = phone.get_by_label(words("common.language"))
    expect(switch).to_have_value(lang)
    switch.select_option("nl")  # the switch still decides, and is remembered over the browser's language
    expect(phone.get_by_role("heading", name="Wie ben je?")).to_be_visible()
    phone.reload()
    expect(phone.locator("html")).to_have_attribute("lang", "nl")


def test_a_browser_whose_first_language_the_pages_lack_takes_its_next_one(
    evening: Evening, screens: Screens
) -> None:
    german = screens.new_page(locale="de-DE")
    german.add_init_script(
        "Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en-GB'] })"
    )
    german.goto(evening.join)
    expect(german.locator("html")).to_have_attribute("lang", "en")
    only_german = screens.open(evening.join, locale="de-DE")
    expect(only_german.locator("html")).to_have_attribute("lang", "nl")  # none spoken: Dutch


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


def test_a_phone_without_a_camera_types_the_posters_address_and_code(
    evening: Evening, screens: Screens
) -> None:
    room = evening.join.rsplit("=", 1)[1]
    phone = screens.open(evening.origin + "/", locale="tr-TR")  # what the poster says to type
    words = catalog("tr")
    phone.get_by_role("button", name=words("phone.room_go")).click()
    expect(phone.get_by_role("alert")).to_have_text(words("phone.room_empty"))
    phone.get_by_label(words("phone.room_label")).fill(f" {room.lower()[:2]} {room.lower()[2:]} ")
    shot(phone, "phone-type-the-code-tr")
    phone.get_by_role("button", name=words("phone.room_go")).click()
    expect(phone.get_by_role("heading", name=words("phone.role_title"))).to_be_visible()
    assert phone.url.endswith(f"/join?room={room}")
    expect(phone.locator("#conn")).to_have_text(words("conn.online"))


def test_the_remote_in_english_names_the_block_and_the_themes_in_english(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    remote.get_by_label("Taal").select_option("en")
    expect(remote.locator("#block-title")).to_have_text("Dialogue")  # as the projector in English says
    remote.get_by_role("button", name="Next", exact=True).click()
    expect(remote.locator("#block-title")).to_have_text("Summary")
