"""Parents' contributions: stored once, moderated, recognised, taken back."""

from __future__ import annotations

import pytest

from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore

MOM = Actor("phone", device="device-mom-1")
DAD = Actor("phone", device="device-dad-2")
TEACHER = Actor("phone", device="device-teacher")


@pytest.fixture
def core(agenda, clock) -> SessionCore:
    core = SessionCore(agenda, clock=clock)
    core.execute(Command("block/jump", {"index": 1}))
    core.execute(Command("device/join", {"role": "parent"}, MOM))
    core.execute(Command("device/join", {"role": "parent"}, DAD))
    core.execute(Command("device/join", {"role": "staff"}, TEACHER))
    return core


def add(core: SessionCore, actor: Actor, id_: str, text: str, **data: object):
    return core.execute(Command("contribution/add", {"id": id_, "text": text, **data}, actor))


def error_code(fn) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CommandError) as err:
        fn()
    return err.value.code


def test_a_phone_answer_waits_for_approval_by_default(core) -> None:
    add(core, MOM, "c1", "De mentor belt altijd terug")
    c = core.state.contributions["c1"]
    assert (c.status, c.prompt_id, c.role, c.source) == ("pending", "b2-q1", "parent", "phone")
    core.execute(Command("contribution/approve", {"id": "c1"}))
    assert core.state.contributions["c1"].visible


def test_a_resend_with_the_same_id_is_stored_once(core) -> None:
    assert add(core, MOM, "c1", "Goed contact").changed
    assert not add(core, MOM, "c1", "Goed contact").changed
    assert len(core.state.contributions) == 1


def test_another_phone_cannot_reuse_an_id(core) -> None:
    add(core, MOM, "c1", "Goed contact")
    assert error_code(lambda: add(core, DAD, "c1", "Iets anders")) == "id_taken"


def test_text_is_trimmed_cleaned_and_limited(core) -> None:
    add(core, MOM, "c1", "  fijn\x00 \x1b[31m gesprek \u202e ")
    assert core.state.contributions["c1"].text == "fijn [31m gesprek"
    assert error_code(lambda: add(core, MOM, "c2", " \n\t ")) == "empty"
    assert error_code(lambda: add(core, MOM, "c3", "x" * 501)) == "too_long"
    assert add(core, MOM, "c4", "y" * 500).changed


def test_auto_approve_lets_answers_through_but_holds_an_email_address(core) -> None:
    core.execute(Command("settings/auto_approve", {"on": True}))
    add(core, MOM, "c1", "Fijne school")
    add(core, DAD, "c2", "Mail me op jan@example.org")
    add(core, DAD, "c3", "Wat een kutschool, shit")
    add(core, DAD, "c4", "Meneer Jansen luistert nooit")
    add(core, DAD, "c5", "Bel 06-12345678")
    status = {cid: (c.status, c.held_reason) for cid, c in core.state.contributions.items()}
    assert status == {
        "c1": ("approved", None),
        "c2": ("pending", "email"),
        "c3": ("pending", "profanity"),
        "c4": ("pending", "name"),
        "c5": ("pending", "phone_number"),
    }


def test_the_facilitator_can_edit_out_a_name_and_approve(core) -> None:
    add(core, DAD, "c1", "Meneer Jansen luistert nooit")
    core.execute(Command("contribution/edit", {"id": "c1", "text": "De mentor luistert nooit"}))
    core.execute(Command("contribution/approve", {"id": "c1"}))
    c = core.state.contributions["c1"]
    assert c.visible and c.text == "De mentor luistert nooit"
    assert (c.held_reason, c.approved_by) == ("name", "facilitator")  # the history keeps why and who


def test_phones_answer_only_the_open_question(core) -> None:
    core.execute(Command("prompt/close"))
    assert error_code(lambda: add(core, MOM, "c1", "Te laat")) == "prompt_closed"
    core.execute(Command("prompt/open", {"prompt": "b2-q2"}))
    add(core, MOM, "c2", "Op tijd")
    assert core.state.contributions["c2"].prompt_id == "b2-q2"
    assert error_code(lambda: add(core, MOM, "c3", "x", prompt="b2-q1")) == "prompt_closed"


def test_a_phone_that_never_joined_cannot_add(core) -> None:
    stranger = Actor("phone", device="device-unknown")
    assert error_code(lambda: add(core, stranger, "c1", "Hallo")) == "not_joined"


def test_phones_cannot_steer(core) -> None:
    assert error_code(lambda: core.execute(Command("block/next", {}, MOM))) == "forbidden"
    add(core, DAD, "c1", "x")
    assert error_code(lambda: core.execute(Command("contribution/approve", {"id": "c1"}, MOM))) == "forbidden"


def test_paper_contributions_are_approved_and_marked(core) -> None:
    core.execute(Command("contribution/add", {"id": "p1", "text": "Van een briefje", "source": "paper"}))
    c = core.state.contributions["p1"]
    assert c.visible and c.source == "paper" and c.device is None


