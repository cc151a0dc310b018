"""The theme tables of the run sheet: balanced groups, a host per table writing the outcome, timed presentations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.agenda.model import Agenda
from kiosk.agenda.parser import load_agenda
from kiosk.core.events import FACILITATOR, Actor, Command, CommandError
from kiosk.core.session import SessionCore, replay, start_session
from kiosk.core.store import open_event_log
from kiosk.core.tables import (
    TablesState,
    current_presentation,
    table_for_host_token,
    table_list,
    table_of_device,
    table_outcomes,
    table_timer,
)
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock, small_agenda

SYSTEM = Actor("system")
THEMES = ["aanwezigheid-en-verzuim", "contact-en-communicatie", "samen-kijken-naar-de-leerling"]


@pytest.fixture(scope="module")
def evening() -> Agenda:
    """The shipped run-sheet evening: four themes, a 30-minute tables block, 10 minutes of presentations."""
    return load_agenda(default_agenda_path())


def run(core: SessionCore, type_: str, actor: Actor = FACILITATOR, **data: Any) -> Any:
    return core.execute(Command(type_, dict(data), actor)).event


def join(core: SessionCore, parents: int, staff: int, unknown: int = 0) -> list[str]:
    devices = []
    for prefix, role, n in (
        ("parent", "parent", parents),
        ("staff", "staff", staff),
        ("guest", None, unknown),
    ):
        for i in range(n):
            device = f"{prefix}-{i:04d}"
            run(core, "device/join", Actor("phone", device=device), role=role)
            devices.append(device)
    return devices


def host(core: SessionCore, table: int) -> Actor:
    """A host's notepad as the hub would name it after checking the token."""
    token = core.state.tables.table(table).host_token
    assert table_for_host_token(core.state, token) == table
    return Actor("host", device=f"host-dev-{table}", table=table)


def refused(core: SessionCore, type_: str, actor: Actor = FACILITATOR, **data: Any) -> str:
    with pytest.raises(CommandError) as err:
        run(core, type_, actor, **data)
    return err.value.code


