"""What each audience may see of the evening: pure functions from the state to JSON-ready dicts."""

from __future__ import annotations

from typing import Any

from kiosk.core.state import Contribution, SessionState
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.table_views import display_tables, phone_table, remote_tables, strip_running
from kiosk.report.summary import running_summary

PHONE_CONTRIBUTIONS = 200
DISPLAY_CONTRIBUTIONS = 60
REMOTE_RECENT = 200


def shared_view(state: SessionState, now: float) -> dict[str, Any]:
    """The parts every audience gets: block, timer, open prompt."""
    block = state.block
    timer = state.timer
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    return {
        "seq": state.seq,
        "agenda": {"title": state.agenda.title, "language": state.agenda.language},
        "started": state.started,
        "finished": state.finished,
        "block": {
            "index": block.index,
            "count": len(state.agenda.blocks),
            "title": block.title,
            "kind": block.kind,
            "minutes": block.minutes,
        },
        "timer": {"length": timer.length, "elapsed": round(timer.elapsed(now), 3), "running": timer.running},
        "prompt": prompt.to_json() if prompt else None,
        "recognition": state.recognition_open,
    }


def _on_open_prompt(state: SessionState) -> list[Contribution]:
    if state.open_prompt is None:
        return []
    return [c for c in state.contributions.values() if c.visible and c.prompt_id == state.open_prompt]


def phone_view(state: SessionState, now: float) -> dict[str, Any]:
    """The same view for every phone; nothing in it belongs to one phone."""
    view = shared_view(state, now)
    shown: list[dict[str, Any]] = []
    if state.recognition_open:
        visible = sorted(_on_open_prompt(state), key=lambda c: c.at)[-PHONE_CONTRIBUTIONS:]
        shown = [{"id": c.id, "text": c.text, "count": state.endorsement_count(c)} for c in visible]
    view["contributions"] = shown
    return view


def mine_view(state: SessionState, device: str, host_table: int | None = None) -> dict[str, Any]:
    """One phone's own things: its role, table, contributions and their status, what it recognised.

    A host's table comes from its token (`host_table`); a phone's from its seat at the theme tables.
    """
    known = state.devices.get(device)
    own = [state.contributions[cid] for cid in state.own.get(device, ())]
    table = None if host_table is not None else phone_table(state, device)
    return {
        "device": {
            "role": known.role if known else None,
            "table": host_table if host_table is not None else (table["number"] if table else None),
            "lang": known.lang if known else None,
        },
        "table": table,
        "mine": [
            {
                "id": c.id,
                "prompt": c.prompt_id,
                "text": c.text,
                "status": c.status,
                "held": c.held_reason,
                "withdrawn": c.withdrawn,
                "merged": c.merged_into is not None,
                "count": state.endorsement_count(c),
            }
            for c in own
        ],
        "endorsed": sorted(state.endorsed.get(device, ())),
        "responses": {
            prompt: {"value": answers[device].value, "comment": answers[device].comment}
            for prompt, answers in state.responses.items()
            if device in answers
        },
    }


def tally(state: SessionState) -> dict[str, Any] | None:
    """Answers per value of the open rating or choice prompt."""
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    if prompt is None or prompt.kind == "open":
        return None
    size = 5 if prompt.kind == "rating" else len(prompt.options)
    offset = 1 if prompt.kind == "rating" else 0
    counts = [0] * size
    for answer in state.responses.get(prompt.id, {}).values():
        if 0 <= answer.value - offset < size:
            counts[answer.value - offset] += 1
    return {"counts": counts, "total": sum(counts)}


def display_view(
    state: SessionState, now: float, *, join_url: str, room: str, connected: dict[str, int]
) -> dict[str, Any]:
    """The projector: only what the room may see."""
    view = shared_view(state, now)
    counts = {c.id: state.endorsement_count(c) for c in _on_open_prompt(state)}
    # Pinned first, then most recognised, then the newest: a full hall keeps seeing fresh answers come in.
    ranked = sorted(
        (state.contributions[cid] for cid in counts),
        key=lambda c: (not c.pinned, -counts[c.id], -c.at),
    )
    view["join"] = {"url": join_url, "room": room, "qr": "/qr.svg"}
    view["contributions"] = [
        {"id": c.id, "text": c.text, "count": counts[c.id], "role": c.role, "pinned": c.pinned}
        for c in ranked[:DISPLAY_CONTRIBUTIONS]
    ]
    view["tally"] = tally(state)
    view["summary"] = {
        "shown": state.summary_shown,
        "view": state.summary_view,
        "heard": heard(state) if state.summary_shown and state.summary_view == "heard" else [],
        "points": [p.text for p in state.key_points],
        "key_message": state.key_message,
        "contact": state.contact,
        "actions": [
            {"what": a.what, "owner": a.owner, "due": a.due, "status": a.status}
            for a in state.actions.values()
        ],
    }
    view["connected"] = {k: connected.get(k, 0) for k in ("parent", "staff", "unknown")}
    view["tables"] = display_tables(state, now)
    return view


