"""What people do on the pages, as small steps the browser tests share."""

from __future__ import annotations

import json

from playwright.sync_api import Locator, Page, expect

from kiosk.agenda.parser import load_agenda
from kiosk.resources import default_agenda_path, web_dir

# The shipped evening, in order; the dialogue's first question opens with its block.
BLOCKS = [
    "Inloop",
    "Welkom",
    "Inleiding ouderpartnerschap",
    "Dialoog",
    "Samenvatting",
    "Pauze",
    "Thematafels",
]
FIRST_QUESTION = "Wat zijn de ervaringen van de ouders?"


def connected(page: Page) -> None:
    expect(page.locator("#conn")).to_have_attribute("data-state", "online")


def remote_goes_to(remote: Page, title: str) -> None:
    """Press "Volgende" block by block until `title` is the current block."""
    connected(remote)
    current = remote.locator("#block-title")
    expect(current).not_to_have_text("Even geduld…")
    while current.inner_text() != title:
        following = BLOCKS[BLOCKS.index(current.inner_text()) + 1]
        remote.get_by_role("button", name="Volgende", exact=True).click()
        expect(current).to_have_text(following)


def choose_role(phone: Page, role: str = "Ouder/verzorger") -> None:
    phone.get_by_role("button", name=role).click()
    expect(phone.get_by_role("heading", name="Wie ben je?")).to_be_hidden()


def answer(phone: Page, text: str, question: str = FIRST_QUESTION) -> None:
    """Type an answer to the open question and send it; waits until the phone says it is stored."""
    phone.get_by_role("textbox", name=question).fill(text)
    phone.get_by_role("button", name="Versturen").click()
    expect(phone.locator("#open-feedback")).to_have_text("Opgeslagen")


def ask(phone: Page, text: str) -> None:
    """Ask the school a question from the phone; waits until the phone says it was received."""
    phone.get_by_role("textbox", name="Jouw vraag").fill(text)
    phone.get_by_role("button", name="Vraag stellen").click()
    expect(phone.locator("#question-feedback")).to_have_text("Je vraag is ontvangen.")


def incoming(remote: Page, text: str) -> Locator:
    """The remote's row for a contribution with exactly this text."""
    return remote.locator("#incoming li").filter(has=remote.get_by_text(text, exact=True))


def approve(remote: Page, text: str) -> None:
    row = incoming(remote, text)
    row.get_by_role("button", name="Tonen", exact=True).click()
    expect(row.locator(".status")).to_have_text("getoond")


def wall(display: Page) -> Locator:
    return display.locator("#wall li")


def page_words(lang: str) -> dict[str, str]:
    """The page's catalog in `lang`, to find buttons and messages by what that language calls them."""
    said: dict[str, str] = json.loads((web_dir() / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    return said


def answer_in(phone: Page, lang: str, text: str) -> None:
    """A phone whose page speaks `lang` picks its role and answers the first question."""
    said = page_words(lang)
    phone.get_by_role("button", name=said["role.parent"], exact=True).click()
    expect(phone.locator("#role")).to_be_hidden()
    question = next(p for b in load_agenda(default_agenda_path()).blocks for p in b.prompts).text_in(lang)
    phone.get_by_role("textbox", name=question, exact=True).fill(text)
    phone.get_by_role("button", name=said["phone.send"], exact=True).click()
    expect(phone.locator("#open-feedback")).to_have_text(said["phone.saved"])
