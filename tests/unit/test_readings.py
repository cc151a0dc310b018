"""The reading layer: one module per question kind validates an answer and tallies the answers."""

from __future__ import annotations

import pytest

from kiosk.agenda.model import PROMPT_KINDS, Prompt
from kiosk.agenda.parser import load_agenda
from kiosk.core.events import CommandError
from kiosk.core.readings.kinds import KINDS, kind_of
from kiosk.resources import default_agenda_path

AGENDA = load_agenda(default_agenda_path())


def prompt_of(kind: str) -> Prompt:
    return next(p for b in AGENDA.blocks for p in b.prompts if p.kind == kind)


def test_every_kind_has_its_module() -> None:
    kinds = {p.kind for b in AGENDA.blocks for p in b.prompts}
    assert kinds <= KINDS.keys() == set(PROMPT_KINDS)


def test_a_rating_takes_one_to_five_and_counts_per_value() -> None:
    rating = prompt_of("rating")
    module = kind_of(rating)
    assert module.value(rating, {"value": 4}) == 4
    for bad, code in (
        ({"value": 0}, "out_of_range"),
        ({"value": 6}, "out_of_range"),
        ({"value": "4"}, "bad_request"),
    ):
        with pytest.raises(CommandError) as refused:
            module.value(rating, bad)
        assert refused.value.code == code
    tally = module.tally(rating, [1, 4, 4, 5, 9])
    assert tally is not None and tally.counts == (1, 0, 0, 2, 1) and tally.total == 4
    assert tally.to_json() == {"counts": [1, 0, 0, 2, 1], "total": 4}


def test_a_choice_takes_an_option_index_and_counts_per_option() -> None:
    choice = Prompt("q-choice", "choice", "Hoe hoorde je van deze avond?", options=("brief", "app", "mentor"))
    module = kind_of(choice)
    last = len(choice.options) - 1
    assert module.value(choice, {"value": last}) == last
    with pytest.raises(CommandError) as refused:
        module.value(choice, {"value": last + 1})
    assert refused.value.code == "out_of_range"
    tally = module.tally(choice, [0, 0, last])
    assert tally is not None and tally.counts[0] == 2 and tally.counts[last] == 1 and tally.total == 3


def test_an_open_question_takes_no_value_and_has_no_tally() -> None:
    question = prompt_of("open")
    with pytest.raises(CommandError) as refused:
        kind_of(question).value(question, {"value": 1})
    assert refused.value.code == "wrong_prompt_kind"
    assert kind_of(question).tally(question, [1, 2]) is None
