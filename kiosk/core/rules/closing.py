"""The closing: key points of "what did we hear", the key message, and the school's actions."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules.registry import Context, field_bool, field_int, field_str, rule
from kiosk.core.state import ACTION_STATUSES, SUMMARY_VIEWS, Action, ActionNote, KeyPoint, SessionState

MAX_KEY_POINTS = 50
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _key_point(state: SessionState, data: dict[str, Any]) -> KeyPoint:
    for point in state.key_points:
        if point.id == data.get("id"):
            return point
    raise CommandError("unknown_key_point", "there is no such key point")


def _sources(state: SessionState, data: dict[str, Any]) -> list[str]:
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(s in state.contributions for s in sources):
        raise CommandError("unknown_contribution", "a key point can only point at existing contributions")
    return list(dict.fromkeys(sources))


@rule("keypoint/add")
def _check_kp_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    if len(state.key_points) >= MAX_KEY_POINTS:
        raise CommandError("too_many_key_points", f"at most {MAX_KEY_POINTS} key points")
    text = field_str(cmd.data, "text")
    if not text:
        raise CommandError("empty", "write the key point first")
    return {"id": ctx.new_id(), "text": text, "sources": _sources(state, cmd.data)}


@_check_kp_add.applies
def _apply_kp_add(state: SessionState, event: Event) -> Changes:
    state.key_points.append(KeyPoint(event.data["id"], event.data["text"], list(event.data["sources"])))
    return Changes(key_points=one(event.data["id"]))


@rule("keypoint/edit")
def _check_kp_edit(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    point = _key_point(state, cmd.data)
    text = field_str(cmd.data, "text")
    if not text:
        raise CommandError("empty", "a key point cannot be empty; remove it instead")
    return None if text == point.text else {"id": point.id, "text": text}


@_check_kp_edit.applies
def _apply_kp_edit(state: SessionState, event: Event) -> Changes:
    _key_point(state, event.data).text = event.data["text"]
    return Changes(key_points=one(event.data["id"]))


@rule("keypoint/remove")
def _check_kp_remove(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    return {"id": _key_point(state, cmd.data).id}


@_check_kp_remove.applies
def _apply_kp_remove(state: SessionState, event: Event) -> Changes:
    state.key_points = [p for p in state.key_points if p.id != event.data["id"]]
    return Changes(key_points=one(event.data["id"]))


@rule("keypoint/move")
def _check_kp_move(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    point = _key_point(state, cmd.data)
    to = field_int(cmd.data, "to", lo=0, hi=max(0, len(state.key_points) - 1))
    return None if state.key_points.index(point) == to else {"id": point.id, "to": to}


@_check_kp_move.applies
def _apply_kp_move(state: SessionState, event: Event) -> Changes:
    point = _key_point(state, event.data)
    state.key_points.remove(point)
    state.key_points.insert(event.data["to"], point)
    return Changes(key_points=one(point.id))


@rule("summary/show")
def _check_summary_show(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    on = field_bool(cmd.data, "on")
    view = cmd.data.get("view", "points" if on else state.summary_view)
    if view not in SUMMARY_VIEWS:
        raise CommandError("bad_request", f"view is one of {', '.join(SUMMARY_VIEWS)}", field="view")
    if on == state.summary_shown and view == state.summary_view:
        return None
    return {"on": on, "view": view}


@_check_summary_show.applies
def _apply_summary_show(state: SessionState, event: Event) -> Changes:
    state.summary_shown = event.data["on"]
    state.summary_view = event.data.get("view", "points")
    return Changes(summary=True)


@rule("closing/set")
def _check_closing(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    if "key_message" in cmd.data:
        data["key_message"] = field_str(cmd.data, "key_message", max_len=4000)
    if "contact" in cmd.data:
        data["contact"] = field_str(cmd.data, "contact", max_len=2000)
    if not data:
        raise CommandError("bad_request", "say 'key_message' or 'contact'")
    if all(getattr(state, k) == v for k, v in data.items()):
        return None
    return data


@_check_closing.applies
def _apply_closing(state: SessionState, event: Event) -> Changes:
    if "key_message" in event.data:
        state.key_message = event.data["key_message"]
    if "contact" in event.data:
        state.contact = event.data["contact"]
    return Changes(summary=True)


def _due(data: dict[str, Any]) -> str:
    due = field_str(data, "due", required=False, max_len=40)
    if due:
        try:
            if not _DATE.fullmatch(due):
                raise ValueError(due)
            date.fromisoformat(due)
        except ValueError:
            raise CommandError("bad_date", "a due date looks like 2026-12-31", field="due") from None
    return due


def _status(data: dict[str, Any], default: str | None) -> str | None:
    status = data.get("status", default)
    if status is not None and status not in ACTION_STATUSES:
        raise CommandError(
            "bad_status", f"status is one of {', '.join(ACTION_STATUSES)}", allowed=list(ACTION_STATUSES)
        )
    return status


def _due_ahead(data: dict[str, Any], now: float) -> str:
    """A new action's due date: today or later. One already passed would stand as late in the letter to parents
    on the very evening it was promised."""
    due = _due(data)
    today = date.fromtimestamp(now)
    if due and date.fromisoformat(due) < today:
        raise CommandError(
            "due_passed", f"the date {due} has passed", field="due", due=due, today=today.isoformat()
        )
    return due


@rule("action/add")
def _check_action_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    what = field_str(cmd.data, "what")
    if not what:
        raise CommandError("empty", "say what the school will do")
    return {
        "id": ctx.new_id(),
        "what": what,
        "owner": field_str(cmd.data, "owner", required=False, max_len=200),
        "due": _due_ahead(cmd.data, ctx.now),
        "status": _status(cmd.data, "planned"),
    }


@_check_action_add.applies
def _apply_action_add(state: SessionState, event: Event) -> Changes:
    d = event.data
    state.actions[d["id"]] = Action(
        d["id"], d["what"], d["owner"], d["due"], d["status"], created_at=event.at
    )
    return Changes(actions=one(d["id"]))


@rule("action/update")
def _check_action_update(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    action = state.actions.get(cmd.data.get("id"))  # type: ignore[arg-type]
    if action is None:
        raise CommandError("unknown_action", "there is no such action")
    data: dict[str, Any] = {"id": action.id}
    if "what" in cmd.data:
        data["what"] = field_str(cmd.data, "what") or action.what
    if "owner" in cmd.data:
        data["owner"] = field_str(cmd.data, "owner", required=False, max_len=200)
    if "due" in cmd.data:
        data["due"] = _due(cmd.data)
    status = _status(cmd.data, None)
    if status is not None:
        data["status"] = status
    note = field_str(cmd.data, "note", required=False, max_len=2000)
    if note:
        data["note"] = note
    if len(data) == 1:
        return None
    return data


@_check_action_update.applies
def _apply_action_update(state: SessionState, event: Event) -> Changes:
    d = event.data
    action = state.actions[d["id"]]
    for key in ("what", "owner", "due", "status"):
        if key in d:
            setattr(action, key, d[key])
    if "note" in d or "status" in d:
        action.notes.append(ActionNote(at=event.at, text=d.get("note", ""), status=action.status))
    return Changes(actions=one(action.id))
