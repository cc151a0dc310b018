"""What one phone and one network may spend of what the room shares: changes of one thing, and questions."""

from __future__ import annotations

from kiosk.hub.budgets import CHANGES, REPEATS_PER_ADDRESS, ChangeBudget, QuestionShares, changed_thing
from tests.conftest import FakeClock


def test_one_phone_changes_one_thing_within_its_budget_and_other_things_freely() -> None:
    clock = FakeClock()
    budget = ChangeBudget(clock)
    rate, burst = CHANGES
    for _ in range(int(burst)):
        assert budget.may("phone-1", "join", "10.0.0.5")
        budget.spent("phone-1", "join", "10.0.0.5")
    assert not budget.may("phone-1", "join", "10.0.0.5")
    assert budget.may("phone-1", "contribution/endorse:c-1", "10.0.0.5")
    assert budget.may("phone-2", "join", "10.0.0.5")
    clock.advance(1.1 / rate)
    assert budget.may("phone-1", "join", "10.0.0.5")


def test_a_hall_behind_one_address_picks_its_roles_freely_but_changes_again_within_its_share() -> None:
    clock = FakeClock()
    budget = ChangeBudget(clock)
    rate, burst = REPEATS_PER_ADDRESS
    for n in range(500):  # every phone of a hall behind one address says its role once
        assert budget.may(f"hall-{n:03d}", "join", "145.10.20.30")
        budget.spent(f"hall-{n:03d}", "join", "145.10.20.30")
    for n in range(int(burst)):  # and some change it again
        assert budget.may(f"hall-{n:03d}", "join", "145.10.20.30")
        budget.spent(f"hall-{n:03d}", "join", "145.10.20.30")
    assert not budget.may("hall-499", "join", "145.10.20.30")
    assert budget.may("hall-499", "join", None)  # the laptop itself is not counted per address
    assert budget.may("next-door", "join", "145.10.20.31")
    clock.advance(1.1 / rate)
    assert budget.may("hall-499", "join", "145.10.20.30")


def test_the_things_a_phone_changes_again_and_again() -> None:
    assert changed_thing("device/join", {"role": "staff"}) == "join"
    assert changed_thing("contribution/endorse", {"id": "c1"}) == "contribution/endorse:c1"
    assert changed_thing("response/set", {"prompt": "b9-q1", "value": 3}) == "response/set:b9-q1"
    assert changed_thing("contribution/add", {"id": "c1"}) is None  # something new, bounded elsewhere


def test_an_address_asks_within_its_share_and_hidden_questions_free_it() -> None:
    shares = QuestionShares(share=3)
    hidden: set[str] = set()
    for n in range(3):
        assert shares.room("10.0.0.7", lambda q: q not in hidden)
        shares.asked("10.0.0.7", f"q{n}")
    assert not shares.room("10.0.0.7", lambda q: q not in hidden)
    assert shares.room("10.0.0.8", lambda q: q not in hidden) and shares.room(None, lambda q: True)
    hidden.add("q1")
    assert shares.room("10.0.0.7", lambda q: q not in hidden)
