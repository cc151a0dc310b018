"""The phone page survives its own life: a light first load, drafts kept, a reload offline that shows what
waits, a send button that is busy while it sends, the connection's state in sight and said once.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Page, Request, expect

from kiosk.bench.shaping import SLOW_3G
from tests.browser.conftest import Evening, Screens
from tests.browser.hall_network import Hall, Remote, stored, wait_stored
from tests.browser.steps import FIRST_QUESTION, connected

pytestmark = pytest.mark.browser

# Every text the page writes into these elements, in order (to see what a screen reader would hear).
RECORD = """(ids) => {
  window.said = {};
  for (const id of ids) {
    const node = document.getElementById(id);
    window.said[id] = [];
    new MutationObserver(() => window.said[id].push(node.textContent))
      .observe(node, { childList: true, characterData: true, subtree: true });
  }
}"""


def on_the_dialogue(steer: Remote) -> None:
    steer.command("block/jump", index=3)


def test_the_first_load_is_one_request_and_a_reload_asks_only_whether_it_changed(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    on_the_dialogue(steer)
    proxy = hall.proxy(SLOW_3G, lan=True)  # not a secure context, as http://192.168.x.y in a hall
    phone = screens.new_page()
    requests: list[Request] = []
    phone.on("request", lambda request: requests.append(request))
    phone.goto(hall.join_url(proxy))
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()
    connected(phone)
    time.sleep(1)
    first = [r for r in requests if not r.url.endswith("/sw.js")]
    assert [r.resource_type for r in first] == ["document"]  # and the WebSocket
    print(f"\nfirst load on slow 3G: {proxy.bytes / 1000:.1f} kB on the wire, {len(first)} requests")

    proxy.reset_counts()
    requests.clear()
    phone.reload()
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()
    connected(phone)
    time.sleep(1)
    # The page came back from the browser's cache after a 304 (a few hundred bytes), not again in full.
    assert [r.resource_type for r in requests if not r.url.endswith("/sw.js")] == ["document"]
    print(f"reload: {proxy.bytes / 1000:.1f} kB on the wire")
    assert proxy.bytes < 5000


def test_what_is_typed_survives_a_reload(evening: Evening, screens: Screens, steer: Remote) -> None:
    on_the_dialogue(steer)
    phone = screens.open(evening.join)
    box = phone.get_by_role("textbox", name=FIRST_QUESTION)
    box.fill("Half af, en dan ging de accu bijna leeg")
    phone.get_by_role("textbox", name="Jouw vraag").fill("Wanneer is de volgende avond?")
    phone.reload()
    expect(box).to_have_value("Half af, en dan ging de accu bijna leeg")
    expect(phone.get_by_role("textbox", name="Jouw vraag")).to_have_value("Wanneer is de volgende avond?")
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")
    phone.reload()
    expect(box).to_have_value("")  # sent and stored: no draft left behind


def test_a_double_tap_on_send_stores_once_and_says_nothing_odd(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    on_the_dialogue(steer)
    proxy = hall.proxy(SLOW_3G)  # the hub's ack takes a while: the second tap comes before it
    phone = screens.open(hall.join_url(proxy))
    connected(phone)
    phone.evaluate(RECORD, ["open-feedback"])
    text = "Twee keer getikt, één keer bedoeld."
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill(text)
    phone.get_by_role("button", name="Versturen").dblclick()
    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")
    said = phone.evaluate("window.said['open-feedback']")
    assert said == ["Versturen…", "Opgeslagen"], said
    time.sleep(1)
    assert stored(evening.data_dir, "contribution/add", text) == 1


def test_a_rating_given_offline_waits_on_the_phone_and_is_stored_once(
    evening: Evening, screens: Screens, steer: Remote
) -> None:
    steer.command("block/jump", index=8)  # the closing, with its rating
    phone = screens.open(evening.join)
    connected(phone)
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.locator("label[for=rating-2]").click()
    phone.locator("#rating-form").get_by_role("button", name="Versturen").click()
    expect(phone.locator("#rating-feedback")).to_have_text(
        "Bewaard op je telefoon. We versturen het zodra er weer verbinding is."
    )
    expect(phone.locator("#waiting")).to_have_text(
        "Nog niet verstuurd: cijfer. Dat gaat vanzelf zodra er weer verbinding is."
    )
    phone.locator("label[for=rating-5]").click()  # changed their mind: the later choice replaces the first
    phone.locator("#rating-form").get_by_role("button", name="Versturen").click()

    phone.context.set_offline(False)
    expect(phone.locator("#rating-feedback")).to_have_text("Opgeslagen")
    expect(phone.locator("#waiting")).to_be_hidden()
    wait_stored(evening.data_dir, "response/set", '"value":5')
    time.sleep(1)
    assert stored(evening.data_dir, "response/set") == 1


def until(page: Page, condition: str) -> None:
    """Until `condition` (a JS expression) holds; polled from here, since the page's policy refuses the eval a
    polling wait_for_function uses."""
    for _ in range(150):
        if page.evaluate(f"() => Boolean({condition})"):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"never true: {condition}")


def controlled(phone: Page) -> None:
    """Until the service worker controls the page (it claims the pages it finds when it starts)."""
    until(phone, "navigator.serviceWorker && navigator.serviceWorker.controller !== null")


def test_a_reload_without_a_network_shows_the_page_and_what_waits(
    evening: Evening, screens: Screens, steer: Remote
) -> None:
    # The laptop's own address is a secure context, as https is: the browser runs the service worker there.
    on_the_dialogue(steer)
    phone = screens.open(evening.join)
    connected(phone)
    controlled(phone)
    phone.reload()  # this load went through the worker, which kept a copy
    connected(phone)

    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    text = "Geschreven in de kelder, daarna de pagina ververst."
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill(text)
    phone.get_by_role("button", name="Versturen").click()
    phone.reload()

    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()  # the question it knew
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    expect(phone.locator("#mine-list li")).to_contain_text(text)
    expect(phone.locator("#mine-list .status")).to_have_text("wacht op verbinding")
    expect(phone.locator("#waiting")).to_contain_text("antwoord")

    phone.context.set_offline(False)
    wait_stored(evening.data_dir, "contribution/add", text)
    expect(phone.locator("#mine-list .status")).to_have_text("wacht op goedkeuring")
    time.sleep(1)
    assert stored(evening.data_dir, "contribution/add", text) == 1


def test_the_connection_state_stays_in_sight_and_a_flicker_is_not_read_out(
    evening: Evening, screens: Screens, steer: Remote
) -> None:
    on_the_dialogue(steer)
    phone = screens.new_page()
    phone.clock.install()  # the page's timers run when the test says, so "a moment" is a moment on any machine
    phone.goto(evening.join)
    connected(phone)
    phone.clock.run_for(2000)
    expect(phone.locator("#conn-said")).to_have_text("Verbonden")
    phone.evaluate(RECORD, ["conn-said"])
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.context.set_offline(False)  # back within a moment: nothing worth saying
    connected(phone)
    phone.clock.run_for(2000)
    assert phone.evaluate("window.said['conn-said']") == []
    phone.context.set_offline(True)
    phone.clock.run_for(2000)  # gone for longer: said once
    expect(phone.locator("#conn-said")).to_have_text("Geen verbinding. Wat je schrijft, blijft bewaard.")
    phone.clock.run_for(5000)
    assert phone.evaluate("window.said['conn-said']") == ["Geen verbinding. Wat je schrijft, blijft bewaard."]
    phone.context.set_offline(False)

    phone.mouse.wheel(0, 5000)
    until(phone, "window.scrollY > 300")
    box = phone.locator("#conn").bounding_box()
    assert box is not None and 0 <= box["y"] < 80  # at the top of the screen, wherever the page is scrolled
