"""The bench's table on stdout and its JSON file: the hub beside the bare server, ratios and targets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Row = tuple[str, str, str | None]

# (label, summary key, target) for the measures taken on both servers.
ROWS: list[Row] = [
    ("phones connected", "phones_connected", ">= 3000"),
    ("phones refused or failed", "phones_failed", "0"),
    ("connect time, all phones (s)", "connect_seconds", None),
    ("contributions sent", "sent", None),
    ("contributions acked", "acked", None),
    ("contributions stored", "stored", None),
    ("acked but not stored", "lost", "0"),
    ("stored per second", "stored_per_second", ">= 200"),
    ("submit->ack p50 (ms)", "ack_ms_p50", None),
    ("submit->ack p99 (ms)", "ack_ms_p99", None),
    ("submit->projector p50 (ms)", "projector_ms_p50", None),
    ("submit->projector p99 (ms)", "projector_ms_p99", "<= 50"),
    ("contributions seen on projector", "projector_seen", None),
    ("submit->remote p50 (ms)", "remote_ms_p50", None),
    ("submit->remote p99 (ms)", "remote_ms_p99", None),
    ("server CPU in send phase (s)", "cpu_send_seconds", None),
    ("server RSS per idle phone (KiB)", "rss_per_phone_kib", "<= 20"),
    ("phones dropped while sending", "disconnected_during_send", "0"),
]
RATIOS: list[Row] = [
    ("hub/bare CPU in send phase", "cpu_send_seconds", "<= 1.25"),
    ("hub/bare submit->projector p99", "projector_ms_p99", None),
    ("hub/bare submit->ack p99", "ack_ms_p99", None),
]
REPLAY_LABEL = "resume: replay and serve again (s)"
REPLAYED_LABEL = "resume: contributions in the evening"
URLS_LABEL = "resume: until the URLs are printed (s)"


def with_kib(summary: dict[str, Any]) -> dict[str, Any]:
    per = summary.get("rss_per_phone_bytes")
    return {**summary, "rss_per_phone_kib": None if per is None else round(per / 1024, 1)}


def ratio(hub: Any, bare: Any) -> float | None:
    if not isinstance(hub, (int, float)) or not isinstance(bare, (int, float)) or not bare:
        return None
    return round(hub / bare, 2)


def build_report(
    plan: dict[str, Any], hub: dict[str, Any], bare: dict[str, Any] | None, replay: dict[str, Any] | None
) -> dict[str, Any]:
    """Everything the bench measured, ready for JSON."""
    hub, bare = with_kib(hub), (with_kib(bare) if bare else None)
    ratios = {key: ratio(hub.get(key), bare.get(key)) if bare else None for _, key, _ in RATIOS}
    return {"plan": plan, "hub": hub, "bare": bare, "ratios": ratios, "replay": replay}


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_table(report: dict[str, Any]) -> str:
    """A plain-text table: one row per measure, hub and bare side by side, then ratios and replay."""
    hub, bare = report["hub"], report["bare"] or {}
    lines = [f"{'measure':<44} {'hub':>12} {'bare':>12}  target"]
    lines.append("-" * len(lines[0]) + "-" * 10)
    for label, key, target in ROWS:
        lines.append(f"{label:<44} {_cell(hub.get(key)):>12} {_cell(bare.get(key)):>12}  {target or ''}")
    for label, key, target in RATIOS:
        lines.append(f"{label:<44} {_cell(report['ratios'].get(key)):>12} {'':>12}  {target or ''}")
    replay = report.get("replay") or {}
    lines.append(f"{REPLAYED_LABEL:<44} {_cell(replay.get('contributions')):>12} {'':>12}  10,000")
    lines.append(f"{URLS_LABEL:<44} {_cell(replay.get('urls_seconds_median')):>12}")
    lines.append(f"{REPLAY_LABEL:<44} {_cell(replay.get('seconds_median')):>12} {'':>12}  <= 2")
    errors = {
        **{f"hub {k}": v for k, v in hub.get("errors", {}).items()},
        **{f"bare {k}": v for k, v in bare.get("errors", {}).items()},
    }
    for name, count in sorted(errors.items()):
        lines.append(f"  error {name}: {count}")
    return "\n".join(lines)


def write_json(report: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
