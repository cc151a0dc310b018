"""Agenda files: the shipped evenings parse, and a broken file names the line that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.agenda.cards import load_cards, parse_cards
from kiosk.agenda.model import Agenda, AgendaInvalid
from kiosk.agenda.parser import load_agenda, parse_agenda
from kiosk.resources import agendas_dir, default_agenda_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"
SHIPPED = sorted(agendas_dir().glob("*.md"))

DIALOGUE_QUESTIONS = (
    "Wat zijn de ervaringen van de ouders?",
    "Wat zijn de ervaringen van school?",
    "Waar liggen de behoeften?",
    "Wat is moeilijk?",
    "Wat gaat goed?",
    "Waar gaat het nu mis?",
    "Waar gaat ouderpartnerschap voor jullie over?",
)


def errors_of(name: str) -> list[str]:
    """The messages a fixture produces, each as `file:line: message`."""
    with pytest.raises(AgendaInvalid) as caught:
        load_agenda(FIXTURES / name)
    return [str(e) for e in caught.value.errors]


def parse(text: str) -> Agenda:
    return parse_agenda(text, "test.md")


def parse_errors(text: str) -> list[str]:
    with pytest.raises(AgendaInvalid) as caught:
        parse(text)
    return [str(e) for e in caught.value.errors]


# -- the shipped agendas ------------------------------------------------------------------------------


def test_three_agendas_are_shipped() -> None:
    assert {p.name for p in SHIPPED} >= {
        "ouderpartnerschap.md",
        "parent-partnership.en.md",
        "ouderavond-60.md",
    }


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_agenda_parses_without_errors(path: Path) -> None:
    agenda = load_agenda(path)
    assert agenda.blocks and agenda.title
    ids = [p.id for b in agenda.blocks for p in b.prompts]
    assert len(ids) == len(set(ids))


def test_default_evening_follows_the_run_sheet_in_nine_blocks_of_135_minutes() -> None:
    agenda = load_agenda(default_agenda_path())
    assert agenda.language == "nl"
    assert [(b.kind, b.minutes) for b in agenda.blocks] == [
        ("arrival", 15),
        ("welcome", 5),
        ("talk", 5),
        ("dialogue", 45),
        ("summary", 5),
        ("break", 10),
        ("tables", 30),
        ("presentations", 10),
        ("closing", 10),
    ]
    assert agenda.total_minutes == 135


def test_default_dialogue_asks_all_seven_questions_with_english_translations() -> None:
    dialogue = next(b for b in load_agenda(default_agenda_path()).blocks if b.kind == "dialogue")
    assert tuple(p.text for p in dialogue.prompts) == DIALOGUE_QUESTIONS
    assert all(p.kind == "open" and p.translations.get("en") for p in dialogue.prompts)
    assert [p.id for p in dialogue.prompts] == [f"b4-q{n}" for n in range(1, 8)]


def test_default_closing_carries_key_message_rating_and_open_feedback() -> None:
    agenda = load_agenda(default_agenda_path())
    closing = agenda.blocks[-1]
    assert agenda.key_message.startswith("Een goede samenwerking tussen de ouders en de school")
    assert agenda.key_message.endswith("Kortom: blijf het gesprek aangaan, luister en heb geduld.")
    assert [(p.kind, p.text) for p in closing.prompts] == [
        ("rating", "Wat vond je van deze avond?"),
        ("open", "Wat wil je ons nog meegeven?"),
    ]
    assert any("vervolgstappen" in point for point in closing.points)


def test_default_summary_names_the_basic_attitude_and_expectations() -> None:
    summary = load_agenda(default_agenda_path()).blocks[4]
    text = " ".join(summary.points)
    for phrase in (
        "gelijkwaardigheid",
        "Niet oordelen",
        "Heb geduld",
        "vertrouwen",
        "veiligheid",
        "verwachtingen",
        "tijdspad",
        "vallen en opstaan",
        "voor de leerlingen",
    ):
        assert phrase in text


def test_default_evening_offers_themes_for_the_tables() -> None:
    themes = load_agenda(default_agenda_path()).themes
    assert len(themes) >= 3
    assert all(t.title and t.card for t in themes)


def test_english_evening_has_the_same_blocks_as_the_dutch_one() -> None:
    dutch = load_agenda(default_agenda_path())
    english = load_agenda(agendas_dir() / "parent-partnership.en.md")
    assert english.language == "en"
    assert [(b.kind, b.minutes, len(b.prompts)) for b in english.blocks] == [
        (b.kind, b.minutes, len(b.prompts)) for b in dutch.blocks
    ]
    assert [p.id for b in english.blocks for p in b.prompts] == [
        p.id for b in dutch.blocks for p in b.prompts
    ]
    assert english.key_message and len(english.themes) == len(dutch.themes)
    # Each English prompt carries the Dutch wording of its Dutch twin.
    for en_block, nl_block in zip(english.blocks, dutch.blocks, strict=True):
        for en_prompt, nl_prompt in zip(en_block.prompts, nl_block.prompts, strict=True):
            assert en_prompt.translations["nl"] == nl_prompt.text


def test_hour_long_evening_sums_to_60_minutes_with_the_ten_success_factors_at_the_tables() -> None:
    agenda = load_agenda(agendas_dir() / "ouderavond-60.md")
    cards = load_cards()
    assert agenda.total_minutes == 60
    assert [t.id for t in agenda.themes] == [f"lusse-{n}" for n in range(1, 11)]
    for theme in agenda.themes:
        assert theme.title == cards[theme.id].title
        assert theme.card == cards[theme.id].card
        assert "Situatie:" in theme.card


def test_cards_hold_ten_success_factors_and_six_mistakes_each_with_two_questions() -> None:
    cards = load_cards()
    assert sorted(cards) == sorted(
        [f"lusse-{n}" for n in range(1, 11)] + [f"valkuil-{n}" for n in range(1, 7)]
    )
    for card in cards.values():
        assert card.title
        assert sum(1 for line in card.card.splitlines() if line.startswith("- ")) == 2


def test_cards_are_kept_out_of_the_agenda_folder_itself() -> None:
    assert not any(p.name in ("succesfactoren.md", "valkuilen.md") for p in SHIPPED)


# -- the format ---------------------------------------------------------------------------------------

EVENING = """\
# Ouderavond

