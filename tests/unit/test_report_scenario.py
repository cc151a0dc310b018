"""A scripted parent evening stored in a real SQLite log, and the running summary the room sees from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.agenda.model import Agenda, Block, Prompt, Theme
from kiosk.core.events import Actor, Command
from kiosk.core.readings.summary import running_summary
from kiosk.core.session import SessionCore, replay, start_session
from kiosk.core.state import SessionState
from kiosk.core.store import EventLog, open_event_log
from kiosk.report.measure import big_evening
from tests.conftest import FakeClock

DAY = 86_400.0
FACILITATOR = Actor("facilitator")
PARENTS = [Actor("phone", device=f"ouder-device-{n:02d}") for n in range(5)]
STAFF = [Actor("phone", device=f"school-device-{n:02d}") for n in range(2)]
UNKNOWN = Actor("phone", device="nobody-device-00")
EVERY_PHONE = [*PARENTS, *STAFF, UNKNOWN]
SCRIPT = "<script>alert(1)</script>"
MARKDOWN = "**bold** [link](http://x)"


def report_agenda() -> Agenda:
    """The evening of the golden files; kept here so edits to shipped agendas do not move them."""
    return Agenda(
        title="Ouderavond partnerschap",
        language="nl",
        blocks=(
            Block(0, "Welkom", 5, "welcome"),
            Block(
                1,
                "Dialoog",
                45,
                "dialogue",
                prompts=(
                    Prompt("b2-q1", "open", "Wat gaat goed?", translations={"en": "What is going well?"}),
                    Prompt("b2-q2", "open", "Wat is moeilijk?", translations={"en": "What is difficult?"}),
                ),
            ),
            Block(2, "Thematafels", 30, "tables"),
            Block(
                3,
                "Afsluiting",
                10,
                "closing",
                prompts=(
                    Prompt(
                        "b4-q1", "rating", "Wat vond je van deze avond?", translations={"en": "How was it?"}
                    ),
                    Prompt(
                        "b4-q2",
                        "choice",
                        "Kom je een volgende keer weer?",
                        options=("ja", "misschien", "nee"),
                        translations={"en": "Will you come again?"},
                        option_translations={"en": ("yes", "maybe", "no")},
                    ),
                ),
            ),
        ),
        themes=(Theme("communicatie", "Communicatie met ouders"), Theme("rooster", "Rooster en planning")),
        key_message="Blijf het gesprek aangaan, luister en heb geduld.",
    )


@dataclass
class Evening:
    log: EventLog
    core: SessionCore
    clock: FakeClock
    ids: dict[str, str]  # names the script gave to what the core made (actions)

    def stored_state(self) -> SessionState:
        """The state as `kiosk export` sees it: replayed from the SQLite log."""
        assert self.core.info is not None
        return replay(self.core.agenda, self.log.events(self.core.info.id))


def run(core: SessionCore, type_: str, actor: Actor = FACILITATOR, **data: object) -> None:
    core.execute(Command(type_, dict(data), actor))


def scripted_evening(tmp_path: Path, *, finish: bool = True, agenda: Agenda | None = None) -> Evening:
    """Eight phones, two questions with moderation, tags, merges and recognitions, a rating, a choice, actions."""
    clock = FakeClock()
    log = open_event_log(tmp_path / "data")
    core = start_session(log, agenda or report_agenda(), clock)
    for phone in PARENTS:
        run(core, "device/join", phone, role="parent")
    for phone in STAFF:
        run(core, "device/join", phone, role="staff")
    run(core, "device/join", UNKNOWN)
    run(core, "block/start")
    clock.advance(300)
    run(core, "block/next")  # the dialogue opens its first question
    said = [
        (PARENTS[0], "g1", "De mentor belt snel terug"),
        (PARENTS[1], "g2", "De mentor belt snel terug!"),
        (PARENTS[2], "g3", "Het startgesprek in september"),
        (STAFF[0], "g4", "Ouders komen naar de avonden"),
        (UNKNOWN, "g5", SCRIPT),
        (PARENTS[3], "g6", MARKDOWN),
        (PARENTS[4], "g7", "Meneer Jansen is altijd bereikbaar"),  # held: it names a person
        (STAFF[1], "g8", "Niet relevant"),
    ]
    for actor, cid, text in said:
        clock.advance(20)
        run(core, "contribution/add", actor, id=cid, text=text)
    for cid in ("g1", "g2", "g3", "g4", "g5", "g6"):
        run(core, "contribution/approve", id=cid)
    run(core, "contribution/hide", id="g8")
    run(core, "contribution/merge", id="g2", into="g1")
    run(core, "contribution/tag", id="g1", tags=["Communicatie"])
    run(core, "contribution/tag", id="g3", tags=["Communicatie", "Start"])
    run(core, "contribution/tag", id="g4", tags=["Betrokkenheid"])
    run(core, "contribution/pin", id="g4", pinned=True)
    run(
        core, "contribution/add", id="g9", text="1. Een ouder zei op papier:\n# koffie was op", source="paper"
    )
    run(core, "prompt/recognition", open=True)
    for phone in (PARENTS[2], PARENTS[3], STAFF[0]):
        run(core, "contribution/endorse", phone, id="g1")
    run(core, "contribution/endorse", PARENTS[0], id="g3")
    clock.advance(600)
    run(core, "prompt/open", prompt="b2-q2")
    run(core, "contribution/add", PARENTS[0], id="m1", text="Het rooster verandert vaak")
    run(
        core,
        "contribution/add",
        id="m2",
        text="Te weinig tijd bij de tienminutengesprekken",
        source="spoken",
        role="staff",
    )
    run(core, "contribution/approve", id="m1")
    clock.advance(1800)
    run(core, "block/next")  # the theme tables: two tables, each writes down its outcome
    run(core, "tables/assign", count=2, themes=["communicatie", "rooster"], seed="golden")
    run(core, "table/note/add", table=1, text="Vaker positief bellen, niet alleen bij problemen")
    run(core, "table/note/add", table=1, text="Een *app* voor korte berichten")
    run(core, "table/note/add", table=2, text="Wijzigingen een week vooraf")
    clock.advance(1800)
    run(core, "block/next")  # the closing opens its rating
    for phone, value, comment in [
        (PARENTS[0], 5, "Fijn om gehoord te worden"),
        (PARENTS[1], 4, ""),
        (STAFF[0], 4, "Mail me op jan@example.org"),
        (UNKNOWN, 2, "<b>te lang</b>"),
    ]:
        run(core, "response/set", phone, prompt="b4-q1", value=value, comment=comment)
    run(core, "prompt/open", prompt="b4-q2")
    for phone, value in [(PARENTS[0], 0), (PARENTS[1], 0), (STAFF[0], 1)]:
        run(core, "response/set", phone, prompt="b4-q2", value=value)
    # Questions to the school, asked during the evening: one answered in the room, two to come back to.
    asked = [
        (PARENTS[1], "v1", "Komt er dit jaar weer een schoolfeest?"),
        (PARENTS[2], "v2", "Hoe laat begint de les na de herfstvakantie?"),
        (PARENTS[3], "v3", "Waarom is meneer Jansen nooit bereikbaar?"),  # held: it names a person
    ]
    for actor, qid, text in asked:
        run(core, "question/add", actor, id=qid, text=text)
    for qid in ("v1", "v2"):
        run(core, "question/approve", id=qid)
    for phone in (PARENTS[0], STAFF[0]):
        run(core, "question/upvote", phone, id="v1")
    for qid, answer in (("v1", "later"), ("v2", "now"), ("v3", "later")):
        run(core, "question/answer", id=qid, answer=answer)
    run(core, "keypoint/add", text="Snel contact werkt", sources=["g1"])
    run(core, "keypoint/add", text="Het rooster moet _rustiger_")
    run(core, "closing/set", contact="Elke maand een nieuwsbrief; vragen via de ouderconsulent.")
    ids: dict[str, str] = {}
    for name, what, owner, due in [
        ("rooster", "Roosterwijzigingen een week vooraf melden", "teamleider onderbouw", "2026-11-01"),
        ("gesprek", "Tienminutengesprekken verlengen naar 15 minuten", "directie", ""),
    ]:
        outcome = core.execute(Command("action/add", {"what": what, "owner": owner, "due": due}))
        assert outcome.event is not None
        ids[name] = outcome.event.data["id"]
    clock.advance(300)
    if finish:
        run(core, "session/finish")
    return Evening(log, core, clock, ids)


def follow_up(evening: Evening) -> None:
    """A month later the school reports progress; two months later one action is done and one is new."""
    core, clock = evening.core, evening.clock
    clock.advance(30 * DAY)
    run(
        core,
        "action/update",
        id=evening.ids["rooster"],
        status="in_progress",
        note="Afspraak met roostermakers",
    )
    clock.advance(30 * DAY)
    run(core, "action/update", id=evening.ids["rooster"], status="done", note="Staat in de nieuwsbrief")
    run(core, "action/add", what="Ouderpanel twee keer per jaar", owner="ouderconsulent", due="2027-03-01")


def test_summary_lists_approved_contributions_per_question_in_agenda_order(tmp_path: Path) -> None:
    summary = running_summary(scripted_evening(tmp_path).stored_state())
    assert [p.prompt_id for p in summary.prompts] == ["b2-q1", "b2-q2"]
    first = summary.prompts[0]
    texts = [i.text for g in first.groups for i in g.items]
    assert "Meneer Jansen is altijd bereikbaar" not in texts  # still held for review
    assert "Niet relevant" not in texts  # hidden
    assert "De mentor belt snel terug!" not in texts  # merged into its twin
    assert first.count == 6 and summary.count == 8


def test_summary_groups_by_tag_with_untagged_last_and_pinned_then_recognised_first(tmp_path: Path) -> None:
    first = running_summary(scripted_evening(tmp_path).stored_state()).prompts[0]
    assert [g.tag for g in first.groups] == ["Communicatie", "Betrokkenheid", None]
    communication = first.groups[0].items
    assert [i.text for i in communication] == ["De mentor belt snel terug", "Het startgesprek in september"]
    assert (communication[0].recognitions, communication[0].duplicates) == (3, 1)
    assert first.groups[1].items[0].pinned


def test_summary_splits_who_said_it_and_marks_paper_and_spoken(tmp_path: Path) -> None:
    summary = running_summary(scripted_evening(tmp_path).stored_state())
    first, second = summary.prompts
    assert (first.roles.parent, first.roles.staff, first.roles.unknown) == (3, 1, 2)
    assert (second.roles.parent, second.roles.staff, second.roles.unknown) == (1, 1, 0)
    sources = {i.text: i.source for g in second.groups for i in g.items}
    assert sources["Te weinig tijd bij de tienminutengesprekken"] == "spoken"
    paper = [i for g in first.groups for i in g.items if i.source == "paper"]
    assert len(paper) == 1


def test_summary_carries_the_closing(tmp_path: Path) -> None:
    summary = running_summary(scripted_evening(tmp_path).stored_state())
    assert summary.key_points == ("Snel contact werkt", "Het rooster moet _rustiger_")
    assert summary.key_message.startswith("Blijf het gesprek aangaan")
    assert summary.contact.startswith("Elke maand")
    assert [a.status for a in summary.actions] == ["planned", "planned"]


def test_recognitions_in_the_summary_match_the_state(tmp_path: Path) -> None:
    state = scripted_evening(tmp_path).stored_state()
    counts = {i.id: i.recognitions for p in running_summary(state).prompts for g in p.groups for i in g.items}
    for c in state.contributions.values():
        if c.merged_into is None and c.visible:
            assert counts.get(c.id, 0) == state.endorsement_count(c)


def test_summary_of_an_evening_without_contributions_keeps_every_open_question(tmp_path: Path) -> None:
    log = open_event_log(tmp_path)
    core = start_session(log, report_agenda(), FakeClock())
    summary = running_summary(core.state)
    assert [(p.prompt_id, p.count) for p in summary.prompts] == [("b2-q1", 0), ("b2-q2", 0)]
    assert summary.key_points == () and summary.actions == ()


def test_summary_of_a_big_evening_counts_every_visible_contribution_once() -> None:
    state = big_evening(report_agenda(), contributions=3_000, devices=400)
    summary = running_summary(state)
    items = [i for p in summary.prompts for g in p.groups for i in g.items]
    assert (
        len(items) == len({i.id for i in items}) == sum(1 for c in state.contributions.values() if c.visible)
    )
    for item in items:
        assert item.recognitions == state.endorsement_count(state.contributions[item.id])
