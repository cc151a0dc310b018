"""`kiosk bench` from start to end: the bare server, the hub (this checkout and any --before checkouts, with each
name check asked for), the replay and the hall; tables and JSON."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench.hall import HallPlan, run_hall
from kiosk.bench.load import LoadPlan, run_load
from kiosk.bench.replay import measure_replay
from kiosk.bench.report import build_report, render_hall, render_runs, render_table, write_json
from kiosk.bench.server import NAME_CHECK_READY, ServerFailed, baseline_command, has_name_check, hub_command

THIS_CHECKOUT = Path(__file__).resolve().parents[2]
READY_WITHIN = 300.0  # deduce's first build after an install takes about two minutes


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class HubRun:
    """One row of the side-by-side table: a checkout of the kiosk and the name check it runs with."""

    label: str
    checkout: Path
    name_check: str  # full, rules, or none (a version from before the name check)

    @property
    def options(self) -> tuple[str, ...]:
        return ("--name-check", self.name_check) if self.name_check != "none" else ()


def hub_runs(args: argparse.Namespace) -> list[HubRun]:
    checks = ("rules", "full") if args.name_check == "both" else (args.name_check,)
    runs = []
    for label, checkout in [("this checkout", THIS_CHECKOUT), *((str(p), p) for p in args.before or ())]:
        for check in checks if has_name_check(checkout) else ("none",):
            if HubRun(label, checkout, check) not in runs:
                runs.append(HubRun(label, checkout, check))
    return runs


async def run_bench(args: argparse.Namespace) -> int:
    # SIGTERM ends the bench like Ctrl-C does: the servers and phone workers are stopped on the way out.
    main_task = asyncio.current_task()
    if main_task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    plan = LoadPlan(args.phones, args.rate, args.duration, args.workers)
    runs = hub_runs(args)
    plan_json = {
        "phones": plan.phones,
        "rate": plan.rate,
        "duration": plan.duration,
        "workers": plan.worker_count(),
        "replay": args.replay,
        "hall_phones": args.hall_phones,
        "before": [str(p) for p in args.before or ()],
        "name_check": args.name_check,
    }
    hall_plan = HallPlan(phones=args.hall_phones, recognise_seconds=args.hall_seconds)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        root = Path(tmp)
        try:
            bare = None
            if not args.no_bare:
                _say(f"bench: the bare websockets server with {plan.phones} phones, {plan.rate:g}/s ...")
                bare = (await run_load("bare", baseline_command(), plan, None)).summary()
            rows: list[dict[str, Any]] = []
            for n, run in enumerate(runs):
                _say(f"bench: the hub of {run.label}, name check {run.name_check} ...")
                folder = root / f"hub-{n}"
                command = hub_command(folder, extra=run.options, checkout=run.checkout)
                wait = NAME_CHECK_READY if run.name_check == "full" else None
                result = await run_load(
                    "hub", command, plan, folder, wait_for=wait, wait_seconds=READY_WITHIN
                )
                rows.append({"label": run.label, "name_check": run.name_check, **result.summary()})
            replay = None
            if args.replay:
                _say(f"bench: resuming an evening of {args.replay} contributions ...")
                replay = await measure_replay(root / "replay", args.replay)
            hall: dict[str, Any] = {}
            if args.hall_phones:
                _say(f"bench: the hall, {args.hall_phones} phones recognising answers, counted in bytes ...")
                hall["after"] = await run_hall("this checkout", root / "hall", hall_plan)
                if args.before:
                    before = args.before[0]
                    _say(f"bench: the same hall against {before} ...")
                    hall["before"] = await run_hall(str(before), root / "hall-before", hall_plan, before)
        except ServerFailed as exc:
            _say(f"bench: {exc}")
            return 1
        except asyncio.CancelledError:
            _say("bench: stopped; its servers and phones are closed")
            return 130
    report = build_report(plan_json, rows[0], bare, replay)
    report["runs"] = rows
    report["hall"] = hall
    print(render_table(report))
    print()
    print(render_runs(rows, bare))
    if hall:
        print()
        print(render_hall(hall))
    if args.json is not None:
        write_json(report, args.json)
    return 0
