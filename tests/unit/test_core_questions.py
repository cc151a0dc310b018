"""Questions to the school: asked at any moment, moderated like answers, upvoted once per phone, answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.readings.questions import answered_questions, for_facilitator, top_questions
from kiosk.core.rules.contributions import MAX_PENDING
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import small_agenda

MOM = Actor("phone", device="device-mom-1")
DAD = Actor("phone", device="device-dad-2")
TEACHER = Actor("phone", device="device-teacher")
STRANGER = Actor("phone", device="device-never-joined")
REMOTE = Actor("remote")


@pytest.fixture
def core(agenda, clock) -> SessionCore:
    core = SessionCore(agenda, clock=clock)
    core.execute(Command("device/join", {"role": "parent"}, MOM))
    core.execute(Command("device/join", {"role": "parent"}, DAD))
    core.execute(Command("device/join", {"role": "staff"}, TEACHER))
    return core


def ask(core: SessionCore, actor: Actor, id_: str, text: str):
    return core.execute(Command("question/add", {"id": id_, "text": text}, actor))


def upvote(core: SessionCore, actor: Actor, id_: str, on: bool = True):
    return core.execute(Command("question/upvote", {"id": id_, "on": on}, actor))


def error_code(fn) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError) as err:
        fn()
    return err.value.code


def test_a_parent_asks_with_no_prompt_open_and_it_waits_for_the_facilitator(core) -> None:
    assert core.state.open_prompt is None
    ask(core, MOM, "q1", "Wanneer komen de rapporten?")
    question = core.state.questions.items["q1"]
    assert (question.status, question.role, question.text) == (
        "pending",
        "parent",
        "Wanneer komen de rapporten?",
    )
    assert top_questions(core.state, 50) == []
    core.execute(Command("question/approve", {"id": "q1"}, REMOTE))
    assert [q.id for q in top_questions(core.state, 50)] == ["q1"]


def test_a_parent_asks_during_the_break_of_the_shipped_evening(clock) -> None:
    core = SessionCore(load_agenda(default_agenda_path()), clock=clock)
    core.execute(Command("device/join", {"role": "parent"}, DAD))
    break_index = next(b.index for b in core.agenda.blocks if b.kind == "break")
    core.execute(Command("block/jump", {"index": break_index}))
    core.execute(Command("block/start"))
    assert core.state.open_prompt is None
    assert ask(core, DAD, "q1", "Is er een ouderraad?").changed


def test_a_question_with_a_name_is_held_even_with_auto_approve(core) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    ask(core, MOM, "q1", "Waarom geeft meneer Jansen zoveel huiswerk?")
    ask(core, DAD, "q2", "Komt er een schoolfeest?")
    questions = core.state.questions.items
    assert (questions["q1"].status, questions["q1"].held_reason) == ("pending", "name")
    assert (questions["q2"].status, questions["q2"].held_reason) == ("approved", None)
    core.execute(Command("question/edit", {"id": "q1", "text": "Waarom krijgen ze zoveel huiswerk?"}))
    core.execute(Command("question/approve", {"id": "q1"}))  # edited: no second question
    # The history keeps why it was held and who showed it.
    assert (questions["q1"].status, questions["q1"].held_reason, questions["q1"].approved_by) == (
        "approved",
        "name",
        "facilitator",
    )


def test_text_is_cleaned_and_limited_like_answers(core) -> None:
    ask(core, MOM, "q1", "  Hoe\x00 laat \u202e begint  school? ")
    assert core.state.questions.items["q1"].text == "Hoe laat begint school?"
    assert error_code(lambda: ask(core, MOM, "q2", " \n ")) == "empty"
    assert error_code(lambda: ask(core, MOM, "q3", "x" * 501)) == "too_long"
    assert error_code(lambda: ask(core, MOM, "bad id!", "Vraag")) == "bad_request"


def test_a_resend_is_stored_once_and_another_phone_cannot_take_its_id(core) -> None:
    assert ask(core, MOM, "q1", "Vraag").changed
    assert not ask(core, MOM, "q1", "Vraag").changed
    assert error_code(lambda: ask(core, DAD, "q1", "Andere vraag")) == "id_taken"
    assert error_code(lambda: ask(core, STRANGER, "q9", "Vraag")) == "not_joined"


def test_a_phone_has_at_most_so_many_questions_waiting(core) -> None:
    for n in range(MAX_PENDING):
        ask(core, MOM, f"q{n}", f"Vraag {n}")
    assert error_code(lambda: ask(core, MOM, "qx", "Nog een")) == "too_many_questions"
    core.execute(Command("question/hide", {"id": "q0"}))
    assert ask(core, MOM, "qx", "Nog een").changed


def test_upvote_once_per_phone_not_your_own_and_only_approved_ones(core) -> None:
    ask(core, MOM, "q1", "Vraag van mama")
    assert error_code(lambda: upvote(core, DAD, "q1")) == "unknown_question"  # not approved yet
    core.execute(Command("question/approve", {"id": "q1"}))
    assert upvote(core, DAD, "q1").changed
    assert not upvote(core, DAD, "q1").changed  # a resend counts once
    assert upvote(core, TEACHER, "q1").changed
    assert error_code(lambda: upvote(core, MOM, "q1")) == "own_question"
    assert error_code(lambda: upvote(core, DAD, "nope")) == "unknown_question"
    assert error_code(lambda: core.execute(Command("question/upvote", {"id": "q1"}))) == "bad_device"
    assert core.state.questions.items["q1"].votes == {DAD.device, TEACHER.device}
    assert upvote(core, DAD, "q1", on=False).changed
    assert core.state.questions.voted[DAD.device] == set()


def test_the_room_sees_the_most_upvoted_first(core) -> None:
    for qid in ("q1", "q2", "q3"):
        ask(core, MOM, qid, f"Vraag {qid}")
        core.execute(Command("question/approve", {"id": qid}))
    upvote(core, DAD, "q3")
    upvote(core, TEACHER, "q3")
    upvote(core, DAD, "q2")
    assert [q.id for q in top_questions(core.state, 2)] == ["q3", "q2"]
    ask(core, DAD, "q4", "Nog niet bekeken")
    assert [q.id for q in for_facilitator(core.state)] == ["q4", "q3", "q2", "q1"]


def test_only_who_steers_answers_moderates_and_shows_questions(core) -> None:
    ask(core, MOM, "q1", "Vraag")
    for type_, data in (
        ("question/answer", {"id": "q1", "answer": "later"}),
        ("question/approve", {"id": "q1"}),
        ("question/hide", {"id": "q1"}),
        ("display/questions", {"on": True}),
    ):
        with pytest.raises(CommandError, match="may not"):
            core.execute(Command(type_, data, DAD))
    assert error_code(lambda: core.execute(Command("question/answer", {"id": "q1", "answer": "soon"}))) == (
        "bad_request"
    )
    core.execute(Command("question/answer", {"id": "q1", "answer": "later"}, REMOTE))
    assert core.state.questions.items["q1"].answer == "later"
    core.execute(Command("display/questions", {"on": True}, REMOTE))
    assert core.state.questions.on_display


def test_answered_later_lists_reviewed_text_only_and_counts_the_rest(core) -> None:
    ask(core, MOM, "q1", "Komt er een schoolfeest?")
    ask(core, DAD, "q2", "Waarom is meneer Jansen nooit bereikbaar?")  # held: a name
    ask(core, TEACHER, "q3", "Hoe laat begint de les?")
    core.execute(Command("question/approve", {"id": "q1"}))
    core.execute(Command("question/approve", {"id": "q3"}))
    for qid, answer in (("q1", "later"), ("q2", "later"), ("q3", "now")):
        core.execute(Command("question/answer", {"id": qid, "answer": answer}))
    result = answered_questions(core.state)
    assert result.later == (("Komt er een schoolfeest?", 0),)
    assert (result.later_held, result.now, result.asked) == (1, 1, 3)


def test_no_questions_after_the_evening_is_closed(core) -> None:
    ask(core, MOM, "q1", "Vraag")
    core.execute(Command("question/approve", {"id": "q1"}))
    core.execute(Command("session/finish"))
    assert error_code(lambda: ask(core, DAD, "q2", "Te laat")) == "session_finished"
    assert error_code(lambda: upvote(core, DAD, "q1")) == "session_finished"


def test_questions_survive_a_restart_from_the_sqlite_log(tmp_path: Path, clock) -> None:
    log = open_event_log(tmp_path / "data")
    live = start_session(log, small_agenda(), clock)
    live.execute(Command("device/join", {"role": "parent"}, MOM))
    live.execute(Command("device/join", {}, DAD))
    ask(live, MOM, "q1", "Komt er een schoolfeest?")
    live.execute(Command("question/approve", {"id": "q1"}))
    upvote(live, DAD, "q1")
    live.execute(Command("question/answer", {"id": "q1", "answer": "later"}))
    live.execute(Command("display/questions", {"on": True}))
    log.close()
    reopened = open_event_log(tmp_path / "data")
    info = reopened.sessions()[0]
    resumed = SessionCore(small_agenda(), clock=clock, events=reopened.events(info.id))
    assert resumed.state == live.state
    question = resumed.state.questions.items["q1"]
    assert (question.votes, question.answer, resumed.state.questions.on_display) == (
        {DAD.device},
        "later",
        True,
    )
    reopened.close()


def test_spam_the_facilitator_hides_frees_the_evenings_questions_again(core, monkeypatch) -> None:
    from kiosk.core.rules import questions as rules

    monkeypatch.setattr(rules, "MAX_QUESTIONS", 30)
    core.execute(Command("settings/auto_approve", {"on": True}))
    spammers = [Actor("phone", device=f"device-spam-{n:02d}") for n in range(3)]
    for n, spammer in enumerate(spammers):
        core.execute(Command("device/join", {}, spammer))
        for q in range(10):
            ask(core, spammer, f"spam-{n}-{q}", f"Koop nu {n} {q}")
    assert error_code(lambda: ask(core, MOM, "q-mom", "Wanneer is de volgende avond?")) == "questions_full"
    for q in range(10):
        core.execute(Command("question/hide", {"id": f"spam-0-{q}"}))
    assert ask(core, MOM, "q-mom", "Wanneer is de volgende avond?").changed


def test_the_questions_an_evening_stores_are_bounded_hidden_ones_too(core, monkeypatch) -> None:
    from kiosk.core.rules import questions as rules

    monkeypatch.setattr(rules, "MAX_STORED_QUESTIONS", 5)
    for q in range(5):
        ask(core, DAD, f"q-{q}", f"Vraag {q}")
        core.execute(Command("question/hide", {"id": f"q-{q}"}))
    assert error_code(lambda: ask(core, MOM, "q-mom", "Nog een vraag")) == "questions_full"


def test_the_same_rating_again_stores_nothing(agenda, clock) -> None:
    core = SessionCore(agenda, clock=clock)
    core.execute(Command("device/join", {"role": "parent"}, MOM))
    core.execute(Command("block/jump", {"index": 2}))
    rating = {"prompt": "b3-q1", "value": 4, "comment": "Fijne avond"}
    assert core.execute(Command("response/set", rating, MOM)).changed
    assert not core.execute(Command("response/set", rating, MOM)).changed
    assert core.execute(Command("response/set", {**rating, "value": 5}, MOM)).changed
