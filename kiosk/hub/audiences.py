"""Each stream's view, kept up to date from the core's `Changes`: its fields built again only when something they
show changed, its lists (answers, questions) by the ids that changed.

A `View` answers two questions for the publisher: what does a new client get (`current`), and which messages take
the clients that hold the view to what the state is now (`update`). The recognition and upvote snapshots are
shared with the publisher, which refreshes them at most about once a second and then names the ids whose counts
moved (`Changes.recognitions`, `Changes.votes`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from kiosk.core.changes import EMPTY, Changes
from kiosk.core.state import SessionState
from kiosk.hub.changes import diff, field_changes
from kiosk.hub.question_views import (
    Votes,
    display_questions,
    live_votes,
    phone_questions,
    question_totals,
    remote_questions,
)
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.selections import Delta, Selection
from kiosk.hub.views import (
    Counts,
    Window,
    display_answers,
    display_fields,
    phone_answers,
    phone_fields,
    remote_answers,
    remote_fields,
    remote_totals,
)

Fields = Callable[[], dict[str, Any]]
When = Callable[[Changes], bool]


def never(changes: Changes) -> bool:
    return False


@dataclass
class Lists:
    """An audience's bounded lists: its answers and its questions, and when each must be chosen afresh."""

    answers: Selection[Any]
    questions: Selection[Any]
    answers_afresh: When = never  # what an answer must be to be listed changed for every answer at once
    questions_afresh: When = never


class View:
    """One stream's view: the fields and the two lists, and the messages that bring its clients up to date."""

    def __init__(self, fields: Fields, lists: Lists, refresh: When) -> None:
        self._fields = fields
        self.lists = lists
        self._refresh = refresh
        self.fields = fields()

    def current(self) -> dict[str, Any]:
        """The whole view, as a new client gets it in `state/reset`."""
        return {
            **self.fields,
            "contributions": self.lists.answers.listed(),
            "questions": self.lists.questions.listed(),
        }

    def update(self, changes: Changes, *, fields: bool = False) -> list[dict[str, Any]]:
        """The messages that take a client holding this view to the state as it is now (in the wire's order:
        fields, then each list's removed, changed, added and counts)."""
        lists = self.lists
        answers = _take(lists.answers, changes.answers | changes.recognitions, lists.answers_afresh(changes))
        questions = _take(lists.questions, changes.questions | changes.votes, lists.questions_afresh(changes))
        messages: list[dict[str, Any]] = []
        if fields or self._refresh(changes):
            now = self._fields()
            changed = field_changes(self.fields, now)
            self.fields = now
            if changed:
                messages.append({"type": "state/set", "set": changed})
        messages += answers.messages("contributions", lists.answers.spec.by)
        messages += questions.messages("questions", lists.questions.spec.by)
        return messages

    def become(self, other: View) -> list[dict[str, Any]]:
        """Turn into another view of the same audience (a remote chose another window): the messages between."""
        before = self.current()
        self._fields, self.lists, self._refresh, self.fields = (
            other._fields,
            other.lists,
            other._refresh,
            other.fields,
        )
        return diff(before, self.current())


def _take(selection: Selection[Any], ids: frozenset[str], afresh: bool) -> Delta:
    if afresh:
        return selection.rebuild()
    return selection.update(ids) if ids else Delta()


# -- the audiences -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshots:
    """What every view of the hub reads besides the state: the time, and the counts as last refreshed."""

    state: Callable[[], SessionState]
    now: Callable[[], float]
    counts: Counts
    votes: Votes


def _prompt_moved(changes: Changes) -> bool:
    return changes.prompt or changes.recognition


def phone_audience(at: Snapshots, lang: str | None) -> View:
    """Every phone (and host) of one language: the block, the open question, and while recognition is open the
    newest answers to it; the room's top questions."""
    state = at.state()
    lists = Lists(
        Selection(phone_answers(state, at.counts)),
        Selection(phone_questions(state, at.votes)),
        answers_afresh=_prompt_moved,
    )
    return View(
        lambda: phone_fields(state, at.now(), lang),
        lists,
        lambda c: c.block or c.timer or c.prompt or c.recognition or c.finished,
    )


def display_audience(
    at: Snapshots, join: Callable[[], tuple[str, str]], connected: Callable[[], dict[str, int]]
) -> View:
    """The projector: the wall of the open question, the summary, the tables, the top questions when shown."""
    state = at.state()

    def fields() -> dict[str, Any]:
        url, room = join()
        return display_fields(state, at.now(), join_url=url, room=room, connected=connected())

    def refresh(c: Changes) -> bool:
        heard_shown = state.summary_shown and state.summary_view == "heard"
        return (
            c.fields_changed
            or bool(c.joined or c.tables or c.responses or c.key_points or c.actions)
            or c.settings
            or (heard_shown and bool(c.answers or c.recognitions))
        )

    lists = Lists(
        Selection(display_answers(state, at.counts)),
        Selection(display_questions(state, at.votes)),
        answers_afresh=lambda c: c.prompt,
        questions_afresh=lambda c: c.settings,
    )
    return View(fields, lists, refresh)


def remote_audience(
    at: Snapshots,
    window: Window,
    connected: Callable[[], dict[str, int]],
    base: Callable[[], str],
    handles: SeatHandles,
) -> View:
    """One remote: everything to steer and moderate, the answers of its window with totals, the questions."""
    state = at.state()
    lists = Lists(
        Selection(remote_answers(state, at.counts, window)), Selection(remote_questions(state, at.votes))
    )

    def fields() -> dict[str, Any]:
        return remote_fields(
            state,
            at.now(),
            connected=connected(),
            window=window,
            totals=remote_totals(lists.answers.totals, window),
            question_totals=question_totals(lists.questions.totals),
            base_url=base(),
            handles=handles,
        )

    return View(fields, lists, _besides_counts)


def _besides_counts(changes: Changes) -> bool:
    """Anything changed but recognitions and upvotes (which go out in count batches) and a phone's own things."""
    return bool(replace(changes, recognitions=EMPTY, votes=EMPTY, devices=EMPTY, new_text=frozenset()))


# -- whole views, as a new client gets them ----------------------------------------------------------------------


def _snapshots(state: SessionState, now: float, counts: Counts) -> Snapshots:
    return Snapshots(lambda: state, lambda: now, counts, live_votes(state))


def phone_view(state: SessionState, now: float, counts: Counts, lang: str | None = None) -> dict[str, Any]:
    """What every phone of one language gets (see `phone_audience`)."""
    return phone_audience(_snapshots(state, now, counts), lang).current()


def display_view(
    state: SessionState, now: float, *, join_url: str, room: str, connected: dict[str, int], counts: Counts
) -> dict[str, Any]:
    """What the projector gets (see `display_audience`)."""
    return display_audience(
        _snapshots(state, now, counts), lambda: (join_url, room), lambda: connected
    ).current()


def remote_view(
    state: SessionState,
    now: float,
    *,
    connected: dict[str, int],
    counts: Counts,
    window: Window | None = None,
    base_url: str = "",
    handles: SeatHandles = PROCESS_HANDLES,
) -> dict[str, Any]:
    """What a remote gets (see `remote_audience`)."""
    at = _snapshots(state, now, counts)
    return remote_audience(at, window or Window(), lambda: connected, lambda: base_url, handles).current()