def test_recognition_counts_once_per_phone_and_not_ones_own(core) -> None:
    add(core, MOM, "c1", "Meer informatie over toetsen")
    core.execute(Command("contribution/approve", {"id": "c1"}))
    endorse = Command("contribution/endorse", {"id": "c1"}, DAD)
    assert error_code(lambda: core.execute(endorse)) == "recognition_closed"
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(endorse)
    core.execute(endorse)
    core.execute(Command("contribution/endorse", {"id": "c1"}, TEACHER))
    assert (
        error_code(lambda: core.execute(Command("contribution/endorse", {"id": "c1"}, MOM)))
        == "own_contribution"
    )
    assert core.state.endorsement_count(core.state.contributions["c1"]) == 2
    core.execute(Command("contribution/endorse", {"id": "c1", "on": False}, DAD))
    assert core.state.endorsement_count(core.state.contributions["c1"]) == 1


def test_a_merged_duplicate_brings_its_recognitions_along(core) -> None:
    add(core, MOM, "c1", "Meer contact met de mentor")
    add(core, DAD, "c2", "Vaker contact met mentor")
    for cid in ("c1", "c2"):
        core.execute(Command("contribution/approve", {"id": cid}))
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(Command("contribution/endorse", {"id": "c2"}, TEACHER))
    core.execute(Command("contribution/merge", {"id": "c2", "into": "c1"}))
    state = core.state
    assert not state.contributions["c2"].visible
    assert state.endorsement_count(state.contributions["c1"]) == 1
    assert (
        error_code(lambda: core.execute(Command("contribution/merge", {"id": "c1", "into": "c2"})))
        == "bad_merge"
    )


def test_a_phone_takes_back_only_its_own_contribution(core) -> None:
    add(core, MOM, "c1", "Toch niet")
    assert (
        error_code(lambda: core.execute(Command("contribution/withdraw", {"id": "c1"}, DAD))) == "not_yours"
    )
    core.execute(Command("contribution/withdraw", {"id": "c1"}, MOM))
    core.execute(Command("contribution/approve", {"id": "c1"}))
    assert not core.state.contributions["c1"].visible


def test_tags_are_cleaned_and_pinning_needs_approval(core) -> None:
    add(core, MOM, "c1", "Huiswerk")
    core.execute(
        Command("contribution/tag", {"id": "c1", "tags": [" communicatie ", "communicatie", "huiswerk"]})
    )
    assert core.state.contributions["c1"].tags == ["communicatie", "huiswerk"]
    assert error_code(lambda: core.execute(Command("contribution/pin", {"id": "c1"}))) == "not_approved"
    core.execute(Command("contribution/approve", {"id": "c1"}))
    core.execute(Command("contribution/pin", {"id": "c1"}))
    core.execute(Command("contribution/hide", {"id": "c1"}))
    assert not core.state.contributions["c1"].pinned


def test_rating_and_choice_answers_keep_the_last_one(core) -> None:
    core.execute(Command("block/jump", {"index": 2}))
    core.execute(Command("response/set", {"prompt": "b3-q1", "value": 3}, MOM))
    core.execute(Command("response/set", {"prompt": "b3-q1", "value": 5, "comment": "Top"}, MOM))
    assert error_code(
        lambda: core.execute(Command("response/set", {"prompt": "b3-q1", "value": 6}, DAD))
    ) == ("out_of_range")
    assert core.state.responses["b3-q1"]["device-mom-1"].value == 5
    core.execute(Command("prompt/open", {"prompt": "b3-q2"}))
    core.execute(Command("response/set", {"prompt": "b3-q2", "value": 1}, DAD))
    assert core.state.responses["b3-q2"]["device-dad-2"].value == 1


def test_a_rating_sent_again_unchanged_stores_nothing_new(core) -> None:
    core.execute(Command("block/jump", {"index": 2}))
    first = core.execute(Command("response/set", {"prompt": "b3-q1", "value": 4, "comment": "Fijn"}, MOM))
    again = core.execute(Command("response/set", {"prompt": "b3-q1", "value": 4, "comment": "Fijn"}, MOM))
    changed = core.execute(Command("response/set", {"prompt": "b3-q1", "value": 4, "comment": ""}, MOM))
    assert first.changed and not again.changed and changed.changed
    assert core.state.responses["b3-q1"]["device-mom-1"].comment == ""


def test_bad_requests_get_codes_not_crashes(core) -> None:
    for data in ({"id": 5, "text": "x"}, {"id": "c1", "text": 5}, {"id": "with space", "text": "x"}, {}):
        assert error_code(lambda d=data: core.execute(Command("contribution/add", d, MOM))) == "bad_request"
    bad_device = Actor("phone", device="x")
    assert error_code(lambda: core.execute(Command("device/join", {}, bad_device))) == "bad_device"
    assert error_code(lambda: core.execute(Command("device/join", {"role": "king"}, MOM))) == "bad_role"


def test_a_phone_joining_after_the_division_gets_the_smallest_table(core) -> None:
    from kiosk.core.tables import table_list, table_of_device

    core.execute(Command("tables/assign", {"count": 2}))
    late = Actor("phone", device="device-late-1")
    core.execute(Command("device/join", {"role": "parent"}, late))
    table = table_of_device(core.state, "device-late-1")
    assert table is not None
    assert sorted(t.size for t in table_list(core.state)) == [2, 2]
