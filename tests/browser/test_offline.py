"""A phone that loses the network, or loses an ack, neither loses an answer nor stores it twice."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Evening, Screens
from tests.browser.hall_network import losing_the_first_ack
from tests.browser.steps import FIRST_QUESTION, incoming, remote_goes_to

pytestmark = pytest.mark.browser


def test_answer_typed_offline_is_sent_once_after_reconnect(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()

    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_text("Geen verbinding. Wat je schrijft, blijft bewaard.")
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill("Geschreven in de kelder zonder bereik.")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.locator("#open-feedback")).to_contain_text("Bewaard op je telefoon")
    expect(phone.locator("#mine-list .status")).to_have_text("wacht op verbinding")
    stored = phone.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('kiosk.outbox.'))")
    assert len(stored) == 1

    phone.context.set_offline(False)
    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")
    expect(phone.locator("#mine-list .status")).to_have_text("wacht op goedkeuring")
    expect(incoming(remote, "Geschreven in de kelder zonder bereik.")).to_have_count(1)
    assert phone.evaluate(f"localStorage.getItem({json.dumps(stored[0])})") == "[]"

    # Another drop and return must not bring it back a second time.
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.context.set_offline(False)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "online")
    expect(remote.locator("#incoming li")).to_have_count(1)


def test_lost_ack_is_resent_with_the_same_id_and_stored_once(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")
    sent: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    phone = screens.new_page()
    phone.route_web_socket("**/ws", losing_the_first_ack("contribution/add", sent, dropped))
    phone.goto(evening.join)
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill("Het ack ging onderweg verloren.")
    phone.get_by_role("button", name="Versturen").click()

    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")
    assert len(dropped) == 1
    assert len(sent) >= 2 and {data["id"] for data in sent} == {dropped[0]["id"]}
    expect(incoming(remote, "Het ack ging onderweg verloren.")).to_have_count(1)
    expect(phone.locator("#mine-list li")).to_have_count(1)


def test_answer_refused_after_reconnect_gives_its_text_back(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    remote_goes_to(remote, "Dialoog")
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill("Te laat verstuurd.")
    phone.get_by_role("button", name="Versturen").click()
    remote.locator("#prompts li").filter(has_text=FIRST_QUESTION).get_by_role("button", name="Sluit").click()
    expect(
        remote.locator("#prompts li").filter(has_text=FIRST_QUESTION).get_by_role("button", name="Open")
    ).to_be_visible()

    phone.context.set_offline(False)
    feedback = phone.locator("#notice")
    expect(feedback).to_be_visible()
    expect(feedback).to_contain_text("Deze vraag is gesloten.")
    expect(feedback).to_contain_text("Te laat verstuurd.")
    expect(remote.locator("#incoming li")).to_have_count(0)
