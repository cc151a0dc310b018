"""The phone page open twice on one phone (two tabs): one connection, no tug of war, and the tab looked at
takes over. A real `kiosk serve` and Chromium; the two tabs share the phone's storage, so its device id."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Evening, Screens
from tests.browser.steps import choose_role, connected

pytestmark = pytest.mark.browser

ELSEWHERE = "Deze pagina is elders geopend"


def replaced(page: Page) -> None:
    expect(page.locator("#conn")).to_have_attribute("data-state", "replaced")
    expect(page.locator("#conn")).to_contain_text(ELSEWHERE)


def looked_at_again(page: Page) -> None:
    """What a phone does when the tab comes to the front (headless tabs are always "visible")."""
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def test_a_phone_with_the_page_in_two_tabs_keeps_one_connection_and_the_tab_looked_at_takes_over(
    evening: Evening, screens: Screens
) -> None:
    first = screens.open(evening.join)
    choose_role(first)
    connected(first)
    second = first.context.new_page()  # the same phone opens the QR code's link again
    second.goto(evening.join)
    connected(second)
    replaced(first)
    second.wait_for_timeout(3000)  # no tug of war: the older tab waits, the newer stays connected
    replaced(first)
    connected(second)
    looked_at_again(first)
    connected(first)
    replaced(second)
    first.wait_for_timeout(2000)
    connected(first)
    replaced(second)
