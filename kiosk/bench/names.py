"""`kiosk bench --names`: per page language, how many parent sentences with personal data the name check holds, and
how many clean ones.

The labelled corpus (names_corpus.tsv beside this file) holds sentences in the six languages the pages speak. Part A
tuned the word lists and the rules; parts B, C and D are held out, and the targets are read on them (D was written
after the last change to the rules; see the corpus's header). Held is what
`kiosk.core.moderation.screen` holds with the full name check's finds, exactly as an evening with `--name-check
full`; "rules" is our own rules alone (`--name-check rules`, and what holds while deduce loads). Each checkout runs
in a process of its own (kiosk/bench/names_run.py), this one and with `--before` an older one, on this corpus.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

PARTS = ("A", "B", "C", "D")
TUNED = ("A",)
HELD_OUT = ("B", "C", "D")
FRESH = ("D",)  # written after the last change to the rules
LANGS = ("nl", "en", "tr", "pl", "ar", "uk")
TARGET_HELD = 0.95  # of sentences with personal data, per language, held out: the full check
TARGET_RULES_HELD = 0.80  # the same, our own rules alone
TARGET_CLEAN = 0.05  # of clean sentences, at most: the full check
MODES = (
    ("full", "Full check (deduce, the word lists and our rules)"),
    ("rules", "Our own rules alone (--name-check rules)"),
)


@dataclass(frozen=True)
class Sentence:
    part: str
    personal: bool
    lang: str
    origin: str
    text: str


def load_corpus() -> list[Sentence]:
    text = resources.files("kiosk.bench").joinpath("names_corpus.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [
        Sentence(part, label == "personal", lang, origin, words)
        for part, label, lang, origin, words in rows[1:]
    ]


def count(
    corpus: Sequence[Sentence],
    verdicts: Sequence[str | None],
    *,
    personal: bool,
    lang: str | None,
    parts: Sequence[str],
) -> tuple[int, int]:
    """(held, of) among the sentences of a label, a language (None: all) and parts."""
    held = of = 0
    for sentence, reason in zip(corpus, verdicts, strict=True):
        if sentence.personal == personal and sentence.part in parts and lang in (None, sentence.lang):
            of += 1
            held += reason is not None

    return held, of


def share(pair: tuple[int, int]) -> float:
    held, of = pair
    return held / of if of else 0.0


def _cell(pair: tuple[int, int]) -> str:
    held, of = pair
    return f"{held:>3}/{of:<3} {100 * held / of:5.1f} %" if of else "-"


_WIDTH = 19  # of a cell: "187/188  99.5 %"


def table_lines(corpus: Sequence[Sentence], runs: dict[str, dict[str, Any]], mode: str) -> list[str]:
    """One mode's table: per language, personal held and clean held, held out and tuned, per checkout."""
    names = list(runs)
    groups = [
        ("held out, personal", HELD_OUT, True),
        ("held out, clean", HELD_OUT, False),
        ("tuned A, personal", TUNED, True),
        ("tuned A, clean", TUNED, False),
    ]
    width = _WIDTH * len(names)
    lines = [
        f"{'':6}" + "".join(f"{title:>{width}}  " for title, _, _ in groups).rstrip(),
        f"{'lang':6}" + "".join("".join(f"{n:>{_WIDTH}}" for n in names) + "  " for _ in groups).rstrip(),
    ]
    for lang in (*LANGS, None):
        cells = ""
        for _, parts, personal in groups:
            for name in names:
                pair = count(corpus, runs[name][mode], personal=personal, lang=lang, parts=parts)
                cells += f"{_cell(pair):>{_WIDTH}}"
            cells += "  "
        lines.append(f"{lang or 'all':6}" + cells.rstrip())
    return lines


def fresh_line(corpus: Sequence[Sentence], verdicts: Sequence[str | None]) -> str:
    """Part D per language: personal held, clean held."""
    cells = []
    for lang in LANGS:
        held = count(corpus, verdicts, personal=True, lang=lang, parts=FRESH)
        clean = count(corpus, verdicts, personal=False, lang=lang, parts=FRESH)
        cells.append(f"{lang} {held[0]}/{held[1]} | {clean[0]}/{clean[1]}")
    return ", ".join(cells)


def misses(
    corpus: Sequence[Sentence], verdicts: Sequence[str | None], parts: Sequence[str] = TUNED
) -> list[str]:
    """The sentences of the tuned part the check got wrong (the held-out ones are counted, never shown, so tuning
    cannot look at them)."""
    out = []
    for sentence, reason in zip(corpus, verdicts, strict=True):
        if sentence.part not in parts:
            continue
        if sentence.personal and reason is None:
            out.append(f"missed [{sentence.lang}] {sentence.text}")
        if not sentence.personal and reason is not None:
            out.append(f"held though clean [{sentence.lang}] {sentence.text} ({reason})")
    return out


