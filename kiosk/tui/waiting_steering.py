"""`w` from any screen: to the next answer or question that waits, or to the held comments when only those wait."""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.core.readings.waiting import held_texts, waiting_answer_ids, waiting_of, waiting_question_ids
from kiosk.tui.waiting import next_waiting

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp


class RowTable(Protocol):
    """The feed's and the questions' list: rows keyed by the item's id."""

    @property
    def ordered_rows(self) -> Any: ...

    def selected_id(self) -> str | None: ...

    def get_row_index(self, row_key: str) -> int: ...

    def move_cursor(self, *, row: int) -> None: ...


def cursor_to_next_waiting(table: RowTable, waits: Container[str], after: str | None) -> bool:
    """Put the list's cursor on the first waiting row after `after` (else after the cursor's own row)."""
    order = [row.key.value for row in table.ordered_rows if row.key.value is not None]
    target = next_waiting(order, waits, after if after is not None else table.selected_id())
    if target is None:
        return False
    table.move_cursor(row=table.get_row_index(target))
    return True


class ModeratingScreen(Protocol):
    """The feed and the questions screen: each puts its cursor on its next waiting item."""

    def select_next_waiting(self, after: str | None = None) -> bool: ...


async def go_to_waiting(app: KioskApp) -> None:
    state = app.state
    answers = waiting_answer_ids(state)
    questions = waiting_question_ids(state)
    # Where the facilitator already is wins: on the questions screen the next question, else answers first.
    if questions and (app.current_mode == "room_questions" or not answers):
        mode = "room_questions"
    elif answers:
        mode = "feed"
    elif held_texts(state):
        await app.switch_mode("feed")
        await app.screen.run_action("held_texts")
        return
    else:
        app.notify(app.t("strip.nothing_to_go_to"))
        return
    if app.current_mode != mode:
        await app.switch_mode(mode)
    screen: ModeratingScreen = app.screen  # type: ignore[assignment]
    screen.select_next_waiting()


def finish_question(app: KioskApp) -> str:
    """ "Close the evening?", saying first how many answers, questions and comments still wait, if any."""
    t = app.t
    waiting = waiting_of(app.state)
    parts: list[str] = []
    for kind, count, held in (
        ("answers", waiting.answers, waiting.answers_held),
        ("questions", waiting.questions, waiting.questions_held),
    ):
        if count:
            part = t.plural(f"finish.waiting_{kind}", count)
            parts.append(part + (f" ({t.plural('finish.held', held)})" if held else ""))
    if waiting.texts_held:
        parts.append(t.plural("finish.waiting_texts", waiting.texts_held))
    question = t("finish.question")
    return f"{t('finish.waiting', what=', '.join(parts))}\n\n{question}" if parts else question
