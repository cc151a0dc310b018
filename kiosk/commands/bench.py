"""`kiosk bench`: the hub under load beside a bare websockets server, and the time to resume a long evening."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.commands.common import UserError
from kiosk.commands.texts import hint


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phones", type=int, default=3000, help=hint("bench.phones"))
    parser.add_argument("--rate", type=float, default=200.0, help=hint("bench.rate"))
    parser.add_argument("--duration", type=float, default=20.0, help=hint("bench.duration"))
    parser.add_argument("--workers", type=int, default=0, help=hint("bench.workers"))
    parser.add_argument("--replay", type=int, default=10_000, help=hint("bench.replay"))
    parser.add_argument("--no-bare", action="store_true", help=hint("bench.no_bare"))
    parser.add_argument(
        "--hall-phones",
        type=int,
        default=300,
        help=hint("bench.hall_phones"),
    )
    parser.add_argument("--hall-seconds", type=float, default=20.0, help=hint("bench.hall_seconds"))
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        metavar="CHECKOUT",
        help=hint("bench.before"),
    )
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help=hint("bench.json"))
    parser.add_argument("--names", action="store_true", help=hint("bench.names"))
    parser.add_argument("--phone-net", action="store_true", help=hint("bench.phone_net"))
    parser.add_argument("--phone-crowd", type=int, default=30, help=hint("bench.phone_crowd"))
    parser.add_argument("--outage", type=float, default=40.0, help=hint("bench.outage"))


def main(args: argparse.Namespace) -> int:
    import asyncio

    from kiosk.bench.run import run_bench

    if args.names:
        return names_bench(args)
    if args.phone_net:
        return phone_net_bench(args)

    if not 1 <= args.phones <= 4500:
        raise UserError("--phones must be between 1 and 4500 (the hub takes 5000 connections).")
    if not 0 < args.rate <= 2000 or not 0 < args.duration <= 600:
        raise UserError("--rate must be in (0, 2000] and --duration in (0, 600] seconds.")
    if not 0 <= args.hall_phones <= 4500:
        raise UserError("--hall-phones must be between 0 and 4500.")
    if args.before is not None and not (args.before / "kiosk" / "cli.py").is_file():
        raise UserError(f"--before {args.before}: no kiosk checkout there (no kiosk/cli.py).")
    if args.json is not None and not args.json.parent.exists():
        raise UserError(f"Cannot write {args.json}: the folder {args.json.parent} does not exist.")
    return asyncio.run(run_bench(args))


def phone_net_bench(args: argparse.Namespace) -> int:
    """`kiosk bench --phone-net`: the phone page in Chromium through the shaping proxy; 1 when a target is missed."""
    if not 1 <= args.phone_crowd <= 60:
        raise UserError(
            "--phone-crowd must be between 1 and 60 (each phone is a browser page on this machine)."
        )
    if not 5 <= args.outage <= 300:
        raise UserError("--outage must be between 5 and 300 seconds.")
    if args.before is not None and not (args.before / "kiosk" / "cli.py").is_file():
        raise UserError(f"--before {args.before}: no kiosk checkout there (no kiosk/cli.py).")
    try:
        import playwright  # noqa: F401
    except ImportError:
        raise UserError("--phone-net drives Chromium through Playwright: pip install -e '.[test]'.") from None
    from kiosk.bench.phone_report import main as phone_main

    return phone_main(args)


def names_bench(args: argparse.Namespace) -> int:
    """`kiosk bench --names`: prints the corpus figures and the check's cost; 1 when a target is missed."""
    import asyncio
    import json

    from kiosk.bench.names import TARGET_CLEAN, TARGET_HELD, loop_share, run_names_bench

    lines, figures = run_names_bench(full=True)
    print("\n".join(lines), flush=True)
    seconds = min(args.duration, 10.0)
    cost = asyncio.run(loop_share(args.rate, seconds))
    print(
        f"Send phase: {cost['answers']:.0f} answers at {args.rate:.0f}/s into a stored evening with the full check: "
        f"answer to finding p50 {cost['p50_ms']:.1f} ms, p99 {cost['p99_ms']:.1f} ms; the check took "
        f"{cost['loop_share']:.1%} of the loop; loop lag p99 {cost['lag_p99_ms']:.1f} ms; "
        f"ready {cost['ready_s']:.1f} s after start"
    )
    figures["send_phase"] = cost
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    full = figures["full"]
    met = full["held"]["all"] >= TARGET_HELD and full["clean_held"]["all"] <= TARGET_CLEAN
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1
