"""`kiosk bench` at small scale: it runs to the end and its table and JSON have every row (no speed thresholds)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.bench.report import HALL_ROWS, RATIOS, REPLAY_LABEL, REPLAYED_LABEL, ROWS, URLS_LABEL


def test_bench_prints_every_row_and_writes_the_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "bench",
            "--phones",
            "50",
            "--rate",
            "20",
            "--duration",
            "3",
            "--replay",
            "500",
            "--hall-phones",
            "20",
            "--hall-seconds",
            "3",
            "--json",
            str(out),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    for label, _, _ in ROWS + RATIOS:
        assert label in run.stdout
    assert all(label in run.stdout for label in (REPLAY_LABEL, REPLAYED_LABEL, URLS_LABEL))
    report = json.loads(out.read_text())
    for side in ("hub", "bare"):
        assert {key for _, key, _ in ROWS} <= report[side].keys()
        assert report[side]["phones_connected"] == 50
        assert report[side]["sent"] == 60
    assert report["hub"]["stored"] == report["hub"]["acked"] == 60
    assert report["hub"]["lost"] == 0
    assert {key for _, key, _ in RATIOS} == report["ratios"].keys()
    assert report["replay"]["contributions"] == 500 and report["replay"]["seconds_median"] > 0
    for label, _, _ in HALL_ROWS:
        assert label in run.stdout
    hall = report["hall"]["after"]
    assert hall["phones"] == 20 and hall["answers"] == 20 and hall["new_answers"] == 20
    assert hall["recognitions_acked"] == 20 * 5 and hall["recognitions_refused"] == 0
    # Every phone counted what it received: at least the list of answers that opened with recognition.
    assert hall["bytes_per_phone_mean"] >= hall["whole_list_bytes"] > 0
    # Questions to the school: one from each of the 20 phones, and each phone upvotes 3 that are not its own.
    assert hall["questions"] == 20 and hall["upvotes_acked"] == 20 * 3 and hall["upvotes_refused"] == 0
    assert 0 < hall["vote_round_bytes_per_phone_mean"] and hall["question_list_bytes"] > 0
    assert report["hub"]["phone_bytes_mean"] > 0
    # Both name checks ran side by side with the bare server, each row saying which; the full one once ready.
    assert [(r["label"], r["name_check"]) for r in report["runs"]] == [
        ("this checkout", "rules"),
        ("this checkout", "full"),
    ]
    assert all(r["stored"] == r["acked"] == 60 and r["lost"] == 0 for r in report["runs"])
    assert "side by side, same bench run" in run.stdout and "this checkout (full)" in run.stdout


def test_the_phone_bench_prints_every_row_and_writes_the_json(tmp_path: Path) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install chromium")
    from kiosk.bench.phone_report import ROWS as PHONE_ROWS

    out = tmp_path / "phone.json"
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "bench", "--phone-net", "--phone-crowd", "2", "--outage", "5"]
        + ["--json", str(out)],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode in (0, 1), run.stderr[
        -2000:
    ]  # 1: a target missed on this machine, said in the table
    for label, _, _, _ in PHONE_ROWS:
        assert label in run.stdout
    figures = json.loads(out.read_text())["this"]
    assert figures["crowd_phones"] == 2 and figures["outage_copies"] == 1
    assert figures["first_requests"] == 1
