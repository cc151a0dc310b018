"""A parent's answer travels from the phone through moderation to the projector."""

from __future__ import annotations

import json

from conftest import Join, in_dialogue

from kiosk.core.events import Command
from kiosk.hub.server import Hub


def ids(view: dict[str, object]) -> set[str]:
    return {c["id"] for c in view["contributions"]}  # type: ignore[attr-defined, index]


async def test_parent_answer_reaches_projector_after_approval(hub: Hub, join: Join) -> None:
    prompt = in_dialogue(hub.core)
    phone, display, remote = await join("phone"), await join("display"), await join("remote")

    ack = await phone.command("contribution/add", id="c-first", text="  Meer contact met de mentor  ")
    assert ack == {"type": "ack", "ref": "r1", "of": "contribution/add", "id": "c-first"}
    pending = await remote.state(lambda v: "c-first" in ids(v))
    entry = next(c for c in pending["contributions"] if c["id"] == "c-first")
    assert (
        entry["status"] == "pending"
        and entry["prompt"] == prompt
        and entry["text"] == "Meer contact met de mentor"
    )
    assert "device" not in entry
    mine = await phone.next("mine/update", lambda m: bool(m["mine"]))
    assert mine["mine"][0]["status"] == "pending"

    assert (await remote.command("contribution/approve", ref="ok", id="c-first"))["type"] == "ack"
    shown = await display.state(lambda v: "c-first" in ids(v))
    assert shown["contributions"][0]["text"] == "Meer contact met de mentor"
    assert (await phone.next("mine/update", lambda m: m["mine"][0]["status"] == "approved"))["mine"][0][
        "id"
    ] == "c-first"
    # Nothing on the projector before the approval: it never saw the pending one.
    first = next(m for m in display.seen if "c-first" in json.dumps(m))
    assert first["type"] == "contributions/added" and first["seq"] == display.mirror.seq


async def test_display_never_sees_pending_hidden_or_withdrawn_answers(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phone, display = await join("phone"), await join("display")
    for cid in ("c-pending", "c-hidden", "c-withdrawn", "c-shown"):
        assert (await phone.command("contribution/add", ref=cid, id=cid, text=f"antwoord {cid}"))[
            "type"
        ] == "ack"
    hub.core.execute(Command("contribution/hide", {"id": "c-hidden"}))
    hub.core.execute(Command("contribution/approve", {"id": "c-withdrawn"}))
    assert (await phone.command("contribution/withdraw", ref="w", id="c-withdrawn"))["type"] == "ack"
    hub.core.execute(Command("contribution/approve", {"id": "c-shown"}))
    await display.state(lambda v: ids(v) == {"c-shown"})
    for message in display.seen:
        assert "c-pending" not in str(message) and "c-hidden" not in str(message)
        assert "phone-0000-test" not in str(message)


async def test_auto_approve_lets_answers_through_but_holds_an_email_address(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phone, display, remote = await join("phone"), await join("display"), await join("remote")
    assert (await remote.command("settings/auto_approve", on=True))["type"] == "ack"
    await phone.command("contribution/add", ref="a", id="c-mail", text="Mail me: jan@example.nl")
    await phone.command("contribution/add", ref="b", id="c-fine", text="Fijn dat de school luistert")
    await display.state(lambda v: "c-fine" in ids(v))
    view = await remote.state(lambda v: {"c-mail", "c-fine"} <= ids(v))
    held = next(c for c in view["contributions"] if c["id"] == "c-mail")
    assert held["status"] == "pending" and held["held"] == "email"
    assert view["auto_approve"] is True
    assert "c-mail" not in ids(display.view)


async def test_resend_after_reconnect_is_acked_and_stored_once(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phone = await join("phone", device="steady-phone-1")
    assert (await phone.command("contribution/add", id="c-once", text="Eén keer"))["id"] == "c-once"
    await phone.ws.close()
    again = await join("phone", device="steady-phone-1")
    reply = await again.command("contribution/add", ref="resend", id="c-once", text="Eén keer")
    assert reply == {"type": "ack", "ref": "resend", "of": "contribution/add", "id": "c-once"}
    log, info = hub.core.log, hub.core.info
    assert log is not None and info is not None
    stored = [e for e in log.events(info.id) if e.type == "contribution/add"]
    assert [e.data["id"] for e in stored] == ["c-once"]
    other = await join("phone", device="other-phone-2")
    taken = await other.command("contribution/add", id="c-once", text="Eén keer")
    assert taken["code"] == "id_taken"


async def test_block_change_from_the_remote_reaches_phone_and_display(hub: Hub, join: Join) -> None:
    phone, display, remote = await join("phone"), await join("display"), await join("remote")
    assert (await remote.command("block/next"))["type"] == "ack"
    title = hub.core.agenda.blocks[1].title
    assert (await phone.state(lambda v: v["block"]["index"] == 1))["block"]["title"] == title
    shown = await display.state(lambda v: v["block"]["index"] == 1)
    assert shown["timer"]["running"] is True and shown["join"]["room"] == hub.core.info.room_code  # type: ignore[union-attr]


async def test_change_made_in_the_facilitator_app_reaches_the_phones(hub: Hub, join: Join) -> None:
    phone = await join("phone")
    prompt = in_dialogue(hub.core)  # the terminal app calls core.execute directly
    view = await phone.state(lambda v: v["prompt"] is not None)
    assert view["prompt"]["id"] == prompt


async def test_phones_see_others_answers_only_while_recognition_is_open(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    author, neighbour, remote = await join("phone"), await join("phone"), await join("remote")
    await author.command("contribution/add", id="c-shared", text="Samen optrekken")
    await remote.command("contribution/approve", ref="a", id="c-shared")
    await remote.command("prompt/recognition", ref="b", open=True)
    view = await neighbour.state(lambda v: v["recognition"] and v["contributions"])
    n = hub.core.state.contributions["c-shared"].approved_seq
    assert view["contributions"] == [{"id": "c-shared", "text": "Samen optrekken", "count": 0, "n": n}]
    assert (await neighbour.command("contribution/endorse", id="c-shared", on=True))["type"] == "ack"
    assert (await neighbour.state(lambda v: [c["count"] for c in v["contributions"]] == [1]))["recognition"]
    assert (await neighbour.next("mine/update", lambda m: m["endorsed"] == ["c-shared"]))["mine"] == []
    # The author sees the count on its own answer in the phone list; mine/update carries no counts.
    assert (await author.state(lambda v: [c["count"] for c in v["contributions"]] == [1]))["contributions"][
        0
    ]["id"] == "c-shared"
    counts = [m for m in author.seen if m["type"] == "contributions/counts"]
    assert counts[-1]["by"] == "n" and counts[-1]["counts"] == {str(n): 1}  # by its small number, not its id
    own = await author.command("contribution/endorse", ref="own", id="c-shared", on=True)
    assert own["code"] == "own_contribution"
    await remote.command("prompt/recognition", ref="c", open=False)
    assert (await neighbour.state(lambda v: not v["contributions"]))["recognition"] is False


async def test_display_sends_nothing_but_ping(hub: Hub, join: Join) -> None:
    display = await join("display")
    assert (await display.command("block/next"))["code"] == "forbidden"
    await display.send({"type": "ping"})
    assert (await display.next("pong"))["ref"] is None
    assert hub.core.state.current == 0
