"""Theme tables over the wire: the remote divides, phones learn their table, hosts write, the projector shows."""

from __future__ import annotations

from typing import Any

from conftest import Join
from hubclient import Peer, open_peer

from kiosk.core.events import Command
from kiosk.hub.server import Hub


def block_of_kind(hub: Hub, kind: str) -> int:
    return next(b.index for b in hub.core.agenda.blocks if b.kind == kind)


async def room_of(join: Join, parents: int, staff: int) -> list[Peer]:
    """Phones that joined and said their role."""
    phones = []
    for n in range(parents + staff):
        phone = await join("phone", device=f"phone-{n:04d}-room")
        role = "parent" if n < parents else "staff"
        assert (await phone.command("device/join", ref=f"j{n}", role=role))["type"] == "ack"
        phones.append(phone)
    return phones


async def divided(remote: Peer, count: int) -> dict[str, Any]:
    """The remote divides the room; returns its tables view once the tables are there."""
    assert (await remote.command("tables/assign", ref="divide", count=count))["type"] == "ack"
    view = await remote.state(lambda v: len(v["tables"]["list"]) == count)
    return dict(view["tables"])


async def open_host(hub: Hub, link: str, device: str = "host-device-1") -> Peer:
    token = link.split("token=", 1)[1]
    return await open_peer(hub.port, {"role": "host", "token": token, "device": device, "lang": "nl"})


async def joined_host(hub: Hub, link: str, device: str = "host-device-1") -> tuple[Peer, dict[str, Any]]:
    host = await open_host(hub, link, device)
    assert (await host.next("hello/ok"))["role"] == "host"
    await host.next("state/reset")
    return host, await host.next("table/update")


async def test_remote_divides_the_room_and_gets_a_secret_host_link_per_table(hub: Hub, join: Join) -> None:
    remote = await join("remote")
    await room_of(join, parents=6, staff=2)
    before = (await remote.state(lambda v: v["devices"] == 8))["tables"]
    assert before["list"] == [] and before["suggested"] == 1 and before["presentation"] is None
    tables = await divided(remote, 2)
    assert (
        tables["explanation"]["nl"] == "8 deelnemers over 2 tafels: per tafel 3 ouders en 1 schoolmedewerker"
    )
    first, second = tables["list"]
    assert (first["number"], first["size"], first["notes"]) == (1, 4, 0)
    assert first["theme"]["title"] == hub.core.agenda.themes[0].title
    assert second["theme"]["title"] == hub.core.agenda.themes[1].title
    token = hub.core.state.tables.table(1).host_token
    assert first["host"] == f"/host?token={token}"
    assert first["host_url"] == f"{hub.urls.base}/host?token={token}"


async def test_host_joins_with_its_link_and_writes_points_for_its_own_table_only(
    hub: Hub, join: Join
) -> None:
    remote = await join("remote")
    await room_of(join, parents=4, staff=2)
    tables = await divided(remote, 2)
    host, notepad = await joined_host(hub, tables["list"][1]["host"])
    assert notepad["table"]["number"] == 2 and notepad["notes"] == []
    assert notepad["table"]["theme"]["card"] == hub.core.agenda.themes[1].card
    assert notepad["table"]["size"] == 3

    added = await host.command("table/note/add", ref="n1", id="n-ouderavond", text="  Vaker een ouderavond  ")
    assert added["type"] == "ack"
    shown = await host.next("table/update", lambda m: bool(m["notes"]))
    assert shown["notes"] == [{"id": "n-ouderavond", "text": "Vaker een ouderavond", "by": "host"}]
    again = await host.command(
        "table/note/add", ref="n1-resend", id="n-ouderavond", text="Vaker een ouderavond"
    )
    assert again["type"] == "ack" and len(hub.core.state.tables.table(2).notes) == 1

    elsewhere = await host.command("table/note/add", ref="n2", table=1, id="n-elders", text="Niet van ons")
    assert elsewhere["code"] == "not_your_table"
    assert hub.core.state.tables.table(1).notes == []

    assert (await host.command("table/note/edit", ref="e", id="n-ouderavond", text="Twee ouderavonden"))[
        "type"
    ] == "ack"
    assert (await host.next("table/update", lambda m: m["notes"][0]["text"] == "Twee ouderavonden"))["table"][
        "number"
    ] == 2
    counted = await remote.state(lambda v: v["tables"]["list"][1]["notes"] == 1)
    assert counted["tables"]["list"][0]["notes"] == 0
    assert (await host.command("table/note/remove", ref="r", id="n-ouderavond"))["type"] == "ack"
    assert (await host.next("table/update", lambda m: m["notes"] == []))["table"]["number"] == 2


