"""The hostile room, measured: each attack of issue 21 against a real `kiosk serve`, from its own addresses.

Every probe starts its own kiosk (this checkout, or another one with `checkout`, to compare side by side), plays
the attacker from 127.0.0.2 and the hall, the remote and a returning phone from addresses of their own, and
returns what it saw as figures. `kiosk bench --hostile` prints them; tests/faults/ asserts on them.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from kiosk.bench.hostile_client import Refused, Talk, outcome, raw_http, status_of
from kiosk.bench.server import ServerProcess, Urls, hub_command, kiosk_command, start_server

ATTACKER = "127.0.0.2"
REMOTE = "127.0.0.4"
RETURNING = "127.0.0.5"
HONEST = "127.0.0.9"
Figures = dict[str, Any]


def _under(command: list[str], stderr: Path, ulimit: str | None = None) -> list[str]:
    """The command with its stderr in a file, and a laptop's open-file limit when asked."""
    limit = f"ulimit {ulimit} && " if ulimit else ""
    return ["sh", "-c", f'{limit}exec "$@" 2>"{stderr}"', "kiosk", *command]


async def serve_kiosk(folder: Path, checkout: Path | None, ulimit: str | None = None) -> ServerProcess:
    folder.mkdir(parents=True, exist_ok=True)
    return await start_server(_under(hub_command(folder, checkout=checkout), folder / "stderr.txt", ulimit))


def _phone(urls: Urls, device: str, lang: str = "nl") -> dict[str, Any]:
    return {"role": "phone", "room": urls.room, "device": device, "lang": lang}


def _remote(urls: Urls) -> dict[str, Any]:
    return {"role": "remote", "token": urls.remote_token, "lang": "en"}


async def join_as_phone(urls: Urls, device: str, source: str, role: str = "parent") -> Talk:
    talk = await Talk.open(urls.ws, _phone(urls, device), source)
    answer = await talk.command("device/join", role=role)
    if answer.get("type") != "ack":
        await talk.close()
        raise Refused(outcome(answer))
    return talk


async def remote_in_dialogue(urls: Urls) -> Talk:
    remote = await Talk.open(urls.ws, _remote(urls), REMOTE)
    await remote.command("block/jump", index=3)
    return remote


async def _in_or_code(opening: Awaitable[Talk]) -> tuple[str, Talk | None]:
    try:
        return "in", await opening
    except Refused as refused:
        return refused.code, None


def _events(folder: Path, kind: str | None = None) -> int:
    db = sqlite3.connect(f"file:{folder / 'kiosk.sqlite3'}?mode=ro", uri=True)
    try:
        if kind is None:
            return int(db.execute("SELECT count(*) FROM events").fetchone()[0])
        return int(db.execute("SELECT count(*) FROM events WHERE type=?", (kind,)).fetchone()[0])
    finally:
        db.close()


def _database_size(folder: Path) -> int:
    """The database file's size once everything in its write-ahead log is in it (as after a stop)."""
    db = sqlite3.connect(folder / "kiosk.sqlite3", timeout=10)
    try:
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        db.close()
    return (folder / "kiosk.sqlite3").stat().st_size


