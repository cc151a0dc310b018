"""`kiosk bench --names`: how many parent sentences with personal data the moderation holds, how many clean ones.

The labelled corpus (names_corpus.tsv beside this file) has parts A (the allow-list and the word check were tuned
on it) and B, C (held out). Held is what `kiosk.core.moderation.screen` holds with the full name check's finds,
exactly as an evening with `--name-check full`; `rules` is our own rules alone (`--name-check rules`, and what
holds while deduce loads).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from importlib import resources
from typing import Any

from kiosk.core.moderation import screen

PARTS = ("A", "B", "C")
TARGET_HELD = 0.95  # of sentences with personal data
TARGET_CLEAN = 0.05  # of clean sentences, at most


@dataclass(frozen=True)
class Sentence:
    part: str
    personal: bool
    origin: str
    text: str


def load_corpus() -> list[Sentence]:
    text = resources.files("kiosk.bench").joinpath("names_corpus.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [Sentence(part, label == "personal", origin, words) for part, label, origin, words in rows[1:]]


@dataclass(frozen=True)
class Shares:
    """Held shares of one way of checking, overall and per part."""

    held: dict[str, tuple[int, int]]  # part ("all", "A", "B", "C") -> (held, of) among personal sentences
    clean_held: dict[str, tuple[int, int]]
    missed: list[str]
    false_holds: list[str]

    def share(self, which: str, part: str = "all") -> float:
        held, of = (self.held if which == "held" else self.clean_held)[part]
        return held / of if of else 0.0


def measure(corpus: list[Sentence], find: Any = None) -> Shares:
    """Shares held with `find(text) -> spans` as the full check (None: our rules alone)."""
    held: dict[str, list[int]] = {p: [0, 0] for p in ("all", *PARTS)}
    clean: dict[str, list[int]] = {p: [0, 0] for p in ("all", *PARTS)}
    missed, false_holds = [], []
    for s in corpus:
        reason = screen(s.text, find(s.text) if find else ()).reason
        counts = held if s.personal else clean
        for part in ("all", s.part):
            counts[part][1] += 1
            counts[part][0] += reason is not None
        if s.personal and reason is None:
            missed.append(s.text)
        if not s.personal and reason is not None:
            false_holds.append(f"{s.text} ({reason})")
    return Shares(
        {k: (v[0], v[1]) for k, v in held.items()},
        {k: (v[0], v[1]) for k, v in clean.items()},
        missed,
        false_holds,
    )


def detection_times(corpus: list[Sentence], find: Any, rounds: int = 5) -> list[float]:
    """Seconds per answer for the full screening (deduce's finds, the word check and our rules)."""
    times = []
    for _ in range(rounds):
        for s in corpus:
            start = time.perf_counter()
            screen(s.text, find(s.text))
            times.append(time.perf_counter() - start)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report_lines(name: str, shares: Shares) -> list[str]:
    def pct(which: str, part: str) -> str:
        held, of = (shares.held if which == "held" else shares.clean_held)[part]
        return f"{100 * held / of:5.1f} % ({held}/{of})" if of else "-"

    lines = [f"{name}:"]
    lines.append(f"  personal data held  {pct('held', 'all')}   target >= {TARGET_HELD:.0%}")
    lines.append(f"  clean answers held  {pct('clean', 'all')}   target <= {TARGET_CLEAN:.0%}")
    for part in PARTS:
        tuned = " (tuned on)" if part == "A" else " (held out)"
        lines.append(f"    part {part}{tuned}: personal {pct('held', part)}, clean {pct('clean', part)}")
    return lines


def run_names_bench(full: bool = True) -> tuple[list[str], dict[str, Any]]:
    """Print-ready lines and figures: rules alone, and (with deduce installed) the full check."""
    corpus = load_corpus()
    personal = sum(s.personal for s in corpus)
    lines = [
        f"Names corpus: {len(corpus)} sentences, {personal} with personal data, {len(corpus) - personal} clean"
    ]
    rules = measure(corpus)
    lines += report_lines("Our own rules (--name-check rules)", rules)
    figures: dict[str, Any] = {"sentences": len(corpus), "rules": _figures(rules)}
    if full:
        from kiosk.namecheck.deduce_finds import found_spans, load_deduce

        start = time.perf_counter()
        deducer = load_deduce()
        load = time.perf_counter() - start

        def find(text: str) -> list[Any]:
            return found_spans(deducer, text)

        shares = measure(corpus, find)
        lines += report_lines("Full check (deduce + allow-list + common words + our rules)", shares)
        times = detection_times(corpus, find)
        p50, p99 = percentile(times, 0.5) * 1000, percentile(times, 0.99) * 1000
        lines.append(
            f"  detection per answer: p50 {p50:.2f} ms, p99 {p99:.2f} ms "
            f"(mean {statistics.fmean(times) * 1000:.2f} ms); deduce loaded in {load:.1f} s"
        )
        if shares.missed:
            lines.append("  missed: " + " | ".join(shares.missed))
        if shares.false_holds:
            lines.append("  clean but held: " + " | ".join(shares.false_holds))
        figures["full"] = _figures(shares) | {"p50_ms": p50, "p99_ms": p99, "load_s": load}
    return lines, figures


def _figures(shares: Shares) -> dict[str, Any]:
    return {
        "held": {p: shares.share("held", p) for p in ("all", *PARTS)},
        "clean_held": {p: shares.share("clean", p) for p in ("all", *PARTS)},
    }


async def loop_share(rate: float = 200.0, seconds: float = 10.0) -> dict[str, float]:
    """Phones sending `rate` answers a second from the corpus to a stored evening with the full check running:
    the time from an answer to its finding (p50, p99) and the share of the loop the check took in that phase."""
    import asyncio
    import tempfile
    from pathlib import Path

    from kiosk.agenda.parser import load_agenda
    from kiosk.core.changes import Changes
    from kiosk.core.events import Actor, Command
    from kiosk.core.session import start_session
    from kiosk.core.store import open_event_log
    from kiosk.namecheck.service import FullCheck
    from kiosk.resources import default_agenda_path

    corpus = load_corpus()
    with tempfile.TemporaryDirectory() as folder:
        log = open_event_log(Path(folder))
        core = start_session(log, load_agenda(default_agenda_path()))
        check = FullCheck(core)
        started = time.perf_counter()
        check.start()
        while not check.ready:
            if check.worker.failed:
                raise RuntimeError(check.worker.failed)
            await asyncio.sleep(0.05)
        ready = time.perf_counter() - started
        core.execute(
            Command("block/jump", {"index": next(i for i, b in enumerate(core.agenda.blocks) if b.prompts)})
        )
        phones = [Actor("phone", device=f"bench-phone-{n:05d}") for n in range(int(rate * seconds) // 5 + 1)]
        for phone in phones:
            core.execute(Command("device/join", {}, phone))
        sent: dict[str, float] = {}
        latencies: list[float] = []

        def heard(changes: Changes, state: Any) -> None:
            if changes.screened:
                now = time.perf_counter()
                latencies.extend(now - sent.pop(i) for i in changes.answers if i in sent)

        core.subscribe(heard)
        total = int(rate * seconds)
        lags: list[float] = []
        start = time.perf_counter()
        for n in range(total):
            due = start + n / rate
            now = time.perf_counter()
            if due > now:
                await asyncio.sleep(due - now)
            lags.append(max(0.0, time.perf_counter() - due))
            cid = f"b{n}"
            sent[cid] = time.perf_counter()
            text = corpus[n % len(corpus)].text
            core.execute(Command("contribution/add", {"id": cid, "text": text}, phones[n // 5]))
        await check.wait_idle()
        phase = time.perf_counter() - start
        share = (check.loop_seconds + check.worker.send_seconds) / phase
        check.stop()
        log.close()
    return {
        "answers": float(total),
        "screened": float(len(latencies)),
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "loop_share": share,
        "lag_p99_ms": percentile(lags, 0.99) * 1000,
        "ready_s": ready,
    }
