"""Browser tests: Debian's Chromium through Playwright, and a real `kiosk serve` per test."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Error, Page, ViewportSize, sync_playwright

from kiosk.bench.phone_net import CHROMIUM, CHROMIUM_ARGS
from kiosk.bench.server import hub_command
from kiosk.bench.shaping import ProxyThread
from tests.browser.hall_network import Hall, Remote

REPO = Path(__file__).resolve().parents[2]
PHONE: ViewportSize = {"width": 390, "height": 844}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}


@pytest.fixture(scope="session", autouse=True)
def shots_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where `shot` writes: KIOSK_SHOTS if set, else `shots` under this session's pytest temporary directory (machines
    are shared, so never a fixed folder in /tmp). Tests import `shot` from this module under another name than pytest
    loads it by, so the folder travels in the environment, not in a module global."""
    given = os.environ.get("KIOSK_SHOTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("shots", numbered=False)
    os.environ["KIOSK_SHOTS"] = str(folder)
    yield folder
    if given is None:
        del os.environ["KIOSK_SHOTS"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module; each test opens its own contexts (one per phone or screen).

    Not per session: sync Playwright keeps its event loop running until it stops, and the asyncio tests
    collected after the browser tests (tests/hub, ...) cannot start theirs while it does.
    """
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass(frozen=True)
class Evening:
    """A running `kiosk serve` and the three addresses it printed."""

    join: str
    display: str
    remote: str
    process: subprocess.Popen[str]
    data_dir: Path | None = None

    @property
    def origin(self) -> str:
        return self.join.split("/join", 1)[0]


@contextmanager
def serving(data_dir: Path, *, resume: bool = False) -> Iterator[Evening]:
    """`kiosk serve` on a free port with its data in `data_dir` (a new evening, or the one stored there); stopped
    when the block ends."""
    process = subprocess.Popen(
        hub_command(data_dir, resume=resume),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    urls: dict[str, str] = {}
    try:
        assert process.stdout is not None
        while len(urls) < 3:
            line = process.stdout.readline()
            if not line:
                stderr = process.stderr.read() if process.stderr else ""
                pytest.fail(f"kiosk serve stopped before printing its addresses:\n{stderr}")
            name, _, url = line.strip().partition(" ")
            if name in ("join", "display", "remote"):
                urls[name] = url
        yield Evening(urls["join"], urls["display"], urls["remote"], process, data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def evening(tmp_path: Path) -> Iterator[Evening]:
    """`kiosk serve --new` on a free port with its data in tmp_path; stopped after the test."""
    with serving(tmp_path / "data") as served:
        yield served


@pytest.fixture
def hall(evening: Evening) -> Iterator[Hall]:
    """The shaping proxy between phones and this evening's hub (tests/browser/hall_network.py)."""
    thread = ProxyThread()
    try:
        yield Hall(evening.join, thread)
    finally:
        thread.close()


@pytest.fixture
def steer(evening: Evening) -> Iterator[Remote]:
    """The facilitator's remote on a socket of its own, to set up what a test needs."""
    with Remote.opened(evening.remote) as remote:
        yield remote


@dataclass
class Screens:
    """Opens pages as separate devices: each has its own context, so its own localStorage and network."""

    browser: Browser
    contexts: list[BrowserContext] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def new_page(self, *, size: ViewportSize = PHONE, locale: str = "nl-NL", **options: Any) -> Page:
        context = self.browser.new_context(viewport=size, locale=locale, **options)
        self.contexts.append(context)
        page = context.new_page()
        page.on("dialog", self._dialog)
        page.on("pageerror", self._error)
        return page

    def open(self, url: str, *, size: ViewportSize = PHONE, locale: str = "nl-NL", **options: Any) -> Page:
        page = self.new_page(size=size, locale=locale, **options)
        page.goto(url)
        return page

    def _dialog(self, dialog: Dialog) -> None:
        # A dialog would mean a script ran that should not have; record it and send it away.
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _error(self, error: Error) -> None:
        self.errors.append(error.message)


@pytest.fixture
def screens(browser: Browser) -> Iterator[Screens]:
    opened = Screens(browser)
    try:
        yield opened
    finally:
        for context in opened.contexts:
            context.close()
    assert opened.errors == [], f"the pages threw: {opened.errors}"


def axe_script() -> Path | None:
    """axe.min.js from $AXE_CORE_JS, or an axe-core package in a node_modules folder we know of."""
    candidates = []
    if os.environ.get("AXE_CORE_JS"):
        candidates.append(Path(os.environ["AXE_CORE_JS"]))
    npm_roots = [REPO / "node_modules", Path("/work/tools/node_modules")]
    npm = shutil.which("npm")
    if npm:
        for flag in ([], ["-g"]):
            try:
                out = subprocess.run(
                    [npm, "root", *flag], check=False, capture_output=True, text=True, timeout=20, cwd=REPO
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            if out.returncode == 0 and out.stdout.strip():
                npm_roots.append(Path(out.stdout.strip()))
    candidates += [root / "axe-core" / "axe.min.js" for root in npm_roots]
    return next((path for path in candidates if path.is_file()), None)


def shot(page: Page, name: str) -> Path:
    """Save a screenshot for a human to look at (KIOSK_SHOTS, else `shots` in pytest's temporary directory)."""
    folder = Path(os.environ["KIOSK_SHOTS"])  # set by the session fixture shots_folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
