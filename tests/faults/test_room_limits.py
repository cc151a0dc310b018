"""What the whole room shares cannot be used up by a few: the evening's questions, the disk, the bytes of a first
view. Real `kiosk serve`, each attacker and each honest phone from its own address (127.0.0.x)."""

from __future__ import annotations

from pathlib import Path

from kiosk.bench.hostile import change_flood, first_views, question_flood, small_holes
from kiosk.hub.budgets import REPEATS_PER_ADDRESS

FLIPPERS = 150
SECONDS = 20.0


async def test_questions_from_34_networks_at_once_leave_the_evening_open_to_an_honest_phone(
    tmp_path: Path,
) -> None:
    figures = await question_flood(tmp_path, addresses=34)
    print(f"\n{figures}")
    assert figures["questions stored"] == 34 * 60 and not figures["refused"]
    assert figures["honest phone's question"] == "ack"


async def test_phones_flipping_their_role_store_within_their_budget(tmp_path: Path) -> None:
    figures = await change_flood(tmp_path, sockets=FLIPPERS, seconds=SECONDS)
    print(f"\n{figures}")
    rate, burst = REPEATS_PER_ADDRESS  # each phone's first flip is free, its network shares the rest
    budget = FLIPPERS + burst + rate * SECONDS
    assert figures["events stored"] <= budget + 2 * SECONDS + 10  # and the honest phone's answers
    assert figures["database growth MB a minute"] < 1.0
    assert figures["honest acks"] > 0


async def test_first_views_of_four_byte_text_stay_within_their_bounds(tmp_path: Path) -> None:
    figures = await first_views(tmp_path)
    print(f"\n{figures}")
    assert tuple(figures["longest answer taken (characters, bytes)"]) == (250, 1000)
    assert figures["remote first view KiB (400 waiting)"] <= 256
    assert figures["remote first view KiB (and 400 shown)"] <= 256
    assert figures["phone first view KiB"] <= 80
    assert figures["projector first view KiB"] <= 80


async def test_rebinding_a_body_and_a_nan_are_each_refused(tmp_path: Path) -> None:
    figures = await small_holes(tmp_path)
    assert figures["rebinding (Host and Origin evil.example)"] == "421"
    assert figures["POST with a body"] == "405"
    assert figures["NaN in ref"].startswith("refused: ") and '"bad_json"' in figures["NaN in ref"]
