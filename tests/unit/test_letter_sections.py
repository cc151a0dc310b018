"""The letter's sections: what happens next, who answers each question and by when, only the questions asked,
phones counted as phones, every parent addressed, the room's other languages rendered or left out, nothing twice,
the letter's own words in every page language, and text of one direction kept whole in a page of the other."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC
from pathlib import Path

import pytest

from kiosk.agenda.model import Moment
from kiosk.catalog import catalog, languages
from kiosk.core.events import Actor, Command, CommandError
from kiosk.printing.direction import FSI, PDI
from kiosk.report.letter_html import render_letter_html
from kiosk.report.letter_md import render_letter_markdown
from tests.unit.test_letter import letter_agenda, letter_of, text_of
from tests.unit.test_report_scenario import DAY, Evening, report_agenda, run, scripted_evening

TURKISH = Actor("phone", device="turkse-telefoon-01")
ARABIC = Actor("phone", device="arabische-telefoon-01")


def evening_with_languages(tmp_path: Path, **details: object) -> Evening:
    """The report's evening with a Turkish and an Arabic answer, questions to come back to, and actions."""
    agenda = replace(letter_agenda(), details=replace(letter_agenda().details, **details))  # type: ignore[attr-defined]
    evening = scripted_evening(tmp_path, finish=False, agenda=agenda)
    core = evening.core
    run(core, "device/join", TURKISH, role="parent", lang="tr")
    run(core, "device/join", ARABIC, role="parent", lang="ar")
    run(core, "prompt/open", prompt="b2-q2")
    run(core, "contribution/add", TURKISH, id="tr1", text="Öğretmenle randevu almak zor.")
    run(core, "contribution/add", ARABIC, id="ar1", text="أريد أن أعرف كيف يتقدم طفلي.")
    for cid in ("tr1", "ar1"):
        run(core, "contribution/approve", id=cid)
    rooster = core.state.key_points[1].id
    run(
        core,
        "action/link",
        id=evening.ids["rooster"],
        key_points=[rooster],
        contributions=["m1", "tr1", "ar1"],
    )
    run(core, "question/add", ARABIC, id="qa", text="هل توجد دروس لغة للأولياء؟")
    run(core, "question/approve", id="qa")
    run(core, "question/answer", id="qa", answer="later")
    run(core, "session/finish")
    return evening


def markdown(evening: Evening, lang: str = "nl", days_after: float = 1) -> str:
    return render_letter_markdown(letter_of(evening, lang, days_after), UTC)


def test_the_letter_says_when_and_how_parents_hear_again(tmp_path: Path) -> None:
    after = Moment("8 weken na de avond", "", -56)
    evening = evening_with_languages(tmp_path, next_update=after, next_update_via="de nieuwsbrief")
    letter = letter_of(evening)
    assert (letter.next_update.day, letter.next_update.via) == (
        "2026-11-16",
        "de nieuwsbrief",
    )  # 21 Sep + 8 weeks
    text = markdown(evening)
    assert "## Hoe u weer van ons hoort" in text
    assert (
        "Uiterlijk 16 november 2026 laten we u weten hoe het staat met deze acties (de nieuwsbrief)." in text
    )
    # Without `vervolg` in the agenda: the first date of the school's open actions
    plain = evening_with_languages(tmp_path / "plain")
    assert letter_of(plain).next_update.day == "2026-11-01" and letter_of(plain).next_update.from_actions
    assert "Uiterlijk 1 november 2026 laten we u in een brief als deze weten" in markdown(plain)
    assert (
        "By 16 November 2026 we will let you know how these actions are going (de nieuwsbrief)."
        in markdown(evening, "en")
    )


