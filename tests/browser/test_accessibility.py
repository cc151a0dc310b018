"""axe-core finds no serious or critical problems on the pages, also at 200% zoom; nothing scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PROJECTOR, Evening, Screens, axe_script, shot
from tests.browser.steps import answer, approve, ask, choose_role, remote_goes_to

pytestmark = pytest.mark.browser

# 200% zoom: the browser lays the page out in half as many CSS pixels on the same phone.
ZOOMED = {"width": 195, "height": 422}


def axe_problems(page: Page) -> list[str]:
    """Serious and critical axe-core violations, one line each."""
    script = axe_script()
    if script is None:
        pytest.skip("axe-core is missing: npm install axe-core (or set AXE_CORE_JS to axe.min.js)")
    page.add_script_tag(path=str(script))
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def scrolls_sideways(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")
    )


def busy_phone(evening: Evening, screens: Screens, **options: Any) -> Page:
    """A phone during the dialogue with its own answer shown and another's to recognise."""
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    other = screens.open(evening.join)
    answer(other, "Een antwoord van iemand anders om te herkennen.")
    approve(remote, "Een antwoord van iemand anders om te herkennen.")
    remote.get_by_role("button", name="Herkennen aan").click()
    ask(other, "Een vraag van iemand anders aan de school?")
    remote.locator("#questions-list").get_by_role("button", name="Tonen").click()
    # bypass_csp lets the test inject axe-core; the pages themselves never need it.
    phone = screens.open(evening.join, bypass_csp=True, **options)
    answer(phone, "Mijn eigen antwoord, nog niet goedgekeurd.")
    expect(phone.get_by_role("button", name="Herken ik")).to_be_visible()
    ask(phone, "Mijn eigen vraag aan de school?")
    expect(phone.get_by_role("button", name="Wil ik ook weten")).to_be_visible()
    return phone


def test_phone_page_has_no_serious_accessibility_problems(evening: Evening, screens: Screens) -> None:
    phone = busy_phone(evening, screens)
    assert axe_problems(phone) == []
    assert not scrolls_sideways(phone)
    shot(phone, "phone-dialogue")


def test_phone_page_works_at_200_percent_zoom(evening: Evening, screens: Screens) -> None:
    phone = busy_phone(evening, screens, size=ZOOMED, device_scale_factor=2)
    assert axe_problems(phone) == []
    assert not scrolls_sideways(phone)
    for button in phone.get_by_role("button").all():
        if button.is_visible():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 44, button.inner_text()
    shot(phone, "phone-dialogue-200")


def test_role_choice_has_large_touch_targets(evening: Evening, screens: Screens) -> None:
    phone = screens.open(evening.join, bypass_csp=True)
    buttons = phone.locator("#role button")
    expect(buttons).to_have_count(3)
    for button in buttons.all():
        box = button.bounding_box()
        assert box is not None and box["height"] >= 44
    assert axe_problems(phone) == []
    shot(phone, "phone-first-visit")
    choose_role(phone, "Zeg ik liever niet")


def test_remote_and_projector_have_no_serious_accessibility_problems(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote, bypass_csp=True)
    display = screens.open(evening.display, size=PROJECTOR, bypass_csp=True)
    expect(display.locator("#room-code")).not_to_be_empty()
    shot(display, "projector-join")
    remote_goes_to(remote, "Dialoog")
    phone = screens.open(evening.join)
    answer(phone, "Ik wil vaker horen hoe het gaat, ook als het goed gaat.")
    answer(phone, "Bel me gerust, 06 12345678")
    approve(remote, "Ik wil vaker horen hoe het gaat, ook als het goed gaat.")
    expect(display.locator("#wall li")).to_have_count(1)
    expect(remote.locator("#incoming .held")).to_have_text("bevat een telefoonnummer")
    ask(phone, "Wanneer horen we meer over het nieuwe rooster?")
    expect(remote.locator("#questions-list li")).to_have_count(1)
    assert axe_problems(remote) == []
    assert axe_problems(display) == []
    assert not scrolls_sideways(remote)
    assert not scrolls_sideways(display)
    shot(remote, "remote-dialogue")
    shot(display, "projector-dialogue")


@pytest.mark.parametrize("size", [None, ZOOMED])
def test_the_page_that_asks_for_the_posters_code_is_accessible(
    evening: Evening, screens: Screens, size: dict[str, int] | None
) -> None:
    phone = screens.open(evening.origin + "/", bypass_csp=True, **({"size": size} if size else {}))
    phone.get_by_role("button", name="Meedoen").click()  # empty: the note says what to type
    expect(phone.get_by_role("alert")).to_be_visible()
    assert axe_problems(phone) == [] and not scrolls_sideways(phone)
