"""A held name on the remote: one tap replaces it by "[naam]" and shows it; showing it unchanged asks first."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR, Evening, Screens
from tests.browser.steps import answer, choose_role, incoming, remote_goes_to, wall

pytestmark = pytest.mark.browser


def test_a_held_name_is_redacted_in_one_tap_and_reaches_the_projector_as_naam(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    phone = screens.open(evening.join)
    choose_role(phone)
    remote_goes_to(remote, "Dialoog")
    remote.locator("#auto-approve").check()  # even with auto-approve on, a name is held

    answer(phone, "Ik ben Piet Jansen, vader van Sanne uit 2B.")
    row = incoming(remote, "Ik ben Piet Jansen, vader van Sanne uit 2B.")
    expect(row.locator(".held")).to_have_text("lijkt een naam te noemen")
    expect(wall(display)).to_have_count(0)

    # Showing it unchanged asks first; the test's browser says no to every dialog.
    row.get_by_role("button", name="Tonen", exact=True).click()
    expect(row.locator(".status")).to_have_text("wacht")
    assert screens.dialogs and "Vastgehouden" in screens.dialogs[-1]

    row.get_by_role("button", name="Naam weg en tonen").click()
    expect(wall(display)).to_have_text(["Ik ben [naam], vader [naam] uit [naam]."])
    expect(incoming(remote, "Ik ben [naam], vader [naam] uit [naam].").locator(".status")).to_have_text(
        "getoond"
    )
    assert "Piet" not in display.content()