def test_each_question_the_school_comes_back_to_has_an_owner_and_a_date(tmp_path: Path) -> None:
    evening = evening_with_languages(tmp_path)
    (later,) = [q for q in evening.core.state.questions.items.values() if q.text.startswith("Komt")]
    run(evening.core, "action/add", what="Schoolfeest plannen", owner="ouderraad", due="2026-10-15")
    panel = next(a.id for a in evening.core.state.actions.values() if a.what == "Schoolfeest plannen")
    run(evening.core, "action/link", id=panel, questions=[later.id])
    letter = letter_of(evening)
    assert [(q.text, q.owner, q.due) for q in letter.come_back_to] == [
        ("Komt er dit jaar weer een schoolfeest?", "ouderraad", "2026-10-15")
    ]
    text = markdown(evening)
    assert (
        "- Komt er dit jaar weer een schoolfeest?\\\n  *ouderraad antwoordt, uiterlijk 15 oktober 2026*"
        in text
    )
    with pytest.raises(CommandError) as caught:
        evening.core.execute(Command("action/link", {"id": panel, "questions": ["nope"]}))
    assert caught.value.code == "unknown_question"


def test_only_the_questions_actually_asked_are_told(tmp_path: Path) -> None:
    agenda = report_agenda()
    dialogue = agenda.blocks[1]
    never = replace(dialogue.prompts[1], id="b2-q3", text="Wat gaat er mis?")
    agenda = replace(agenda, blocks=(agenda.blocks[0], replace(dialogue, prompts=(*dialogue.prompts, never)),
                                     *agenda.blocks[2:]))  # fmt: skip
    evening = scripted_evening(tmp_path, agenda=agenda)
    letter = letter_of(evening)
    assert letter.asked == ("Wat gaat goed?", "Wat is moeilijk?")
    assert "Wat gaat er mis?" not in markdown(evening)


def test_phones_are_counted_as_phones_and_every_parent_is_addressed(tmp_path: Path) -> None:
    text = markdown(scripted_evening(tmp_path))
    assert "Er deden 8 telefoons mee (5 van ouders en 2 van school)." in text
    assert "ook als u er zelf niet bij was" in text and "Dank aan iedereen die er was" in text
    assert "mensen" not in text and "jullie" not in text  # not "8 mensen", and "u" to every parent


def test_answers_in_other_languages_appear_only_as_the_facilitator_renders_them(tmp_path: Path) -> None:
    evening = evening_with_languages(tmp_path)
    letter = letter_of(evening)
    assert set(letter.left_out.answers) == {"tr1", "ar1"} and letter.left_out.questions == ("qa",)
    text = markdown(evening)
    assert "Öğretmenle" not in text and "أريد" not in text and "هل توجد" not in text
    assert "Turks" not in text and "Arabisch" not in text  # no language that could point to one family
    run(evening.core, "rendering/set", id="tr1", lang="nl", text="Een afspraak met de leraar is moeilijk.")
    run(evening.core, "rendering/set", id="qa", lang="nl", text="Zijn er taallessen voor ouders?")
    letter = letter_of(evening)
    assert letter.left_out.answers == ("ar1",) and not letter.left_out.questions
    text = markdown(evening)
    assert "„Een afspraak met de leraar is moeilijk.” (op de vraag „Wat is moeilijk?”)" in text
    assert "- Zijn er taallessen voor ouders?" in text
    # The Turkish letter quotes the Turkish answer as written, the Dutch ones not at all
    turkish = markdown(evening, "tr")
    assert (
        "“Öğretmenle randevu almak zor.” (“Neler zor?” sorusuna)" not in turkish
    )  # no Turkish prompt: as written
    assert "Öğretmenle randevu almak zor." in turkish and "Het rooster verandert vaak" not in turkish
    # An empty rendering takes it away again; a held or unknown answer cannot be rendered
    run(evening.core, "rendering/set", id="tr1", lang="nl", text="")
    assert "tr1" in letter_of(evening).left_out.answers
    with pytest.raises(CommandError) as caught:
        evening.core.execute(Command("rendering/set", {"id": "g7", "lang": "nl", "text": "x"}))
    assert caught.value.code == "render_not_shown"


def test_nothing_is_said_twice(tmp_path: Path) -> None:
    evening = evening_with_languages(tmp_path, contact="ouderconsulent@driehoek.nl")
    run(evening.core, "closing/set", contact="Vragen? Mail ouderconsulent@driehoek.nl, elke dinsdag.")
    text = markdown(evening)
    assert text.count("ouderconsulent@driehoek.nl") == 1  # the closing says it: no second contact line
    assert "Ook als u er niet bij was, zijn uw vragen en ideeën welkom." in text
    for point in evening.core.state.key_points:  # each key point once, the actions refer to its number
        assert text.count(point.text.replace("_", "\\_")) == 1, point.text
    assert "Dit gaat over punt 2 van wat we hoorden." in text


