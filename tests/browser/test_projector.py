"""The projector's countdown, its summary and the remote's timer buttons, seen in the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PROJECTOR, Evening, Screens, shot
from tests.browser.steps import remote_goes_to

pytestmark = pytest.mark.browser


def test_projector_countdown_turns_amber_then_red_then_counts_overtime(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    remote_goes_to(remote, "Dialoog")  # 45 minutes, running
    expect(remote.get_by_role("button", name="Pauzeer")).to_be_visible()
    display = screens.new_page(size=PROJECTOR)
    # The page counts down by itself from the last view; a fake clock lets the test move its time.
    display.clock.install()
    display.goto(evening.display)
    clock = display.locator("#clock")
    expect(clock).to_have_text(re.compile(r"^4[45]:\d\d$"))
    expect(clock).to_have_attribute("data-urgency", "normal")

    display.clock.fast_forward("36:30")  # about 8 of 45 minutes left: under 20%
    expect(clock).to_have_attribute("data-urgency", "amber")
    display.clock.fast_forward("06:30")  # about 2 minutes left: under 5%
    expect(clock).to_have_attribute("data-urgency", "red")
    shot(display, "projector-red")
    display.clock.fast_forward("03:00")  # about a minute over
    expect(clock).to_have_text(re.compile(r"^\+0[01]:\d\d$"))
    expect(clock).to_have_attribute("data-urgency", "red")


def test_remote_time_buttons_change_the_projector_clock(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    remote_goes_to(remote, "Welkom")
    remote.get_by_role("button", name="Pauzeer").click()
    expect(display.locator("#clock")).to_have_attribute("data-running", "no")
    paused_at = display.locator("#clock").inner_text()
    minutes, seconds = (int(part) for part in paused_at.split(":"))
    remote.get_by_role("button", name="+1 min").click()
    expect(display.locator("#clock")).to_have_text(f"{minutes + 1:02d}:{seconds:02d}")
    remote.get_by_role("button", name="−1 min").click()
    expect(display.locator("#clock")).to_have_text(paused_at)
    remote.get_by_role("button", name="Start").click()
    expect(display.locator("#clock")).to_have_attribute("data-running", "yes")


# The facilitator composes key points in the terminal app; here a second remote connection sends them.
ADD_KEY_POINT = """([text]) => new Promise((resolve, reject) => {
  const token = new URLSearchParams(location.search).get("token");
  const ws = new WebSocket(`ws://${location.host}/ws`);
  ws.onopen = () => ws.send(JSON.stringify({type: "hello", role: "remote", token}));
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "hello/ok") ws.send(JSON.stringify({type: "keypoint/add", ref: 1, text}));
    if (message.type === "ack") { ws.close(); resolve(true); }
    if (message.type === "error") { ws.close(); reject(new Error(message.message)); }
  };
})"""


def add_key_point(remote: Page, text: str) -> None:
    assert remote.evaluate(ADD_KEY_POINT, [text]) is True


def test_summary_shows_the_key_points_big(evening: Evening, screens: Screens) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    remote_goes_to(remote, "Samenvatting")
    expect(display.locator("#qr")).to_be_visible()
    add_key_point(remote, "Partnerschap begint bij gelijkwaardig contact.")
    add_key_point(remote, "Koppel terug wat er met een vraag gebeurt.")
    remote.get_by_role("switch", name="Samenvatting op het scherm").check()
    expect(display.get_by_role("heading", name="Wat hebben we gehoord?")).to_be_visible()
    expect(display.locator("body")).to_have_attribute("data-mode", "summary")
    expect(display.locator("#points li")).to_have_text(
        ["Partnerschap begint bij gelijkwaardig contact.", "Koppel terug wat er met een vraag gebeurt."]
    )
    shot(display, "projector-summary")
    remote.get_by_role("switch", name="Samenvatting op het scherm").uncheck()
    expect(display.locator("body")).to_have_attribute("data-mode", "join")
