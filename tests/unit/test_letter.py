"""The letter to parents: golden Dutch and English, only reviewed text, actions linked to what they answer,
overdue actions flagged, and a next letter that says what changed since the last one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest

from kiosk.agenda.model import Details
from kiosk.core.events import Command, CommandError
from kiosk.core.session import replay
from kiosk.report.letter import ParentLetter, build_letter
from kiosk.report.letter_html import render_letter_html
from kiosk.report.letter_md import render_letter_markdown
from tests.unit.test_report_render import assert_golden, parsed
from tests.unit.test_report_scenario import (
    DAY,
    EVERY_PHONE,
    MARKDOWN,
    SCRIPT,
    Evening,
    follow_up,
    report_agenda,
    run,
    scripted_evening,
)

HELD = "Meneer Jansen is altijd bereikbaar"
HIDDEN = "Niet relevant"
PENDING = "Wacht nog op de gespreksleider"
WITHDRAWN = "Laat maar, ik trek het in"
COMMENT = "Fijn om gehoord te worden"
TABLE_NOTE = "Vaker positief bellen, niet alleen bij problemen"


def letter_agenda() -> object:
    details = Details(school="OBS De Driehoek", contact="ouderconsulent@driehoek.nl of 010 123 45 67")
    return replace(report_agenda(), details=details)


def letter_evening(tmp_path: Path) -> Evening:
    """The report's scripted evening, plus an answer still pending, one withdrawn, and actions linked."""
    evening = scripted_evening(tmp_path, finish=False, agenda=letter_agenda())  # type: ignore[arg-type]
    core, ids = evening.core, evening.ids
    run(core, "prompt/open", prompt="b2-q2")
    run(core, "contribution/add", EVERY_PHONE[1], id="p1", text=PENDING)
    run(core, "contribution/add", EVERY_PHONE[2], id="w1", text=WITHDRAWN)
    run(core, "contribution/approve", id="w1")
    run(core, "contribution/withdraw", EVERY_PHONE[2], id="w1")
    snel, rooster = (p.id for p in core.state.key_points)
    run(
        core,
        "action/link",
        id=ids["rooster"],
        key_points=[rooster],
        contributions=["m1", "g7", "g8", "p1", "w1"],
    )
    run(core, "action/link", id=ids["gesprek"], contributions=["m2"], key_points=[snel])
    run(core, "session/finish")
    return evening


def letter_of(evening: Evening, lang: str = "nl", days_after: float = 1) -> ParentLetter:
    state = evening.stored_state()
    assert evening.core.info is not None
    return build_letter(
        state,
        evening_at=evening.core.info.created_at,
        written_at=evening.clock.now + days_after * DAY,
        lang=lang,
        tz=UTC,
    )


def send_letter(evening: Evening) -> None:
    """What `kiosk export --for parents -o FILE` does after writing the file."""
    run(evening.core, "letter/exported")


