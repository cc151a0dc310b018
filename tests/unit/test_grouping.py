"""Dividing the room over the theme tables: an even share of parents and staff at every table, each time."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.grouping import Assignment, assign_tables, place_late_joiner, role_key

ROLES = ("parent", "staff", "unknown")
device_ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=8, max_size=16)
rooms = st.lists(
    st.tuples(device_ids, st.sampled_from(["parent", "staff", None])), unique_by=lambda d: d[0], max_size=120
)
counts = st.integers(min_value=1, max_value=20)
seeds = st.text(max_size=12)


def room(parents: int, staff: int, unknown: int = 0) -> list[tuple[str, str | None]]:
    return (
        [(f"parent-{n:03d}", "parent") for n in range(parents)]
        + [(f"staff-{n:03d}", "staff") for n in range(staff)]
        + [(f"nobody-{n:03d}", None) for n in range(unknown)]
    )


def spread(values: list[int]) -> int:
    return max(values) - min(values)


@settings(max_examples=200)
@given(devices=rooms, count=counts, seed=seeds)
def test_everyone_sits_at_exactly_one_existing_table(devices, count, seed) -> None:  # type: ignore[no-untyped-def]
    assignment = assign_tables(devices, count, seed)
    assert set(assignment.seats) == {d for d, _ in devices}
    assert all(1 <= t <= count for t in assignment.seats.values())
    assert sum(assignment.sizes()) == len(devices)


@settings(max_examples=200)
@given(devices=rooms, count=counts, seed=seeds)
def test_each_role_and_the_table_sizes_differ_by_at_most_one(devices, count, seed) -> None:  # type: ignore[no-untyped-def]
    assignment = assign_tables(devices, count, seed)
    for role in ROLES:
        assert spread(assignment.role_counts(role)) <= 1, role
    assert spread(assignment.sizes()) <= 1


@settings(max_examples=200)
@given(devices=rooms, count=counts, seed=seeds)
def test_staff_are_spread_one_per_table_before_any_table_gets_two(devices, count, seed) -> None:  # type: ignore[no-untyped-def]
    assignment = assign_tables(devices, count, seed)
    staff = assignment.role_counts("staff")
    if sum(staff) >= count:
        assert min(staff) >= 1
    else:
        assert max(staff, default=0) <= 1


@settings(max_examples=100)
@given(devices=rooms, count=counts, seed=seeds, shuffle_seed=st.integers())
def test_the_order_of_arrival_does_not_change_the_division(devices, count, seed, shuffle_seed) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(devices)
    random.Random(shuffle_seed).shuffle(shuffled)
    assert assign_tables(shuffled, count, seed).seats == assign_tables(devices, count, seed).seats


@settings(max_examples=100)
@given(
    devices=rooms,
    count=counts,
    seed=seeds,
    late=st.lists(st.sampled_from(["parent", "staff", None]), max_size=30),
)
def test_late_joiners_go_to_the_smallest_table(devices, count, seed, late) -> None:  # type: ignore[no-untyped-def]
    assignment = assign_tables(devices, count, seed)
    for n, role in enumerate(late):
        sizes = assignment.sizes()
        same_role = assignment.role_counts(role_key(role))
        table = place_late_joiner(assignment, f"late-{n:04d}", role)
        assert sizes[table - 1] == min(sizes)
        smallest = [t for t in range(1, count + 1) if sizes[t - 1] == min(sizes)]
        assert same_role[table - 1] == min(same_role[t - 1] for t in smallest)
        assert table == min(t for t in smallest if same_role[t - 1] == same_role[table - 1])
        assignment = assignment.with_seat(f"late-{n:04d}", table, role)
    assert spread(assignment.sizes()) <= 1


@settings(max_examples=100)
@given(devices=rooms, count=counts, seed=seeds, data=st.data())
def test_chosen_hosts_sit_at_their_own_table_and_the_roles_stay_balanced(devices, count, seed, data) -> None:  # type: ignore[no-untyped-def]
    ids = [d for d, _ in devices]
    hosts = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=count) if ids else st.just([]))
    assignment = assign_tables(devices, count, seed, hosts)
    assert [assignment.seats[h] for h in hosts] == list(range(1, len(hosts) + 1))
    for role in ROLES:
        assert spread(assignment.role_counts(role)) <= 1, role
    assert set(assignment.seats) == set(ids)


def test_the_run_sheet_evening_reads_as_one_line_in_dutch_and_english() -> None:
    assignment = assign_tables(room(parents=18, staff=6), 4, "avond")
    assert (
        assignment.explain("nl")
        == "24 deelnemers over 4 tafels: per tafel 4-5 ouders en 1-2 schoolmedewerkers"
    )
    assert assignment.explain("en") == "24 participants at 4 tables: 4-5 parents and 1-2 staff per table"
    assert assignment.sizes() == [6, 6, 6, 6]


def test_the_explanation_names_people_without_a_role_and_single_counts() -> None:
    assignment = assign_tables(room(parents=8, staff=2, unknown=1), 2, "avond")
    assert assignment.explain("nl") == (
        "11 deelnemers over 2 tafels: per tafel 4 ouders, 1 schoolmedewerker en 0-1 zonder opgegeven rol"
    )
    assert assign_tables([], 3, "x").explain("en") == "3 tables, nobody seated yet"


def test_another_seed_mixes_the_room_differently() -> None:
    devices = room(parents=30, staff=10)
    first, second = assign_tables(devices, 5, "eerste"), assign_tables(devices, 5, "tweede")
    assert first.seats != second.seats
    assert first.role_counts("staff") == second.role_counts("staff") == [2, 2, 2, 2, 2]


def test_a_late_joiner_already_seated_keeps_their_table() -> None:
    assignment = assign_tables(room(parents=5, staff=2), 2, "x")
    assert place_late_joiner(assignment, "parent-000", "parent") == assignment.seats["parent-000"]


def test_a_late_joiner_goes_to_the_smallest_table_then_where_their_role_is_scarce() -> None:
    seats = {"p1": 1, "s1": 1, "p2": 2, "p3": 2, "p4": 3, "s2": 3}
    assignment = Assignment(3, seats, {d: "staff" if d.startswith("s") else "parent" for d in seats})
    assert place_late_joiner(assignment, "s3", "staff") == 2
    assert place_late_joiner(assignment, "p5", "parent") == 1  # a tie between 1 and 3: the lowest number
    fuller = assignment.with_seat("p5", 1, "parent")
    assert place_late_joiner(fuller, "p6", "parent") == 3
    assert place_late_joiner(fuller, "x1", None) == 2


@pytest.mark.parametrize(
    ("devices", "count", "hosts", "message"),
    [
        (room(2, 1), 0, (), "from 1 to 50"),
        (room(2, 1), 51, (), "from 1 to 50"),
        ([("a-device", "parent"), ("a-device", "staff")], 2, (), "listed twice"),
        (room(2, 1), 2, ("stranger",), "different device in the room"),
        (room(2, 1), 1, ("parent-000", "parent-001"), "more hosts than tables"),
    ],
)
def test_impossible_divisions_say_what_is_wrong(devices, count, hosts, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        assign_tables(devices, count, "x", hosts)
