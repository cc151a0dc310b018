"""The next or previous question of the current block: what `→` and `←` on the run screen open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.core.state import SessionState

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp


def neighbour_prompt(state: SessionState, step: int) -> str | None:
    """The id of the question `step` places from the open one within this block; None past either end.

    With no question of this block open, forward opens the first and backward the last.
    """
    ids = [prompt.id for prompt in state.block.prompts]
    if not ids:
        return None
    if state.open_prompt not in ids:
        return ids[0] if step > 0 else ids[-1]
    index = ids.index(state.open_prompt) + step
    return ids[index] if 0 <= index < len(ids) else None


def step_question(app: KioskApp, step: int) -> None:
    """Open the next (step 1) or previous (step -1) question of the block, or say why not."""
    state = app.state
    if not state.block.prompts:
        app.notify(app.t("run.block_has_no_questions"), severity="warning")
        return
    prompt_id = neighbour_prompt(state, step)
    if prompt_id is None:
        app.notify(app.t("run.last_question" if step > 0 else "run.first_question"), severity="warning")
        return
    app.steer("prompt/open", prompt=prompt_id)


def presenting_now(state: SessionState) -> bool:
    """The tables present (the agenda's presentations block, the room divided): `→` and `←` step through them."""

    return state.block.kind == "presentations" and state.tables.assigned and not state.block.prompts


def step_presentation(app: KioskApp, step: int) -> None:
    """The next (starting them the first time) or previous table's presentation."""

    if app.state.tables.presentation is None:
        if step > 0:
            app.steer("presentation/start")
        return
    app.steer("presentation/next" if step > 0 else "presentation/previous")