HEARD_ITEMS = 4  # per question on the projector: the most recognised, readable from the back of the room


def heard(state: SessionState) -> list[dict[str, Any]]:
    """What was heard so far, per question: counts, who said it, and the most recognised answers."""
    result = []
    for prompt in running_summary(state).prompts:
        if not prompt.count:
            continue
        items = sorted(
            (item for group in prompt.groups for item in group.items),
            key=lambda i: (not i.pinned, -i.recognitions, -i.duplicates),
        )
        result.append(
            {
                "prompt": prompt.prompt.text if prompt.prompt else prompt.block_title,
                "translations": dict(prompt.prompt.translations) if prompt.prompt else {},
                "count": prompt.count,
                "roles": {"parent": prompt.roles.parent, "staff": prompt.roles.staff, "unknown": prompt.roles.unknown},
                "items": [{"text": i.text, "count": i.recognitions} for i in items[:HEARD_ITEMS]],
            }
        )
    return result


def _remote_contribution(state: SessionState, c: Contribution) -> dict[str, Any]:
    return {
        "id": c.id,
        "prompt": c.prompt_id,
        "block": c.block_index,
        "text": c.text,
        "at": c.at,
        "status": c.status,
        "held": c.held_reason,
        "tags": list(c.tags),
        "count": state.endorsement_count(c),
        "role": c.role,
        "source": c.source,
        "pinned": c.pinned,
        "withdrawn": c.withdrawn,
        "merged_into": c.merged_into,
    }


def remote_view(
    state: SessionState,
    now: float,
    *,
    connected: dict[str, int],
    base_url: str = "",
    handles: SeatHandles = PROCESS_HANDLES,
) -> dict[str, Any]:
    """The facilitator's remote: everything needed to steer and moderate, but no device ids."""
    view = shared_view(state, now)
    newest_first = sorted(state.contributions.values(), key=lambda c: c.at, reverse=True)
    pending = [c for c in newest_first if c.status == "pending" and not c.withdrawn]
    others = [c for c in newest_first if c.status != "pending" or c.withdrawn][:REMOTE_RECENT]
    chosen = sorted(pending + others, key=lambda c: c.at, reverse=True)
    view["blocks"] = [
        {
            "index": b.index,
            "title": b.title,
            "minutes": b.minutes,
            "kind": b.kind,
            "length": state.timers[b.index].length,
            "elapsed": round(state.timers[b.index].elapsed(now), 3),
        }
        for b in state.agenda.blocks
    ]
    view["points"] = list(state.block.points)
    view["prompts"] = [p.to_json() for p in state.block.prompts]
    view["contributions"] = [_remote_contribution(state, c) for c in chosen]
    view["auto_approve"] = state.auto_approve
    view["tally"] = tally(state)
    view["summary"] = {
        "shown": state.summary_shown,
        "view": state.summary_view,
        "points": [{"id": p.id, "text": p.text, "sources": list(p.sources)} for p in state.key_points],
        "key_message": state.key_message,
        "contact": state.contact,
    }
    view["actions"] = [
        {"id": a.id, "what": a.what, "owner": a.owner, "due": a.due, "status": a.status}
        for a in state.actions.values()
    ]
    view["devices"] = len(state.devices)
    view["connected"] = dict(connected)
    view["tables"] = remote_tables(state, now, base_url=base_url, handles=handles)
    return view


def change_key(view: dict[str, Any]) -> dict[str, Any]:
    """The view without what moves by itself (seq, a running timer's elapsed): equal keys need no resend."""
    key = {k: v for k, v in view.items() if k != "seq"}
    timer = dict(view["timer"])
    if timer["running"]:
        timer.pop("elapsed")
    key["timer"] = timer
    if "blocks" in key:
        key["blocks"] = [{k: v for k, v in b.items() if k != "elapsed"} for b in key["blocks"]]
    if "tables" in key:
        key["tables"] = strip_running(key["tables"])
    return key
