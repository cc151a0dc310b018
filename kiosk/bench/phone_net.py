"""`kiosk bench --phone-net`: the phone page on a hall's Wi-Fi, in real Chromium through the shaping proxy.

Per hub (this checkout, and with --before an older one, in one run):
- first load on slow 3G (400 ms round trip, 400 kbit/s): bytes on the wire, requests, seconds until the open
  question's box is on screen ("usable") and until the connection is up ("live");
- reload of the same page, and back to it from another page: the same figures;
- a crowd scanning the QR code at once on one 1 Mbit/s, 400 ms link: each phone's time until usable and live,
  and until the network had delivered all it received;
- an outage: the hub out of reach (a dead path) for N seconds while an answer waits; the time from the network
  coming back until the answer is in the hub's database, and how often it is stored.
The first two are taken three times with fresh phones and each figure is the median: the browsers share this
machine's CPU with whatever else runs on it.

The proxy listens on this machine's LAN address when it has one, so the page is not a secure context (as on
http://192.168.x.y in a hall): no service worker, no help from being "localhost".
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import statistics
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.load import open_remote
from kiosk.bench.server import Urls, hub_command, start_server
from kiosk.bench.shaping import HALL_1MBIT, SLOW_3G, WIFI, Medium, Shape, ShapingProxy, lan_address

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE_SIZE = {"width": 390, "height": 844}
ANSWER_BOX = "#answer"  # the open question's box: on screen means a parent can read and answer
LIVE = '#conn[data-state="online"]'
OUTAGE_WAIT = 300.0  # longest wait for the answer after the network returns (Chromium gives up after ~240 s)


@dataclass(frozen=True)
class PhonePlan:
    crowd: int = 30
    outage_seconds: float = 40.0
    # The load and crowd figures are each the median of this many rounds: other work on the machine varies.
    rounds: int = 3


async def run_phone_net(
    plan: PhonePlan, scratch: Path, before: Path | None = None, *, echo: bool = True
) -> dict[str, dict[str, Any]]:
    """The figures for this checkout ("this") and the older one ("before"), measured the same way."""
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install chromium")
    results: dict[str, dict[str, Any]] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, checkout in (("this", None), ("before", before)):
                if label == "before" and before is None:
                    continue
                figures: dict[str, Any] = {"host": lan_address()}
                for name, scenario in (
                    ("load", _rounds(_first_load_and_reload)),
                    ("crowd", _rounds(_crowd)),
                    ("outage", _outage),
                ):
                    data_dir = scratch / f"{label}-{name}"
                    async with _hub(data_dir, checkout) as urls:
                        found = await scenario(browser, urls, data_dir, plan)
                        figures.update(found)
                        if echo:
                            print(f"  {label} {name}: {_brief(found)}", flush=True)
                figures["load_average"] = os.getloadavg()[0]
                results[label] = figures
        finally:
            await browser.close()
    return results


Scenario = Callable[[Any, Urls, Path, PhonePlan], Awaitable[dict[str, Any]]]


def _rounds(scenario: Scenario) -> Scenario:
    """The scenario `plan.rounds` times on one hub (each with fresh phones); each figure the median."""

    async def rounds(browser: Any, urls: Urls, data_dir: Path, plan: PhonePlan) -> dict[str, Any]:
        found = [await scenario(browser, urls, data_dir, plan) for _ in range(plan.rounds)]
        return {key: statistics.median(each[key] for each in found) for key in found[0]}

    return rounds


def _brief(found: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in found.items())


@contextlib.asynccontextmanager
async def _hub(data_dir: Path, checkout: Path | None) -> AsyncIterator[Urls]:
    """`kiosk serve` with the evening at its first open question (auto-approve on), a remote holding it there."""
    server = await start_server(hub_command(data_dir, checkout=checkout))
    remote = None
    try:
        remote = await open_remote(server.urls)
        yield server.urls
    finally:
        if remote is not None:
            with contextlib.suppress(Exception):
                await remote.close()
        await server.stop()


@contextlib.asynccontextmanager
async def _proxies(urls: Urls, shape: Shape, count: int = 1) -> AsyncIterator[list[ShapingProxy]]:
    """`count` proxies to the hub (one per phone, so each phone's bytes are its own) sharing one medium."""
    medium = Medium(shape)
    host = lan_address()
    proxies = [ShapingProxy((urls.host, urls.port), medium, host) for _ in range(count)]
    try:
        for proxy in proxies:
            await proxy.start()
        yield proxies
    finally:
        for proxy in proxies:
            await proxy.stop()
        medium.stop()


def _phone_url(proxy: ShapingProxy, urls: Urls) -> str:
    return f"http://{proxy.listen_host}:{proxy.port}/join?room={urls.room}"


async def _phone(browser: Any, proxy: ShapingProxy | None = None) -> Any:
    """A phone's browser, already running: its page process is started on the hub's address (a 404, kept by no
    cache), so the figures are the network's and the page's, not those of starting 30 browsers on one machine."""
    context = await browser.new_context(viewport=PHONE_SIZE, locale="nl-NL")
    page = await context.new_page()
    if proxy is not None:
        await page.goto(f"http://{proxy.listen_host}:{proxy.port}/warm-up", wait_until="commit")
        proxy.reset_counts()
    return page


async def _timed_open(page: Any, action: Any, proxy: ShapingProxy) -> dict[str, float]:
    """Run a navigation; seconds until the answer box shows and until the connection is up; bytes and requests
    once the page has settled (2 s after it is live)."""
    requests: list[str] = []

    def note(request: Any) -> None:
        requests.append(request.url)

    page.on("request", note)
    proxy.reset_counts()
    start = time.monotonic()
    await action()
    await page.wait_for_selector(ANSWER_BOX, state="visible", timeout=120_000)
    usable = time.monotonic() - start
    await page.wait_for_selector(LIVE, timeout=120_000)
    live = time.monotonic() - start
    await asyncio.sleep(2.0)
    page.remove_listener("request", note)
    return {
        "usable_s": usable,
        "live_s": live,
        "kb": proxy.bytes / 1000,
        "requests": sum(1 for url in requests if not url.startswith("ws")),
        "connections": proxy.connections,
    }


async def _first_load_and_reload(browser: Any, urls: Urls, data_dir: Path, plan: PhonePlan) -> dict[str, Any]:
    async with _proxies(urls, SLOW_3G) as (proxy,):
        page = await _phone(browser, proxy)
        url = _phone_url(proxy, urls)
        try:
            first = await _timed_open(page, lambda: page.goto(url, wait_until="commit"), proxy)
            again = await _timed_open(page, lambda: page.reload(wait_until="commit"), proxy)
            await page.goto("about:blank")
            back = await _timed_open(page, lambda: page.go_back(wait_until="commit"), proxy)
        finally:
            await page.context.close()
    found: dict[str, Any] = {}
    for name, figures in (("first", first), ("reload", again), ("back", back)):
        found.update({f"{name}_{key}": value for key, value in figures.items()})
    return found


async def _crowd(browser: Any, urls: Urls, data_dir: Path, plan: PhonePlan) -> dict[str, Any]:
    """Every phone opens the page at the same moment. Two times per phone: until the page is usable and live in
    this machine's Chromium (every phone's page shares its CPU, unlike a hall's phones), and until the network
    has delivered everything the phone received (the page and its first view), which is the hall's own share."""
    async with _proxies(urls, HALL_1MBIT, plan.crowd) as proxies:
        pages = [await _phone(browser, proxy) for proxy in proxies]
        await asyncio.sleep(1.0)  # the machine settles after starting the browsers
        for proxy in proxies:
            proxy.reset_counts()
        start = time.monotonic()
        received: list[list[tuple[float, int]]] = [[] for _ in proxies]

        async def watch() -> None:
            while True:
                now = time.monotonic() - start
                for seen, proxy in zip(received, proxies, strict=True):
                    if not seen or seen[-1][1] != proxy.bytes_down:
                        seen.append((now, proxy.bytes_down))
                await asyncio.sleep(0.02)

        watcher = asyncio.create_task(watch())

        async def one(page: Any, proxy: ShapingProxy) -> float:
            await page.goto(_phone_url(proxy, urls), wait_until="commit", timeout=180_000)
            await page.wait_for_selector(ANSWER_BOX, state="visible", timeout=180_000)
            await page.wait_for_selector(LIVE, timeout=180_000)
            return time.monotonic() - start

        try:
            times = await asyncio.gather(
                *(one(page, proxy) for page, proxy in zip(pages, proxies, strict=True))
            )
            await asyncio.sleep(2.0)
            per_phone = [proxy.bytes / 1000 for proxy in proxies]
        finally:
            watcher.cancel()
            for page in pages:
                await page.context.close()
    # Delivered: when the phone had all but the last 100 bytes it ever got (a heartbeat may come later).
    delivered = [next(t for t, n in seen if n >= seen[-1][1] - 100) for seen in received if seen]
    return {
        "crowd_phones": len(times),
        "crowd_median_s": statistics.median(times),
        "crowd_max_s": max(times),
        "crowd_delivered_median_s": statistics.median(delivered) if delivered else float("nan"),
        "crowd_kb_per_phone": statistics.mean(per_phone),
        "crowd_load_average": os.getloadavg()[0],  # the machine's CPU is every page's: a busy one adds
    }


async def _outage(browser: Any, urls: Urls, data_dir: Path, plan: PhonePlan) -> dict[str, Any]:
    """The phone is live on good Wi-Fi; the path dies; 5 s later the parent sends an answer; after
    `outage_seconds` the path returns. Seconds from then until the answer is stored, and how many copies."""
    marker = f"Antwoord tijdens de storing {int(time.time())}"
    async with _proxies(urls, WIFI) as (proxy,):
        page = await _phone(browser, proxy)
        try:
            await page.goto(_phone_url(proxy, urls))
            await page.wait_for_selector(LIVE, timeout=60_000)
            await page.wait_for_selector(ANSWER_BOX, state="visible", timeout=60_000)
            await asyncio.sleep(1.0)
            proxy.set_path("dead")
            await asyncio.sleep(5.0)
            await page.fill(ANSWER_BOX, marker)
            await page.click("#open-form button[type=submit]")
            await asyncio.sleep(max(0.0, plan.outage_seconds - 5.0))
            proxy.set_path("up")
            back = time.monotonic()
            stored_after = None
            while time.monotonic() - back < OUTAGE_WAIT:
                if _stored(data_dir, marker) > 0:
                    stored_after = time.monotonic() - back
                    break
                await asyncio.sleep(0.2)
            await asyncio.sleep(3.0)  # a late duplicate would show up here
            copies = _stored(data_dir, marker)
        finally:
            await page.context.close()
    return {
        "outage_s": plan.outage_seconds,
        "outage_back_s": stored_after if stored_after is not None else float("inf"),
        "outage_copies": copies,
    }


def _stored(data_dir: Path, text: str) -> int:
    """How many contributions in the hub's database carry `text`."""
    path = data_dir / "kiosk.sqlite3"
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute(
            "SELECT count(*) FROM events WHERE type='contribution/add' AND data LIKE ?", (f"%{text}%",)
        ).fetchone()
        return int(row[0])
    except sqlite3.Error:
        return 0
    finally:
        db.close()
