"""What each audience may see: the views as pure functions of the state."""

from __future__ import annotations

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.hub.audiences import display_view, phone_view, remote_view
from kiosk.hub.changes import comparable
from kiosk.hub.seat_handles import SeatHandles
from kiosk.hub.views import live_counts, mine_view, tally
from kiosk.resources import default_agenda_path

NOW = 1_790_000_000.0
CONNECTED = {"parent": 1, "staff": 0, "unknown": 1, "display": 1, "remote": 0, "host": 0}


def evening() -> SessionCore:
    core = SessionCore(load_agenda(default_agenda_path()), clock=lambda: NOW)
    dialogue = next(b.index for b in core.agenda.blocks if b.kind == "dialogue")
    core.execute(Command("block/jump", {"index": dialogue}))
    for device, role in (("phone-aaaa", "parent"), ("phone-bbbb", None)):
        core.execute(Command("device/join", {"role": role}, Actor("phone", device=device)))
    return core


def add(core: SessionCore, cid: str, text: str, device: str = "phone-aaaa") -> None:
    core.execute(Command("contribution/add", {"id": cid, "text": text}, Actor("phone", device=device)))


def display(core: SessionCore) -> dict[str, object]:
    return display_view(
        core.state,
        NOW,
        join_url="http://x/join?room=R",
        room="R",
        connected=CONNECTED,
        counts=live_counts(core.state),
    )


def phone(core: SessionCore, at: float = NOW) -> dict[str, object]:
    return phone_view(core.state, at, live_counts(core.state))


def remote(core: SessionCore, at: float = NOW, **options: object) -> dict[str, object]:
    return remote_view(core.state, at, connected=CONNECTED, counts=live_counts(core.state), **options)  # type: ignore[arg-type]


def test_projector_shows_only_approved_answers_pinned_then_most_recognised() -> None:
    core = evening()
    for cid in ("c-pending", "c-hidden", "c-merged", "c-plain", "c-popular", "c-pinned", "c-gone"):
        add(core, cid, f"tekst {cid}")
    for cid in ("c-merged", "c-plain", "c-popular", "c-pinned", "c-gone"):
        core.execute(Command("contribution/approve", {"id": cid}))
    core.execute(Command("contribution/hide", {"id": "c-hidden"}))
    core.execute(Command("contribution/merge", {"id": "c-merged", "into": "c-plain"}))
    core.execute(Command("contribution/withdraw", {"id": "c-gone"}, Actor("phone", device="phone-aaaa")))
    core.execute(Command("contribution/pin", {"id": "c-pinned", "pinned": True}))
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(Command("contribution/endorse", {"id": "c-popular"}, Actor("phone", device="phone-bbbb")))
    shown = display(core)["contributions"]
    assert [c["id"] for c in shown] == ["c-pinned", "c-popular", "c-plain"]  # type: ignore[attr-defined]
    assert shown[1] == {
        "id": "c-popular",
        "text": "tekst c-popular",
        "count": 1,
        "role": "parent",
        "pinned": False,
        "n": core.state.contributions["c-popular"].approved_seq,
    }  # type: ignore[index]
    assert "phone-aaaa" not in str(display(core)) and "phone-bbbb" not in str(display(core))


def test_phones_see_approved_answers_only_while_recognition_is_open_and_no_device_ids() -> None:
    core = evening()
    add(core, "c-one", "Meer uitleg over het rapport")
    add(core, "c-two", "Nog niet goedgekeurd")
    core.execute(Command("contribution/approve", {"id": "c-one"}))
    assert phone(core)["contributions"] == []
    core.execute(Command("prompt/recognition", {"open": True}))
    view = phone(core)
    n = core.state.contributions["c-one"].approved_seq
    assert view["contributions"] == [
        {"id": "c-one", "text": "Meer uitleg over het rapport", "count": 0, "n": n}
    ]
    assert "phone-aaaa" not in str(view)


def test_a_phone_sees_its_own_answers_with_status_and_what_it_recognised() -> None:
    core = evening()
    add(core, "c-mail", "Mail me op ouder@example.nl")
    add(core, "c-other", "Van een ander", device="phone-bbbb")
    core.execute(Command("contribution/approve", {"id": "c-other"}))
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(Command("contribution/endorse", {"id": "c-other"}, Actor("phone", device="phone-aaaa")))
    mine = mine_view(core.state, "phone-aaaa")
    assert mine["device"] == {"role": "parent", "table": None, "lang": "nl"}
    assert [(m["id"], m["status"], m["held"]) for m in mine["mine"]] == [("c-mail", "pending", "email")]
    assert mine["endorsed"] == ["c-other"]
    assert "count" not in mine_view(core.state, "phone-bbbb")["mine"][0]  # counts come in the count batches
    assert live_counts(core.state) == {"c-other": 1}


def test_remote_lists_pending_with_reasons_and_steering_facts_but_no_device_ids() -> None:
    core = evening()
    add(core, "c-held", "Meneer Jansen luistert nooit")
    remote = remote_view(core.state, NOW, connected=CONNECTED, counts={})
    assert remote["contributions"][0]["status"] == "pending" and remote["contributions"][0]["held"] == "name"
    assert len(remote["blocks"]) == len(core.agenda.blocks) and remote["prompts"]
    assert remote["connected"] == CONNECTED and remote["devices"] == 2
    assert "phone-aaaa" not in str(remote)


