"""A phone on a hall's Wi-Fi, through the shaping proxy: back at once when the network is, nothing it sent lost
or stored twice over dead paths, a locked screen and a restarted hub.

The figures these tests print are for a reader; the targets live in `kiosk bench --phone-net`.
"""

from __future__ import annotations

import subprocess
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from kiosk.bench.server import hub_command
from kiosk.bench.shaping import WIFI, ShapingProxy
from tests.browser.conftest import REPO, Evening, Screens
from tests.browser.hall_network import Hall, Remote, losing_the_first_ack, stored, wait_stored
from tests.browser.steps import FIRST_QUESTION, answer, connected

pytestmark = pytest.mark.browser

SECOND_QUESTION = "Wat zijn de ervaringen van school?"


def on_the_dialogue(steer: Remote) -> None:
    steer.command("settings/auto_approve", on=True)
    steer.command("block/jump", index=3)  # the dialogue; its first question opens with it


def phone_on_the_hall_wifi(screens: Screens, hall: Hall) -> tuple[Page, ShapingProxy]:
    """A phone through the proxy on good Wi-Fi, connected; and its proxy, whose path the test takes away."""
    proxy = hall.proxy(WIFI)
    phone = screens.open(hall.join_url(proxy))
    connected(phone)
    return phone, proxy


