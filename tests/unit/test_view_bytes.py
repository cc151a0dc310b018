"""The byte bounds of the lists in a view hold whatever the room typed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.hub.view_bytes import first_within, json_bytes, last_within

texts = st.text(max_size=60)
values = st.one_of(texts, st.integers(), st.booleans(), st.none(), st.lists(texts, max_size=4))
items = st.dictionaries(st.sampled_from(["id", "text", "count", "held", "tags"]), values)


@settings(max_examples=150)
@given(st.lists(items, max_size=30), st.integers(0, 3000))
def test_a_bounded_list_fits_its_budget_and_keeps_its_order(
    listed: list[dict[str, object]], budget: int
) -> None:
    head, tail = first_within(listed, budget), last_within(listed, budget)
    assert json_bytes(head) <= max(budget, 2) and json_bytes(tail) <= max(budget, 2)
    assert head == listed[: len(head)] and tail == listed[len(listed) - len(tail) :]
    if json_bytes(listed) <= budget:
        assert head == tail == listed


def test_four_byte_characters_count_four_bytes() -> None:
    emoji = {"id": "c1", "text": "😀" * 250}  # the longest text the core takes, in four-byte characters
    assert json_bytes(emoji) > 1000
    assert len(first_within([emoji] * 100, 48 * 1024)) == 48 * 1024 // (json_bytes(emoji) + 1)
