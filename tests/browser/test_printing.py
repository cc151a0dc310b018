"""What the school prints, in a real Chromium: the invitation, the checklist, the table cards, the poster
and the letter come out as A4 PDFs of the right number of pages with nothing running off the page; the
poster's QR codes (and the projector's) read back exactly, with a real decoder."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from kiosk.agenda.parser import load_agenda
from kiosk.bench.server import hub_command
from kiosk.catalog import catalog, languages
from kiosk.cli import main
from kiosk.prepare.kit import build_kit
from kiosk.resources import agendas_dir, default_agenda_path
from tests.browser.conftest import REPO, shot
from tests.unit.test_letter_cli import school_agenda, stored_evening

# 180 mm of A4 between the 15 mm margins, in CSS pixels (96 per inch): the width the print layout has.
PRINT_WIDTH = round(180 / 25.4 * 96)
PRINT_HEIGHT = round(267 / 25.4 * 96)  # 297 mm less the top and bottom margins
WIFI = 'Gast;net "school":wacht:woord,12\\'
WIFI_NAME, WIFI_PASSWORD = 'Gast;net "school"', "wacht:woord,12\\"
WIFI_STRING = 'WIFI:S:Gast\\;net \\"school\\";T:WPA;P:wacht\\:woord\\,12\\\\;;'

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    const name = el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? "." + el.className : "");
    if (box.right > width + 1 || box.left < -1) found.push(`${name} runs off the page (${box.left}..${box.right} of ${width})`);
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).display !== "inline")
      found.push(`${name} is wider inside (${el.scrollWidth}) than it is (${el.clientWidth})`);
  }
  return found;
}"""


def printed(page: Page, name: str) -> tuple[int, list[str]]:
    """Print the open page on A4 as Chromium does; its page count and whatever runs off the page."""
    page.set_viewport_size({"width": PRINT_WIDTH, "height": PRINT_HEIGHT})
    page.emulate_media(media="print")
    overflow = page.evaluate(OVERFLOW)
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    (Path(shot(page, name)).with_suffix(".pdf")).write_bytes(pdf)
    return len(PdfReader(io.BytesIO(pdf)).pages), overflow


