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
    ("bytes received per phone in send phase (KiB)", "phone_kib_mean", None),
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
    received = summary.get("phone_bytes_mean")
    return {
        **summary,
        "rss_per_phone_kib": None if per is None else round(per / 1024, 1),
        "phone_kib_mean": None if received is None else round(received / 1024, 1),
    }


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


# (label, summary key) of the side-by-side table: each hub run beside the bare server of the same bench run.
RUN_ROWS: list[tuple[str, str]] = [
    ("phones connected", "phones_connected"),
    ("contributions acked", "acked"),
    ("acked but not stored", "lost"),
    ("submit->ack p99 (ms)", "ack_ms_p99"),
    ("submit->projector p50 (ms)", "projector_ms_p50"),
    ("submit->projector p99 (ms)", "projector_ms_p99"),
    ("server CPU in send phase (s)", "cpu_send_seconds"),
]
# Targets of the hub against the bare server, by the name check it ran with (docs/performance.md).
P99_TARGETS = {"rules": 0.6, "full": 1.5}
CPU_TARGET = 1.25


def render_runs(runs: list[dict[str, Any]], bare: dict[str, Any] | None) -> str:
    """Every hub run of this bench side by side, with the bare server measured in the same run, and the ratios
    to it; each column says which checkout and which name check it ran with."""
    bare = bare or {}
    heads = [f"{r['label'][-22:]} ({r['name_check']})" for r in runs]
    width = max(24, *(len(h) for h in heads))
    lines = [
        f"{'side by side, same bench run':<34} " + " ".join(f"{h:>{width}}" for h in heads) + f" {'bare':>10}"
    ]
    lines.append("-" * len(lines[0]))
    for label, key in RUN_ROWS:
        cells = " ".join(f"{_cell(r.get(key)):>{width}}" for r in runs)
        lines.append(f"{label:<34} {cells} {_cell(bare.get(key)):>10}")
    p99 = [ratio(r.get("projector_ms_p99"), bare.get("projector_ms_p99")) for r in runs]
    cpu = [ratio(r.get("cpu_send_seconds"), bare.get("cpu_send_seconds")) for r in runs]
    lines.append(f"{'hub/bare submit->projector p99':<34} " + " ".join(f"{_cell(v):>{width}}" for v in p99))
    lines.append(f"{'  target':<34} " + " ".join(f"{_target(r):>{width}}" for r in runs))
    lines.append(f"{'hub/bare CPU in send phase':<34} " + " ".join(f"{_cell(v):>{width}}" for v in cpu))
    lines.append(f"{'  target':<34} " + " ".join(f"{'<= ' + str(CPU_TARGET):>{width}}" for _ in runs))
    return "\n".join(lines)


def _target(run: dict[str, Any]) -> str:
    target = P99_TARGETS.get(run["name_check"])
    return f"<= {target}" if target is not None else "-"


def write_json(report: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# (label, hall key, target) for the hall scenario: bytes on the air while the room recognises answers.
HALL_ROWS: list[Row] = [
    ("phones", "phones", None),
    ("approved answers before recognition opens", "answers", None),
    ("recognitions acknowledged", "recognitions_acked", None),
    ("new answers during the round", "new_answers", None),
    ("one whole list: a new phone's view (KiB)", "whole_list_kib", None),
    ("answers in that list", "whole_list_items", None),
    ("received per phone, whole round (KiB)", "per_phone_kib", None),
    ("  as whole lists", "whole_lists_per_phone", "<= 2"),
    ("  frames per phone", "frames_per_phone_mean", None),
    ("received by all phones (MiB)", "phones_mib", None),
    ("received by the projector (KiB)", "projector_kib", None),
    ("received by the remote (KiB)", "remote_kib", None),
    ("to the remote per new answer (KiB)", "remote_kib_per_new_answer", "<= 2"),
    ("recognition ack p50 (ms)", "recognise_ack_ms_p50", None),
    ("recognition ack p99 (ms)", "recognise_ack_ms_p99", None),
    ("count change -> phone, p50 (ms)", "count_to_phone_ms_p50", None),
    ("count change -> phone, p99 (ms)", "count_to_phone_ms_p99", "<= 1500"),
    ("count change -> phone, max (ms)", "count_to_phone_ms_max", "<= 1500"),
    ("count change -> projector, p50 (ms)", "count_to_projector_ms_p50", None),
    ("count change -> projector, p99 (ms)", "count_to_projector_ms_p99", "<= 1500"),
    ("count change -> projector, max (ms)", "count_to_projector_ms_max", "<= 1500"),
    ("server CPU in the round (s)", "server_cpu_seconds", None),
    ("round, recognition open to settled (s)", "round_seconds", None),
    ("questions to the school asked (approved)", "questions", None),
    ("  their list in a phone's view (KiB)", "question_list_kib", None),
    ("upvotes acknowledged", "upvotes_acked", None),
    ("received per phone while voting (KiB)", "vote_round_kib_per_phone", None),
    ("server CPU while voting (s)", "vote_round_cpu_seconds", None),
]


def hall_figures(run: dict[str, Any]) -> dict[str, Any]:
    """A hall run's figures with the sizes in KiB and MiB, as the table shows them."""

    def kib(key: str) -> float | None:
        value = run.get(key)
        return None if value is None else round(value / 1024, 1)

    phones = run.get("bytes_to_phones")
    return {
        **run,
        "whole_list_kib": kib("whole_list_bytes"),
        "per_phone_kib": kib("bytes_per_phone_mean"),
        "phones_mib": None if phones is None else round(phones / 1024 / 1024, 2),
        "projector_kib": kib("bytes_to_projector"),
        "remote_kib": kib("bytes_to_remote"),
        "remote_kib_per_new_answer": kib("remote_bytes_per_new_answer"),
        "question_list_kib": kib("question_list_bytes"),
        "vote_round_kib_per_phone": kib("vote_round_bytes_per_phone_mean"),
    }


def render_hall(hall: dict[str, dict[str, Any]]) -> str:
    """The hall scenario: this checkout, and beside it the --before checkout when it was measured."""
    after = hall_figures(hall.get("after") or {})
    before = hall_figures(hall["before"]) if hall.get("before") else None
    head = f"{'hall on one Wi-Fi (bytes received)':<44} {'this':>12} {'before' if before else '':>12}  target"
    lines = [head, "-" * len(head) + "-" * 10]
    for label, key, target in HALL_ROWS:
        other = _cell(before.get(key)) if before else ""
        lines.append(f"{label:<44} {_cell(after.get(key)):>12} {other:>12}  {target or ''}")
    if before:
        lines.append(f"  before: {hall['before'].get('label')}")
    return "\n".join(lines)