def text_of(html: str) -> str:
    return "".join(parsed(html).text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_first_letter_matches_the_golden_file(tmp_path: Path, lang: str) -> None:
    assert_golden(f"letter.{lang}.md", render_letter_markdown(letter_of(letter_evening(tmp_path), lang), UTC))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_next_letter_says_what_changed_since_the_last_one(tmp_path: Path, lang: str) -> None:
    evening = letter_evening(tmp_path)
    evening.clock.advance(DAY)
    send_letter(evening)
    follow_up(evening)  # a month later in progress, two months later done, and a new action
    markdown = render_letter_markdown(letter_of(evening, lang), UTC)
    assert_golden(f"letter-update.{lang}.md", markdown)


def test_letter_html_has_the_letterhead_and_keeps_room_text_literal(tmp_path: Path) -> None:
    letter = replace(letter_of(letter_evening(tmp_path)), logo="data:image/png;base64,iVBORw0KGgo=")
    html = render_letter_html(letter, UTC)
    assert_golden("letter.nl.html", html)
    assert set(parsed(html).tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "img",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "ul",
        "ol",
        "li",
        "bdi",
        "em",
        "strong",
        "br",
    }
    assert '<img class="logo" src="data:image/png;base64,iVBORw0KGgo=" alt="OBS De Driehoek">' in html


def test_held_hidden_pending_withdrawn_and_unreviewed_text_never_reach_the_letter(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    for lang in ("nl", "en"):
        letter = letter_of(evening, lang)
        for text in (render_letter_markdown(letter, UTC), text_of(render_letter_html(letter, UTC))):
            for never in (
                HELD,
                HIDDEN,
                PENDING,
                WITHDRAWN,
                COMMENT,
                TABLE_NOTE,
                "jan@example.org",
                "<b>te lang",
                "Waarom is meneer Jansen nooit bereikbaar?",  # a held question marked "answer later"
                "Hoe laat begint de les na de herfstvakantie?",  # answered in the room
            ):
                assert never not in text, never
            assert "device" not in text and "ouder-device" not in text
            # Approved, to answer later / the answer an action responds to: written on Dutch pages, so in the
            # Dutch letter, and in the English one only as the facilitator renders them (nobody did here)
            for approved in ("Komt er dit jaar weer een schoolfeest?", "Het rooster verandert vaak"):
                assert (approved in text) == (lang == "nl"), (lang, approved)


def test_script_and_markdown_from_the_room_stay_literal_in_the_letter(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    run(evening.core, "keypoint/add", text=SCRIPT, sources=["g5"])
    run(evening.core, "keypoint/add", text=MARKDOWN, sources=["g6"])
    html = render_letter_html(letter_of(evening), UTC)
    assert "<script>" not in html and SCRIPT in text_of(html) and MARKDOWN in text_of(html)
    assert "Doe dit elk jaar\\!" not in render_letter_markdown(letter_of(evening), UTC)


def test_an_action_due_before_the_letter_and_still_open_is_flagged(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)  # "rooster" is due 1 November 2026, still planned
    before = letter_of(evening, days_after=1)  # 22 September
    after = letter_of(evening, days_after=72)  # 2 December
    assert [a.overdue for a in before.actions] == [False, False]
    assert [a.overdue for a in after.actions] == [True, False]  # the other has no due date
    assert "**later dan gepland**" in render_letter_markdown(after, UTC)
    run(evening.core, "action/update", id=evening.ids["rooster"], status="done")
    assert [a.overdue for a in letter_of(evening, days_after=72).actions] == [False, False]


def test_without_key_points_the_letter_names_the_most_recognised_answers(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    for point in list(evening.core.state.key_points):
        run(evening.core, "keypoint/remove", id=point.id)
    letter = letter_of(evening)
    assert letter.heard_from_answers
    assert [h.text for h in letter.heard][:2] == ["Ouders komen naar de avonden", "De mentor belt snel terug"]
    assert all(h.text not in (HELD, HIDDEN, PENDING) for h in letter.heard)


def test_exporting_the_same_letter_again_marks_nothing_new_and_reads_the_same(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    send_letter(evening)
    follow_up(evening)
    send_letter(evening)
    first = render_letter_markdown(letter_of(evening), UTC)
    seq = evening.core.state.seq
    send_letter(evening)  # the school exports the letter once more, to mail it
    assert evening.core.state.seq == seq and len(evening.core.state.letters) == 2
    assert render_letter_markdown(letter_of(evening), UTC) == first
    assert "Afgerond" not in first or "Wat er veranderde sinds onze brief" in first


def test_links_and_letters_replay_to_the_live_state(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    send_letter(evening)
    follow_up(evening)
    send_letter(evening)
    assert evening.stored_state() == evening.core.state
    assert replay(evening.core.agenda, []).letters == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"id": "nope", "key_points": []}, "unknown_action"),
        ({"id": 7, "key_points": []}, "unknown_action"),
        ({"key_points": ["nope"]}, "unknown_key_point"),
        ({"contributions": ["nope"]}, "unknown_contribution"),
        ({"contributions": "g1"}, "bad_request"),
        ({}, "bad_request"),
        ({"key_points": ["k"] * 51}, "too_many_links"),
    ],
)
def test_a_bad_link_is_refused_with_a_stable_code(tmp_path: Path, data: dict[str, object], code: str) -> None:
    evening = letter_evening(tmp_path)
    data = {"id": evening.ids["rooster"], **data}
    with pytest.raises(CommandError) as caught:
        evening.core.execute(Command("action/link", data))
    assert caught.value.code == code


def test_linking_the_same_again_changes_nothing(tmp_path: Path) -> None:
    evening = letter_evening(tmp_path)
    action = evening.core.state.actions[evening.ids["gesprek"]]
    outcome = evening.core.execute(
        Command("action/link", {"id": action.id, "contributions": list(action.contributions)})
    )
    assert not outcome.changed
