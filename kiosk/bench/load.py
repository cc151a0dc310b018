"""One load run against one server: connect the screens and N phones, send at a rate, measure."""

from __future__ import annotations

import asyncio
import json
import math
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.bench.measure import cpu_seconds, percentile, rss_bytes
from kiosk.bench.screens import Screen
from kiosk.bench.server import ServerFailed, ServerProcess, Urls, start_server

PHONES_PER_WORKER = 1500
SETTLE_SECONDS = 2.0


@dataclass
class LoadPlan:
    """How hard to push: phones, contributions per second, seconds of sending, worker processes."""

    phones: int
    rate: float
    duration: float
    workers: int = 0  # 0: one per PHONES_PER_WORKER phones

    def worker_count(self) -> int:
        return self.workers or max(1, math.ceil(self.phones / PHONES_PER_WORKER))


@dataclass
class LoadResult:
    """What one run measured; times in seconds, memory in bytes."""

    target: str
    phones_connected: int = 0
    phones_failed: int = 0
    connect_seconds: float = 0.0
    rss_idle_base: int = 0
    rss_idle_phones: int = 0
    sent: int = 0
    acked: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    stored: int | None = None
    lost: int | None = None  # acknowledged but not in the database
    ack_latencies: list[float] = field(default_factory=list, repr=False)
    projector_latencies: list[float] = field(default_factory=list, repr=False)
    remote_latencies: list[float] = field(default_factory=list, repr=False)
    send_seconds: float = 0.0
    cpu_send: float = 0.0
    disconnected: int = 0
    acked_ids: set[str] = field(default_factory=set, repr=False)
    phone_bytes: list[int] = field(default_factory=list, repr=False)  # what each phone received while sending

    @property
    def rss_per_phone(self) -> float | None:
        if not self.phones_connected:
            return None
        return (self.rss_idle_phones - self.rss_idle_base) / self.phones_connected

    @property
    def stored_per_second(self) -> float | None:
        return None if self.stored is None or not self.send_seconds else self.stored / self.send_seconds

    def summary(self) -> dict[str, Any]:
        def ms(values: list[float], q: float) -> float | None:
            p = percentile(values, q)
            return None if p is None else round(p * 1000, 2)

        return {
            "target": self.target,
            "phones_connected": self.phones_connected,
            "phones_failed": self.phones_failed,
            "connect_seconds": round(self.connect_seconds, 3),
            "sent": self.sent,
            "acked": self.acked,
            "errors": self.errors,
            "stored": self.stored,
            "lost": self.lost,
            "stored_per_second": None if self.stored_per_second is None else round(self.stored_per_second, 1),
            "ack_ms_p50": ms(self.ack_latencies, 0.5),
            "ack_ms_p99": ms(self.ack_latencies, 0.99),
            "projector_ms_p50": ms(self.projector_latencies, 0.5),
            "projector_ms_p99": ms(self.projector_latencies, 0.99),
            "projector_seen": len(self.projector_latencies),
            "remote_ms_p50": ms(self.remote_latencies, 0.5),
            "remote_ms_p99": ms(self.remote_latencies, 0.99),
            "remote_seen": len(self.remote_latencies),
            "cpu_send_seconds": round(self.cpu_send, 3),
            "send_seconds": round(self.send_seconds, 3),
            "rss_base_bytes": self.rss_idle_base,
            "rss_with_phones_bytes": self.rss_idle_phones,
            "rss_per_phone_bytes": None if self.rss_per_phone is None else round(self.rss_per_phone),
            "disconnected_during_send": self.disconnected,
            "phone_bytes_mean": round(sum(self.phone_bytes) / len(self.phone_bytes))
            if self.phone_bytes
            else None,
        }


class Worker:
    """A `kiosk.bench.phones` process and its JSON-line conversation."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls, ws: str, room: str, count: int, index: int) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "kiosk.bench.phones",
            "--ws",
            ws,
            "--room",
            room,
            "--count",
            str(count),
            "--worker",
            str(index),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=64 * 1024 * 1024,
        )
        return cls(proc)

    async def tell(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(command) + "\n").encode())
        await self.proc.stdin.drain()

    async def hear(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
        if not line:
            raise RuntimeError(f"phone worker {self.proc.pid} ended unexpectedly")
        message: dict[str, Any] = json.loads(line)
        return message

    async def finish(self) -> None:
        if self.proc.returncode is None:
            try:
                await self.tell(cmd="close")
                await asyncio.wait_for(self.proc.wait(), 30)
            except (TimeoutError, ConnectionError):
                self.proc.kill()
                await self.proc.wait()


def shares(total: int, parts: int) -> list[int]:
    """`total` split over `parts` as evenly as whole numbers allow."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def first_open_prompt() -> tuple[int, str]:
    """The block and id of the shipped evening's first open question."""
    from kiosk.agenda.parser import load_agenda
    from kiosk.resources import default_agenda_path

    for block in load_agenda(default_agenda_path()).blocks:
        for prompt in block.prompts:
            if prompt.kind == "open":
                return block.index, prompt.id
    raise RuntimeError("the shipped evening has no open question")


