"""Simulated phones in a worker process, steered by JSON lines on stdin, reporting JSON lines on stdout.

`python -m kiosk.bench.phones --ws URL --room CODE --count N --worker W` connects N phones (each says hello
and waits for its state/reset), prints {"event": "ready", ...}, then on {"cmd": "send", "rate": R,
"duration": S, "start": T} sends contributions at R per second from random phones of its own, starting at
monotonic time T, and prints {"event": "sent", "records": [[id, sent_at, acked_at, error], ...]} once every
message was answered (or the drain time ran out). {"cmd": "close"} closes the phones and ends the process.

The hall scenario (kiosk/bench/hall.py) adds: {"cmd": "answer", "count": K, "spacing": S, "tail": bool} (K of
this worker's phones, from the first or the last, each send one answer, S seconds apart; prints "answered" with
the records and [id, device] of each), {"cmd": "recognise", "ids": [...], "per_phone": R, "duration": D,
"start": T} (each phone recognises R of the ids, not its own, at random moments within D seconds; prints
"recognised" with records [ref, sent_at, acked_at, error, id]), {"cmd": "mark"} (count bytes from now) and
{"cmd": "bytes"} (prints the bytes and frames each phone received since the mark). "ask" and "upvote" take the
arguments of "answer" and "recognise" and do the same with questions to the school.
Every phone counts what it receives (frame headers and payloads), also the frames it does not read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from typing import Any
from urllib.parse import urlsplit

from kiosk.bench.wire import WireClient, open_wire

# Neutral sentences: no digits, titles or swear words, so moderation lets them straight through.
SENTENCES = (
    "De school is goed bereikbaar en de leerkrachten luisteren",
    "Ik hoor graag eerder wanneer het thuis anders moet",
    "Een gesprek aan het begin van het jaar helpt ons echt",
    "Wij willen meer weten over wat er in de klas gebeurt",
    "Het rapport komt vaak te laat om nog iets te doen",
    "Ouders en school mogen elkaar vaker gewoon bellen",
)
CONNECT_CONCURRENCY = 64
DRAIN_SECONDS = 15.0


class Phone:
    """One simulated phone: ready after its state/reset; matches acks to the messages it sent."""

    def __init__(self, device: str, records: dict[str, list[Any]]) -> None:
        self.device = device
        self.records = records
        self.ready = asyncio.get_running_loop().create_future()
        self.waiting: set[str] = set()  # refs sent and not answered yet
        self.client: WireClient | None = None
        self.own: set[str] = set()  # ids of the answers this phone wrote
        self.mark = (0, 0)  # received bytes and frames when counting started

    def send(self, ref: str, message: dict[str, Any], record: list[Any]) -> None:
        self.records[ref] = record
        self.waiting.add(ref)
        assert self.client is not None
        self.client.send_text(json.dumps({"ref": ref, **message}))

    @property
    def alive(self) -> bool:
        return self.client is not None and not self.client.closed.done()

    def since_mark(self) -> tuple[int, int]:
        if self.client is None:
            return (0, 0)
        return (self.client.received_bytes - self.mark[0], self.client.received_frames - self.mark[1])

    def start_counting(self) -> None:
        if self.client is not None:
            self.mark = (self.client.received_bytes, self.client.received_frames)

    def on_text(self, payload: bytes) -> None:
        if not self.ready.done():
            if b'"state/reset"' in payload:
                self.ready.set_result(None)
            elif b'"error"' in payload:
                self.ready.set_exception(RuntimeError(_code(payload)))
            return
        if not self.waiting or (b'"ack"' not in payload and b'"error"' not in payload):
            return  # a broadcast: dropped unread, like a phone in a pocket
        message = json.loads(payload)
        ref = message.get("ref")
        if message.get("type") in ("ack", "error") and ref in self.waiting:
            self.waiting.discard(ref)
            record = self.records[ref]
            record[2] = time.monotonic()
            record[3] = message.get("code") if message["type"] == "error" else None


def _code(payload: bytes) -> str:
    try:
        return str(json.loads(payload).get("code"))
    except ValueError:
        return "unreadable"


async def connect_phones(
    url: str, room: str, count: int, worker: int, records: dict[str, list[Any]]
) -> dict[str, Any]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    phones: list[Phone] = []
    errors: dict[str, int] = {}

    async def one(index: int) -> None:
        phone = Phone(f"bench-{worker:02d}-{index:05d}", records)
        async with gate:
            try:
                phone.client = await open_wire(host, port, parts.path or "/ws", phone.on_text)
                hello = {"type": "hello", "role": "phone", "room": room, "device": phone.device, "lang": "nl"}
                phone.client.send_text(json.dumps(hello))
                await asyncio.wait_for(phone.ready, 30)
                phones.append(phone)
            except (OSError, RuntimeError, TimeoutError, ConnectionError) as exc:
                key = type(exc).__name__ + (f": {exc}" if str(exc) else "")
                errors[key] = errors.get(key, 0) + 1

    started = time.monotonic()
    await asyncio.gather(*(one(i) for i in range(count)))
    report = {
        "event": "ready",
        "ok": len(phones),
        "failed": count - len(phones),
        "errors": errors,
        "seconds": time.monotonic() - started,
    }
    return {"phones": phones, "report": report}


async def send_phase(
    phones: list[Phone],
    worker: int,
    rate: float,
    duration: float,
    start: float,
    records: dict[str, list[Any]],
) -> None:
    total = int(rate * duration)
    rng = random.Random(worker)
    for i in range(total):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        alive = [p for p in rng.sample(phones, min(3, len(phones))) if p.alive]
        if not alive:
            continue
        phone = alive[0]
        ref = cid = f"w{worker}n{i}"
        text = f"{rng.choice(SENTENCES)} ({''.join(rng.choices('abcdefghjkmnpqrstuvwxyz', k=6))})"
        phone.send(
            ref, {"type": "contribution/add", "id": cid, "text": text}, [cid, time.monotonic(), None, None]
        )
    await drain(phones)


async def drain(phones: list[Phone]) -> None:
    deadline = time.monotonic() + DRAIN_SECONDS
    while any(p.waiting for p in phones) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


async def answer_phase(
    phones: list[Phone], worker: int, count: int, spacing: float, tail: bool, kind: str = "contribution"
) -> dict[str, Any]:
    """`count` phones (the first, or the last) each send one answer (or, `kind` "question", one question to the
    school), `spacing` seconds apart."""
    chosen = phones[-count:] if tail and count else phones[:count]
    rng = random.Random(f"{kind}-{worker}-{tail}")
    records: dict[str, list[Any]] = {}
    for n, phone in enumerate(chosen):
        if n and spacing:
            await asyncio.sleep(spacing)
        if not phone.alive:
            continue
        cid = kind[0] + "-" + rng.randbytes(10).hex()  # as the pages make them: c- (or q-) and 20 hex digits
        text = f"{rng.choice(SENTENCES)} ({''.join(rng.choices('abcdefghjkmnpqrstuvwxyz', k=6))})"
        record = [cid, time.monotonic(), None, None]
        records[cid] = record
        phone.own.add(cid)
        phone.send(cid, {"type": f"{kind}/add", "id": cid, "text": text}, record)
    await drain(phones)
    ids = [[cid, phone.device] for phone in chosen for cid in phone.own if cid in records]
    return {"event": "answered", "records": list(records.values()), "ids": ids}


async def recognise_phase(
    phones: list[Phone],
    worker: int,
    ids: list[str],
    per_phone: int,
    duration: float,
    start: float,
    deed: str = "contribution/endorse",
) -> dict[str, Any]:
    """Each phone recognises `per_phone` of the ids (never its own) at random moments within `duration`; with
    `deed` "question/upvote" it upvotes questions instead."""
    rng = random.Random(f"{deed}-{worker}")
    plan: list[tuple[float, Phone, str]] = []
    for phone in phones:
        others = [cid for cid in ids if cid not in phone.own]
        for cid in rng.sample(others, min(per_phone, len(others))):
            plan.append((start + rng.random() * duration, phone, cid))
    plan.sort(key=lambda p: p[0])
    records: dict[str, list[Any]] = {}
    for n, (at, phone, cid) in enumerate(plan):
        delay = at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        if not phone.alive:
            continue
        ref = f"e{worker}n{n}"
        record = [ref, time.monotonic(), None, None, cid]
        records[ref] = record
        phone.send(ref, {"type": deed, "id": cid, "on": True}, record)
    await drain(phones)
    return {"event": "recognised", "records": list(records.values())}


def emit(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


async def serve_commands(args: argparse.Namespace) -> None:
    records: dict[str, list[Any]] = {}
    connected = await connect_phones(args.ws, args.room, args.count, args.worker, records)
    phones: list[Phone] = connected["phones"]
    emit(connected["report"])
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        command = json.loads(line)
        if command["cmd"] == "send":
            for phone in phones:
                phone.start_counting()
            await send_phase(
                phones, args.worker, command["rate"], command["duration"], command["start"], records
            )
            lost = sum(1 for p in phones if not p.alive)
            received = [p.since_mark()[0] for p in phones]
            emit(
                {"event": "sent", "records": list(records.values()), "disconnected": lost, "bytes": received}
            )
        elif command["cmd"] in ("answer", "ask"):
            kind = "question" if command["cmd"] == "ask" else "contribution"
            emit(
                await answer_phase(
                    phones, args.worker, command["count"], command["spacing"], command["tail"], kind
                )
            )
        elif command["cmd"] in ("recognise", "upvote"):
            deed = "question/upvote" if command["cmd"] == "upvote" else "contribution/endorse"
            emit(
                await recognise_phase(
                    phones,
                    args.worker,
                    command["ids"],
                    command["per_phone"],
                    command["duration"],
                    command["start"],
                    deed,
                )
            )
        elif command["cmd"] == "mark":
            for phone in phones:
                phone.start_counting()
            emit({"event": "marked"})
        elif command["cmd"] == "bytes":
            counted = [p.since_mark() for p in phones]
            emit({"event": "bytes", "bytes": [b for b, _ in counted], "frames": [f for _, f in counted]})
        elif command["cmd"] == "close":
            break
    for phone in phones:
        if phone.client is not None:
            phone.client.close()
    emit({"event": "closed"})


def main() -> None:
    parser = argparse.ArgumentParser(description="simulated phones for kiosk bench")
    parser.add_argument("--ws", required=True)
    parser.add_argument("--room", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--worker", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(serve_commands(args))


if __name__ == "__main__":
    main()