def test_facilitator_divides_the_room_into_balanced_tables_each_with_a_theme(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    devices = join(core, parents=18, staff=6)
    event = run(core, "tables/assign", count=4)
    assert event.data["explanation"]["nl"] == (
        "24 deelnemers over 4 tafels: per tafel 4-5 ouders en 1-2 schoolmedewerkers"
    )
    tables = table_list(core.state)
    assert [t.size for t in tables] == [6, 6, 6, 6]
    assert [t.theme.id for t in tables if t.theme] == [theme.id for theme in evening.themes]
    seated = table_of_device(core.state, devices[0])
    assert seated is not None and seated.theme is not None and seated.theme.card
    assert "token" not in str(seated.to_json()) and core.state.tables.table(1).host_token not in str(seated)


def test_without_a_count_the_room_gets_tables_of_about_eight_or_one_per_chosen_host(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    assert refused(core, "tables/assign") == "count_needed"
    devices = join(core, parents=20, staff=5)
    run(core, "tables/assign")
    assert len(table_list(core.state)) == 4
    hosts = [d for d in devices if d.startswith("staff")][:2]
    run(core, "tables/assign", hosts=hosts)
    assert [table_of_device(core.state, h).number for h in hosts] == [1, 2]  # type: ignore[union-attr]
    assert [t.host for t in core.state.tables.tables] == hosts


def test_chosen_themes_are_cycled_over_the_tables_and_unknown_ones_refused(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=6, staff=3)
    run(core, "tables/assign", count=3, themes=THEMES[1:2])
    assert {t.theme.id for t in table_list(core.state) if t.theme} == {THEMES[1]}
    assert refused(core, "tables/assign", count=3, themes=["verzonnen"]) == "unknown_theme"
    assert refused(core, "tables/assign", count=51) == "out_of_range"
    assert refused(core, "tables/assign", count=2, hosts=["parent-0000", "parent-0001", "staff-0000"]) == (
        "too_many_hosts"
    )


def test_a_late_joiner_is_seated_at_the_smallest_table(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=7, staff=2)
    run(core, "tables/assign", count=2)
    assert [t.size for t in table_list(core.state)] == [5, 4]
    late = Actor("phone", device="late-parent-01")
    run(core, "device/join", late, role="parent")  # joining after the division seats the phone at once
    assert table_of_device(core.state, "late-parent-01").number == 2  # type: ignore[union-attr]
    assert run(core, "tables/seat", late) is None  # already seated: nothing changes
    run(core, "device/join", Actor("phone", device="late-staff-01"), role="staff")
    assert table_of_device(core.state, "late-staff-01").number == 1  # type: ignore[union-attr]


def test_a_phone_cannot_seat_another_and_nobody_is_seated_before_the_division(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=2, staff=1)
    assert refused(core, "tables/seat", SYSTEM, device="parent-0000") == "no_tables"
    run(core, "tables/assign", count=1)
    assert refused(core, "tables/seat", SYSTEM, device="stranger-0001") == "unknown_device"
    assert refused(core, "tables/seat", SYSTEM, device=["parent-0000"]) == "unknown_device"
    assert (
        refused(core, "tables/move", Actor("phone", device="parent-0000"), device="x", table=1) == "forbidden"
    )


def test_facilitator_moves_a_person_and_changes_a_theme(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=4, staff=2)
    run(core, "tables/assign", count=2)
    other = 3 - core.state.tables.seats["parent-0000"]
    run(core, "tables/move", device="parent-0000", table=other)
    assert table_of_device(core.state, "parent-0000").number == other  # type: ignore[union-attr]
    assert run(core, "tables/move", device="parent-0000", table=other) is None
    assert refused(core, "tables/move", device="parent-0000", table=3) == "out_of_range"
    run(core, "tables/theme", table=2, theme=THEMES[2])
    assert table_list(core.state)[1].theme.title == "Samen kijken naar de leerling"  # type: ignore[union-attr]
    run(core, "tables/theme", table=2, theme=None)
    assert table_list(core.state)[1].theme is None
    assert refused(core, "tables/theme", table=1, theme="verzonnen") == "unknown_theme"


def test_every_table_has_its_own_host_token_kept_when_the_room_is_divided_again(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=12, staff=4)
    run(core, "tables/assign", count=3)
    tokens = [t.host_token for t in core.state.tables.tables]
    assert len(set(tokens)) == 3 and all(len(t) == 12 for t in tokens)
    assert [table_for_host_token(core.state, t) for t in tokens] == [1, 2, 3]
    assert table_for_host_token(core.state, "raden-lukt-niet") is None
    assert table_for_host_token(core.state, "") is None
    run(core, "tables/assign", count=4)
    assert [t.host_token for t in core.state.tables.tables][:3] == tokens


def test_a_host_writes_the_outcome_for_their_own_table_only(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=6, staff=2)
    run(core, "tables/assign", count=2)
    first, second = host(core, 1), host(core, 2)
    run(core, "table/note/add", first, id="n1", text="  Vaker\x07 terugkoppelen\tnaar ouders ")
    assert run(core, "table/note/add", first, id="n1", text="Vaker terugkoppelen") is None  # a resend
    assert refused(core, "table/note/add", first, table=2, id="n2", text="Elders") == "not_your_table"
    run(core, "table/note/add", second, id="n3", text="Een vaste contactpersoon")
    assert refused(core, "table/note/edit", first, id="n3", text="Overschreven") == "not_your_table"
    assert refused(core, "table/note/remove", first, id="n3") == "not_your_table"
    assert refused(core, "table/note/add", first, id="n4", text="   ") == "empty"
    assert refused(core, "table/note/add", first, id="n5", text="x" * 501) == "too_long"
    assert refused(core, "table/note/add", second, id="n1", text="Zelfde id") == "id_taken"
    assert (
        refused(core, "table/note/add", Actor("phone", device="parent-0000"), id="n6", text="Hoi")
        == "forbidden"
    )
    run(core, "table/note/add", table=2, text="Ingetypt van papier")  # the facilitator, for any table
    run(
        core, "table/note/edit", first, id="n1", text="Vaker terugkoppelen naar ouders, ook als het goed gaat"
    )
    run(core, "table/note/remove", second, id="n3")
    outcomes = table_outcomes(core.state)
    assert [(o.number, o.theme_title, o.points) for o in outcomes] == [
        (1, "Aanwezigheid en verzuim", ["Vaker terugkoppelen naar ouders, ook als het goed gaat"]),
        (2, "Contact en communicatie", ["Ingetypt van papier"]),
    ]
    assert refused(core, "tables/assign", count=3) == "tables_have_notes"


def test_after_the_closing_only_the_facilitator_still_types_up_notes(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=2, staff=1)
    run(core, "tables/assign", count=1)
    run(core, "session/finish")
    assert refused(core, "table/note/add", host(core, 1), id="n1", text="Te laat") == "session_finished"
    run(core, "table/note/add", table=1, id="paper-1", text="Van het flip-over vel")
    assert table_outcomes(core.state)[0].points == ["Van het flip-over vel"]
    assert refused(core, "tables/assign", count=1) == "session_finished"


def test_presentations_share_the_block_over_the_tables_that_wrote_something(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=12, staff=4)
    run(core, "tables/assign", count=4)
    assert refused(core, "presentation/next") == "no_presentation"
    run(core, "table/note/add", host(core, 2), id="a", text="Samen verzuim aanpakken")
    run(core, "table/note/add", host(core, 4), id="b", text="Een ouderpanel")
    event = run(core, "presentation/start")
    assert event.data == {"order": [2, 4], "seconds": 300.0}  # 10 minutes over two tables
    clock.advance(200)
    assert current_presentation(core.state, clock()) == (2, 100.0)
    clock.advance(160)
    assert current_presentation(core.state, clock()) == (2, -60.0)  # overtime
    run(core, "presentation/next")
    clock.advance(30)
    assert current_presentation(core.state, clock()) == (4, 270.0)
    run(core, "presentation/extend", minutes=2)
    assert current_presentation(core.state, clock()) == (4, 390.0)
    run(core, "presentation/previous")
    clock.advance(10)
    assert current_presentation(core.state, clock()) == (2, -70.0)  # its clock went on where it stopped
    assert refused(core, "presentation/previous") == "first_table"
    run(core, "presentation/next")
    run(core, "presentation/next")
    assert current_presentation(core.state, clock()) is None
    assert refused(core, "presentation/next") == "last_table"
    assert refused(core, "presentation/extend") == "no_presentation"


def test_presentation_minutes_may_be_set_and_never_drop_below_one(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=30, staff=15)
    run(core, "tables/assign", count=15)
    assert run(core, "presentation/start").data["seconds"] == 60.0  # 10 minutes over 15 tables
    assert run(core, "presentation/start", minutes_per_table=3, tables=[3, 1]).data == {
        "order": [3, 1],
        "seconds": 180.0,
    }
    assert refused(core, "presentation/start", minutes_per_table=0) == "out_of_range"
    assert refused(core, "presentation/start", tables=[1, 1]) == "bad_request"
    assert refused(core, "presentation/start", tables=[16]) == "bad_request"


def test_a_table_sees_the_tables_block_timer_and_its_own_while_presenting(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    join(core, parents=4, staff=2)
    run(core, "tables/assign", count=2)
    run(core, "block/jump", index=6)
    clock.advance(600)
    assert table_timer(core.state, 1).remaining(clock()) == 20 * 60  # type: ignore[union-attr]
    run(core, "block/next")
    run(core, "presentation/start", minutes_per_table=4)
    clock.advance(60)
    assert table_timer(core.state, 1).remaining(clock()) == 180  # type: ignore[union-attr]
    assert table_timer(core.state, 2).remaining(clock()) == 20 * 60  # type: ignore[union-attr]
    assert table_timer(SessionCore(small_agenda(), clock=clock).state, 1) is None


def test_reading_the_tables_never_changes_the_state(evening, clock) -> None:
    core = SessionCore(evening, clock=clock)
    assert table_list(core.state) == [] and table_outcomes(core.state) == []
    assert table_of_device(core.state, "parent-0000") is None and current_presentation(core.state, 0) is None
    assert table_for_host_token(core.state, "x") is None
    assert core.state.tables == TablesState()


def test_the_tables_replayed_from_the_sqlite_log_equal_the_live_tables(
    tmp_path: Path, evening, clock
) -> None:
    log = open_event_log(tmp_path)
    live = start_session(log, evening, clock)
    join(live, parents=9, staff=3)
    run(live, "tables/assign", count=3, themes=THEMES)
    run(live, "device/join", Actor("phone", device="late-guest-1"))
    run(live, "tables/seat", SYSTEM, device="late-guest-1")
    run(live, "tables/move", device="parent-0001", table=3)
    run(live, "table/note/add", host(live, 1), id="n1", text="Eerste punt")
    clock.advance(90)
    run(live, "presentation/start")
    clock.advance(45)
    run(live, "presentation/extend", minutes=1)
    stored = list(log.events(live.info.id))  # type: ignore[union-attr]
    replayed = replay(evening, stored)
    assert replayed.tables == live.state.tables
    assert replayed == live.state
    assert current_presentation(replayed, clock()) == current_presentation(live.state, clock())
    log.close()


TABLE_STEPS = st.lists(
    st.tuples(
        st.floats(0, 300),
        st.one_of(
            st.builds(lambda n: ("tables/assign", {"count": n}, None), st.integers(0, 5)),
            st.builds(
                lambda d, t: ("tables/move", {"device": d, "table": t}, None),
                st.sampled_from(["parent-0000", "staff-0000", "late-00001"]),
                st.integers(1, 4),
            ),
            st.builds(
                lambda t, th: ("tables/theme", {"table": t, "theme": th}, None),
                st.integers(1, 4),
                st.sampled_from([*THEMES, None, "nope"]),
            ),
            st.just(("device/join", {"role": "staff"}, Actor("phone", device="late-00001"))),
            st.just(("tables/seat", {}, Actor("phone", device="late-00001"))),
            st.builds(
                lambda t, i, x: ("table/note/add", {"id": i, "text": x}, Actor("host", "host-0001", t)),
                st.integers(1, 3),
                st.sampled_from(["a", "b", "c"]),
                st.sampled_from(["Punt", " ", "Idee"]),
            ),
            st.builds(lambda i: ("table/note/remove", {"id": i}, None), st.sampled_from(["a", "b", "c"])),
            st.builds(lambda m: ("presentation/start", {"minutes_per_table": m}, None), st.integers(0, 3)),
            st.sampled_from([("presentation/next", {}, None), ("presentation/previous", {}, None)]),
            st.builds(lambda m: ("presentation/extend", {"minutes": m}, None), st.integers(0, 2)),
        ),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=TABLE_STEPS)
def test_any_sequence_of_table_commands_replays_to_the_same_tables(tmp_path: Path, evening, steps) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    log = open_event_log(tmp_path / f"run-{id(steps)}")
    live = start_session(log, evening, clock)
    join(live, parents=3, staff=2)
    for pause, (type_, data, actor) in steps:
        clock.advance(pause)
        try:
            live.execute(Command(type_, data, actor or FACILITATOR))
        except CommandError:
            pass
    replayed = replay(evening, list(log.events(live.info.id)))  # type: ignore[union-attr]
    assert replayed == live.state
    assert current_presentation(replayed, clock()) == current_presentation(live.state, clock())
    log.close()
