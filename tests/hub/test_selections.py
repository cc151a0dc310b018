"""A selection kept from the ids that changed holds exactly what a fresh choice from every item holds."""

from __future__ import annotations

from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.hub.changes import apply_changes
from kiosk.hub.selections import Selection, Spec

Store = dict[str, dict[str, Any]]


def spec(store: Store, limit: int, budget: int | None = None) -> Spec[dict[str, Any]]:
    return Spec(
        source=lambda: store,
        wanted=lambda item: bool(item["shown"]),
        rank=lambda item: (-item["score"],),
        limit=limit,
        render=lambda item: {"id": item["id"], "text": item["text"], "count": item["score"]},
        tally=lambda item: "shown" if item["shown"] else "hidden",
        budget=budget,
    )


steps = st.lists(
    st.tuples(
        st.sampled_from([f"i{n}" for n in range(12)]),
        st.one_of(
            st.none(),
            st.tuples(st.integers(0, 5), st.booleans(), st.sampled_from(["a", "b", "ä" * 30, "x" * 60])),
        ),
    ),
    max_size=60,
)


@given(
    limit=st.integers(1, 6),
    plan=steps,
    burst=st.integers(1, 4),
    budget=st.one_of(st.none(), st.integers(2, 400)),
)
@settings(max_examples=1000, deadline=None)
@example(  # a list bound by bytes whose blocker leaves: the one before it fits now
    limit=1, plan=[("i0", (0, True, "a")), ("i1", (1, True, "ä" * 30)), ("i1", None)], burst=1, budget=35
)
def test_updating_by_changed_ids_equals_choosing_afresh(
    limit: int, plan: list[Any], burst: int, budget: int | None
) -> None:
    store: Store = {}
    kept = Selection(spec(store, limit, budget))
    client = {"contributions": kept.listed()}
    for start in range(0, len(plan), burst):
        changed = []
        for ident, value in plan[start : start + burst]:
            if value is None:
                store.pop(ident, None)
            else:
                store[ident] = {"id": ident, "score": value[0], "shown": value[1], "text": value[2]}
            changed.append(ident)
        delta = kept.update(changed)
        for message in delta.messages("contributions", "id"):
            apply_changes(client, message)
        fresh = Selection(spec(store, limit, budget))
        assert kept.listed() == fresh.listed()
        assert kept.totals == fresh.totals
        assert sorted(client["contributions"], key=lambda i: i["id"]) == sorted(
            fresh.listed(), key=lambda i: i["id"]
        )


def test_a_new_item_ranked_after_a_full_selection_costs_no_rebuild() -> None:
    store: Store = {f"i{n}": {"id": f"i{n}", "score": 10 - n, "shown": True, "text": "x"} for n in range(5)}
    kept = Selection(spec(store, 3))
    assert [i["id"] for i in kept.listed()] == ["i0", "i1", "i2"] and kept.rebuilds == 1
    store["late"] = {"id": "late", "score": 0, "shown": True, "text": "x"}
    assert kept.update(["late"]).messages("items", "id") == []
    store["best"] = {"id": "best", "score": 99, "shown": True, "text": "x"}
    delta = kept.update(["best"])
    assert (delta.removed, [i["id"] for i in delta.added]) == (["i2"], ["best"])
    assert kept.rebuilds == 1  # what changed decided it alone
    store["i0"]["shown"] = (
        False  # a member leaves while others wait outside: only all of them can say who comes in
    )
    kept.update(["i0"])
    assert [i["id"] for i in kept.listed()] == ["best", "i1", "i2"] and kept.rebuilds == 2
