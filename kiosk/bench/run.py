"""`kiosk bench` from start to end: the hub, then the bare server, then the replay; table and JSON."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from kiosk.bench.hall import HallPlan, run_hall
from kiosk.bench.load import LoadPlan, run_load
from kiosk.bench.replay import measure_replay
from kiosk.bench.report import build_report, render_hall, render_table, write_json
from kiosk.bench.server import ServerFailed, baseline_command, hub_command


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def run_bench(args: argparse.Namespace) -> int:
    # SIGTERM ends the bench like Ctrl-C does: the servers and phone workers are stopped on the way out.
    main_task = asyncio.current_task()
    if main_task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    plan = LoadPlan(args.phones, args.rate, args.duration, args.workers)
    plan_json = {
        "phones": plan.phones,
        "rate": plan.rate,
        "duration": plan.duration,
        "workers": plan.worker_count(),
        "replay": args.replay,
        "hall_phones": args.hall_phones,
        "before": str(args.before) if args.before else None,
    }
    hall_plan = HallPlan(phones=args.hall_phones, recognise_seconds=args.hall_seconds)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        root = Path(tmp)
        try:
            _say(f"bench: hub with {plan.phones} phones, {plan.rate:g}/s for {plan.duration:g} s ...")
            hub = await run_load("hub", hub_command(root / "hub"), plan, root / "hub")
            bare = None
            if not args.no_bare:
                _say("bench: the same against the bare websockets server ...")
                bare = await run_load("bare", baseline_command(), plan, None)
            replay = None
            if args.replay:
                _say(f"bench: resuming an evening of {args.replay} contributions ...")
                replay = await measure_replay(root / "replay", args.replay)
            hall: dict[str, Any] = {}
            if args.hall_phones:
                _say(f"bench: the hall, {args.hall_phones} phones recognising answers, counted in bytes ...")
                hall["after"] = await run_hall("this checkout", root / "hall", hall_plan)
                if args.before is not None:
                    _say(f"bench: the same hall against {args.before} ...")
                    hall["before"] = await run_hall(
                        str(args.before), root / "hall-before", hall_plan, args.before
                    )
        except ServerFailed as exc:
            _say(f"bench: {exc}")
            return 1
        except asyncio.CancelledError:
            _say("bench: stopped; its servers and phones are closed")
            return 130
    report = build_report(plan_json, hub.summary(), bare.summary() if bare else None, replay)
    report["hall"] = hall
    print(render_table(report))
    if hall:
        print()
        print(render_hall(hall))
    if args.json is not None:
        write_json(report, args.json)
    return 0
