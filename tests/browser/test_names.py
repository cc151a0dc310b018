"""A held name on the remote: one tap replaces it by "[naam]" (or the placeholder in the answer's own language) and
shows it; showing it unchanged asks first."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR, Evening, Screens
from tests.browser.steps import answer, answer_in, choose_role, incoming, remote_goes_to, wall

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
    expect(wall(display)).to_have_text(["Ik ben [naam], vader van [naam] uit 2B."])
    expect(incoming(remote, "Ik ben [naam], vader van [naam] uit 2B.").locator(".status")).to_have_text(
        "getoond"
    )
    assert "Piet" not in display.content()


def test_a_ukrainian_and_an_arabic_answer_naming_a_child_are_held_and_redacted_in_one_tap_each(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    olena = screens.open(f"{evening.join}&lang=uk", bypass_csp=True)
    rania = screens.open(f"{evening.join}&lang=ar", bypass_csp=True)
    remote_goes_to(remote, "Dialoog")
    remote.locator("#auto-approve").check()

    ukrainian = "Мій син Андрій не хоче йти до школи, бо його ображають."
    arabic = "ابني يوسف في الصف الخامس ويتعرض للتنمر كل يوم."
    answer_in(olena, "uk", ukrainian)
    answer_in(rania, "ar", arabic)
    for text in (ukrainian, arabic):
        expect(incoming(remote, text).locator(".held")).to_have_text("lijkt een naam te noemen")
    expect(wall(display)).to_have_count(0)

    # One tap each on the Dutch remote; the placeholder speaks the language the parent wrote in.
    incoming(remote, ukrainian).get_by_role("button", name="Naam weg en tonen").click()
    incoming(remote, arabic).get_by_role("button", name="Naam weg en tonen").click()
    shown = [
        "Мій син [ім’я] не хоче йти до школи, бо його ображають.",
        "ابني [الاسم] في الصف الخامس ويتعرض للتنمر كل يوم.",
    ]
    expect(wall(display)).to_have_count(2)
    assert sorted(wall(display).all_inner_texts()) == sorted(shown)
    for text in shown:
        expect(incoming(remote, text).locator(".status")).to_have_text("getoond")
    page = display.content()
    assert "Андрій" not in page and "يوسف" not in page
    assert screens.dialogs == []  # redacting asks nothing
