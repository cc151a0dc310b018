"""Questions to the school go through the same name check as answers: held with what was found, redacted in one
step, approved unchanged only when asked twice, and held later by the full check's findings (replayed too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.rules.screening import unscreened
from kiosk.core.session import SessionCore, replay, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock

PHONE = Actor("phone", device="ouder-telefoon-0001")
SYSTEM = Actor("system")


@pytest.fixture
def core(tmp_path: Path) -> SessionCore:
    core = start_session(open_event_log(tmp_path), load_agenda(default_agenda_path()), FakeClock())
    core.execute(Command("device/join", {"role": "parent"}, PHONE))
    return core


def ask(core: SessionCore, qid: str, text: str) -> None:
    core.execute(Command("question/add", {"id": qid, "text": text}, PHONE))


def test_a_question_with_a_name_is_held_with_what_was_found_and_redacted_in_one_step(
    core: SessionCore,
) -> None:
    ask(core, "q1", "Waarom reageert meneer Jansen nooit op mail?")
    q = core.state.questions.items["q1"]
    assert (q.status, q.held_reason) == ("pending", "name")
    assert [q.text[s[0] : s[1]] for s in q.spans] == ["Jansen"]
    with pytest.raises(CommandError) as refused:
        core.execute(Command("question/approve", {"id": "q1"}, Actor("remote")))
    assert refused.value.code == "confirm_needed"
    core.execute(Command("question/redact", {"id": "q1"}, Actor("remote")))
    q = core.state.questions.items["q1"]
    assert (q.status, q.text, q.held_reason, q.approved_by) == (
        "approved",
        "Waarom reageert meneer [naam] nooit op mail?",
        "name",
        "remote",
    )


def test_approving_a_held_question_unchanged_is_asked_twice_and_remembered(core: SessionCore) -> None:
    ask(core, "q1", "Kan juf Anna bellen naar 06-12345678?")
    core.execute(Command("question/approve", {"id": "q1", "confirm": True}))
    q = core.state.questions.items["q1"]
    assert (q.status, q.held_reason, q.approved_by) == ("approved", "phone_number", "facilitator")


def test_an_edited_question_needs_no_second_question(core: SessionCore) -> None:
    ask(core, "q1", "Wat vindt meneer Jansen hiervan?")
    core.execute(Command("question/edit", {"id": "q1", "text": "Wat vindt de mentor hiervan?"}))
    core.execute(Command("question/approve", {"id": "q1"}))
    assert core.state.questions.items["q1"].visible


def test_the_full_checks_finding_holds_an_auto_approved_question_and_survives_a_replay(
    core: SessionCore,
) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    text = (
        "Waarom mocht Gerard Brouwer niet mee op kamp?"  # no title, not in our lists: our rules let it pass
    )
    ask(core, "q1", text)
    assert core.state.questions.items["q1"].visible  # the full check was not ready yet
    assert ("question", "q1") in unscreened(core.state)  # it is checked once the full check is ready
    item = {"target": "question", "id": "q1", "text": text, "spans": [[13, 27, "name"]]}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))
    q = core.state.questions.items["q1"]
    assert (q.status, q.held_reason, q.screened) == ("pending", "name", True)
    assert ("question", "q1") not in unscreened(core.state)
    assert core.log is not None and core.info is not None
    again = replay(core.agenda, list(core.log.events(core.info.id))).questions.items["q1"]
    assert (again.status, again.held_reason, again.spans) == ("pending", "name", [[13, 27, "name"]])


def test_with_the_full_check_ready_auto_approve_waits_for_it_for_questions_too(core: SessionCore) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    core.full_check = True
    ask(core, "q1", "Komt er een ouderavond over huiswerk?")
    assert core.state.questions.items["q1"].status == "pending"
    item = {"target": "question", "id": "q1", "text": "Komt er een ouderavond over huiswerk?", "spans": []}
    core.execute(Command("moderation/screen", {"items": [item]}, SYSTEM))
    assert core.state.questions.items["q1"].visible