async def _gather_limited(jobs: Sequence[Callable[[], Awaitable[Any]]], at_once: int) -> list[Any]:
    gate = asyncio.Semaphore(at_once)

    async def one(job: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await job()

    return await asyncio.gather(*(one(job) for job in jobs))


async def device_flood(
    root: Path, checkout: Path | None = None, sockets: int = 800, files: int = 640
) -> Figures:
    """One phone takes part, then reuses its device id for every new socket, on a laptop of `files` open files;
    then 20 new phones from 20 addresses, the remote and a phone coming back from a locked screen try to get in."""
    server = await serve_kiosk(root, checkout, f"-n {files}")
    urls = server.urls
    try:
        returning = await join_as_phone(urls, "returning-phone-01", RETURNING)
        await returning.close()  # its screen locks
        held = [await join_as_phone(urls, "flooding-phone-01", ATTACKER)]
        started = time.monotonic()
        codes: Counter[str] = Counter()

        async def reuse() -> None:
            code, talk = await _in_or_code(Talk.open(urls.ws, _phone(urls, "flooding-phone-01"), ATTACKER))
            codes[code] += 1
            if talk is not None:
                held.append(talk)

        await _gather_limited([reuse for _ in range(sockets)], 50)
        seconds = time.monotonic() - started
        await asyncio.sleep(0.5)
        still_open = sum(1 for talk in held if talk.open_now)
        hall: Counter[str] = Counter()
        for n in range(20):
            try:
                await join_as_phone(urls, f"hall-phone-{n:02d}", f"127.0.0.{10 + n}")
                hall["in"] += 1
            except Refused as refused:
                hall[refused.code] += 1
        remote, _ = await _in_or_code(Talk.open(urls.ws, _remote(urls), REMOTE))
        back, _ = await _in_or_code(Talk.open(urls.ws, _phone(urls, "returning-phone-01"), RETURNING))
    finally:
        await server.stop()
    return {
        "sockets tried with one device id": sockets,
        "attack seconds": round(seconds, 1),
        "attacker sockets still open": still_open,
        "attack answered": dict(codes),
        "new phones from 20 addresses in": hall["in"],
        "new phones refused": dict(hall - Counter({"in": hall["in"]})),
        "remote": remote,
        "returning phone": back,
    }


async def export_while_serving(root: Path, checkout: Path | None = None) -> Figures:
    """`kiosk export --for parents` (md and pdf) while `kiosk serve` holds the evening; then a phone's answer and
    a remote command, at once and five seconds later."""
    folder = root / "data"
    server = await serve_kiosk(folder, checkout)
    urls = server.urls
    figures: Figures = {}
    try:
        remote = await remote_in_dialogue(urls)
        phone = await join_as_phone(urls, "answering-phone-01", HONEST)
        figures["answer before export"] = outcome(
            await phone.command("contribution/add", id="c-0", text="Goed")
        )
        notes = []
        for fmt in ("md", "pdf"):
            letter = root / f"brief.{fmt}"
            args = [
                "export",
                "--data-dir",
                str(folder),
                "--for",
                "parents",
                "--format",
                fmt,
                "-o",
                str(letter),
            ]
            proc = await asyncio.create_subprocess_exec(
                *kiosk_command(args, checkout),
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.PIPE,
            )
            _, err = await proc.communicate()
            notes.append(f"{fmt}: exit {proc.returncode}")
            figures[f"{fmt} file mode"] = oct(letter.stat().st_mode & 0o777) if letter.exists() else "missing"
            figures[f"{fmt} export said"] = (err.decode(errors="replace").strip().splitlines() or [""])[0][
                :90
            ]
        figures["exports"] = ", ".join(notes)
        figures["answer after export"] = outcome(
            await phone.command("contribution/add", id="c-1", text="Fijn")
        )
        figures["remote command after export"] = outcome(
            await remote.command("settings/auto_approve", on=True)
        )
        await asyncio.sleep(5)
        figures["answer 5 s later"] = outcome(await phone.command("contribution/add", id="c-2", text="Dank"))
        figures["remote command 5 s later"] = outcome(await remote.command("settings/auto_approve", on=False))
        figures["letters remembered"] = _events(folder, "letter/exported")
    finally:
        await server.stop()
    hub_said = (folder / "stderr.txt").read_text(errors="replace").splitlines()
    figures["hub said"] = [
        line[:100] for line in hub_said if "kiosk" in line.lower() or "stor" in line.lower()
    ][:3]
    return figures


async def question_flood(root: Path, checkout: Path | None = None, addresses: int = 34) -> Figures:
    """Each of `addresses` networks asks as many questions as it may at once (6 phones, 10 questions each);
    then an honest phone on another network asks one."""
    server = await serve_kiosk(root, checkout)
    urls = server.urls
    codes: Counter[str] = Counter()
    try:
        started = time.monotonic()

        async def network(n: int) -> None:
            source = f"127.0.2.{n + 1}"
            for p in range(6):
                try:
                    talk = await join_as_phone(urls, f"asker-{n:02d}-{p}", source)
                except Refused as refused:
                    codes[f"join {refused.code}"] += 1
                    continue
                await asyncio.sleep(0.3)  # the join took one of the phone's 10 messages at once
                answers = await asyncio.gather(
                    *(
                        talk.command("question/add", id=f"q-{n}-{p}-{q}", text=f"Vraag {n} {p} {q}")
                        for q in range(10)
                    )
                )
                codes.update(outcome(a) for a in answers)

        await asyncio.gather(*(network(n) for n in range(addresses)))
        seconds = time.monotonic() - started
        honest = await join_as_phone(urls, "honest-asker-01", HONEST)
        asked = outcome(await honest.command("question/add", id="q-honest", text="Komt er een schoolfeest?"))
    finally:
        await server.stop()
    return {
        "networks": addresses,
        "questions stored": codes["ack"],
        "refused": dict(codes - Counter({"ack": codes["ack"]})),
        "seconds": round(seconds, 1),
        "honest phone's question": asked,
    }


async def change_flood(
    root: Path, checkout: Path | None = None, sockets: int = 150, seconds: float = 60
) -> Figures:
    """`sockets` phones on one address flip their role between parent and staff as fast as they may, while an
    honest phone on its own address answers twice a second; the database's growth and the honest acks."""
    folder = root / "data"
    server = await serve_kiosk(folder, checkout)
    urls = server.urls
    acks: list[float] = []
    answered: Counter[str] = Counter()
    try:
        remote = await remote_in_dialogue(urls)
        await remote.command("settings/auto_approve", on=True)
        honest = await join_as_phone(urls, "honest-phone-01", HONEST)
        joins = [partial(join_as_phone, urls, f"flipper-{n:03d}", ATTACKER) for n in range(sockets)]
        flippers: list[Talk] = await _gather_limited(joins, 50)  # under the 128 sockets waiting per address
        stop = asyncio.Event()

        async def flip(talk: Talk) -> None:
            roles = ("staff", "parent")
            n = 0
            while not stop.is_set():
                answer = await talk.command("device/join", role=roles[n % 2])
                answered[outcome(answer)] += 1
                n += 1
                await asyncio.sleep(0.21)  # just under a phone's 5 messages a second

        async def answer_honestly() -> None:
            n = 0
            while not stop.is_set():
                sent = time.monotonic()
                reply = await honest.command(
                    "contribution/add", id=f"honest-{n}", text=f"Eerlijk antwoord {n}"
                )
                if reply.get("type") == "ack":
                    acks.append(time.monotonic() - sent)
                n += 1
                await asyncio.sleep(0.5)

        events_before, disk_before = _events(folder), _database_size(folder)
        tasks = [asyncio.create_task(flip(t)) for t in flippers] + [asyncio.create_task(answer_honestly())]
        await asyncio.sleep(seconds)
        stop.set()
        await asyncio.gather(*tasks)
        events_after = _events(folder)
    finally:
        await server.stop()
    disk_after = _database_size(folder)
    per_minute = 60.0 / seconds
    acks.sort()
    return {
        "flipping phones": sockets,
        "seconds": seconds,
        "flips answered": dict(answered),
        "events stored": events_after - events_before,
        "events stored a minute": round((events_after - events_before) * per_minute),
        "database growth MB a minute": round((disk_after - disk_before) * per_minute / 1e6, 2),
        "honest acks": len(acks),
        "honest ack p50 ms": round(1000 * acks[len(acks) // 2], 1) if acks else None,
        "honest ack p99 ms": round(1000 * acks[min(len(acks) - 1, int(len(acks) * 0.99))], 1)
        if acks
        else None,
    }


async def first_views(root: Path, checkout: Path | None = None) -> Figures:
    """Answers and questions of four-byte characters, as long as the kiosk takes them: 400 waiting answers, then
    with auto-approve and recognition open 400 shown ones and 80 questions; how big is each first view?"""
    server = await serve_kiosk(root, checkout)
    urls = server.urls
    figures: Figures = {}
    try:
        remote = await remote_in_dialogue(urls)
        probe = await join_as_phone(urls, "longest-text-01", ATTACKER)
        longest = "😀" * 500
        if outcome(await probe.command("contribution/add", id="probe-500", text=longest)) != "ack":
            longest = "😀" * 250
        figures["longest answer taken (characters, bytes)"] = (len(longest), len(longest.encode()))
        phones = [await join_as_phone(urls, f"emoji-{n:02d}", f"127.0.3.{n % 10 + 1}") for n in range(40)]

        async def say(talk: Talk, n: int, start: int) -> None:
            for k in range(start, start + 10):
                await talk.command("contribution/add", id=f"e-{n}-{k}", text=longest)
                await asyncio.sleep(0.21)  # within a phone's 5 messages a second

        await asyncio.gather(*(say(t, n, 0) for n, t in enumerate(phones)))
        figures["remote first view KiB (400 waiting)"] = round(
            (await _weigh(urls, _remote(urls), REMOTE)) / 1024, 1
        )
        await remote.command("settings/auto_approve", on=True)
        await remote.command("prompt/recognition", open=True)
        shown = [
            await join_as_phone(urls, f"emoji-shown-{n:02d}", f"127.0.3.{n % 10 + 11}") for n in range(40)
        ]
        await asyncio.gather(*(say(t, n, 10) for n, t in enumerate(shown)))  # others: 10 wait per phone
        for n, talk in enumerate(shown):
            for k in range(2):
                await talk.command("question/add", id=f"eq-{n}-{k}", text=longest)
                await asyncio.sleep(0.21)
        await asyncio.sleep(1.5)
        figures["phone first view KiB"] = round(
            (await _weigh(urls, _phone(urls, "newcomer-01"), HONEST)) / 1024, 1
        )
        display = {"role": "display", "token": urls.display_token, "lang": "en"}
        figures["projector first view KiB"] = round((await _weigh(urls, display, REMOTE)) / 1024, 1)
        figures["remote first view KiB (and 400 shown)"] = round(
            (await _weigh(urls, _remote(urls), REMOTE)) / 1024, 1
        )
    finally:
        await server.stop()
    return figures


async def _weigh(urls: Urls, hello: dict[str, Any], source: str) -> int:
    talk = await Talk.open(urls.ws, hello, source)
    await talk.close()
    return talk.first_view


async def small_holes(root: Path, checkout: Path | None = None) -> Figures:
    """DNS rebinding, a method with a body, NaN in `ref`."""
    server = await serve_kiosk(root, checkout)
    urls = server.urls
    host, port = urls.host, urls.port
    try:
        rebound = await asyncio.to_thread(
            raw_http,
            host,
            port,
            f"GET /ws HTTP/1.1\r\nHost: evil.example:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://evil.example:{port}\r\n\r\n".encode(),
        )
        body = b'{"text": "spam"}' * 100
        posted = await asyncio.to_thread(
            raw_http,
            host,
            port,
            f"POST /join HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body,
        )
        talk = await Talk.open(urls.ws, _phone(urls, "nan-phone-01"), ATTACKER)
        await talk.ws.send('{"type": "ping", "ref": NaN}')
        await asyncio.sleep(0.5)
        raw = talk.last_frame
        nan = ("invalid JSON echoed: " if "NaN" in raw else "refused: ") + raw[:50]
    finally:
        await server.stop()
    return {
        "rebinding (Host and Origin evil.example)": status_of(rebound),
        "POST with a body": status_of(posted),
        "NaN in ref": nan,
    }