async def test_host_sees_its_table_time_and_then_its_own_presentation_clock(hub: Hub, join: Join) -> None:
    remote = await join("remote")
    await room_of(join, parents=2, staff=2)
    tables = await divided(remote, 2)
    host, notepad = await joined_host(hub, tables["list"][0]["host"])
    assert notepad["timer"] == {"length": 1800.0, "elapsed": 0.0, "running": False}
    hub.core.execute(Command("block/jump", {"index": block_of_kind(hub, "tables")}))
    running = await host.next("table/update", lambda m: m["timer"]["running"])
    assert running["timer"]["length"] == 1800.0 and running["presenting"] is False
    hub.core.execute(Command("block/jump", {"index": block_of_kind(hub, "presentations")}))
    assert (await remote.command("presentation/start", ref="p", minutes_per_table=3))["type"] == "ack"
    mine = await host.next("table/update", lambda m: m["presenting"])
    assert mine["timer"]["length"] == 180.0 and mine["timer"]["running"] is True


async def test_a_new_division_with_fewer_tables_sends_the_dropped_host_away(hub: Hub, join: Join) -> None:
    remote = await join("remote")
    await room_of(join, parents=6, staff=3)
    tables = await divided(remote, 3)
    kept, _ = await joined_host(hub, tables["list"][0]["host"], "host-device-1")
    dropped, _ = await joined_host(hub, tables["list"][2]["host"], "host-device-3")
    assert hub.connected()["host"] == 2

    assert (await remote.command("tables/assign", ref="again", count=2))["type"] == "ack"
    assert (await dropped.next("error"))["code"] == "bad_token"
    await dropped.ws.wait_closed()
    assert dropped.ws.close_code == 1008
    retry = await open_host(hub, tables["list"][2]["host"], "host-device-3")
    assert (await retry.next("error"))["code"] == "bad_token"
    forged = await open_peer(hub.port, {"role": "host", "token": "niet-echt", "device": "host-device-9"})
    assert (await forged.next("error"))["code"] == "bad_token"

    # The first table keeps its link, so its host writes on.
    assert (await kept.command("table/note/add", ref="k", id="n-blijft", text="Wij gaan door"))[
        "type"
    ] == "ack"
    assert hub.connected()["host"] == 1


async def test_phone_gets_its_table_and_theme_after_the_division_and_a_late_joiner_too(
    hub: Hub, join: Join
) -> None:
    remote = await join("remote")
    phones = await room_of(join, parents=3, staff=1)
    before = phones[0].seen[-1] if phones[0].seen[-1]["type"] == "mine/update" else None
    assert before is None or before["table"] is None
    await divided(remote, 2)
    seats = hub.core.state.tables.seats
    for n, phone in enumerate(phones):
        mine = await phone.next("mine/update", lambda m: m["table"] is not None)
        number = seats[f"phone-{n:04d}-room"]
        assert mine["device"]["table"] == number and mine["table"]["number"] == number
        theme = hub.core.agenda.themes[number - 1]
        # The card as the agenda wrote it, and its translation into this phone's language (English) only
        assert mine["table"]["theme"] == theme.to_json_in("en")
        assert set(mine["table"]["theme"]["translations"]) == {"en"}

    late = await join("phone", device="phone-late-comer")
    assert (await late.command("device/join", ref="late", role="parent"))["type"] == "ack"
    first = await late.next("mine/update", lambda m: m["table"] is not None)
    assert first["table"]["number"] == seats["phone-late-comer"]

    moved_to = 1 if seats["phone-0000-room"] == 2 else 2
    assert (await remote.command("tables/move", ref="m", device="phone-0000-room", table=moved_to))[
        "type"
    ] == "ack"
    assert (await phones[0].next("mine/update", lambda m: m["table"]["number"] == moved_to))["device"][
        "table"
    ] == moved_to
    other_theme = hub.core.agenda.themes[3].id
    assert (await remote.command("tables/theme", ref="t", table=moved_to, theme=other_theme))["type"] == "ack"
    renamed = await phones[0].next("mine/update", lambda m: m["table"]["theme"]["id"] == other_theme)
    assert renamed["table"]["number"] == moved_to


