"""The places of the hub are the hall's: one phone reusing its device id on every socket holds one of them, and
500 phones behind one address (a school's NAT) all get in. Real `kiosk serve`, clients from 127.0.0.x."""

from __future__ import annotations

from pathlib import Path

from kiosk.bench.hostile import device_flood
from kiosk.bench.hostile_hall import nat_hall
from kiosk.hub.admission import LIVE_PER_ADDRESS


async def test_one_device_id_on_every_socket_holds_one_place_and_the_hall_the_remote_and_a_returning_phone_get_in(
    tmp_path: Path,
) -> None:
    figures = await device_flood(tmp_path, sockets=600, files=640)  # a laptop's open-file limit
    print(f"\n{figures}")
    assert figures["attacker sockets still open"] <= 2
    assert figures["new phones from 20 addresses in"] == 20, figures["new phones refused"]
    assert figures["remote"] == "in"
    assert figures["returning phone"] == "in"


async def test_a_hall_behind_one_address_all_gets_in_and_comes_back_after_a_locked_screen(
    tmp_path: Path,
) -> None:
    figures = await nat_hall(tmp_path, phones=300, spread=20.0)
    print(f"\n{figures}")
    assert figures["joined"] == 300 and figures["came back after a locked screen"] == 30
    assert figures["peak WebSockets from the address"] <= 300  # one per phone: a phone's newer one replaces
    assert figures["peak WebSockets from the address"] * 2 <= LIVE_PER_ADDRESS
