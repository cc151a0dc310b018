"""The remote's list is a bounded window: the newest waiting answers first, totals per status, filter and more."""

from __future__ import annotations

from conftest import Join, in_dialogue

from kiosk.core.events import Command
from kiosk.hub.server import Hub
from kiosk.hub.views import REMOTE_LIMIT


def ids(view: dict[str, object]) -> list[str]:
    return [c["id"] for c in view["contributions"]]  # type: ignore[attr-defined, index]


async def test_a_full_evening_sends_the_remote_a_window_with_totals_and_it_asks_for_more(
    hub: Hub, join: Join
) -> None:
    prompt = in_dialogue(hub.core)
    for n in range(REMOTE_LIMIT + 30):
        hub.core.execute(
            Command("contribution/add", {"id": f"c-{n:04d}", "text": f"Antwoord {n}", "source": "paper"})
        )
        if n % 3 == 0:
            hub.core.execute(
                Command("contribution/pend", {"id": f"c-{n:04d}"})
            )  # a third waits for a decision
    remote = await join("remote")
    view = remote.view
    assert len(view["contributions"]) == REMOTE_LIMIT and view["window"] == {
        "status": None,
        "prompt": None,
        "limit": REMOTE_LIMIT,
    }
    assert view["totals"] == {"pending": 77, "approved": 153, "hidden": 0, "withdrawn": 0, "matching": 230}
    waiting = [c for c in view["contributions"] if c["status"] == "pending"]
    assert len(waiting) == 77  # every waiting answer is in the window, ahead of the approved ones

    # More: only the 30 it lacked come, nothing it has is sent again.
    before = len(remote.seen)
    assert (await remote.command("contributions/filter", ref="more", status=None, prompt=None, limit=400))[
        "type"
    ] == "ack"
    grown = await remote.state(lambda v: len(v["contributions"]) == 230)
    added = [m for m in remote.seen[before:] if m["type"] == "contributions/added"]
    assert sum(len(m["items"]) for m in added) == 30 and grown["window"]["limit"] == 400

    # Only the waiting ones of this question, 50 at a time; a new answer joins the window live.
    await remote.command("contributions/filter", ref="f", status="pending", prompt=prompt, limit=50)
    waiting_view = await remote.state(
        lambda v: v["window"]["status"] == "pending" and len(v["contributions"]) == 50
    )
    assert all(c["status"] == "pending" for c in waiting_view["contributions"])
    assert waiting_view["totals"]["matching"] == 77
    hub.core.execute(Command("contribution/add", {"id": "c-new", "text": "Nieuw", "source": "paper"}))
    hub.core.execute(Command("contribution/pend", {"id": "c-new"}))
    live = await remote.state(lambda v: "c-new" in ids(v))
    assert len(live["contributions"]) == 50 and live["totals"]["pending"] == 78

    # Bad filters are refused with a reason; the window stays as it was.
    assert (await remote.command("contributions/filter", ref="b1", status="lost", prompt=None, limit=5))[
        "code"
    ] == "bad_request"
    assert (await remote.command("contributions/filter", ref="b2", status=None, prompt="nope", limit=5))[
        "code"
    ] == "unknown_prompt"
    assert (await remote.command("contributions/filter", ref="b3", status=None, prompt=None, limit=5000))[
        "code"
    ] == "out_of_range"
    phone = await join("phone")
    assert (await phone.command("contributions/filter", ref="p", status=None, prompt=None, limit=5))[
        "code"
    ] == "forbidden"


async def test_a_new_answer_costs_the_remote_one_small_change_not_its_whole_list(
    hub: Hub, join: Join
) -> None:
    in_dialogue(hub.core)
    for n in range(150):
        hub.core.execute(
            Command("contribution/add", {"id": f"c-{n:04d}", "text": f"Antwoord {n}", "source": "paper"})
        )
    remote, phone = await join("remote"), await join("phone")
    whole = remote.received_bytes
    before = remote.received_bytes
    assert (await phone.command("contribution/add", id="c-phone", text="Vanaf de telefoon"))["type"] == "ack"
    await remote.state(lambda v: "c-phone" in ids(v))
    cost = remote.received_bytes - before
    assert cost < 2048 and cost * 20 < whole, (cost, whole)
