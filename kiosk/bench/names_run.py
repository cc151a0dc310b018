"""One checkout's name check over the labelled corpus, in a process of its own: this checkout's, or an older one's.

`kiosk bench --names` runs the same script for this checkout and, with `--before CHECKOUT`, for the older one, so
both are measured the same way on the same sentences (this checkout's corpus): what each sentence is held for by
our own rules alone and by the full check, the detection time per answer, and the check's share of the loop while
200 answers a second come in (the checkout's own `loop_share`, fed this corpus).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import kiosk

# Run as `python -c _SCRIPT CHECKOUT JOB OUT`: the kiosk found in CHECKOUT, whatever is installed.
_SCRIPT = r"""
import asyncio, dataclasses, json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
job = json.load(open(sys.argv[2], encoding="utf-8"))
rows = job["rows"]
from kiosk.core.moderation import screen
from kiosk.namecheck.deduce_finds import found_spans, load_deduce
from kiosk.bench import names as bench

def reason(text, found=()):
    return screen(text, found).reason

out = {"rules": [reason(r["text"]) for r in rows]}
start = time.perf_counter()
deducer = load_deduce()
out["load_s"] = time.perf_counter() - start
finds = [found_spans(deducer, r["text"]) for r in rows]
out["full"] = [reason(r["text"], f) for r, f in zip(rows, finds)]
times = []
for _ in range(job["rounds"]):
    for r in rows:
        start = time.perf_counter()
        screen(r["text"], found_spans(deducer, r["text"]))
        times.append(time.perf_counter() - start)
times.sort()
out["detect_ms"] = {"p50": times[len(times) // 2] * 1000, "p99": times[int(0.99 * len(times))] * 1000,
                    "mean": statistics.fmean(times) * 1000}
if job["seconds"] > 0:
    names = {f.name for f in dataclasses.fields(bench.Sentence)}
    sentences = [bench.Sentence(**{k: v for k, v in r.items() if k in names}) for r in rows]
    bench.load_corpus = lambda: sentences
    out["send_phase"] = asyncio.run(bench.loop_share(job["rate"], job["seconds"]))
json.dump(out, open(sys.argv[3], "w", encoding="utf-8"))
"""


def this_checkout() -> Path:
    return Path(kiosk.__file__).resolve().parent.parent


def run_checkout(
    checkout: Path, rows: list[dict[str, Any]], *, rate: float, seconds: float, rounds: int = 5
) -> dict[str, Any]:
    """The checkout's verdicts per sentence (rules alone, full check), detection times and send phase."""
    with tempfile.TemporaryDirectory() as folder:
        job, out = Path(folder) / "job.json", Path(folder) / "out.json"
        job.write_text(
            json.dumps({"rows": rows, "rate": rate, "seconds": seconds, "rounds": rounds}), encoding="utf-8"
        )
        run = subprocess.run(
            [sys.executable, "-c", _SCRIPT, str(checkout), str(job), str(out)],
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        if run.returncode != 0 or not out.is_file():
            raise RuntimeError(f"the name check of {checkout} failed: {run.stderr.strip()[-1500:]}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result
