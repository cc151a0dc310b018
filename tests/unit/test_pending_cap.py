"""One phone cannot bury the facilitator: at most MAX_PENDING of its answers wait for moderation at a time."""

from __future__ import annotations

import pytest

from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.rules.contributions import MAX_PENDING
from kiosk.core.session import SessionCore

CHATTY = Actor("phone", device="chatty-phone-01")
OTHER = Actor("phone", device="quiet-phone-002")


@pytest.fixture
def core(agenda, clock) -> SessionCore:  # type: ignore[no-untyped-def]
    core = SessionCore(agenda, clock=clock)
    core.execute(Command("block/jump", {"index": 1}))
    for actor in (CHATTY, OTHER):
        core.execute(Command("device/join", {}, actor))
    return core


def add(core: SessionCore, actor: Actor, cid: str) -> None:
    core.execute(Command("contribution/add", {"id": cid, "text": f"Antwoord {cid}"}, actor))


def refused(core: SessionCore, actor: Actor, cid: str) -> str:
    with pytest.raises(CommandError) as error:
        add(core, actor, cid)
    return error.value.code


def test_a_phone_with_answers_waiting_waits_until_the_facilitator_reads_one(core: SessionCore) -> None:
    for n in range(MAX_PENDING):
        add(core, CHATTY, f"c{n}")
    assert refused(core, CHATTY, "c-more") == "too_many_pending"
    add(core, OTHER, "o1")  # another phone is not held back
    add(core, CHATTY, "c0")  # a resend of a stored answer is still fine
    core.execute(Command("contribution/approve", {"id": "c1"}))
    add(core, CHATTY, "c-more")
    assert refused(core, CHATTY, "c-again") == "too_many_pending"


@pytest.mark.parametrize("read", ["contribution/hide", "contribution/withdraw", "merge"])
def test_hidden_withdrawn_or_merged_answers_no_longer_wait(core: SessionCore, read: str) -> None:
    for n in range(MAX_PENDING):
        add(core, CHATTY, f"c{n}")
    add(core, OTHER, "o1")
    if read == "merge":
        core.execute(Command("contribution/merge", {"id": "c2", "into": "o1"}))
    else:
        core.execute(Command(read, {"id": "c2"}))
    add(core, CHATTY, "c-more")


def test_what_the_facilitator_types_in_is_never_capped(core: SessionCore) -> None:
    for n in range(MAX_PENDING * 3):
        core.execute(Command("contribution/add", {"id": f"p{n}", "text": "Van papier", "source": "paper"}))
