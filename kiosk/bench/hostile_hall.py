"""What 500 phones behind one address (a school's NAT) need: the page's files, a connection each, a locked
screen now and then. Part of `kiosk bench --hostile`; the fault tests run it smaller."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

from kiosk.bench.hostile import Figures, join_as_phone, serve_kiosk
from kiosk.bench.hostile_client import Refused, Talk


async def nat_hall(
    root: Path, checkout: Path | None = None, phones: int = 500, spread: float = 30.0
) -> Figures:
    """`phones` phones behind one address (a school's NAT) load the page and join within `spread` seconds (a
    phone told to wait tries again, as the page does), stay, and a tenth lock their screen and come back: how
    many connections does that address hold at its peak?"""
    server = await serve_kiosk(root, checkout)
    urls = server.urls
    nat = "127.0.0.3"
    files = _page_files()
    talks: list[Talk] = []
    loading = [0]
    opened: list[float] = []  # when each connection from the address was opened
    peak = {"all": 0, "sockets": 0, "loading": 0}
    got: Counter[str] = Counter()
    done = asyncio.Event()

    async def sample() -> None:
        while not done.is_set():
            live = sum(1 for t in talks if t.open_now)
            peak["sockets"] = max(peak["sockets"], live)
            peak["all"] = max(peak["all"], live + loading[0])
            peak["loading"] = max(peak["loading"], loading[0])
            await asyncio.sleep(0.05)

    async def get(path: str) -> None:
        loading[0] += 1
        opened.append(time.monotonic())
        try:
            reader, writer = await asyncio.open_connection(urls.host, urls.port, local_addr=(nat, 0))
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {urls.host}:{urls.port}\r\n\r\n".encode())
            await reader.read()
            writer.close()
        except OSError:
            got["page request failed"] += 1
        finally:
            loading[0] -= 1

    async def join(device: str) -> bool:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            opened.append(time.monotonic())
            try:
                talks.append(await join_as_phone(urls, device, nat))
                return True
            except Refused as refused:
                got[f"told {refused.code}"] += 1
                await asyncio.sleep(2.0)  # the page waits and tries again
        return False

    async def phone(n: int) -> None:
        await asyncio.sleep(spread * n / phones)
        gate = asyncio.Semaphore(6)  # a browser's connections per host

        async def fetch(path: str) -> None:
            async with gate:
                await get(path)

        await asyncio.gather(*(fetch(p) for p in [f"/join?room={urls.room}", *files]))
        if not await join(f"nat-phone-{n:03d}"):
            return
        got["in"] += 1
        if n % 10 == 0:  # its screen locks; when it wakes, the page opens a new connection
            await asyncio.sleep(3.0)
            if await join(f"nat-phone-{n:03d}"):
                got["back in"] += 1

    sampler = asyncio.create_task(sample())
    try:
        started = time.monotonic()
        await asyncio.gather(*(phone(n) for n in range(phones)))
        seconds = time.monotonic() - started
        await asyncio.sleep(1.0)
    finally:
        done.set()
        await sampler
        await asyncio.gather(*(t.close() for t in talks), return_exceptions=True)
        await server.stop()
    return {
        "phones behind one address": phones,
        "joined": got["in"],
        "came back after a locked screen": got["back in"],
        "told to wait or refused (then tried again)": dict(
            got - Counter({"in": got["in"], "back in": got["back in"]})
        ),
        "peak WebSockets from the address": peak["sockets"],
        "peak connections from the address (with page loads)": peak["all"],
        "peak page requests in flight": peak["loading"],
        "connections opened, busiest second": max(Counter(int(t) for t in opened).values(), default=0),
        "connections opened in all": len(opened),
        "seconds": round(seconds, 1),
    }


def _page_files() -> list[str]:
    """What a phone's browser fetches for the page: its styles, its scripts and their imports, its words."""
    from kiosk.resources import web_dir

    web = web_dir()
    html = (web / "phone.html").read_text(encoding="utf-8")
    found = [
        part.split('"')[0]
        for marker in ('href="', 'src="')
        for part in html.split(marker)[1:]
        if part.startswith("/static/")
    ]
    scripts = ["phone.js"]
    seen: set[str] = set()
    while scripts:
        name = scripts.pop()
        if name in seen:
            continue
        seen.add(name)
        source = (web / "js" / name).read_text(encoding="utf-8")
        scripts += [line.split('"./')[1].split('"')[0] for line in source.splitlines() if 'from "./' in line]
    return sorted(
        set(found) | {f"/static/js/{s}" for s in seen} | {"/static/i18n/nl.json", "/languages.json"}
    )