taal: nl
start: 19.00

## Thema's

- Verzuim: Hoe houden we elkaar op de hoogte?
  - Wie belt wie?
- kaart: lusse-5

## Welkom (5 min)

soort: welkom
wie: gespreksleider

- Waarom we hier zijn
  - Wie er zijn

## Dialoog (45 minuten)

soort: dialogue
lead: ouders

### Gesprekspunten

Een open gesprek.

### Vragen

- Open: Wat gaat **goed**?
  - en: What goes well?
- Keuze: Welke tafel? [Verzuim | Contact] {#tafel}
  - en: Which table? [Absence | Contact]
- Cijfer: Hoe was het? {#cijfer}

### Kernboodschap

Samen verder.

Met geduld.

### Notities

Let op de tijd.
"""


def test_author_reads_back_keys_blocks_prompts_and_themes() -> None:
    agenda = parse(EVENING)
    assert (agenda.title, agenda.language, agenda.start_time) == ("Ouderavond", "nl", "19:00")
    welcome, dialogue = agenda.blocks
    assert (welcome.kind, welcome.lead, welcome.points) == (
        "welcome",
        "gespreksleider",
        ("Waarom we hier zijn", "Wie er zijn"),
    )
    assert (dialogue.index, dialogue.minutes, dialogue.kind, dialogue.lead) == (1, 45, "dialogue", "ouders")
    assert dialogue.points == ("Een open gesprek.",)
    assert dialogue.notes == "Let op de tijd."
    open_q, choice, rating = dialogue.prompts
    assert (open_q.id, open_q.kind, open_q.text, open_q.line) == ("b2-q1", "open", "Wat gaat goed?", 31)
    assert open_q.text_in("en") == "What goes well?"
    assert (choice.id, choice.kind, choice.options) == ("tafel", "choice", ("Verzuim", "Contact"))
    assert choice.options_in("en") == ("Absence", "Contact")
    assert (rating.id, rating.kind) == ("cijfer", "rating")
    assert agenda.key_message == "Samen verder.\n\nMet geduld."
    verzuim, lusse = agenda.themes
    assert (verzuim.id, verzuim.title, verzuim.line) == ("verzuim", "Verzuim", 8)
    assert verzuim.card == "Hoe houden we elkaar op de hoogte?\n- Wie belt wie?"
    assert lusse.id == "lusse-5" and lusse.card.startswith("Situatie:")
    assert agenda.source == EVENING and agenda.path == "test.md"


def test_english_keys_and_kinds_are_accepted() -> None:
    agenda = parse(
        "# Evening\n\nlanguage: en\nstart: 7:30\n\n## Welcome (5 min)\n\nkind: welcome\nlead: host\n"
    )
    assert (agenda.language, agenda.start_time, agenda.blocks[0].kind) == ("en", "07:30", "welcome")


def test_block_without_kind_is_plain_and_settings_may_be_a_list() -> None:
    agenda = parse("# Avond\n\n- taal: en\n\n## Inloop (15 min)\n")
    assert agenda.language == "en" and agenda.blocks[0].kind == "plain"


@pytest.mark.parametrize(
    ("dutch", "kind"),
    [
        ("welkom", "welcome"),
        ("inleiding", "talk"),
        ("presentatie", "talk"),
        ("dialoog", "dialogue"),
        ("samenvatting", "summary"),
        ("pauze", "break"),
        ("thematafels", "tables"),
        ("presentaties", "presentations"),
        ("afsluiting", "closing"),
        ("inloop", "arrival"),
        ("anders", "plain"),
    ],
)
def test_dutch_block_kinds_map_to_the_model(dutch: str, kind: str) -> None:
    assert parse(f"# A\n\n## B (5 min)\n\nsoort: {dutch}\n").blocks[0].kind == kind


def test_explicit_prompt_id_that_clashes_with_a_generated_one_is_named() -> None:
    text = "# A\n\n## B (5 min)\n\n### Vragen\n\n- Open: Een?\n- Open: Twee? {#b1-q1}\n"
    assert parse_errors(text) == [
        "test.md:8: prompt id 'b1-q1' is already used on line 7; each prompt needs its own id"
    ]


# -- broken files name their line ---------------------------------------------------------------------


def test_broken_agenda_names_the_line_of_the_missing_minutes() -> None:
    (message,) = errors_of("missing_minutes.md")
    assert message.startswith(f"{FIXTURES / 'missing_minutes.md'}:7: block 'Dialoog' has no duration")


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "bad_minutes.md",
            [(7, "is 'anderhalf'; expected a positive whole number"), (9, "is '0'; expected a positive")],
        ),
        ("unknown_kind.md", [(5, "unknown kind 'feestje'; expected one of: welkom")]),
        ("prompt_outside_block.md", [(5, "'### Vragen' (prompts) is outside a block")]),
        ("duplicate_prompt_id.md", [(8, "prompt id 'goed' is already used on line 7")]),
        ("choice_without_options.md", [(8, "needs at least two options in brackets")]),
        ("unknown_prompt_kind.md", [(7, "unknown prompt kind 'Stelling'")]),
        ("unknown_key.md", [(4, "unknown key 'kleur' before the first block")]),
        ("bad_start_time.md", [(3, "start time '25:00' is not a time of day")]),
        ("missing_title.md", [(1, "the agenda has no title")]),
        ("no_blocks.md", [(1, "the agenda has no blocks")]),
        ("unknown_card.md", [(6, "unknown card 'lusse-99'")]),
    ],
)
def test_broken_agenda_names_the_line_and_what_is_wrong(
    fixture: str, expected: list[tuple[int, str]]
) -> None:
    messages = errors_of(fixture)
    assert len(messages) == len(expected)
    for message, (line, fragment) in zip(messages, expected, strict=True):
        assert message.startswith(f"{FIXTURES / fixture}:{line}: ")
        assert fragment in message


def test_broken_agenda_reports_every_problem_not_just_the_first() -> None:
    lines = [int(m.split(":")[1]) for m in errors_of("many_errors.md")]
    assert lines == [3, 5, 11, 16, 17]


def test_unknown_kind_lists_the_allowed_kinds() -> None:
    (message,) = errors_of("unknown_kind.md")
    assert "dialoog" in message and "dialogue" in message and "pauze" in message


def test_missing_agenda_file_is_an_error_on_line_zero(tmp_path: Path) -> None:
    with pytest.raises(AgendaInvalid) as caught:
        load_agenda(tmp_path / "nope.md")
    assert (
        str(caught.value) == f"{tmp_path / 'nope.md'}:0: no such file; expected the path of an agenda (.md)"
    )


def test_agenda_that_is_not_utf8_is_an_error_on_line_zero(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("# Ouderavond café\n".encode("latin-1"))
    with pytest.raises(AgendaInvalid) as caught:
        load_agenda(path)
    assert caught.value.errors[0].line == 0 and "UTF-8" in caught.value.errors[0].message


def test_block_text_that_looks_like_an_unknown_key_points_to_notes() -> None:
    (message,) = parse_errors("# A\n\n## B (5 min)\n\ntip: neem koffie\n")
    assert message.startswith("test.md:5: unknown key 'tip' in block 'B'") and "### Notities" in message


def test_choice_translation_must_have_as_many_options() -> None:
    text = "# A\n\n## B (5 min)\n\n### Vragen\n\n- Keuze: Welke? [a | b]\n  - en: Which? [a]\n"
    assert parse_errors(text) == ["test.md:8: the 'en' translation has 1 options; the prompt has 2"]


def test_misspelt_section_is_named() -> None:
    (message,) = parse_errors("# A\n\n## B (5 min)\n\n### Vraagen\n\n- Open: Wat?\n")
    assert message.startswith("test.md:5: unknown section '### Vraagen'")


def test_card_file_with_a_heading_without_id_is_an_error() -> None:
    with pytest.raises(AgendaInvalid) as caught:
        parse_cards("# Kaarten\n\n## Zonder id\n\nTekst.\n", "kaarten.md")
    assert str(caught.value) == "kaarten.md:3: a card heading reads '## lusse-1: Title' (id: title)"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# ",
                "## ",
                "### Vragen",
                "- ",
                "  - ",
                "Open: ",
                "Keuze: ",
                "(5 min)",
                "(0 min)",
                "[a | b]",
                "{#x}",
                "kaart: x",
                "taal: nl",
                "soort: ",
                "\n",
                "\n\n",
                "Thema's",
            ]
        )
    ).map("".join)
)
def test_any_text_either_parses_or_raises_agenda_invalid(text: str) -> None:
    try:
        parse_agenda(text, "fuzz.md", cards={})
    except AgendaInvalid as exc:
        assert exc.errors and all(e.line >= 0 for e in exc.errors)


def test_complete_example_in_the_format_docs_parses_as_described() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "agenda-format.md"
    example = docs.read_text(encoding="utf-8").split("## A complete example")[1]
    agenda = parse(example.split("```markdown\n")[1].split("\n```")[0] + "\n")
    assert agenda.total_minutes == 65 and (agenda.start_time, agenda.program_start) == ("19:30", "19:40")
    assert [p.id for b in agenda.blocks for p in b.prompts] == ["b3-q1", "moeilijk", "b5-q1"]


def test_theme_heading_with_a_curly_apostrophe_from_a_word_processor_is_recognised() -> None:
    agenda = parse("# A\n\n## Thema\u2019s\n\n- Verzuim: Samen erop letten.\n\n## B (5 min)\n")
    assert [t.title for t in agenda.themes] == ["Verzuim"]


def test_theme_written_without_a_bullet_is_named() -> None:
    assert parse_errors("# A\n\n## Thema's\n\nkaart: lusse-5\n\n## B (5 min)\n") == [
        "test.md:5: each theme is a bullet, like '- kaart: lusse-5' or '- Title: text'"
    ]


def test_empty_title_is_named_on_its_line() -> None:
    assert parse_errors("\n# \n\n## B (5 min)\n") == [
        "test.md:2: the title is empty; write the evening's name after '# '"
    ]