async def test_projector_shows_the_tables_then_the_presenting_tables_points_and_clock(
    hub: Hub, join: Join
) -> None:
    remote, display = await join("remote"), await join("display")
    await room_of(join, parents=4, staff=2)
    assert (await display.state(lambda v: True))["tables"] is None
    tables = await divided(remote, 2)
    one, _ = await joined_host(hub, tables["list"][0]["host"], "host-device-1")
    two, _ = await joined_host(hub, tables["list"][1]["host"], "host-device-2")

    hub.core.execute(Command("block/jump", {"index": block_of_kind(hub, "tables")}))
    grid = (await display.state(lambda v: v["tables"] is not None))["tables"]
    assert [(t["number"], t["size"]) for t in grid["list"]] == [(1, 3), (2, 3)]
    assert (
        grid["list"][0]["theme"]["title"] == hub.core.agenda.themes[0].title and grid["presentation"] is None
    )

    await one.command("table/note/add", ref="a", id="n-1a", text="Mentor belt elke maand")
    await one.command("table/note/add", ref="b", id="n-1b", text="Ouders in de klankbordgroep")
    await two.command("table/note/add", ref="c", id="n-2a", text="Rapport in gewone taal")
    hub.core.execute(Command("block/jump", {"index": block_of_kind(hub, "presentations")}))
    assert (await remote.command("presentation/start", ref="p", minutes_per_table=5))["type"] == "ack"
    shown = await display.state(lambda v: bool(v["tables"] and v["tables"]["presentation"]))
    presentation = shown["tables"]["presentation"]
    assert presentation["presenting"]["number"] == 1
    assert presentation["presenting"]["points"] == ["Mentor belt elke maand", "Ouders in de klankbordgroep"]
    assert presentation["presenting"]["timer"]["length"] == 300.0
    assert presentation["presenting"]["timer"]["running"] is True
    assert presentation["next"]["number"] == 2 and (presentation["position"], presentation["count"]) == (0, 2)

    assert (await remote.command("presentation/extend", ref="x", minutes=2))["type"] == "ack"
    longer = await display.state(
        lambda v: v["tables"]["presentation"]["presenting"]["timer"]["length"] == 420
    )
    assert longer["tables"]["presentation"]["presenting"]["number"] == 1
    assert (await remote.command("presentation/next", ref="n"))["type"] == "ack"
    second = await display.state(lambda v: v["tables"]["presentation"]["presenting"]["number"] == 2)
    assert second["tables"]["presentation"]["presenting"]["points"] == ["Rapport in gewone taal"]
    assert second["tables"]["presentation"]["next"] is None


async def test_host_links_reach_only_the_remote(hub: Hub, join: Join) -> None:
    remote, display = await join("remote"), await join("display")
    phones = await room_of(join, parents=3, staff=1)
    tables = await divided(remote, 2)
    host, _ = await joined_host(hub, tables["list"][0]["host"])
    hub.core.execute(Command("block/jump", {"index": block_of_kind(hub, "tables")}))
    await host.command("table/note/add", ref="a", id="n-a", text="Een punt")
    await display.state(lambda v: v["tables"] is not None and v["block"]["kind"] == "tables")
    await host.next("table/update", lambda m: bool(m["notes"]))
    await phones[0].state(lambda v: v["block"]["kind"] == "tables")
    tokens = [t.host_token for t in hub.core.state.tables.tables]
    for peer in (display, host, *phones):
        for message in peer.seen:
            assert not any(token in str(message) for token in tokens), message["type"]
    assert all(token in str(remote.seen) for token in tokens)


async def test_remote_moves_a_person_by_handle_and_gives_a_table_a_shipped_card(hub: Hub, join: Join) -> None:
    remote = await join("remote")
    phones = await room_of(join, parents=3, staff=1)
    tables = await divided(remote, 2)
    assert all(set(seat) == {"seat", "role", "table", "handle"} for seat in tables["seats"])
    assert "phone-0" not in str(tables)
    staff = next(seat for seat in tables["seats"] if seat["seat"] == 4)  # the fourth to join: staff
    assert staff["role"] == "staff"
    moved_to = 1 if staff["table"] == 2 else 2
    answer = await remote.command("tables/move", ref="m", seat=staff["handle"], table=moved_to)
    assert answer["type"] == "ack"
    assert await phones[3].next("mine/update", lambda m: (m["table"] or {}).get("number") == moved_to)
    view = await remote.state(
        lambda v: any(s["seat"] == 4 and s["table"] == moved_to for s in v["tables"]["seats"])
    )
    assert next(s for s in view["tables"]["seats"] if s["seat"] == 4)["handle"] == staff["handle"]

    forged = await remote.command("tables/move", ref="f", seat="s-not-a-person", table=1)
    assert forged["type"] == "error" and forged["code"] == "unknown_seat"
    assert forged["message"] == "Deze persoon zit niet (meer) aan een tafel; kijk opnieuw."

    card = tables["cards"][0]
    assert (await remote.command("tables/theme", ref="t", table=1, theme=card["id"]))["type"] == "ack"
    view = await remote.state(lambda v: (v["tables"]["list"][0]["theme"] or {}).get("id") == card["id"])
    assert view["tables"]["list"][0]["theme"]["title"] == card["title"]
