"""The closing: key points, key message, and the actions the school takes on."""

from __future__ import annotations

import pytest

from kiosk.core.events import Command, CommandError
from kiosk.core.session import SessionCore


@pytest.fixture
def core(agenda, clock) -> SessionCore:
    return SessionCore(agenda, clock=clock)


def test_key_points_are_added_edited_reordered_and_removed(core) -> None:
    core.execute(Command("contribution/add", {"id": "p1", "text": "Meer contact", "source": "spoken"}))
    first = core.execute(Command("keypoint/add", {"text": "Niet oordelen", "sources": ["p1"]})).event
    second = core.execute(Command("keypoint/add", {"text": "Heb geduld"})).event
    assert first and second
    core.execute(Command("keypoint/move", {"id": second.data["id"], "to": 0}))
    core.execute(Command("keypoint/edit", {"id": first.data["id"], "text": "Niet oordelen, vraag door"}))
    assert [p.text for p in core.state.key_points] == ["Heb geduld", "Niet oordelen, vraag door"]
    assert core.state.key_points[1].sources == ["p1"]
    core.execute(Command("keypoint/remove", {"id": second.data["id"]}))
    assert [p.text for p in core.state.key_points] == ["Niet oordelen, vraag door"]


def test_a_key_point_cannot_cite_a_contribution_that_does_not_exist(core) -> None:
    with pytest.raises(CommandError) as err:
        core.execute(Command("keypoint/add", {"text": "x", "sources": ["nope"]}))
    assert err.value.code == "unknown_contribution"


def test_actions_keep_their_progress_history(core, clock) -> None:
    event = core.execute(
        Command(
            "action/add", {"what": "Startgesprek in september", "owner": "teamleider", "due": "2027-09-30"}
        )
    ).event
    assert event
    action_id = event.data["id"]
    clock.advance(86400 * 30)
    core.execute(
        Command("action/update", {"id": action_id, "status": "in_progress", "note": "Planning gemaakt"})
    )
    action = core.state.actions[action_id]
    assert (action.status, action.owner, action.due) == ("in_progress", "teamleider", "2027-09-30")
    assert [(n.text, n.status) for n in action.notes] == [("Planning gemaakt", "in_progress")]
    with pytest.raises(CommandError) as err:
        core.execute(Command("action/update", {"id": action_id, "due": "volgende week"}))
    assert err.value.code == "bad_date"
    with pytest.raises(CommandError) as err:
        core.execute(Command("action/update", {"id": action_id, "due": "2026-13-01"}))
    assert err.value.code == "bad_date"


def test_key_message_starts_from_the_agenda_and_can_be_rewritten(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    core.execute(
        Command("closing/set", {"key_message": "Blijf het gesprek aangaan", "contact": "Nieuwsbrief"})
    )
    assert (core.state.key_message, core.state.contact) == ("Blijf het gesprek aangaan", "Nieuwsbrief")
    assert not core.execute(Command("closing/set", {"contact": "Nieuwsbrief"})).changed


def test_the_projector_summary_shows_key_points_or_what_was_heard(core) -> None:
    core.execute(Command("summary/show", {"on": True, "view": "heard"}))
    assert (core.state.summary_shown, core.state.summary_view) == (True, "heard")
    core.execute(Command("summary/show", {"on": False}))
    assert (core.state.summary_shown, core.state.summary_view) == (False, "heard")
    core.execute(Command("summary/show", {"on": True}))
    assert core.state.summary_view == "points"
    with pytest.raises(CommandError) as err:
        core.execute(Command("summary/show", {"on": True, "view": "everything"}))
    assert err.value.code == "bad_request"


def test_an_action_due_before_the_evening_is_refused_with_today_in_the_message(core, clock) -> None:
    from datetime import date, timedelta

    from kiosk.catalog import catalog

    today = date.fromtimestamp(clock())
    yesterday = (today - timedelta(days=1)).isoformat()
    with pytest.raises(CommandError) as err:
        core.execute(Command("action/add", {"what": "Ouders bellen", "due": yesterday}))
    assert err.value.code == "due_passed" and not core.state.actions
    said = catalog("nl")("error.due_passed", **err.value.params)
    assert said == f"De datum {yesterday} is al voorbij; kies vandaag ({today.isoformat()}) of later."
    core.execute(Command("action/add", {"what": "Ouders bellen", "due": today.isoformat()}))  # today is fine
    assert [a.due for a in core.state.actions.values()] == [today.isoformat()]
