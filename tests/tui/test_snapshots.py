"""How the key screens look at 80x24, 120x36 and 200x50 on a fixed clock: compare with the stored SVG snapshots."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from kiosk.agenda.parser import load_agenda
from kiosk.commands.run import hub_starter
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.core.store import SessionInfo
from kiosk.resources import default_agenda_path
from kiosk.tui.app import KioskApp, ResumeOffer

from .conftest import EVENING, SIZE, SteppedClock

SIZES = [
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 36), id="120x36"),
    pytest.param((200, 50), id="200x50"),
]
# The hub listens on a free port, but the links it shows use this fixed address: the snapshots stay the same.
HUB = hub_starter(host="0.0.0.0", port=0, public_url="http://192.168.178.23:8765")
STORED = SessionInfo(
    id="20260312-1855-snap",
    created_at=EVENING,
    agenda_title="Dialoogbijeenkomst ouderpartnerschap",
    agenda_path="",
    agenda_source="",
    room_code="K7QPM",
    display_token="display-token-snap",
    remote_token="remote-token-snap",
    finished_at=None,
)


def evening_in_dialogue() -> tuple[SessionCore, SteppedClock]:
    """19:00 start, the dialogue 37 of its 45 minutes in, four answers in, one held for a name."""
    clock = SteppedClock()
    core = SessionCore(load_agenda(default_agenda_path()), clock=clock, info=STORED)
    clock.advance(5 * 60)
    core.execute(Command("block/start"))
    for minutes in (17, 5, 6):  # the walk-in ran two minutes over, the others on time
        clock.advance(minutes * 60)
        core.execute(Command("block/next"))
    first = [
        ("c-1", "Meer contact met de mentor, niet alleen als er iets mis is", "parent"),
        (
            "c-2",
            "De app van school is onoverzichtelijk: berichten, cijfers en roosters staan op drie plekken",
            "parent",
        ),
    ]
    second = [
        ("c-3", "Wij willen ouders eerder betrekken bij het mentoraat", "staff"),
        ("c-4", "Meneer Bakker reageert nooit op mail", "parent"),
    ]
    for n, (cid, text, role) in enumerate(first + second):
        if n == len(first):  # the first question is done: recognise, then ask the second
            for approved in ("c-1", "c-2"):
                core.execute(Command("contribution/approve", {"id": approved}))
            core.execute(Command("contribution/tag", {"id": "c-1", "tags": ["Contact en communicatie"]}))
            core.execute(Command("prompt/recognition", {"open": True}))
            for device in ("phone-snap-0001", "phone-snap-0002"):
                core.execute(
                    Command("contribution/endorse", {"id": "c-1"}, actor=Actor("phone", device=device))
                )
            core.execute(Command("prompt/open", {"prompt": "b4-q2"}))
        clock.advance(60)
        phone = Actor("phone", device=f"phone-snap-{n:04d}")
        core.execute(Command("device/join", {"role": role}, actor=phone))
        core.execute(Command("contribution/add", {"id": cid, "text": text}, actor=phone))
    core.execute(Command("contribution/approve", {"id": "c-3"}))
    core.execute(Command("prompt/recognition", {"open": True}))
    clock.advance(33 * 60)  # eight of the dialogue's 45 minutes left: amber
    return core, clock


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


def on_screen(key: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_run_screen_in_the_dialogue_with_the_timer_amber(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_feed_screen_with_a_held_answer_selected(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=on_screen("2"))


@pytest.mark.parametrize("size", SIZES)
def test_join_screen_with_the_qr_code_and_links(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=on_screen("3"))


@pytest.mark.parametrize("size", SIZES)
def test_summary_screen_with_key_points_and_an_action(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    core.execute(
        Command("keypoint/add", {"text": "Contact met de mentor, ook als het goed gaat", "sources": ["c-1"]})
    )
    core.execute(Command("keypoint/add", {"text": "Ouders eerder betrekken"}))
    core.execute(
        Command(
            "action/add", {"what": "Mentoren bellen elke ouder", "owner": "teamleider", "due": "2026-04-01"}
        )
    )
    app = KioskApp(core, lang="en", hub=HUB)
    assert snap_compare(app, terminal_size=size, run_before=on_screen("4"))


@pytest.mark.parametrize("size", SIZES)
def test_questions_screen_with_a_held_question_and_votes(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    phones = [Actor("phone", device=f"phone-snap-{n:04d}") for n in range(4)]
    asked = [
        ("q-1", "Komt er dit jaar weer een schoolfeest, en mogen ouders helpen met de organisatie?"),
        ("q-2", "Waarom geeft meneer Jansen zoveel huiswerk?"),
        ("q-3", "Hoe laat begint de les na de herfstvakantie?"),
    ]
    for phone, (qid, text) in zip(phones, asked, strict=False):
        core.execute(Command("question/add", {"id": qid, "text": text}, actor=phone))
    for qid in ("q-1", "q-3"):
        core.execute(Command("question/approve", {"id": qid}))
    for phone in phones[1:]:
        core.execute(Command("question/upvote", {"id": "q-1"}, actor=phone))
    core.execute(Command("question/answer", {"id": "q-3", "answer": "now"}))
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=on_screen("5"))


def test_resume_question_before_the_evening_opens(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()
    offer = ResumeOffer(
        question="De avond van 12-03-2026 18:55 (Dialoogbijeenkomst ouderpartnerschap, 4 bijdragen) is niet "
        "afgesloten. Verdergaan?",
        resume=lambda: core,
        start_new=lambda: core,
    )
    assert snap_compare(KioskApp(offer=offer), terminal_size=SIZE, run_before=settle)


def evening_at_the_tables() -> SessionCore:
    """The dialogue's evening gone on to the theme tables: nine phones divided over two tables."""
    core, clock = evening_in_dialogue()
    for n in range(4, 9):
        phone = Actor("phone", device=f"phone-snap-{n:04d}")
        core.execute(Command("device/join", {"role": "staff" if n % 2 else "parent"}, actor=phone))
    for _ in range(3):  # summary, break, theme tables
        clock.advance(60)
        core.execute(Command("block/next"))
    core.execute(Command("tables/assign", {"count": 2, "seed": "snap"}))

    for table in core.state.tables.tables:  # the hosts' secret tokens are random: fixed for the picture
        table.host_token = f"host-token-snap-{table.number}"
    return core


@pytest.mark.parametrize("size", SIZES)
def test_a_table_hosts_code_over_the_whole_terminal(snap_compare: Any, size: tuple[int, int]) -> None:
    core = evening_at_the_tables()
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=on_screen("t"))


@pytest.mark.parametrize("size", SIZES)
def test_closing_with_answers_waiting_says_how_many(snap_compare: Any, size: tuple[int, int]) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core, hub=HUB), terminal_size=size, run_before=on_screen("ctrl+e"))


def test_run_screen_in_english_at_80x24(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core, lang="en", hub=HUB), terminal_size=(80, 24), run_before=settle)
