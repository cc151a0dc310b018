"""`kiosk bench --hostile`: every probe of the hostile room, before and after, and the tables side by side."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from kiosk.bench.hostile import (
    Figures,
    change_flood,
    device_flood,
    export_while_serving,
    first_views,
    question_flood,
    small_holes,
)
from kiosk.bench.hostile_hall import nat_hall

PROBES: dict[str, Callable[..., Awaitable[Figures]]] = {
    "one device id on every socket (laptop of 640 files)": device_flood,
    "kiosk export --for parents while kiosk serve runs": export_while_serving,
    "questions from 34 networks at once": question_flood,
    "150 phones on one address flipping their role": change_flood,
    "first views of four-byte characters": first_views,
    "smaller holes": small_holes,
    "500 phones behind one address": nat_hall,
}


async def run_hostile(
    root: Path, before: Path | None, only: set[str] | None = None
) -> dict[str, dict[str, Figures]]:
    """Every probe against this checkout and, when given, against `before`, one after the other."""
    results: dict[str, dict[str, Figures]] = {}
    for n, (name, probe) in enumerate(PROBES.items()):
        if only and not any(word in name for word in only):
            continue
        for side, checkout in (("before", before), ("after", None)):
            if side == "before" and before is None:
                continue
            print(f"hostile: {name} ({side}) ...", file=sys.stderr, flush=True)
            try:
                figures = await probe(root / f"{n}-{side}", checkout)
            except Exception as exc:  # noqa: BLE001  # a probe that breaks is a figure too: the table says so
                figures = {"probe failed": f"{type(exc).__name__}: {exc}"[:200]}
            results.setdefault(name, {})[side] = figures
    return results


def render_hostile(results: dict[str, dict[str, Figures]]) -> str:
    """A Markdown table per probe: each figure, before and after, side by side."""
    lines: list[str] = []
    for name, sides in results.items():
        lines += ["", f"### {name}", "", "| figure | before | after |", "|---|---|---|"]
        keys = list(dict.fromkeys(k for figures in sides.values() for k in figures))
        for key in keys:
            cells = [_cell(sides.get(side, {}).get(key, "")) for side in ("before", "after")]
            lines.append(f"| {key} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if isinstance(value, dict):
        value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
    return str(value).replace("|", "/").replace("\n", " ")