def count_stored(data_dir: Path, ids: set[str]) -> tuple[int, int]:
    """Contributions stored in the database, and how many of `ids` are missing from it."""
    db = sqlite3.connect(f"file:{data_dir / 'kiosk.sqlite3'}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT data FROM events WHERE type='contribution/add'").fetchall()
    finally:
        db.close()
    stored = {json.loads(data)["id"] for (data,) in rows}
    return len(rows), len(ids - stored)


async def settle(pid: int, seconds: float = SETTLE_SECONDS) -> int:
    await asyncio.sleep(seconds)
    return rss_bytes(pid)


async def run_load(
    target: str,
    command: list[str],
    plan: LoadPlan,
    data_dir: Path | None,
    *,
    wait_for: str | None = None,
    wait_seconds: float = 0.0,
) -> LoadResult:
    """Start the server, load it, stop it; `data_dir` is where a hub stores its evening (None: nothing stored).
    With `wait_for`, the load starts once the server said that line on stderr (the full name check is ready)."""
    result = LoadResult(target)
    server = await start_server(command)
    if wait_for is not None and not await server.heard(wait_for, wait_seconds):
        await server.stop()
        raise ServerFailed(f"{target} did not say {wait_for!r} within {wait_seconds:.0f} s")
    workers: list[Worker] = []
    screens: list[Screen] = []
    try:
        await _drive(server, plan, result, workers, screens)
    finally:
        for worker in workers:
            await worker.finish()
        for screen in screens:
            await screen.close()
        await server.stop()
    if data_dir is not None:
        result.stored, result.lost = count_stored(data_dir, result.acked_ids)
    return result


async def open_remote(urls: Urls) -> Screen:
    """The facilitator's remote, with the first open question of the evening open and auto-approve on."""
    remote = await Screen.connect(urls.ws, "remote", urls.remote_token)
    block, prompt = first_open_prompt()
    for kind, data in (
        ("settings/auto_approve", {"on": True}),
        ("block/jump", {"index": block}),
        ("prompt/open", {"prompt": prompt}),
    ):
        answer = await remote.command(kind, **data)
        if answer.get("type") != "ack":
            raise RuntimeError(f"the remote's {kind} was refused: {answer}")
    return remote


async def _drive(
    server: ServerProcess, plan: LoadPlan, result: LoadResult, workers: list[Worker], screens: list[Screen]
) -> None:
    urls = server.urls
    remote = await open_remote(urls)
    screens.append(remote)
    projector = await Screen.connect(urls.ws, "display", urls.display_token)
    screens.append(projector)
    result.rss_idle_base = await settle(server.pid)

    count = plan.worker_count()
    for index, share in enumerate(shares(plan.phones, count)):
        workers.append(await Worker.start(urls.ws, urls.room, share, index))
    for worker in workers:
        report = await worker.hear(timeout=300)
        result.phones_connected += report["ok"]
        result.phones_failed += report["failed"]
        # Each worker times its own connects, so Python's start-up in the worker is not counted.
        result.connect_seconds = max(result.connect_seconds, report["seconds"])
        for key, n in report["errors"].items():
            result.errors[f"connect: {key}"] = result.errors.get(f"connect: {key}", 0) + n
    result.rss_idle_phones = await settle(server.pid)

    cpu_before = cpu_seconds(server.pid)
    start = time.monotonic() + 0.5
    for worker in workers:
        await worker.tell(cmd="send", rate=plan.rate / count, duration=plan.duration, start=start)
    records: list[list[Any]] = []
    for worker in workers:
        report = await worker.hear(timeout=plan.duration + 120)
        records += report["records"]
        result.disconnected += report["disconnected"]
        result.phone_bytes += report.get("bytes", [])
    acked = {r[0]: r[1] for r in records if r[2] is not None and r[3] is None}
    await remote.wait_seen(set(acked), timeout=10)
    result.cpu_send = cpu_seconds(server.pid) - cpu_before
    result.send_seconds = plan.duration
    result.sent = len(records)
    result.acked = len(acked)
    for cid, sent_at, acked_at, error in records:
        if error is not None:
            result.errors[error] = result.errors.get(error, 0) + 1
        elif acked_at is None:
            result.errors["no answer"] = result.errors.get("no answer", 0) + 1
        else:
            result.ack_latencies.append(acked_at - sent_at)
    result.projector_latencies = [
        projector.first_seen[c] - t for c, t in acked.items() if c in projector.first_seen
    ]
    result.remote_latencies = [remote.first_seen[c] - t for c, t in acked.items() if c in remote.first_seen]
    result.acked_ids = set(acked)
