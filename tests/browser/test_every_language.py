"""The phone page in each language it ships, at 390x844 and at 200% zoom: the question and the page in that
language, Arabic right to left, axe-core clean, nothing sideways, large touch targets; a screenshot of each."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kiosk.agenda.parser import load_agenda
from kiosk.resources import default_agenda_path, web_dir
from tests.browser.conftest import Evening, Screens, shot
from tests.browser.steps import answer, approve, remote_goes_to
from tests.browser.test_accessibility import ZOOMED, axe_problems, scrolls_sideways
from tests.browser.test_tables import divide

pytestmark = pytest.mark.browser

LANGS = ("nl", "en", "tr", "ar", "pl", "uk")
OTHERS_ANSWER = "Een antwoord van iemand anders om te herkennen."


def words(lang: str) -> dict[str, str]:
    catalog: dict[str, str] = json.loads((web_dir() / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    return catalog


def first_question(lang: str) -> str:
    prompt = next(p for b in load_agenda(default_agenda_path()).blocks for p in b.prompts)
    return prompt.text_in(lang)


def busy_phone_in(evening: Evening, screens: Screens, lang: str, **options: Any) -> Page:
    """A phone in `lang` during the dialogue, its own answer sent and another's to recognise."""
    said = words(lang)
    phone = screens.open(f"{evening.join}&lang={lang}", bypass_csp=True, **options)
    expect(phone.locator("html")).to_have_attribute("lang", lang)
    phone.get_by_role("button", name=said["role.parent"], exact=True).click()
    expect(phone.locator("#role")).to_be_hidden()
    box = phone.get_by_role("textbox", name=first_question(lang), exact=True)
    box.fill("Mijn eigen antwoord; I write in my own words.")
    phone.get_by_role("button", name=said["phone.send"], exact=True).click()
    expect(phone.locator("#open-feedback")).to_have_text(said["phone.saved"])
    expect(phone.get_by_role("button", name=said["phone.recognise"], exact=True)).to_be_visible()
    return phone


WIDER_THAN_THE_PAGE = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((node) => { const box = node.getBoundingClientRect(); return box.right > width + 1 || box.left < -1; })
    .map((node) => `${node.tagName.toLowerCase()}#${node.id}.${node.className}: ${node.textContent.slice(0, 40)}`);
}"""


def well_laid_out(phone: Page) -> None:
    assert axe_problems(phone) == []
    assert not scrolls_sideways(phone), phone.evaluate(WIDER_THAN_THE_PAGE)
    for button in phone.get_by_role("button").all():
        if button.is_visible():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 44, button.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_phone_page_in_each_language_at_phone_size_and_at_200_percent(
    evening: Evening, screens: Screens, lang: str
) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    other = screens.open(evening.join)
    answer(other, OTHERS_ANSWER)
    approve(remote, OTHERS_ANSWER)
    remote.get_by_role("button", name="Herkennen aan").click()

    said = words(lang)
    phone = busy_phone_in(evening, screens, lang)
    expect(phone.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        {"nl": "Dialoog", "en": "Dialogue", "tr": "Sohbet", "ar": "حوار", "pl": "Rozmowa", "uk": "Діалог"}[
            lang
        ]
    )
    expect(phone.locator(".foot")).to_have_text(said["phone.privacy"])
    expect(phone.locator("#mine-list .status")).to_have_text(said["status.pending"])
    # Another parent's answer keeps its own direction inside any page.
    expect(phone.locator("#others .item-text")).to_have_attribute("dir", "auto")
    well_laid_out(phone)
    shot(phone, f"phone-{lang}")

    zoomed = busy_phone_in(evening, screens, lang, size=ZOOMED, device_scale_factor=2)
    well_laid_out(zoomed)
    shot(zoomed, f"phone-{lang}-200")


def test_the_switch_offers_every_language_in_its_own_name_and_a_switch_brings_the_question(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    phone = screens.open(evening.join)
    switch = phone.get_by_label("Taal")
    options = switch.locator("option")
    expect(options).to_have_count(len(LANGS))
    assert options.all_inner_texts() == ["Nederlands", "English", "العربية", "Polski", "Türkçe", "Українська"]
    expect(options.filter(has_text="العربية")).to_have_attribute("dir", "rtl")
    switch.select_option("uk")
    expect(phone.locator("html")).to_have_attribute("lang", "uk")
    expect(phone.get_by_role("textbox", name=first_question("uk"))).to_be_visible()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Діалог")
    switch = phone.get_by_label("Мова")
    switch.select_option("ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.get_by_role("textbox", name=first_question("ar"))).to_be_visible()
    phone.get_by_role("button", name=words("ar")["role.staff"]).click()
    phone.get_by_role("textbox", name=first_question("ar")).fill("نحتاج إلى معلومات أكثر.")
    phone.get_by_role("button", name=words("ar")["phone.send"]).click()
    expect(phone.locator("#open-feedback")).to_have_text(words("ar")["phone.saved"])


def test_at_the_theme_table_an_arabic_phone_reads_its_card_right_to_left(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(f"{evening.join}&lang=ar", bypass_csp=True)
    phone.get_by_role("button", name=words("ar")["role.parent"]).click()
    remote_goes_to(remote, "Pauze")
    divide(remote, 1)
    remote_goes_to(remote, "Thematafels")
    theme = load_agenda(default_agenda_path()).themes[0]
    title, card = theme.translations["ar"]
    expect(phone.locator("#table")).to_have_text(f"طاولتك: 1 · {title}")
    expect(phone.locator("#table-card")).to_have_text(card)
    expect(phone.get_by_role("heading", level=1)).to_have_text("طاولات المواضيع")
    assert phone.locator("#table-card").evaluate("node => getComputedStyle(node).direction") == "rtl"
    well_laid_out(phone)
    shot(phone, "phone-ar-table")
