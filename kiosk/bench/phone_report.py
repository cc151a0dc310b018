"""`kiosk bench --phone-net`: the table of the phone on a hall's Wi-Fi, this checkout beside an older one."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

from kiosk.bench.phone_net import PhonePlan, run_phone_net
from kiosk.bench.shaping import HALL_1MBIT, SLOW_3G, WIFI

# (label, key, target as text, check) for each row.
Check = tuple[str, float] | None
ROWS: list[tuple[str, str, str, Check]] = [
    ("first load: on the wire (kB)", "first_kb", "<= 35", ("<=", 35.0)),
    ("first load: requests", "first_requests", "", None),
    ("first load: usable (s)", "first_usable_s", "", None),
    ("first load: live (s)", "first_live_s", "", None),
    ("reload: on the wire (kB)", "reload_kb", "<= 5", ("<=", 5.0)),
    ("reload: usable (s)", "reload_usable_s", "<= 1", ("<=", 1.0)),
    ("reload: live (s)", "reload_live_s", "", None),
    ("back: on the wire (kB)", "back_kb", "", None),
    ("back: usable (s)", "back_usable_s", "", None),
    ("back: live (s)", "back_live_s", "", None),
    ("crowd at once: usable and live, median (s)", "crowd_median_s", "<= 8", ("<=", 8.0)),
    ("crowd at once: the slowest (s)", "crowd_max_s", "", None),
    ("crowd at once: all delivered, median (s)", "crowd_delivered_median_s", "", None),
    ("crowd at once: per phone on the wire (kB)", "crowd_kb_per_phone", "", None),
    ("crowd at once: load average of this machine", "crowd_load_average", "", None),
    ("outage: answer stored after the network (s)", "outage_back_s", "<= 15", ("<=", 15.0)),
    ("outage: copies of the answer stored", "outage_copies", "1", ("==", 1.0)),
]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "never" if math.isinf(value) else f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def met(figures: dict[str, Any]) -> list[str]:
    """The labels of the rows whose target these figures miss."""
    missed = []
    for label, key, _text, check in ROWS:
        value = figures.get(key)
        if check is None or not isinstance(value, (int, float)):
            continue
        op, bound = check
        if (op == "<=" and not value <= bound) or (op == "==" and value != bound):
            missed.append(label)
    return missed


def render(results: dict[str, dict[str, Any]], plan: PhonePlan) -> str:
    this = results.get("this", {})
    before = results.get("before")
    head = f"{'the phone on a hall Wi-Fi':<46} {'this':>10} {'before' if before else '':>10}  target"
    links = (
        f"slow 3G: {SLOW_3G.describe()}; crowd: {plan.crowd} phones at once on one link of "
        f"{HALL_1MBIT.describe()}; outage: {plan.outage_seconds:g} s of a dead path on {WIFI.describe()}"
    )
    lines = [
        links,
        f"page opened on http://{this.get('host', '?')} (not a secure context, as a hall's LAN address)",
        head,
        "-" * len(head),
    ]
    for label, key, target, _check in ROWS:
        other = _cell(before.get(key)) if before else ""
        lines.append(f"{label:<46} {_cell(this.get(key)):>10} {other:>10}  {target}")
    load = [f"{name} {figures.get('load_average', 0):.1f}" for name, figures in results.items()]
    lines.append(f"load average of the machine after each: {', '.join(load)}")
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """Measure, print the table, write the JSON when asked; 1 when this checkout misses a target."""
    plan = PhonePlan(crowd=args.phone_crowd, outage_seconds=args.outage)
    with tempfile.TemporaryDirectory(prefix="kiosk-phone-net-") as scratch:
        print("bench: the phone on a hall's Wi-Fi (Chromium through the shaping proxy) ...", file=sys.stderr)
        results = asyncio.run(run_phone_net(plan, Path(scratch), args.before))
    print(render(results, plan))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    missed = met(results.get("this", {}))
    print("targets met" if not missed else "targets NOT met: " + "; ".join(missed))
    return 0 if not missed else 1
