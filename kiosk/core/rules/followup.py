"""After the evening: which key points, answers and questions an action responds to, and the letters sent."""

from __future__ import annotations

from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules.registry import Context, rule
from kiosk.core.state import Action, LetterMark, SessionState

MAX_LINKS = 50


def _ids(
    data: dict[str, Any], name: str, known: set[str] | dict[str, Any], what: str, code: str
) -> list[str]:
    """A list of existing ids without repeats, in the order given."""
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CommandError("bad_request", f"'{name}' must be a list of ids", field=name)
    if len(value) > MAX_LINKS:
        raise CommandError(
            "too_many_links", f"at most {MAX_LINKS} links of one kind per action", max=MAX_LINKS
        )
    unknown = [v for v in value if v not in known]
    if unknown:
        raise CommandError(code, f"there is no {what} {unknown[0]!r}")
    return list(dict.fromkeys(value))


@rule("action/link")
def _check_link(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """Set what an action responds to: the full lists of key point, contribution and question ids."""
    action = state.actions.get(cmd.data.get("id"))  # type: ignore[arg-type]
    if action is None:
        raise CommandError("unknown_action", "there is no such action")
    points = {p.id for p in state.key_points}
    key_points = (
        _ids(cmd.data, "key_points", points, "key point", "unknown_key_point")
        if "key_points" in cmd.data
        else None
    )
    contributions = (
        _ids(cmd.data, "contributions", state.contributions, "contribution", "unknown_contribution")
        if "contributions" in cmd.data
        else None
    )
    questions = (
        _ids(cmd.data, "questions", state.questions.items, "question", "unknown_question")
        if "questions" in cmd.data
        else None
    )
    if key_points is None and contributions is None and questions is None:
        raise CommandError("bad_request", "say 'key_points', 'contributions' or 'questions'")
    data: dict[str, Any] = {"id": action.id}
    if key_points is not None and key_points != action.key_points:
        data["key_points"] = key_points
    if contributions is not None and contributions != action.contributions:
        data["contributions"] = contributions
    if questions is not None and questions != action.questions:
        data["questions"] = questions
    return data if len(data) > 1 else None


@_check_link.applies
def _apply_link(state: SessionState, event: Event) -> Changes:
    action = state.actions[event.data["id"]]
    if "key_points" in event.data:
        action.key_points = list(event.data["key_points"])
    if "contributions" in event.data:
        action.contributions = list(event.data["contributions"])
    if "questions" in event.data:
        action.questions = list(event.data["questions"])
    return Changes(actions=one(action.id))


def action_snapshot(action: Action) -> dict[str, Any]:
    """What a letter tells about an action, to compare with the next letter."""
    return {
        "what": action.what,
        "owner": action.owner,
        "due": action.due,
        "status": action.status,
        "notes": len(action.notes),
    }


def actions_snapshot(state: SessionState) -> dict[str, dict[str, Any]]:
    return {action.id: action_snapshot(action) for action in state.actions.values()}


@rule("letter/exported")
def _check_letter(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """A letter to parents was written; the same actions as the last letter make no new mark (a re-export)."""
    snapshot = actions_snapshot(state)
    if state.letters and state.letters[-1].actions == snapshot:
        return None
    dated = cmd.data.get("dated", ctx.now)
    if isinstance(dated, bool) or not isinstance(dated, int | float):
        raise CommandError("bad_request", "'dated' is the letter's date in Unix seconds", field="dated")
    return {"actions": snapshot, "dated": float(dated)}


@_check_letter.applies
def _apply_letter(state: SessionState, event: Event) -> Changes:
    state.letters.append(LetterMark(event.data.get("dated", event.at), dict(event.data["actions"])))
    return Changes(letters=True)