def test_an_answer_sent_into_a_dead_path_is_stored_soon_after_the_network_returns(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    on_the_dialogue(steer)
    phone, proxy = phone_on_the_hall_wifi(screens, hall)
    hall.path(proxy, "dead")  # the phone went over to mobile data: its connection is gone for good
    time.sleep(1)
    text = "Verstuurd terwijl de wifi wegviel."
    phone.get_by_role("textbox", name=FIRST_QUESTION).fill(text)
    phone.get_by_role("button", name="Versturen").click()  # the page does not know yet: into the dead socket

    # The page finds out by itself, says so, and says what waits.
    expect(phone.locator("#conn")).to_have_attribute("data-state", "connecting", timeout=15_000)
    expect(phone.locator("#waiting")).to_have_text(
        "Nog niet verstuurd: antwoord. Dat gaat vanzelf zodra er weer verbinding is."
    )
    expect(phone.locator("#mine-list .status")).to_have_text("wacht op verbinding")
    time.sleep(8)  # attempts made meanwhile hang in the dead network until their own limit

    hall.path(proxy, "up")
    seconds = wait_stored(evening.data_dir, "contribution/add", text, within=30)
    print(f"\nstored {seconds:.1f} s after the network returned")
    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")
    expect(phone.locator("#waiting")).to_be_hidden()
    time.sleep(2)
    assert stored(evening.data_dir, "contribution/add", text) == 1


def test_unlocking_the_phone_finds_a_dead_connection_at_once(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    on_the_dialogue(steer)
    phone, proxy = phone_on_the_hall_wifi(screens, hall)
    expect(phone.get_by_role("textbox", name=FIRST_QUESTION)).to_be_visible()

    # The screen locks (no script runs); the phone drops off the Wi-Fi and comes back on another address.
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Debugger.enable")
    cdp.send("Debugger.pause")
    hall.path(proxy, "dead")
    steer.command("prompt/open", prompt="b4-q2")  # meanwhile the facilitator asks the next question
    time.sleep(10)
    hall.path(proxy, "up")
    cdp.send("Debugger.resume")
    start = time.monotonic()
    phone.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the screen is unlocked

    expect(phone.get_by_role("textbox", name=SECOND_QUESTION)).to_be_visible(timeout=15_000)
    print(f"\nthe current question was on screen {time.monotonic() - start:.1f} s after unlocking")
    connected(phone)


def test_taps_of_every_kind_through_a_dead_path_are_stored_once(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    on_the_dialogue(steer)
    steer.command("contribution/add", id="c-paper-1", text="Op papier: de rapportgesprekken zijn kort.")
    steer.command("question/add", id="q-hall-1", text="Hoe vaak komt de ouderraad samen?")
    steer.command("prompt/recognition", open=True)
    proxy = hall.proxy(WIFI)
    phone = screens.open(hall.join_url(proxy))
    answer(phone, "Mijn eigen antwoord, dat ik terugneem.")
    other = phone.locator("#others li").filter(has_text="Op papier")
    expect(other).to_be_visible()
    hall.path(proxy, "dead")
    time.sleep(1)

    phone.get_by_role("button", name="Schoolpersoneel").click()
    other.get_by_role("button", name="Herken ik").click()
    phone.locator("#mine-list li").get_by_role("button", name="Terugnemen").click()
    question = phone.locator("#room-questions li").filter(has_text="ouderraad")
    question.get_by_role("button", name="Wil ik ook weten").click()

    # Each shows as tapped, and as not stored yet, on its own row.
    expect(other.get_by_role("button", name="Herken ik")).to_have_attribute("aria-pressed", "true")
    expect(question.get_by_role("button", name="Wil ik ook weten")).to_have_attribute("aria-pressed", "true")
    expect(phone.locator("#waiting")).to_contain_text("‘Herken ik’", timeout=15_000)
    expect(other.locator(".row-note")).to_have_text("wacht op verbinding")
    expect(phone.locator("#mine-list .row-note")).to_have_text("wordt teruggenomen")
    expect(question.locator(".row-note")).to_have_text("wacht op verbinding")

    hall.path(proxy, "up")
    wait_stored(evening.data_dir, "contribution/endorse", "c-paper-1")
    wait_stored(evening.data_dir, "contribution/withdraw")
    wait_stored(evening.data_dir, "question/upvote", "q-hall-1")
    wait_stored(evening.data_dir, "device/join", "staff")
    expect(phone.locator("#waiting")).to_be_hidden()
    expect(other.locator(".row-note")).to_have_count(0)
    expect(phone.locator("#mine-list .status")).to_have_text("teruggenomen")
    time.sleep(2)  # resends that change nothing store nothing
    assert stored(evening.data_dir, "contribution/endorse") == 1
    assert stored(evening.data_dir, "contribution/withdraw") == 1
    assert stored(evening.data_dir, "question/upvote") == 1
    assert stored(evening.data_dir, "device/join", "staff") == 1


def restart_hub(evening: Evening) -> tuple[subprocess.Popen[str], tuple[str, int]]:
    """Kill the hub (SIGKILL) and resume the evening on a fresh port; its process and address."""
    evening.process.kill()
    evening.process.wait()
    assert evening.data_dir is not None
    again = subprocess.Popen(
        hub_command(evening.data_dir, resume=True),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert again.stdout is not None
    while True:
        line = again.stdout.readline()
        assert line, "the resumed hub printed no address"
        if line.startswith("join "):
            parts = urlsplit(line.split(" ", 1)[1].strip())
            return again, (parts.hostname or "127.0.0.1", parts.port or 80)


def test_a_rating_given_while_the_hub_restarts_is_stored_once(
    evening: Evening, screens: Screens, hall: Hall, steer: Remote
) -> None:
    steer.command("block/jump", index=8)  # the closing: its rating opens with it
    phone, proxy = phone_on_the_hall_wifi(screens, hall)
    again, address = restart_hub(evening)
    try:
        expect(phone.locator("#conn")).not_to_have_attribute("data-state", "online")
        phone.locator("label[for=rating-4]").click()
        phone.get_by_role("textbox", name="Toelichting (mag leeg blijven)").fill("Goed georganiseerd.")
        phone.locator("#rating-form").get_by_role("button", name="Versturen").click()
        expect(phone.locator("#rating-feedback")).to_contain_text("Bewaard op je telefoon")
        hall.thread.retarget(proxy, address)  # the laptop is back; the phones' address is the same

        expect(phone.locator("#rating-feedback")).to_have_text("Opgeslagen", timeout=30_000)
        wait_stored(evening.data_dir, "response/set", "Goed georganiseerd.")
        phone.locator("#rating-form").get_by_role("button", name="Versturen").click()  # once more, unchanged
        expect(phone.locator("#rating-feedback")).to_have_text("Opgeslagen")
        time.sleep(1)
        assert stored(evening.data_dir, "response/set", "Goed georganiseerd.") == 1
    finally:
        again.terminate()
        again.wait(timeout=10)


def test_a_recognition_whose_ack_is_lost_is_resent_and_stored_once(
    evening: Evening, screens: Screens, steer: Remote
) -> None:
    on_the_dialogue(steer)
    steer.command("contribution/add", id="c-paper-2", text="Op papier: de nieuwsbrief komt te laat.")
    steer.command("prompt/recognition", open=True)
    sent: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    phone = screens.new_page()
    phone.route_web_socket("**/ws", losing_the_first_ack("contribution/endorse", sent, dropped))
    phone.goto(evening.join)
    other = phone.locator("#others li").filter(has_text="nieuwsbrief")
    other.get_by_role("button", name="Herken ik").click()

    wait_stored(evening.data_dir, "contribution/endorse", "c-paper-2")
    expect(other.locator(".row-note")).to_have_count(0, timeout=20_000)  # the resend's ack arrived
    expect(other.get_by_role("button", name="Herken ik")).to_have_attribute("aria-pressed", "true")
    assert len(dropped) == 1 and len(sent) >= 2
    assert stored(evening.data_dir, "contribution/endorse") == 1
