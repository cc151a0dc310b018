"""The hall on one Wi-Fi, counted in bytes: N phones, 200 approved answers, recognition opens, every phone
recognises a few, then new answers come in. Bytes are what every phone, the projector and the remote receive
(frame headers and payloads), so the figures say what the air must carry; times are on the shared monotonic
clock.

Phases: (1) the phones connect and the first of them write the approved answers (auto-approve), before anything
is counted; (2) counting starts, the remote opens recognition, each phone recognises `per_phone` answers at
random moments within `recognise_seconds`; (3) `new_answers` phones each write one more answer, half a second
apart (the remote's bytes in this phase, per new answer, are its cost of one answer); (4) after a settle, a new
phone joins: its whole view is "one whole list"; (5) the room asks `questions` questions to the school
(auto-approve) and each phone upvotes `votes_per_phone` of them within `recognise_seconds`: what the phones
receive meanwhile is the cost of the votes.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.load import PHONES_PER_WORKER, Worker, open_remote, shares
from kiosk.bench.measure import cpu_seconds, percentile
from kiosk.bench.screens import Screen
from kiosk.bench.server import hub_command, start_server

WITNESSES = 2  # full phones that parse every frame, to time when a count arrives
SETTLE_SECONDS = 2.5  # longer than a count batch (1 s) plus a flush


@dataclass(frozen=True)
class HallPlan:
    """The hall scenario's size."""

    phones: int = 300
    answers: int = 200
    per_phone: int = 5
    new_answers: int = 20
    recognise_seconds: float = 20.0
    new_answer_spacing: float = 0.5
    questions: int = 30
    votes_per_phone: int = 3

    def worker_count(self) -> int:
        return max(1, -(-self.phones // PHONES_PER_WORKER))


async def _each(
    workers: list[Worker], commands: list[dict[str, Any]], timeout: float
) -> list[dict[str, Any]]:
    for worker, command in zip(workers, commands, strict=True):
        await worker.tell(**command)
    return [await worker.hear(timeout) for worker in workers]


def _reached(history: list[tuple[float, int | None]], k: int, since: float) -> float | None:
    """When the view first showed a count of at least k, if the answer was in view at `since` and stayed there
    until then (an answer that climbs onto the projector's wall later is not a count that was late)."""
    present = False
    for at, count in history:
        if at > since and not present:
            return None
        if count is None:
            if at > since:
                return None
            present = False
            continue
        present = True
        if count >= k:
            return at
    return None


def _latencies(records: list[list[Any]], witnesses: list[Screen]) -> list[float]:
    """Seconds from each recognition's ack until a witness showed its answer's count at least that high.

    The k-th acknowledged recognition of an answer is applied when its count reaches k (counts only grow here),
    so the first moment a witness shows >= k is when that recognition reached it. Answers a witness did not
    show at that moment (off the projector's wall) are left out.
    """
    acked: dict[str, list[float]] = {}
    for _ref, _sent, acked_at, error, cid in records:
        if acked_at is not None and error is None:
            acked.setdefault(cid, []).append(acked_at)
    found = []
    for cid, times in acked.items():
        for k, acked_at in enumerate(sorted(times), start=1):
            for witness in witnesses:
                seen = _reached(witness.counts_seen.get(cid, []), k, acked_at)
                if seen is not None:
                    found.append(max(0.0, seen - acked_at))
    return found


def _ms(values: list[float], q: float) -> float | None:
    p = percentile(values, q)
    return None if p is None else round(p * 1000, 1)


async def _questions_round(
    workers: list[Worker], remote: Screen, witnesses: list[Screen], plan: HallPlan, pid: int
) -> dict[str, Any]:
    """Phase 5: questions to the school are asked (auto-approve on), then every phone upvotes a few."""
    count = len(workers)
    answer = await remote.command("settings/auto_approve", on=True)
    if answer.get("type") != "ack":
        raise RuntimeError(f"the remote could not switch on auto-approve: {answer}")
    asked = await _each(
        workers,
        [{"cmd": "ask", "count": k, "spacing": 0, "tail": False} for k in shares(plan.questions, count)],
        timeout=120,
    )
    ids = [
        qid
        for report in asked
        for qid, _device in report["ids"]
        if any(r[0] == qid and r[3] is None for r in report["records"])
    ]
    await asyncio.sleep(SETTLE_SECONDS)
    await _each(workers, [{"cmd": "mark"}] * count, timeout=30)
    cpu_before = cpu_seconds(pid)
    start = time.monotonic() + 0.5
    voted = await _each(
        workers,
        [
            {
                "cmd": "upvote",
                "ids": ids,
                "per_phone": plan.votes_per_phone,
                "duration": plan.recognise_seconds,
                "start": start,
            }
        ]
        * count,
        timeout=plan.recognise_seconds + 120,
    )
    await asyncio.sleep(SETTLE_SECONDS)
    cpu = cpu_seconds(pid) - cpu_before
    counted = await _each(workers, [{"cmd": "bytes"}] * count, timeout=30)
    per_phone = [b for report in counted for b in report["bytes"]]
    records = [r for report in voted for r in report["records"]]
    listed = (witnesses[0].view.get("questions") or []) if witnesses else []
    return {
        "questions": len(ids),
        "upvotes_acked": sum(1 for r in records if r[2] is not None and r[3] is None),
        "upvotes_refused": sum(1 for r in records if r[3] is not None),
        "question_list_bytes": len(json.dumps(listed, ensure_ascii=False, separators=(",", ":"))),
        "vote_round_bytes_per_phone_mean": round(sum(per_phone) / len(per_phone)) if per_phone else 0,
        "vote_round_cpu_seconds": round(cpu, 2),
    }


async def run_hall(
    label: str, data_dir: Path, plan: HallPlan, checkout: Path | None = None
) -> dict[str, Any]:
    """One hall run against `kiosk serve` (from `checkout` when given); the figures as a dict."""
    server = await start_server(hub_command(data_dir, checkout=checkout))
    workers: list[Worker] = []
    screens: list[Screen] = []
    try:
        urls = server.urls
        remote = await open_remote(urls)
        display = await Screen.connect(urls.ws, "display", urls.display_token)
        screens += [remote, display]
        count = plan.worker_count()
        for index, share in enumerate(shares(plan.phones, count)):
            workers.append(await Worker.start(urls.ws, urls.room, share, index))
        connected = sum(report["ok"] for report in [await w.hear(timeout=300) for w in workers])
        witnesses = []
        for n in range(WITNESSES):
            hello = {
                "type": "hello",
                "role": "phone",
                "room": urls.room,
                "device": f"witness-{n:04d}",
                "lang": "nl",
            }
            witnesses.append(await Screen.introduce(urls.ws, hello))
        screens += witnesses

        seeded = await _each(
            workers,
            [{"cmd": "answer", "count": k, "spacing": 0, "tail": False} for k in shares(plan.answers, count)],
            timeout=120,
        )
        ids = [cid for report in seeded for cid, _device in report["ids"]]
        await remote.wait_seen(set(ids), timeout=15)
        await asyncio.sleep(1.0)

        await _each(workers, [{"cmd": "mark"}] * count, timeout=30)
        marks = {id(s): s.received_bytes for s in screens}
        cpu_before = cpu_seconds(server.pid)
        opened_at = time.monotonic()
        answer = await remote.command("prompt/recognition", open=True)
        if answer.get("type") != "ack":
            raise RuntimeError(f"the remote could not open recognition: {answer}")
        start = time.monotonic() + 0.5
        recognised = await _each(
            workers,
            [
                {
                    "cmd": "recognise",
                    "ids": ids,
                    "per_phone": plan.per_phone,
                    "duration": plan.recognise_seconds,
                    "start": start,
                }
            ]
            * count,
            timeout=plan.recognise_seconds + 120,
        )
        records = [r for report in recognised for r in report["records"]]
        await asyncio.sleep(SETTLE_SECONDS)

        remote_before = remote.received_bytes
        new = await _each(
            workers,
            [
                {"cmd": "answer", "count": k, "spacing": plan.new_answer_spacing * count, "tail": True}
                for k in shares(plan.new_answers, count)
            ],
            timeout=120,
        )
        new_ids = {cid for report in new for cid, _device in report["ids"]}
        await remote.wait_seen(new_ids, timeout=15)
        await asyncio.sleep(SETTLE_SECONDS)
        remote_new = remote.received_bytes - remote_before
        round_seconds = time.monotonic() - opened_at
        cpu = cpu_seconds(server.pid) - cpu_before

        counted = await _each(workers, [{"cmd": "bytes"}] * count, timeout=30)
        per_phone = [b for report in counted for b in report["bytes"]]
        frames = [f for report in counted for f in report["frames"]]
        hello = {
            "type": "hello",
            "role": "phone",
            "room": urls.room,
            "device": "late-phone-0001",
            "lang": "nl",
        }
        late = await Screen.introduce(urls.ws, hello)
        screens.append(late)
        whole = late.reset_bytes[0] if late.reset_bytes else 0
        listed = len(late.view.get("contributions") or ())

        questions = await _questions_round(workers, remote, witnesses, plan, server.pid)
        acked = [r for r in records if r[2] is not None and r[3] is None]
        mean = sum(per_phone) / len(per_phone) if per_phone else 0.0
        return {
            **questions,
            "label": label,
            "phones": connected,
            "answers": len(ids),
            "recognitions_acked": len(acked),
            "recognitions_refused": sum(1 for r in records if r[3] is not None),
            "new_answers": len(new_ids),
            "whole_list_bytes": whole,
            "whole_list_items": listed,
            "bytes_per_phone_mean": round(mean),
            "bytes_per_phone_max": max(per_phone, default=0),
            "frames_per_phone_mean": round(sum(frames) / len(frames), 1) if frames else 0,
            "whole_lists_per_phone": round(mean / whole, 2) if whole else None,
            "bytes_to_phones": sum(per_phone),
            "bytes_to_projector": display.received_bytes - marks[id(display)],
            "bytes_to_remote": remote.received_bytes - marks[id(remote)],
            "remote_bytes_per_new_answer": round(remote_new / len(new_ids)) if new_ids else None,
            "recognise_ack_ms_p50": _ms([r[2] - r[1] for r in acked], 0.5),
            "recognise_ack_ms_p99": _ms([r[2] - r[1] for r in acked], 0.99),
            "count_to_phone_ms_p50": _ms(_latencies(acked, witnesses), 0.5),
            "count_to_phone_ms_p99": _ms(_latencies(acked, witnesses), 0.99),
            "count_to_phone_ms_max": _ms(_latencies(acked, witnesses), 1.0),
            "count_to_projector_ms_p50": _ms(_latencies(acked, [display]), 0.5),
            "count_to_projector_ms_p99": _ms(_latencies(acked, [display]), 0.99),
            "count_to_projector_ms_max": _ms(_latencies(acked, [display]), 1.0),
            "server_cpu_seconds": round(cpu, 2),
            "round_seconds": round(round_seconds, 1),
        }
    finally:
        for worker in workers:
            await worker.finish()
        for screen in screens:
            await screen.close()
        await server.stop()
