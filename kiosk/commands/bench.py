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
        action="append",
        metavar="CHECKOUT",
        help=hint("bench.before"),
    )
    parser.add_argument(
        "--name-check", choices=("rules", "full", "both"), default="both", help=hint("bench.name_check")
    )
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help=hint("bench.json"))
    parser.add_argument("--names", action="store_true", help=hint("bench.names"))
    parser.add_argument("--hostile", action="store_true", help=hint("bench.hostile"))
    parser.add_argument("--phone-net", action="store_true", help=hint("bench.phone_net"))
    parser.add_argument("--phone-crowd", type=int, default=30, help=hint("bench.phone_crowd"))
    parser.add_argument("--outage", type=float, default=40.0, help=hint("bench.outage"))


def main(args: argparse.Namespace) -> int:
    import asyncio

    from kiosk.bench.run import run_bench

    if args.names:
        return names_bench(args)
    if args.hostile:
        return hostile_bench(args)
    if args.phone_net:
        return phone_net_bench(args)

    if not 1 <= args.phones <= 4500:
        raise UserError("--phones must be between 1 and 4500 (the hub takes 5000 connections).")
    if not 0 < args.rate <= 2000 or not 0 < args.duration <= 600:
        raise UserError("--rate must be in (0, 2000] and --duration in (0, 600] seconds.")
    if not 0 <= args.hall_phones <= 4500:
        raise UserError("--hall-phones must be between 0 and 4500.")
    for before in args.before or ():
        if not (before / "kiosk" / "cli.py").is_file():
            raise UserError(f"--before {before}: no kiosk checkout there (no kiosk/cli.py).")
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
    args.before = _one_before(args)  # the phone's bench compares with one older checkout
    try:
        import playwright  # noqa: F401
    except ImportError:
        raise UserError("--phone-net drives Chromium through Playwright: pip install -e '.[test]'.") from None
    from kiosk.bench.phone_report import main as phone_main

    return phone_main(args)


def names_bench(args: argparse.Namespace) -> int:
    """`kiosk bench --names`: the name check per language on the labelled corpus, and its cost; 1 when a target is
    missed."""
    import json

    from kiosk.bench.names import run_names_bench

    before = _one_before(args)
    if before is not None and not (before / "kiosk" / "namecheck" / "deduce_finds.py").is_file():
        raise UserError(f"--before {before}: no kiosk checkout with kiosk/namecheck/ there.")
    seconds = min(args.duration, 10.0)
    lines, figures, missed = run_names_bench(before, args.rate, seconds)
    print("\n".join(lines), flush=True)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    print("targets met" if not missed else "targets NOT met: " + "; ".join(missed))
    return 0 if not missed else 1


def hostile_bench(args: argparse.Namespace) -> int:
    """`kiosk bench --hostile [--before CHECKOUT]`: each attack of the hostile room, before and after, as tables."""
    import asyncio
    import json
    import tempfile

    from kiosk.bench.hostile_run import render_hostile, run_hostile

    with tempfile.TemporaryDirectory(prefix="kiosk-hostile-") as tmp:
        results = asyncio.run(run_hostile(Path(tmp), _one_before(args)))
    print(render_hostile(results), flush=True)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def _one_before(args: argparse.Namespace) -> Path | None:
    """The one --before checkout that --names, --hostile and --phone-net compare with (the load bench takes
    several)."""
    befores = args.before or []
    if len(befores) > 1:
        raise UserError("--names, --hostile and --phone-net compare with one --before checkout.")
    for before in befores:
        if not (before / "kiosk" / "cli.py").is_file():
            raise UserError(f"--before {before}: no kiosk checkout there (no kiosk/cli.py).")
    return befores[0] if befores else None
