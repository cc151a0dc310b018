"""The agenda's keys for an invitation parents can answer and a letter that says what happens next: how and by when
to sign up, an interpreter, bringing someone, the walk-in, questions beforehand, the aftercare's tasks and dates."""

from __future__ import annotations

import pytest

from kiosk.agenda.model import AgendaInvalid
from kiosk.agenda.parser import load_agenda, parse_agenda
from kiosk.resources import agendas_dir

EVENING = """# Ouderavond

datum: 2026-10-14
start: 19:00
{keys}

## Inloop (15 min)

soort: inloop

## Dialoog (60 min)

soort: dialoog
"""


def evening(keys: str) -> object:
    return parse_agenda(EVENING.format(keys=keys), "avond.md")


def errors(keys: str) -> list[str]:
    with pytest.raises(AgendaInvalid) as caught:
        evening(keys)
    return [error.render("en") for error in caught.value.errors]


def test_sign_up_how_and_by_when_interpreter_and_bringing_someone_are_read() -> None:
    agenda = evening(
        "aanmelden: bij de mentor of via ouders@school.nl\naanmelden-voor: 1 week vooraf\ntolk: tr, ar\nmeenemen: ja"
    )
    details = agenda.details  # type: ignore[attr-defined]
    assert details.signup == "bij de mentor of via ouders@school.nl"
    assert details.signup_by.day(details.date) == "2026-10-07"
    assert (details.interpreter, details.interpreter_languages, details.bring) == (True, ("tr", "ar"), True)
    english = evening("sign-up: parents@school.example\nsign-up-by: 2026-10-01\ninterpreter: yes\nbring: no")
    details = english.details  # type: ignore[attr-defined]
    assert (
        details.signup_by.day("") == "2026-10-01" and details.interpreter is True and details.bring is False
    )
    assert details.interpreter_languages == ()


def test_the_walk_in_and_the_programme_start_are_two_times() -> None:
    agenda = evening("")
    assert (agenda.start_time, agenda.program_start, agenda.end_time) == ("19:00", "19:15", "20:15")  # type: ignore[attr-defined]
    assert agenda.blocks[0].kind == "arrival"  # type: ignore[attr-defined]
    without = parse_agenda("# A\n\nstart: 19:00\n\n## Welkom (5 min)\n\nsoort: welkom\n")
    assert without.program_start == "19:00"


def test_when_parents_hear_again_is_a_moment_after_the_evening() -> None:
    details = evening("vervolg: 8 weken na de avond\nvervolg-via: de nieuwsbrief").details  # type: ignore[attr-defined]
    assert (details.next_update.day(details.date), details.next_update_via) == (
        "2026-12-09",
        "de nieuwsbrief",
    )
    assert (
        details.next_update.day("") == ""
    )  # without the evening's date the letter counts from the evening held
    english = evening("next-update: 6 weeks after\nnext-update-via: the newsletter").details  # type: ignore[attr-defined]
    assert english.next_update.days_before == -42


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("aanmelden-voor: 2026-10-20", "avond.md:5: sign-up-by '2026-10-20' is not before the evening"),
        ("aanmelden-voor: op de avond", "avond.md:5: sign-up-by 'op de avond' is not before the evening"),
        ("vervolg: 1 week vooraf", "avond.md:5: next-update '1 week vooraf' is not after the evening"),
        ("vervolg: 2026-10-01", "avond.md:5: next-update '2026-10-01' is not after the evening"),
        (
            "vervolg: binnenkort",
            "avond.md:5: 'binnenkort' is neither a date nor a moment the kiosk can work out",
        ),
        ("aanmelden-voor: 31-09-2026", "avond.md:5: date '31-09-2026' does not exist"),
        ("tolk: Turks", "avond.md:5: interpreter 'Turks' is not 'yes', 'no' or language codes like 'tr, ar'"),
        ("meenemen: misschien", "avond.md:5: bring 'misschien' is not 'yes' or 'no'"),
    ],
)
def test_a_detail_that_cannot_be_used_names_its_line(keys: str, message: str) -> None:
    found = errors(keys)
    assert len(found) == 1 and found[0].startswith(message), found