def test_remote_lists_the_seated_people_by_join_number_and_role_with_a_handle_but_no_device_ids() -> None:
    core = evening()
    core.execute(Command("tables/assign", {"count": 2}))
    handles = SeatHandles()
    remote = remote_view(core.state, NOW, connected=CONNECTED, counts={}, handles=handles)
    seats = remote["tables"]["seats"]
    assert sorted((s["seat"], s["role"]) for s in seats) == [(1, "parent"), (2, None)]
    for seat in seats:
        device = handles.device(core.state, seat["handle"])
        assert device is not None and core.state.devices[device].role == seat["role"]
        assert set(seat) == {"seat", "role", "table", "handle"}
    for view in (remote, display(core), phone(core), mine_view(core.state, "phone-aaaa")):
        assert "phone-aaaa" not in str(view) and "phone-bbbb" not in str(view)
    assert handles.device(core.state, "s-forged") is None and handles.device(core.state, 7) is None


def test_rating_tally_counts_answers_per_value() -> None:
    core = evening()
    rating = next(p for b in core.agenda.blocks for p in b.prompts if p.kind == "rating")
    block = core.agenda.block_of_prompt(rating.id)
    assert block is not None
    core.execute(Command("block/jump", {"index": block.index}))
    core.execute(Command("prompt/open", {"prompt": rating.id}))
    for device, value in (("phone-aaaa", 4), ("phone-bbbb", 5)):
        core.execute(
            Command("response/set", {"prompt": rating.id, "value": value}, Actor("phone", device=device))
        )
    assert tally(core.state) == {"counts": [0, 0, 0, 1, 1], "total": 2}
    assert mine_view(core.state, "phone-aaaa")["responses"] == {rating.id: {"value": 4, "comment": ""}}


def test_a_running_clock_is_no_change_but_a_pause_is() -> None:
    core = evening()
    early, later = phone(core), phone(core, NOW + 30)
    assert early["timer"]["elapsed"] != later["timer"]["elapsed"]  # type: ignore[index]
    assert comparable(early) == comparable(later)
    core.execute(Command("block/pause"))
    assert comparable(phone(core)) != comparable(early)


def test_a_running_presentation_clock_alone_sends_no_update_but_an_extension_does() -> None:
    from kiosk.hub.table_views import host_key, host_view

    core = evening()
    core.execute(Command("tables/assign", {"count": 2}))
    core.execute(Command("table/note/add", {"table": 1, "text": "Een punt"}))
    presentations = next(b.index for b in core.agenda.blocks if b.kind == "presentations")
    core.execute(Command("block/jump", {"index": presentations}))
    core.execute(Command("presentation/start", {"minutes_per_table": 4}))
    later = NOW + 30

    def views(at: float) -> tuple[dict[str, object], dict[str, object]]:
        shown = display_view(
            core.state, at, join_url="http://x/join?room=R", room="R", connected=CONNECTED, counts={}
        )
        return shown, remote_view(core.state, at, connected=CONNECTED, counts={})

    (display_now, remote_now), (display_later, remote_later) = views(NOW), views(later)
    presenting = display_later["tables"]["presentation"]["presenting"]  # type: ignore[index]
    assert presenting["timer"]["elapsed"] == 30.0 and presenting["points"] == ["Een punt"]
    assert comparable(display_now) == comparable(display_later)
    assert comparable(remote_now) == comparable(remote_later)
    before = host_key(host_view(core.state, 1, NOW))
    assert before == host_key(host_view(core.state, 1, later))
    core.execute(Command("presentation/extend", {"minutes": 1}))
    assert comparable(display_now) != comparable(views(later)[0])
    assert before != host_key(host_view(core.state, 1, later))


def test_projector_shows_what_was_heard_per_question_when_the_facilitator_puts_it_up() -> None:
    core = evening()
    add(core, "c-1", "De mentor belt terug")
    add(core, "c-2", "Meer uitleg over toetsen", device="phone-bbbb")
    add(core, "c-3", "Nog niet goedgekeurd")
    for cid in ("c-1", "c-2"):
        core.execute(Command("contribution/approve", {"id": cid}))
    assert display(core)["summary"]["heard"] == []  # type: ignore[index]
    core.execute(Command("summary/show", {"on": True, "view": "heard"}))
    summary = display(core)["summary"]
    assert summary["shown"] and summary["view"] == "heard"  # type: ignore[index]
    (question,) = summary["heard"]  # type: ignore[index]
    assert question["prompt"] == "Wat zijn de ervaringen van de ouders?"
    assert question["count"] == 2 and question["roles"] == {"parent": 1, "staff": 0, "unknown": 1}
    assert sorted(i["text"] for i in question["items"]) == [
        "De mentor belt terug",
        "Meer uitleg over toetsen",
    ]
    core.execute(Command("summary/show", {"on": True}))
    assert display(core)["summary"]["view"] == "points"  # type: ignore[index]
