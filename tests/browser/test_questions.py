"""Questions to the school through a real `kiosk serve`: asked in the break, upvoted, answered later, reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.rules.questions import MAX_QUESTIONS
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.browser.conftest import PROJECTOR, REPO, Evening, Screens, serving, shot
from tests.browser.hall_network import Remote, stored
from tests.browser.steps import ask, choose_role, remote_goes_to

pytestmark = pytest.mark.browser

FEEST = "Komt er dit jaar weer een schoolfeest?"
NAMED = "Waarom geeft meneer Jansen zoveel huiswerk?"


def remote_question(remote: Page, text: str) -> Locator:
    return remote.locator("#questions-list li").filter(has=remote.get_by_text(text, exact=True))


def room_question(phone: Page, text: str) -> Locator:
    return phone.locator("#room-questions li").filter(has=phone.get_by_text(text, exact=True))


def test_a_question_from_the_break_is_upvoted_answered_later_and_reported(
    evening: Evening, screens: Screens, tmp_path: Path
) -> None:
    remote = screens.open(evening.remote)
    display = screens.open(evening.display, size=PROJECTOR)
    asker = screens.open(evening.join)
    choose_role(asker)
    remote_goes_to(remote, "Pauze")
    expect(asker.locator("#block-title")).to_have_text("Pauze")

    ask(asker, FEEST)
    mine = asker.locator("#my-questions-list li")
    expect(mine.locator(".status")).to_have_text("wacht op de gespreksleider")
    row = remote_question(remote, FEEST)
    expect(row.locator(".status")).to_have_text("wacht")
    row.get_by_role("button", name="Tonen").click()
    expect(mine.locator(".status")).to_have_text("staat bij de vragen")
    expect(room_question(asker, FEEST).locator(".tag")).to_have_text("jouw vraag")

    other = screens.open(evening.join)
    choose_role(other, "Zeg ik liever niet")
    upvote = room_question(other, FEEST).get_by_role("button", name="Wil ik ook weten")
    expect(upvote).to_have_attribute("aria-pressed", "false")
    upvote.click()
    expect(upvote).to_have_attribute("aria-pressed", "true")
    expect(room_question(asker, FEEST).locator(".badge .visually-hidden")).to_have_text("1 stem")
    expect(row.locator(".badge .visually-hidden")).to_have_text("1 stem")

    # A question that names a teacher is held, even with auto-approve on, and no other phone sees it.
    remote.get_by_role("switch", name="Automatisch goedkeuren").check()
    ask(other, NAMED)
    held = remote_question(remote, NAMED)
    expect(held.locator(".held")).to_have_text("lijkt een naam te noemen")
    expect(other.locator("#my-questions-list li .status")).to_have_text("wacht op de gespreksleider")
    ask(other, "Is er een ouderraad?")  # approved by itself: it reaches the asker's phone
    expect(room_question(asker, "Is er een ouderraad?")).to_have_count(1)
    expect(asker.get_by_text(NAMED)).to_have_count(0)

    row.get_by_role("button", name="Later beantwoorden").click()
    expect(row.get_by_role("button", name="Later beantwoorden")).to_have_attribute("aria-pressed", "true")
    expect(mine.locator(".status").nth(1)).to_have_text("de school komt erop terug")
    remote_question(remote, "Is er een ouderraad?").get_by_role("button", name="Nu beantwoord").click()
    held.get_by_role("button", name="Later beantwoorden").click()
    expect(held.get_by_role("button", name="Later beantwoorden")).to_have_attribute("aria-pressed", "true")

    remote.get_by_role("switch", name="Topvragen op de beamer").check()
    expect(display.locator("#questions-wall li")).to_have_count(2)
    expect(display.locator("#questions-wall li").first).to_contain_text(FEEST)
    expect(display.get_by_text(NAMED)).to_have_count(0)
    for page, name in (
        (asker, "phone-questions"),
        (remote, "remote-questions"),
        (display, "projector-questions"),
    ):
        shot(page, name)

    report = export(tmp_path, "team")
    assert "## Vragen aan de school" in report and f"- {FEEST} *(1 stem)*" in report
    assert "3 vragen gesteld; 1 in de zaal beantwoord, 2 om later te beantwoorden." in report
    assert (
        "### Beantwoord in de zaal\n\n- Is er een ouderraad?" in report
    )  # the team's record has them in full
    assert "Jansen" not in report
    letter = export(tmp_path, "parents")
    assert "## Uw vragen, waar we op terugkomen" in letter and f"- {FEEST}" in letter
    assert "Jansen" not in letter and "ouderraad" not in letter


def export(tmp_path: Path, audience: str) -> str:
    """`kiosk export` of the evening the test's `kiosk serve` is running, as Markdown."""
    out = tmp_path / f"{audience}.md"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "export",
            "--data-dir",
            str(tmp_path / "data"),
            "--for",
            audience,
            "--format",
            "md",
            "-o",
            str(out),
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return out.read_text(encoding="utf-8")


