"""Replay equals live: whatever commands arrive, the state rebuilt from the SQLite log is the live state."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore, replay, start_session
from kiosk.core.store import open_event_log
from tests.conftest import FakeClock, small_agenda

PHONES = [Actor("phone", device=f"device-{n:04d}") for n in range(4)]
FACILITATOR = Actor("facilitator")
IDS = st.sampled_from(["c1", "c2", "c3", "c4"])
QIDS = st.sampled_from(["q1", "q2"])
TEXTS = st.sampled_from(["Goed contact", "jan@example.org", "kut", "  ", "Meer uitleg\x00 graag", "x" * 600])

steering = st.one_of(
    st.builds(lambda: ("block/start", {})),
    st.builds(lambda: ("block/pause", {})),
    st.builds(lambda: ("block/next", {})),
    st.builds(lambda: ("block/previous", {})),
    st.builds(lambda i: ("block/jump", {"index": i}), st.integers(-1, 3)),
    st.builds(lambda m: ("block/extend", {"minutes": m}), st.integers(0, 5)),
    st.builds(lambda m: ("block/shorten", {"minutes": m}), st.integers(1, 60)),
    st.builds(lambda p: ("prompt/open", {"prompt": p}), st.sampled_from(["b2-q1", "b2-q2", "b3-q1", "nope"])),
    st.builds(lambda: ("prompt/close", {})),
    st.builds(lambda on: ("prompt/recognition", {"open": on}), st.booleans()),
    st.builds(lambda on: ("settings/auto_approve", {"on": on}), st.booleans()),
    st.builds(
        lambda v, i: (v, {"id": i}), st.sampled_from(["contribution/approve", "contribution/hide"]), IDS
    ),
    st.builds(lambda i, j: ("contribution/merge", {"id": i, "into": j}), IDS, IDS),
    st.builds(lambda i, t: ("contribution/tag", {"id": i, "tags": [t]}), IDS, st.sampled_from(["a", "b"])),
    st.builds(lambda t: ("keypoint/add", {"text": t}), st.sampled_from(["Geduld", "Vertrouwen"])),
    st.builds(lambda t: ("action/add", {"what": t, "due": "2027-01-31"}), st.sampled_from(["Bellen"])),
    st.builds(lambda v, i: (v, {"id": i}), st.sampled_from(["question/approve", "question/hide"]), QIDS),
    st.builds(
        lambda i, a: ("question/answer", {"id": i, "answer": a}), QIDS, st.sampled_from(["now", "later"])
    ),
    st.builds(lambda on: ("display/questions", {"on": on}), st.booleans()),
    st.builds(lambda: ("session/finish", {})),
)
phone = st.tuples(
    st.sampled_from(PHONES),
    st.one_of(
        st.builds(lambda r: ("device/join", {"role": r}), st.sampled_from([None, "parent", "staff"])),
        st.builds(lambda i, t: ("contribution/add", {"id": i, "text": t}), IDS, TEXTS),
        st.builds(lambda i: ("contribution/endorse", {"id": i}), IDS),
        st.builds(lambda i: ("contribution/withdraw", {"id": i}), IDS),
        st.builds(lambda v: ("response/set", {"prompt": "b3-q1", "value": v}), st.integers(0, 6)),
        st.builds(lambda i, t: ("question/add", {"id": i, "text": t}), QIDS, TEXTS),
        st.builds(lambda i, on: ("question/upvote", {"id": i, "on": on}), QIDS, st.booleans()),
    ),
)
steps = st.lists(
    st.tuples(st.floats(0, 900), st.one_of(st.tuples(st.just(FACILITATOR), steering), phone)),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_state_rebuilt_from_the_log_equals_the_live_state(tmp_path: Path, steps) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    log = open_event_log(tmp_path / f"run-{clock.now}-{id(steps)}")
    live = start_session(log, small_agenda(), clock)
    for pause, (actor, (type_, data)) in steps:
        clock.advance(pause)
        try:
            live.execute(Command(type_, data, actor))
        except CommandError:
            pass
    stored = list(log.events(live.info.id))  # type: ignore[union-attr]
    assert [e.seq for e in stored] == list(range(1, live.state.seq + 1))
    assert replay(small_agenda(), stored) == live.state
    resumed = SessionCore(small_agenda(), clock=clock, events=stored)
    assert resumed.state.timer.remaining(clock()) == live.state.timer.remaining(clock())
    log.close()
