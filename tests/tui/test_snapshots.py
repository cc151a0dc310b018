"""How the key screens look at 120x36, on a fixed clock: compare with the stored SVG snapshots."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore
from kiosk.resources import default_agenda_path
from kiosk.tui.app import KioskApp, ResumeOffer

from .conftest import SIZE, SteppedClock


def evening_in_dialogue() -> tuple[SessionCore, SteppedClock]:
    """19:00 start, the dialogue 37 of its 45 minutes in, four answers in, one held for a name."""
    clock = SteppedClock()
    core = SessionCore(load_agenda(default_agenda_path()), clock=clock)
    clock.advance(5 * 60)
    core.execute(Command("block/start"))
    for minutes in (17, 5, 6):  # the walk-in ran two minutes over, the others on time
        clock.advance(minutes * 60)
        core.execute(Command("block/next"))
    answers = [
        ("c-1", "Meer contact met de mentor, niet alleen als er iets mis is", "parent"),
        ("c-2", "De app van school is onoverzichtelijk", "parent"),
        ("c-3", "Wij willen ouders eerder betrekken bij het mentoraat", "staff"),
        ("c-4", "Meneer Bakker reageert nooit op mail", "parent"),
    ]
    for n, (cid, text, role) in enumerate(answers):
        clock.advance(60)
        phone = Actor("phone", device=f"phone-snap-{n:04d}")
        core.execute(Command("device/join", {"role": role}, actor=phone))
        core.execute(Command("contribution/add", {"id": cid, "text": text}, actor=phone))
    for cid in ("c-1", "c-3"):
        core.execute(Command("contribution/approve", {"id": cid}))
    core.execute(Command("contribution/tag", {"id": "c-1", "tags": ["Contact en communicatie"]}))
    core.execute(Command("prompt/recognition", {"open": True}))
    core.execute(Command("contribution/endorse", {"id": "c-1"}, actor=Actor("phone", device="phone-snap-0001")))
    core.execute(Command("contribution/endorse", {"id": "c-1"}, actor=Actor("phone", device="phone-snap-0002")))
    clock.advance(33 * 60)
    return core, clock


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


def test_run_screen_in_the_dialogue_with_the_timer_amber(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()
    assert snap_compare(KioskApp(core), terminal_size=SIZE, run_before=settle)


def test_feed_screen_with_a_held_answer_selected(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()

    async def open_feed(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)

    assert snap_compare(KioskApp(core), terminal_size=SIZE, run_before=open_feed)


def test_summary_screen_with_key_points_and_an_action(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()
    core.execute(Command("keypoint/add", {"text": "Contact met de mentor, ook als het goed gaat", "sources": ["c-1"]}))
    core.execute(Command("keypoint/add", {"text": "Ouders eerder betrekken"}))
    core.execute(Command("action/add", {"what": "Mentoren bellen elke ouder", "owner": "teamleider",
                                        "due": "2026-04-01"}))

    async def open_summary(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)

    assert snap_compare(KioskApp(core, lang="en"), terminal_size=SIZE, run_before=open_summary)


def test_resume_question_before_the_evening_opens(snap_compare: Any) -> None:
    core, _ = evening_in_dialogue()
    offer = ResumeOffer(
        question="De avond van 12-03-2026 18:55 (Dialoogbijeenkomst ouderpartnerschap, 4 bijdragen) is niet "
        "afgesloten. Verdergaan?",
        resume=lambda: core,
        start_new=lambda: core,
    )
    assert snap_compare(KioskApp(offer=offer), terminal_size=SIZE, run_before=settle)