def test_a_question_asked_offline_is_kept_and_sent_once_after_reconnect(
    evening: Evening, screens: Screens
) -> None:
    remote = screens.open(evening.remote)
    phone = screens.open(evening.join)
    choose_role(phone)
    expect(phone.locator("#questions")).to_be_visible()  # no question open: the way to ask is there anyway

    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.get_by_role("textbox", name="Jouw vraag").fill("Gesteld zonder bereik: is er een ouderraad?")
    phone.get_by_role("button", name="Vraag stellen").click()
    expect(phone.locator("#question-feedback")).to_contain_text("Bewaard op je telefoon")
    expect(phone.locator("#my-questions-list .status")).to_have_text("wacht op verbinding")

    phone.context.set_offline(False)
    expect(phone.locator("#question-feedback")).to_have_text("Je vraag is ontvangen.")
    expect(phone.locator("#my-questions-list .status")).to_have_text("wacht op de gespreksleider")
    expect(remote_question(remote, "Gesteld zonder bereik: is er een ouderraad?")).to_have_count(1)
    phone.context.set_offline(True)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
    phone.context.set_offline(False)
    expect(phone.locator("#conn")).to_have_attribute("data-state", "online")
    expect(remote.locator("#questions-list li")).to_have_count(1)


def an_evening_full_of_questions(data_dir: Path) -> None:
    """An evening whose questions in play reach the cap (spam from many phones the facilitator has not hidden yet)."""
    log = open_event_log(data_dir)
    core = start_session(log, load_agenda(default_agenda_path()))
    for n in range(MAX_QUESTIONS):
        phone = Actor("phone", device=f"device-spam-{n // 5:05d}")
        if n % 5 == 0:
            core.execute(Command("device/join", {"role": "parent"}, phone))
        core.execute(Command("question/add", {"id": f"spam-{n}", "text": f"Koop nu {n}"}, phone))
    log.close()


def test_a_question_the_full_evening_refuses_goes_back_in_the_box_is_not_resent_and_goes_once_room_is_made(
    screens: Screens, tmp_path: Path
) -> None:
    an_evening_full_of_questions(tmp_path / "data")
    with serving(tmp_path / "data", resume=True) as evening:
        phone = screens.new_page()
        # Every frame the phone sends, from its first socket on (opened early, in the page's head).
        sent: list[str] = []
        phone.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(str(frame))))
        phone.goto(evening.join)
        choose_role(phone)
        mine = "Komt er een ouderavond over pesten?"
        phone.get_by_role("textbox", name="Jouw vraag").fill(mine)
        phone.get_by_role("button", name="Vraag stellen").click()

        expect(phone.locator("#question-feedback")).to_have_text(
            "De school kan vanavond geen vragen meer aannemen. Stel je vraag in de zaal."
        )
        expect(phone.get_by_role("textbox", name="Jouw vraag")).to_have_value(mine)  # nothing lost
        # Refused for good, so the outbox let it go: a reconnect (which resends what waits) sends it no more.
        phone.context.set_offline(True)
        expect(phone.locator("#conn")).to_have_attribute("data-state", "offline")
        phone.context.set_offline(False)
        expect(phone.locator("#conn")).to_have_attribute("data-state", "online")
        phone.wait_for_timeout(1500)
        assert sum('"question/add"' in frame for frame in sent) == 1
        assert stored(evening.data_dir, "question/add", mine) == 0

        with Remote.opened(evening.remote) as remote:  # the facilitator hides a page of spam
            for n in range(20):
                remote.command("question/hide", id=f"spam-{n}")
        phone.get_by_role("button", name="Vraag stellen").click()  # the same text, still in the box
        expect(phone.locator("#question-feedback")).to_have_text("Je vraag is ontvangen.")
        assert stored(evening.data_dir, "question/add", mine) == 1
