"""Questions to the school over real sockets: asked in the break, held or approved, upvoted once, answered."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from conftest import Join
from hubclient import Peer
from test_admission import phone_from

from kiosk.core.events import Actor, Command
from kiosk.hub.question_views import DISPLAY_QUESTIONS, PHONE_QUESTIONS
from kiosk.hub.server import Hub


def in_break(hub: Hub) -> None:
    index = next(b.index for b in hub.core.agenda.blocks if b.kind == "break")
    hub.core.execute(Command("block/jump", {"index": index}))
    hub.core.execute(Command("block/start"))
    assert hub.core.state.open_prompt is None


def questions(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in view.get("questions", [])}


async def test_asked_in_the_break_approved_upvoted_once_and_answered_later(hub: Hub, join: Join) -> None:
    in_break(hub)
    asker, voter, remote = await join("phone"), await join("phone"), await join("remote")
    ack = await asker.command(
        "question/add", ref="q", id="q-feest", text="  Komt er dit jaar een schoolfeest? "
    )
    assert ack == {"type": "ack", "ref": "q", "of": "question/add", "id": "q-feest"}
    waiting = await remote.state(lambda v: "q-feest" in questions(v))
    entry = questions(waiting)["q-feest"]
    assert (entry["status"], entry["text"], entry["count"]) == (
        "pending",
        "Komt er dit jaar een schoolfeest?",
        0,
    )
    assert waiting["question_totals"]["pending"] == 1 and "device" not in entry
    mine = await asker.next("mine/update", lambda m: bool(m["questions"]))
    assert mine["questions"][0]["status"] == "pending"
    assert "q-feest" not in questions(voter.view)  # not approved yet: no other phone sees it

    assert (await remote.command("question/approve", ref="a", id="q-feest"))["type"] == "ack"
    await voter.state(lambda v: "q-feest" in questions(v))
    assert (await voter.command("question/upvote", ref="u1", id="q-feest"))["type"] == "ack"
    assert (await voter.command("question/upvote", ref="u2", id="q-feest"))["type"] == "ack"  # a resend
    own = await asker.command("question/upvote", ref="own", id="q-feest")
    assert own["code"] == "own_question"
    assert hub.core.state.questions.items["q-feest"].votes == {"phone-0001-test"}
    await asker.state(lambda v: questions(v)["q-feest"]["count"] == 1)
    await remote.state(lambda v: questions(v)["q-feest"]["count"] == 1)
    # The phone's own update may come before the resend's ack (a busy machine): it is then already seen.
    upvoted = next(
        (m for m in voter.seen if m["type"] == "mine/update" and m["upvoted"] == ["q-feest"]), None
    ) or await voter.next("mine/update", lambda m: m["upvoted"] == ["q-feest"])
    assert upvoted["questions"] == []

    assert (await remote.command("question/answer", ref="l", id="q-feest", answer="later"))["type"] == "ack"
    await asker.next("mine/update", lambda m: m["questions"][0]["answer"] == "later")
    await voter.state(lambda v: questions(v)["q-feest"]["answer"] == "later")
    totals = (await remote.state(lambda v: v["question_totals"]["later"] == 1))["question_totals"]
    assert totals == {"pending": 0, "approved": 1, "hidden": 0, "now": 0, "later": 1, "all": 1}


async def test_a_question_with_a_name_is_held_and_never_reaches_other_phones(hub: Hub, join: Join) -> None:
    in_break(hub)
    hub.core.execute(Command("settings/auto_approve", {"on": True}))
    asker, other, display = await join("phone"), await join("phone"), await join("display")
    assert (
        await asker.command("question/add", ref="a", id="q-name", text="Waarom is meneer Jansen zo streng?")
    )["type"] == "ack"
    assert (await asker.command("question/add", ref="b", id="q-ok", text="Hoe laat begint school?"))[
        "type"
    ] == "ack"
    hub.core.execute(Command("display/questions", {"on": True}))
    await other.state(lambda v: "q-ok" in questions(v))
    await display.state(lambda v: "q-ok" in questions(v))
    held = await asker.next("mine/update", lambda m: any(q["held"] == "name" for q in m["questions"]))
    assert [q["status"] for q in held["questions"]] == ["pending", "approved"]
    for peer in (other, display):
        assert "Jansen" not in json.dumps(peer.seen) and "q-name" not in json.dumps(peer.seen)


async def drain(peer: Peer) -> None:
    """Read what the peer was sent until nothing more comes for a moment (cancelling a recv is safe)."""
    while True:
        try:
            await asyncio.wait_for(peer._receive(), 0.3)
        except TimeoutError:
            return


def approved_questions(hub: Hub, count: int) -> None:
    """Questions from phones elsewhere in the hall (each phone may send only a few messages a second)."""
    hub.core.execute(Command("settings/auto_approve", {"on": True}))
    for n in range(count):
        phone = Actor("phone", device=f"hall-phone-{n:04d}")
        hub.core.execute(Command("device/join", {}, phone))
        text = f"Vraag nummer {n} over de school en hoe we elkaar vaker kunnen spreken?"
        hub.core.execute(Command("question/add", {"id": f"q-{n:03d}", "text": text}, phone))


async def test_a_vote_sends_every_phone_a_small_count_change_not_the_list(hub: Hub, join: Join) -> None:
    in_break(hub)
    voter, bystander = await join("phone"), await join("phone")
    approved_questions(hub, 30)
    for phone in (voter, bystander):
        await phone.state(lambda v: len(questions(v)) == 30)
    await asyncio.sleep(1.2)  # let every batch of the adds go out first
    for phone in (voter, bystander):
        await drain(phone)
    before_bytes, before_seen = bystander.received_bytes, len(bystander.seen)
    voter_bytes = voter.received_bytes
    assert (await voter.command("question/upvote", ref="v", id="q-007"))["type"] == "ack"
    await bystander.state(lambda v: questions(v)["q-007"]["count"] == 1)
    await voter.state(lambda v: questions(v)["q-007"]["count"] == 1)
    await drain(voter)
    assert any(m["type"] == "mine/update" and m["upvoted"] == ["q-007"] for m in voter.seen)
    sent = bystander.seen[before_seen:]
    assert [m["type"] for m in sent] == ["questions/counts"], sent
    assert sent[0]["counts"] == {str(questions(bystander.view)["q-007"]["n"]): 1}
    to_bystander = bystander.received_bytes - before_bytes
    to_voter = voter.received_bytes - voter_bytes
    list_bytes = len(json.dumps(bystander.view["questions"], ensure_ascii=False, separators=(",", ":")))
    print(
        f"\none upvote: {to_bystander} bytes to each other phone, {to_voter} to the voter (ack, own things, count);"
        f" the list of 30 questions is {list_bytes} bytes"
    )
    assert to_bystander < 100 < list_bytes


async def test_phones_see_the_top_questions_and_the_projector_only_when_asked(hub: Hub, join: Join) -> None:
    in_break(hub)
    phone, display, remote = await join("phone"), await join("display"), await join("remote")
    approved_questions(hub, PHONE_QUESTIONS + 5)
    hub.core.execute(Command("question/hide", {"id": "q-000"}))
    view = await phone.state(lambda v: len(questions(v)) == PHONE_QUESTIONS and "q-000" not in questions(v))
    assert "q-001" in questions(view)
    await asyncio.sleep(0.2)
    assert display.view["questions"] == [] and display.view["questions_on"] is False
    assert (await remote.command("display/questions", ref="on", on=True))["type"] == "ack"
    shown = await display.state(lambda v: len(v["questions"]) == DISPLAY_QUESTIONS)
    assert shown["questions_on"] is True and set(shown["questions"][0]) == {"id", "text", "count", "n"}
    assert (await remote.command("display/questions", ref="off", on=False))["type"] == "ack"
    await display.state(lambda v: v["questions"] == [])


async def test_questions_and_upvotes_are_limited_per_address(hub: Hub) -> None:
    in_break(hub)
    hub.gate._deeds["question"].burst = 3  # a small burst, so the test stays short; the rule is the same
    hub.gate._deeds["upvote"].burst = 2
    hub.core.execute(Command("settings/auto_approve", {"on": True}))
    codes = []
    for n in range(4):
        phone = await phone_from(hub, "127.0.0.21", f"asker-{n:04d}")
        codes.append(
            (await phone.command("question/add", ref="q", id=f"q-{n}", text=f"Vraag {n}?")).get("code")
        )
        await phone.close()
    assert codes == [None, None, None, "questions_limited"]
    votes = []
    for n in range(3):
        phone = await phone_from(hub, "127.0.0.22", f"fan-{n:04d}")
        votes.append((await phone.command("question/upvote", ref="u", id="q-0")).get("code"))
        await phone.close()
    assert votes == [None, None, "upvotes_limited"]
    elsewhere = await phone_from(hub, "127.0.0.23", "fan-elsewhere")
    assert (await elsewhere.command("question/upvote", ref="u", id="q-0"))["type"] == "ack"
