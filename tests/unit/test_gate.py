"""The hub's gate: limits per address that stop one phone and never a hall behind one address."""

from __future__ import annotations

import sys

import pytest

from kiosk.hub.admission import (
    CONNECTS,
    FULL,
    JOINS,
    QUESTIONS,
    RECOGNITIONS,
    TOO_FAST,
    UPVOTES,
    WAITING_PER_ADDRESS,
    Gate,
    Verdict,
    address_key,
    forwarded_for,
)
from kiosk.hub.open_files import RESERVE, connection_places, low_limit_warning, raise_open_file_limit
from tests.conftest import FakeClock


class Conn:
    """A stand-in for a connection: the gate only needs something hashable."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


def open_many(gate: Gate, host: str, count: int, prefix: str = "c") -> list[Conn]:
    conns = []
    for n in range(count):
        conn = Conn(f"{prefix}{n}")
        verdict = gate.opened(conn, host)
        assert verdict.refused is None, (n, verdict)
        conns.append(conn)
    return conns


def test_sockets_that_never_say_hello_push_out_their_own_oldest_only() -> None:
    gate = Gate(capacity=10_000, clock=FakeClock())
    honest = Conn("honest")
    assert gate.opened(honest, "192.168.1.20").close == []
    idle = open_many(gate, "192.168.1.66", WAITING_PER_ADDRESS)
    newcomer = Conn("newcomer")
    verdict = gate.opened(newcomer, "192.168.1.66")
    assert verdict.refused is None and verdict.close == [idle[0]]
    gate.closed(idle[0])
    # A phone behind the same address that says hello at once is never the oldest waiting for long.
    gate.said_hello(newcomer, idle_phone=False)
    assert gate.opened(Conn("next"), "192.168.1.66").close == []
    assert gate.opened(Conn("after"), "192.168.1.66").close == [idle[1]]
    assert gate.address(honest) == "192.168.1.20"


def test_an_address_opening_connections_faster_than_a_hall_is_refused_then_let_in_again() -> None:
    clock = FakeClock()
    gate = Gate(capacity=100_000, clock=clock)
    rate, burst = CONNECTS
    for n in range(int(burst)):
        conn = Conn(f"c{n}")
        assert gate.opened(conn, "10.0.0.2").refused is None
        gate.said_hello(conn, idle_phone=False)
    assert gate.opened(Conn("one too many"), "10.0.0.2").refused == TOO_FAST
    assert gate.opened(Conn("elsewhere"), "10.0.0.3").refused is None
    clock.advance(1.5 / rate)
    assert gate.opened(Conn("later"), "10.0.0.2").refused is None


def test_the_laptop_itself_is_never_limited_per_address() -> None:
    gate = Gate(capacity=100_000, clock=FakeClock())
    open_many(gate, "127.0.0.1", int(CONNECTS[1]) + WAITING_PER_ADDRESS + 10)
    conns = open_many(gate, "::1", 10)
    assert all(gate.may_join(conn, f"bench-phone-{n:04d}") for n, conn in enumerate(conns * 40))


def test_when_full_the_oldest_waiting_then_the_oldest_idle_phone_make_room_else_the_newcomer_waits() -> None:
    gate = Gate(capacity=3, clock=FakeClock())
    person, idle, waiting = Conn("person"), Conn("idle"), Conn("waiting")
    for conn in (person, idle, waiting):
        assert gate.opened(conn, "10.0.0.9").close == []
    gate.said_hello(person, idle_phone=True)
    gate.active(person)  # it sent an answer: someone in the hall
    gate.said_hello(idle, idle_phone=True)

    first = Conn("first")
    assert gate.opened(first, "10.0.1.1") == Verdict([waiting], None)
    gate.closed(waiting)
    gate.said_hello(first, idle_phone=False)
    second = Conn("second")
    assert gate.opened(second, "10.0.1.2") == Verdict([idle], None)
    gate.closed(idle)
    gate.said_hello(second, idle_phone=False)
    assert gate.opened(Conn("third"), "10.0.1.3") == Verdict([], FULL)
    assert gate.open == 3


def test_new_phones_per_address_are_limited_returning_ones_never() -> None:
    clock = FakeClock()
    gate = Gate(capacity=100_000, clock=clock)
    rate, burst = JOINS
    nat = open_many(gate, "145.10.20.30", 1)[0]
    assert all(gate.may_join(nat, f"hall-phone-{n:04d}") for n in range(int(burst)))
    assert not gate.may_join(nat, "one-phone-too-many")
    assert gate.may_join(nat, "hall-phone-0007")  # a phone that was here comes back
    other = open_many(gate, "145.10.20.31", 1)[0]
    assert gate.may_join(other, "next-door-phone")
    clock.advance(1.5 / rate)
    assert gate.may_join(nat, "one-phone-too-many")


def test_recognitions_of_one_answer_are_limited_per_address() -> None:
    clock = FakeClock()
    gate = Gate(capacity=100_000, clock=clock)
    rate, burst = RECOGNITIONS
    conn = open_many(gate, "10.1.1.1", 1)[0]
    for _ in range(int(burst)):
        assert gate.may("recognition", conn, "c-answer")
        gate.did("recognition", conn, "c-answer")
    assert not gate.may("recognition", conn, "c-answer")
    assert gate.may("recognition", conn, "c-other-answer")
    elsewhere = open_many(gate, "10.1.1.2", 1)[0]
    assert gate.may("recognition", elsewhere, "c-answer")
    clock.advance(1.5 / rate)
    assert gate.may("recognition", conn, "c-answer")


def test_questions_and_upvotes_are_limited_per_address_like_recognitions() -> None:
    clock = FakeClock()
    gate = Gate(capacity=100_000, clock=clock)
    conn = open_many(gate, "10.1.1.1", 1)[0]
    for _ in range(int(QUESTIONS[1])):
        assert gate.may("question", conn)
        gate.did("question", conn)
    assert not gate.may("question", conn)
    for _ in range(int(UPVOTES[1])):
        gate.did("upvote", conn, "q-1")
    assert not gate.may("upvote", conn, "q-1")
    assert gate.may("upvote", conn, "q-2")
    assert gate.may("recognition", conn, "q-1")  # each deed is counted apart
    assert gate.may("question", open_many(gate, "10.1.1.2", 1)[0])
    clock.advance(1.5 / QUESTIONS[0])
    assert gate.may("question", conn)


def test_addresses_are_counted_per_ipv4_address_and_per_ipv6_slash_64() -> None:
    assert address_key("192.168.1.20") == "192.168.1.20"
    assert address_key("::ffff:192.168.1.20") == "192.168.1.20"
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("fe80::1%eth0") == "fe80::/64"
    assert address_key(None) is None


def test_a_trusted_proxy_names_the_phone_in_its_last_forwarded_for_entry() -> None:
    assert forwarded_for(["203.0.113.9"]) == "203.0.113.9"
    assert forwarded_for(["1.2.3.4, 203.0.113.9"]) == "203.0.113.9"  # the first may be made up by the phone
    assert forwarded_for(["1.2.3.4", "203.0.113.9"]) == "203.0.113.9"
    assert forwarded_for(["[2001:db8::1]"]) == "2001:db8::1"
    assert forwarded_for(["not an address"]) is None
    assert forwarded_for([]) is None


def test_without_an_open_file_limit_to_raise_the_hub_still_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "resource", None)  # as on Windows: `import resource` fails
    assert raise_open_file_limit() is None
    assert connection_places(None, 5000) == 5000
    assert low_limit_warning(None, 5000, "nl") is None


def test_a_low_open_file_limit_says_how_many_phones_fit() -> None:
    assert connection_places(256, 5000) == 256 - RESERVE
    assert connection_places(100_000, 5000) == 5000
    warning = low_limit_warning(256, 256 - RESERVE, "en")
    assert warning is not None and f"about {256 - RESERVE} phones" in warning and "ulimit -n 4096" in warning
    assert low_limit_warning(20_000, 5000, "nl") is None
