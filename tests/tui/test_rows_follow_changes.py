"""Whatever a random evening does, the feed's rows and the questions screen's rows equal a fresh build from the state.

The same random command streams as the wire's property test (tests/hub/test_changes_replay.py), the full name
check's findings included, run against the app with its feed and questions screens open; at the end every row
must say what the state says, in the order a fresh build gives, with no key pressed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.events import Actor, Command
from kiosk.core.readings.questions import for_facilitator
from kiosk.core.session import SessionCore
from kiosk.tui.app import KioskApp
from kiosk.tui.screens import questions as questions_screen
from kiosk.tui.screens.feed import FeedScreen
from kiosk.tui.widgets.feed_table import COLUMNS, FeedTable, in_filter
from kiosk.tui.widgets.question_table import COLUMNS as QUESTION_COLUMNS
from kiosk.tui.widgets.question_table import QuestionTable
from tests.hub.test_changes_replay import (
    AGENDA,
    DIALOGUE,
    IDS,
    PHONES,
    QIDS,
    asking,
    common,
    play,
    screening,
)

from .conftest import SIZE, SteppedClock


def feed_rows(table: FeedTable) -> list[tuple[str, list[str]]]:
    return [
        (str(row.key.value), [str(table.get_cell(row.key, c)) for c in COLUMNS]) for row in table.ordered_rows
    ]


def fresh_feed_rows(table: FeedTable, core: SessionCore) -> list[tuple[str, list[str]]]:
    state = core.state
    rows = []
    for c in state.contributions.values():
        if in_filter(c, table.filter):
            recognitions = 0 if c.merged_into is not None else state.endorsement_count(c)
            rows.append((c.id, [str(cell) for cell in table.cells(c, recognitions)]))
    return rows


def question_rows(table: QuestionTable) -> list[tuple[str, list[str]]]:
    return [
        (str(row.key.value), [str(table.get_cell(row.key, c)) for c in QUESTION_COLUMNS])
        for row in table.ordered_rows
    ]


def fresh_question_rows(table: QuestionTable, core: SessionCore) -> list[tuple[str, list[str]]]:
    return [(q.id, [str(cell) for cell in table.cells(q)]) for q in for_facilitator(core.state)]


async def evening(plan: list[tuple[Any, ...]]) -> None:
    core = SessionCore(AGENDA, clock=SteppedClock())
    core.execute(Command("block/jump", {"index": DIALOGUE.index}))
    for device in PHONES:  # the hub joins a phone at its first deed; here there is no hub
        core.execute(Command("device/join", {"lang": "nl"}, Actor("phone", device=device)))
    app = KioskApp(core)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        questions = app.screen.query_one(QuestionTable)
        await pilot.press("2")
        feed_screen = app.screen
        assert isinstance(feed_screen, FeedScreen)
        feed = feed_screen.query_one(FeedTable)
        for n, step in enumerate(plan):
            if not play(step, core):
                continue
            if n % 3 == 0:
                await pilot.pause()  # some steps reach the screens on their own, others in a burst
        await pilot.pause()
        while feed_screen.backlog:
            await pilot.pause()
        await asyncio.sleep(2 * questions_screen.VOTES_EVERY)
        await pilot.pause()
        assert feed_rows(feed) == fresh_feed_rows(feed, core)
        assert len(core.state.contributions) == 0 or feed.row_count > 0 or feed.filter != "all"
        assert question_rows(questions) == fresh_question_rows(questions, core)


# What moves rows most: answers and questions coming, moderated, screened by the name check, backed by phones.
rows_steps = st.lists(
    st.one_of(
        common,
        common,
        screening,
        screening,
        asking,
        st.tuples(st.sampled_from(["contribution/redact", "question/redact"]), st.sampled_from(IDS + QIDS)),
        st.tuples(st.just("contribution/merge"), st.sampled_from(IDS), st.sampled_from(IDS)),
        st.tuples(st.just("settings/auto_approve"), st.booleans()),
        st.tuples(st.just("full_check"), st.booleans()),
        st.tuples(st.just("prompt/recognition"), st.booleans()),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=rows_steps)
def test_the_feed_and_the_questions_rows_equal_a_fresh_build(plan: list[tuple[Any, ...]]) -> None:
    votes_every = questions_screen.VOTES_EVERY
    questions_screen.VOTES_EVERY = 0.01  # upvotes alone redraw the list after this; shortened, not skipped
    try:
        asyncio.run(evening(plan))
    finally:
        questions_screen.VOTES_EVERY = votes_every