@pytest.mark.parametrize("lang", languages())
def test_the_letters_own_words_come_in_every_page_language(tmp_path: Path, lang: str) -> None:
    evening = evening_with_languages(tmp_path)
    letter = letter_of(evening, lang)
    text = markdown(evening, lang)
    words = catalog(lang)
    for key in ("letter.title", "letter.greeting", "letter.did", "letter.doing", "letter.next_title"):
        assert words(key) in text, (lang, key)
    if lang != "nl":  # none of the letter's Dutch words, only the school's and the room's
        for dutch in ("Wat we deden", "Beste ouders", "uiterlijk", "Met vriendelijke groet"):
            assert dutch not in text, (lang, dutch)
    assert (
        letter.key_message == "Blijf het gesprek aangaan, luister en heb geduld."
    )  # the school's, as written
    html = render_letter_html(letter, UTC)
    assert f'<html lang="{lang}" dir="{words.dir}">' in html


def test_the_agendas_key_message_comes_in_the_letters_language_until_the_facilitator_changes_it(
    tmp_path: Path,
) -> None:
    agenda = replace(report_agenda(), key_message_translations={"en": "Keep talking, listen and be patient."})
    evening = scripted_evening(tmp_path, agenda=agenda)
    assert letter_of(evening, "en").key_message == "Keep talking, listen and be patient."
    run(evening.core, "closing/set", key_message="Samen verder.")
    assert letter_of(evening, "en").key_message == "Samen verder."


def test_text_of_one_direction_keeps_its_order_in_a_page_of_the_other(tmp_path: Path) -> None:
    evening = evening_with_languages(tmp_path)
    run(evening.core, "rendering/set", id="tr1", lang="ar", text="من الصعب تحديد موعد مع المعلم.")
    arabic = markdown(evening, "ar")
    # The school's Dutch words in the Arabic letter, each isolated: its digits and full stop stay in place
    assert f"{FSI}ouderconsulent@driehoek.nl of 010 123 45 67{PDI}" in arabic
    assert f"### {FSI}Roosterwijzigingen een week vooraf melden{PDI}" in arabic
    html = render_letter_html(letter_of(evening, "ar"), UTC)
    assert '<bdi dir="ltr" class="iso">ouderconsulent@driehoek.nl of 010 123 45 67</bdi>' in html
    assert "«أريد أن أعرف كيف يتقدم طفلي.»" in text_of(html)  # written in Arabic: quoted as written
    # An Arabic rendering in the Dutch letter: the quote keeps its full stop at its end
    run(evening.core, "rendering/set", id="ar1", lang="nl", text="أريد أن أعرف كيف يتقدم طفلي.")
    dutch = render_letter_html(letter_of(evening), UTC)
    assert '„<bdi dir="rtl" class="iso">أريد أن أعرف كيف يتقدم طفلي.</bdi>”' in dutch


def test_the_english_letter_has_no_dutch_the_school_did_not_write(tmp_path: Path) -> None:
    evening = evening_with_languages(tmp_path)
    english = markdown(evening, "en", days_after=DAY / DAY)
    school_wrote = [
        "OBS De Driehoek", "Ouderavond partnerschap", "Communicatie met ouders", "Rooster en planning",
        "Blijf het gesprek aangaan, luister en heb geduld.", "Elke maand een nieuwsbrief; vragen via de ouderconsulent.",
        "ouderconsulent@driehoek.nl of 010 123 45 67",
        *(p.text for p in evening.core.state.key_points), *(a.what for a in evening.core.state.actions.values()),
        *(a.owner for a in evening.core.state.actions.values()),
    ]  # fmt: skip
    rest = english
    for words in sorted(school_wrote, key=len, reverse=True):
        rest = rest.replace(words.replace("_", "\\_"), "")
    for dutch in (" de ", " het ", " een ", " van ", " en ", "Wat ", "vraag"):
        assert dutch not in rest, dutch
