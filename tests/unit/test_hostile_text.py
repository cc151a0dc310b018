"""What a phone types is cleaned before it is stored: broken characters, invisible text and sneaky ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.commands.common import parse_stored_agenda
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore, resume_session, start_session
from kiosk.core.store import open_event_log
from kiosk.core.text import clean_text
from kiosk.resources import default_agenda_path

PHONE = Actor("phone", device="hostile-phone-1")


@pytest.fixture
def core(tmp_path: Path) -> SessionCore:
    log = open_event_log(tmp_path)
    core = start_session(log, load_agenda(default_agenda_path()))
    core.execute(
        Command("block/jump", {"index": next(b.index for b in core.agenda.blocks if b.kind == "dialogue")})
    )
    core.execute(Command("device/join", {}, PHONE))
    return core


def code(core: SessionCore, command: Command) -> str:
    with pytest.raises(CommandError) as refused:
        core.execute(command)
    return refused.value.code


def test_a_lone_surrogate_is_dropped_and_the_answer_stored(core: SessionCore) -> None:
    core.execute(Command("contribution/add", {"id": "c1", "text": "a\ud800b \udfffc"}, PHONE))
    assert core.state.contributions["c1"].text == "ab c"
    assert core.log is not None and core.info is not None
    again = resume_session(core.log, core.info, parse_stored_agenda)
    assert again.state.contributions["c1"].text == "ab c"


def test_a_lone_surrogate_in_any_other_text_field_is_dropped(core: SessionCore) -> None:
    core.execute(Command("keypoint/add", {"text": "punt\ud800"}))
    core.execute(Command("closing/set", {"key_message": "\udc00kern", "contact": "mail \ud83d"}))
    core.execute(Command("action/add", {"what": "doen\ud800", "owner": "\udfffmentor"}))
    assert core.state.key_points[0].text == "punt"
    assert (core.state.key_message, core.state.contact) == ("kern", "mail")
    action = next(iter(core.state.actions.values()))
    assert (action.what, action.owner) == ("doen", "mentor")


def test_a_surrogate_pair_that_makes_an_emoji_is_kept() -> None:
    assert clean_text("fijn \U0001f600") == "fijn \U0001f600"


@pytest.mark.parametrize(
    "text",
    [
        "\u200b",
        "\u200b\u200c\u200d\u2060\ufeff",
        " \u200b \n \u200e\u200f ",
        "\u3164\u3164",  # Hangul fillers look like nothing
        "\u2800",  # a blank Braille cell
        "\u0301\u0301",  # accents on nothing
    ],
)
def test_text_of_only_invisible_characters_is_empty(core: SessionCore, text: str) -> None:
    assert clean_text(text) == ""
    assert code(core, Command("contribution/add", {"id": "c1", "text": text}, PHONE)) == "empty"
    assert code(core, Command("keypoint/add", {"text": text})) == "empty"


def test_visible_text_keeps_its_joiners() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(f"\u200b{family} thuis\u200b") == f"{family} thuis"
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"  # Persian writes with a zero-width non-joiner


@pytest.mark.parametrize("field", ["device", "id"])
def test_ids_with_a_trailing_newline_are_refused(core: SessionCore, field: str) -> None:
    if field == "device":
        sneaky = Actor("phone", device="hostile-phone-2\n")
        assert code(core, Command("device/join", {}, sneaky)) == "bad_device"
    else:
        assert code(core, Command("contribution/add", {"id": "c1\n", "text": "hoi"}, PHONE)) == "bad_request"
    assert "hostile-phone-2\n" not in core.state.devices


def test_a_language_or_date_with_a_trailing_newline_is_not_taken(core: SessionCore) -> None:
    core.execute(Command("device/join", {"lang": "en\n"}, Actor("phone", device="hostile-phone-3")))
    assert core.state.devices["hostile-phone-3"].lang == "nl"
    core.execute(
        Command("action/add", {"what": "bellen", "due": "2099-10-01"})
    )  # ahead of any clock this runs on
    assert code(core, Command("action/add", {"what": "bellen", "due": "2099-10-01\n\n1"})) == "bad_date"


@pytest.mark.parametrize(
    ("letter", "most"),
    [("a", 500), ("é", 500), ("я", 500), ("ب", 500), ("中", 333), ("😀", 250)],
)
def test_texts_are_bounded_in_utf8_bytes_as_well_as_characters(
    core: SessionCore, letter: str, most: int
) -> None:
    room = Command("contribution/add", {"id": "fits", "text": letter * most}, PHONE)
    core.execute(room)
    assert len(core.state.contributions["fits"].text.encode()) <= 1000
    assert (
        code(core, Command("contribution/add", {"id": "over", "text": letter * (most + 1)}, PHONE))
        == "too_long"
    )
    question = Command("question/add", {"id": "q-over", "text": letter * (most + 1)}, PHONE)
    assert code(core, question) == "too_long"


def test_a_tag_of_emoji_is_cut_to_its_size_not_its_characters(core: SessionCore) -> None:
    core.execute(Command("contribution/add", {"id": "c1", "text": "Goed gesprek"}, PHONE))
    core.execute(Command("contribution/tag", {"id": "c1", "tags": ["🎉" * 40]}))
    assert core.state.contributions["c1"].tags == ["🎉" * 20]