def figures(corpus: Sequence[Sentence], verdicts: Sequence[str | None]) -> dict[str, Any]:
    """Shares per language and part group, for the JSON."""
    out: dict[str, Any] = {}
    for lang in (*LANGS, None):
        out[lang or "all"] = {
            f"{which}_{side}": share(
                count(corpus, verdicts, personal=which == "held", lang=lang, parts=parts)
            )
            for which in ("held", "clean_held")
            for side, parts in (("held_out", HELD_OUT), ("tuned", TUNED), ("fresh", FRESH), ("all", PARTS))
        }
    return out


def targets_met(corpus: Sequence[Sentence], run: dict[str, Any]) -> list[str]:
    """The targets a run misses (empty: all met), per language on the held-out parts."""
    missed = []
    for lang in LANGS:
        full_held = share(count(corpus, run["full"], personal=True, lang=lang, parts=HELD_OUT))
        full_clean = share(count(corpus, run["full"], personal=False, lang=lang, parts=HELD_OUT))
        rules_held = share(count(corpus, run["rules"], personal=True, lang=lang, parts=HELD_OUT))
        if full_held < TARGET_HELD:
            missed.append(f"{lang}: full check holds {full_held:.0%} (>= {TARGET_HELD:.0%})")
        if full_clean > TARGET_CLEAN:
            missed.append(
                f"{lang}: full check holds {full_clean:.0%} of clean answers (<= {TARGET_CLEAN:.0%})"
            )
        if rules_held < TARGET_RULES_HELD:
            missed.append(f"{lang}: our rules alone hold {rules_held:.0%} (>= {TARGET_RULES_HELD:.0%})")
    return missed


def run_names_bench(
    before: Path | None = None, rate: float = 200.0, seconds: float = 10.0
) -> tuple[list[str], dict[str, Any], list[str]]:
    """Print-ready lines, the figures and the targets missed: this checkout, and the older one beside it."""
    from kiosk.bench.names_run import run_checkout, this_checkout

    corpus = load_corpus()
    rows = [asdict(s) for s in corpus]
    runs: dict[str, dict[str, Any]] = {}
    if before is not None:
        runs["before"] = run_checkout(before, rows, rate=rate, seconds=seconds)
    runs["after" if before is not None else "this"] = run_checkout(
        this_checkout(), rows, rate=rate, seconds=seconds
    )
    per_lang = ", ".join(
        f"{lang} {sum(s.lang == lang for s in corpus)} ({sum(s.lang == lang and s.personal for s in corpus)})"
        for lang in LANGS
    )
    lines = [
        f"Names corpus: {len(corpus)} sentences; per language, all (with personal data): {per_lang}",
        "Part A tuned the word lists and rules; B, C and D are held out (D: written after the last change).",
        "Cells: held/of and share.",
    ]
    if before is not None:
        lines.append(f"before: {before}")
    for mode, title in MODES:
        lines += ["", f"{title}:", *table_lines(corpus, runs, mode)]
        for name, run in runs.items():
            lines.append(f"  part D alone, {name}: " + fresh_line(corpus, run[mode]))
    lines.append("")
    for name, run in runs.items():
        d = run["detect_ms"]
        lines.append(
            f"{name}: detection per answer p50 {d['p50']:.2f} ms, p99 {d['p99']:.2f} ms (mean {d['mean']:.2f} ms); "
            f"deduce loaded in {run['load_s']:.1f} s"
        )
        cost = run.get("send_phase")
        if cost:
            lines.append(
                f"{name}: send phase, {cost['answers']:.0f} answers at {rate:.0f}/s into a stored evening: answer to "
                f"finding p50 {cost['p50_ms']:.1f} ms, p99 {cost['p99_ms']:.1f} ms; the check took "
                f"{cost['loop_share']:.1%} of the loop; loop lag p99 {cost['lag_p99_ms']:.1f} ms"
            )
    last = runs[list(runs)[-1]]
    wrong = misses(corpus, last["full"]) + [
        f"rules alone: {m}" for m in misses(corpus, last["rules"]) if m.startswith("missed")
    ]
    if wrong:
        lines += ["", "Tuned part (A), got wrong:", *(f"  {w}" for w in wrong)]
    figures_out: dict[str, Any] = {"sentences": len(corpus)}
    for name, run in runs.items():
        figures_out[name] = {mode: figures(corpus, run[mode]) for mode, _ in MODES} | {
            k: run[k] for k in ("detect_ms", "load_s", "send_phase") if k in run
        }
        figures_out[name]["verdicts"] = {mode: run[mode] for mode, _ in MODES}
    return lines, figures_out, targets_met(corpus, last)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


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