def test_aftercare_tasks_are_dated_after_the_evening() -> None:
    agenda = parse_agenda(
        "# A\n\ndatum: 2026-10-14\n\n## Voorbereiding\n\n- Zaal\n  - wanneer: de dag ervoor\n"
        "- Opruimen\n  - wanneer: de dag erna\n\n## Nazorg\n\n- Brief aan ouders\n  - wanneer: 2 weken na de avond\n"
        "- Evalueren\n  - wanneer: na de kerstvakantie\n- Voortgang\n  - when: 8 weeks after\n\n## B (5 min)\n"
    )
    date = agenda.details.date
    assert [(t.task, t.due(date), t.phase(date)) for t in agenda.preparation] == [
        ("Zaal", "2026-10-13", "before"),
        ("Opruimen", "2026-10-15", "after"),
        ("Brief aan ouders", "2026-10-28", "after"),
        ("Evalueren", "", "after"),  # free text under ## Nazorg: after the evening
        ("Voortgang", "2026-12-09", "after"),
    ]


def test_questions_beforehand_carry_their_translations() -> None:
    agenda = parse_agenda(
        "# A\n\n## Vragen vooraf\n\n- Wat gaat goed?\n  - en: What goes well?\n  - ar: ما الذي يسير بشكل جيد؟\n"
        "- Wat mist u?\n\n## B (5 min)\n"
    )
    first, second = agenda.advance_questions
    assert (first.text_in("en"), first.text_in("tr"), second.text_in("en")) == (
        "What goes well?",
        "Wat gaat goed?",
        "Wat mist u?",
    )
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda(
            "# A\n\n## Vragen vooraf\n\n- Wat gaat goed?\n  - Wat nog meer?\n\n## B (5 min)\n", "a.md"
        )
    assert (
        str(caught.value) == "a.md:6: a bullet under a prompt is a translation like '- en: What went well?'"
    )
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda("# A\n\n## Questions beforehand\n\nen: What goes well?\n\n## B (5 min)\n", "a.md")
    assert "each question beforehand is a bullet" in str(caught.value)


def test_the_key_message_carries_its_translations() -> None:
    agenda = parse_agenda(
        "# A\n\n## Slot (5 min)\n\n### Kernboodschap\n\nSamen verder.\n\nMet geduld.\n\n"
        "en: Together onwards.\n\nWith patience.\n\ntr: Birlikte devam.\n"
    )
    assert agenda.key_message == "Samen verder.\n\nMet geduld."
    assert agenda.key_message_in("en") == "Together onwards.\n\nWith patience."
    assert (agenda.key_message_in("tr"), agenda.key_message_in("ar")) == (
        "Birlikte devam.",
        agenda.key_message,
    )


def test_the_shipped_evenings_invite_parents_to_answer_and_plan_the_aftercare() -> None:
    for path in sorted(agendas_dir().glob("*.md")):
        agenda = load_agenda(path)
        if agenda.total_minutes > 60:  # the hour-long variant starts at once
            assert agenda.blocks[0].kind == "arrival" and agenda.program_start != agenda.start_time, path.name
        assert agenda.advance_questions and agenda.details.bring is True, path.name
        assert agenda.details.next_update.days_before is not None, path.name
        after = [t.task for t in agenda.preparation if t.phase("2026-10-14") == "after"]
        assert len(after) >= 3 and any("brief" in t.lower() or "letter" in t.lower() for t in after), (
            path.name
        )
        tasks = " ".join(t.task.lower() for t in agenda.preparation)
        for words in (("herinnering", "reminder"), ("evenveel", "as many"), ("voorbereiden", "brief the")):
            assert any(word in tasks for word in words), (path.name, words)
        assert all(any(line.startswith("- ") for line in theme.card.splitlines()) for theme in agenda.themes)