def open_file(browser: Browser, path: Path) -> tuple[Page, list[str]]:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kiosk prepare` on a school's agenda with date, place, contact and logo (HTML only: Chromium prints)."""
    folder = tmp_path_factory.mktemp("kit")
    agenda = school_agenda(folder / "school")
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(text.replace("@driehoek.nl\n", "@driehoek.nl of 010 123 45 67\n", 1), encoding="utf-8")
    assert main(["prepare", str(agenda), "-o", str(folder / "kit"), "--no-pdf"]) == 0
    return folder / "kit"


@pytest.mark.browser
@pytest.mark.parametrize("lang", languages())
def test_the_invitation_prints_on_one_a4_page_with_nothing_off_the_page(
    browser: Browser, kit: Path, lang: str
) -> None:
    words = catalog(lang)
    page, requests = open_file(browser, kit / f"uitnodiging-{lang}.html")
    try:
        assert page.locator("h1").inner_text() == words("invite.heading")
        assert page.locator(".facts td").all_inner_texts()[0] == words.long_date(date(2026, 9, 21))
        assert page.locator("img.logo").evaluate("img => img.naturalWidth") == 1
        assert page.locator(".signup h2").inner_text() == words("invite.signup_title")
        questions = page.locator(".questions li").all_inner_texts()
        assert len(questions) == 4 and questions[0][-1] in "?؟"
        pages, overflow = printed(page, f"invitation-{lang}")
    finally:
        page.close()
    assert pages == 1 and overflow == []
    assert requests == [(kit / f"uitnodiging-{lang}.html").as_uri()]  # self-contained


@pytest.mark.browser
def test_the_arabic_invitation_is_mirrored_and_keeps_the_phone_number_whole(
    browser: Browser, kit: Path
) -> None:
    page, _ = open_file(browser, kit / "uitnodiging-ar.html")
    try:
        assert page.locator("html").get_attribute("dir") == "rtl"
        label, value = page.locator(".facts tr").first.locator("th, td").all()
        label_box, value_box = label.bounding_box(), value.bounding_box()
        assert label_box is not None and value_box is not None
        assert label_box["x"] > value_box["x"]  # the label on the right, its value to its left
        contact = page.locator("bdi", has_text="010 123 45 67")
        assert (contact.get_attribute("dir"), contact.get_attribute("class")) == (
            "ltr",
            "iso",
        )  # one box, its own way
        # The phone number's groups in their order on the printed line, on one line: each left of the next
        boxes = page.evaluate(
            """() => {
                const bdi = [...document.querySelectorAll('bdi')].find(b => b.textContent.includes('010 123'));
                const text = bdi.firstChild, range = document.createRange();
                return ['010', '123', '45', '67'].map(part => {
                    const at = text.textContent.lastIndexOf(part);
                    range.setStart(text, at); range.setEnd(text, at + part.length);
                    const box = range.getBoundingClientRect();
                    return [box.x, box.y];
                });
            }"""
        )
        assert [x for x, _ in boxes] == sorted(x for x, _ in boxes) and len({y for _, y in boxes}) == 1
        pages, _ = printed(page, "invitation-ar-mirrored")
    finally:
        page.close()
    assert pages == 1


@pytest.mark.browser
def test_the_checklist_and_table_cards_print_with_nothing_off_the_page(browser: Browser, kit: Path) -> None:
    themes = load_agenda(default_agenda_path()).themes
    for name, most in (
        ("voorbereiding", 2),
        ("tafelkaarten", 2 * len(themes)),
        ("tafelkaarten-ar", 2 * len(themes)),
    ):
        page, _ = open_file(browser, kit / f"{name}.html")
        try:
            pages, overflow = printed(page, name)
        finally:
            page.close()
        assert overflow == [] and 1 <= pages <= most
    page, _ = open_file(browser, kit / "tafelkaarten.html")
    try:
        titles = page.locator("section.work-sheet h1").all_inner_texts()
        assert titles == [t.title for t in themes]
        pages, _ = printed(page, "table-cards")
    finally:
        page.close()
    assert pages == 2 * len(themes)  # per theme a card to fold and a work sheet, each on its own page


@pytest.mark.browser
def test_every_shipped_agendas_invitation_fits_one_page(browser: Browser, tmp_path: Path) -> None:
    for agenda_file in sorted(agendas_dir().glob("*.md")):
        agenda = load_agenda(agenda_file)
        for name, page_html in build_kit(agenda).pages.items():
            if not name.startswith("uitnodiging"):
                continue
            path = tmp_path / f"{agenda_file.stem}-{name}"
            path.write_text(page_html, encoding="utf-8")
            page, _ = open_file(browser, path)
            try:
                pages, overflow = printed(page, path.stem)
            finally:
                page.close()
            assert (pages, overflow) == (1, []), path.name


@dataclass(frozen=True)
class Served:
    join: str
    display: str
    poster: str


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """`kiosk serve --wifi ... --poster FILE` on a free port."""
    command = hub_command(
        tmp_path / "data", extra=("--wifi", WIFI, "--poster", str(tmp_path / "poster.html"))
    )
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    urls: dict[str, str] = {}
    try:
        assert process.stdout is not None
        while len(urls) < 4:
            line = process.stdout.readline()
            if not line:
                pytest.fail(f"kiosk serve stopped: {process.stderr.read() if process.stderr else ''}")
            name, _, url = line.strip().partition(" ")
            urls[name] = url
        yield Served(urls["join"], urls["display"], urls["poster"])
    finally:
        process.terminate()
        process.wait(timeout=10)


def decoded(png: bytes) -> list[str]:
    return sorted(result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png))))


@pytest.mark.browser
def test_the_poster_prints_on_one_page_and_its_codes_read_back_exactly(
    browser: Browser, served: Served, tmp_path: Path
) -> None:
    context = browser.new_context(device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(served.poster)
        assert page.locator(".code").inner_text() == served.join.rsplit("=", 1)[1]
        assert page.locator(".url").inner_text() == served.join.split("://")[1].split("/join")[0]
        assert page.locator(".languages li").count() == len(languages()) - 2  # a line in every other language
        page.emulate_media(media="print")
        page.set_viewport_size({"width": PRINT_WIDTH, "height": PRINT_HEIGHT})
        assert decoded(page.screenshot(full_page=True)) == sorted([served.join, WIFI_STRING])
        pages, overflow = printed(page, "poster")
        assert page.evaluate("document.documentElement.scrollHeight") <= PRINT_HEIGHT
    finally:
        context.close()
    assert (pages, overflow) == (1, [])
    written = (tmp_path / "poster.html").read_text(encoding="utf-8")  # --poster wrote the same poster
    assert served.join.rsplit("=", 1)[1] in written and written.count('<svg class="qr"') == 2
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir() if p.is_file())
    assert b"wacht:woord" not in stored  # the password is on the poster, never in the evening's log


@pytest.mark.browser
def test_the_projectors_join_screen_shows_the_wifi_code_beside_the_join_code(
    browser: Browser, served: Served
) -> None:
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(served.display)
        page.wait_for_selector("body[data-wifi='yes'][data-mode='join']")
        # Polled from here: the page's policy (script-src 'self') can refuse the eval a polling wait_for_function uses.
        for _ in range(100):
            if page.eval_on_selector("#wifi-qr", "img => img.complete && img.naturalWidth > 0"):
                break
            page.wait_for_timeout(100)
        else:
            pytest.fail("the Wi-Fi code's image never loaded")
        assert page.locator("#wifi-name").inner_text() == f"Netwerk: {WIFI_NAME}"
        assert decoded(page.screenshot()) == sorted([served.join, WIFI_STRING])
        shot(page, "display-join-wifi")
    finally:
        context.close()


@pytest.mark.browser
def test_the_letter_prints_on_a4_with_nothing_off_the_page(browser: Browser, tmp_path: Path) -> None:
    data = tmp_path / "data"
    stored_evening(data, school_agenda(tmp_path / "school"))
    for lang in languages():
        letter = tmp_path / f"brief-{lang}.html"
        args = ["export", "--data-dir", str(data), "--for", "parents", "--format", "html", "--lang", lang]
        assert main([*args, "-o", str(letter)]) == 0
        page, requests = open_file(browser, letter)
        try:
            assert page.locator(".letterhead .school").inner_text() == "OBS De Driehoek"
            assert page.locator("script").count() == 0
            pages, overflow = printed(page, f"letter-{lang}")
        finally:
            page.close()
        assert overflow == [] and 1 <= pages <= 2 and requests == [letter.as_uri()]
