"""An agenda carries its block titles, prompts and theme cards in other languages; `kiosk check` says what is wrong."""

from __future__ import annotations

import pytest

from kiosk.agenda.cards import load_cards, parse_cards
from kiosk.agenda.model import AgendaInvalid
from kiosk.agenda.parser import load_agenda, parse_agenda
from kiosk.resources import agendas_dir, default_agenda_path

EVENING = """# Ouderavond

## Thema's

- Contact: Hoe houden we contact?
  - Wat werkt?
  - tr: İletişim: Nasıl iletişimde kalıyoruz?
    - Ne işe yarıyor?
  - ar: التواصل
- kaart: lusse-1

## Dialoog (20 min)

soort: dialoog
tr: Sohbet
ar: حوار

### Vragen

- Open: Wat gaat goed?
  - tr: Neler iyi gidiyor?
"""


def test_block_titles_prompts_and_themes_carry_their_translations() -> None:
    agenda = parse_agenda(EVENING, cards=load_cards())
    block = agenda.blocks[0]
    assert block.title == "Dialoog" and block.title_translations == {"tr": "Sohbet", "ar": "حوار"}
    assert block.title_in("ar") == "حوار" and block.title_in("pl") == "Dialoog"
    contact = agenda.themes[0]
    assert (
        contact.card == "Hoe houden we contact?\n- Wat werkt?"
    )  # a nested bullet that is no translation: a question
    assert contact.translations == {
        "tr": ("İletişim", "Nasıl iletişimde kalıyoruz?\n- Ne işe yarıyor?"),
        "ar": ("التواصل", ""),  # only the title: the card stays Dutch
    }
    assert agenda.translated_into == frozenset({"tr", "ar"})


def test_a_phone_gets_only_its_own_language() -> None:
    agenda = parse_agenda(EVENING, cards=load_cards())
    prompt = agenda.blocks[0].prompts[0]
    assert prompt.to_json_in("tr")["translations"] == {"tr": "Neler iyi gidiyor?"}
    assert prompt.to_json_in("pl")["translations"] == {}
    theme = agenda.themes[0]
    assert theme.to_json_in("ar") == {
        "id": "contact",
        "title": "Contact",
        "card": "Hoe houden we contact?\n- Wat werkt?",
        "translations": {"ar": {"title": "التواصل", "card": ""}},
    }
    assert "translations" not in theme.to_json_in("uk")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("## Dialoog (20 min)\n\nsoort: dialoog\ntr: Sohbet\ntr: Diyalog\n", "translation_twice"),
        (
            "## Dialoog (20 min)\n\n### Vragen\n\n- Open: Wat?\n  - tr: Ne?\n  - tr: Neler?\n",
            "translation_twice",
        ),
        (
            "## Thema's\n\n- Contact: Hoe?\n  - tr: : Nasıl?\n\n## Dialoog (20 min)\n",
            "theme_translation_without_title",
        ),
    ],
)
def test_check_says_what_is_wrong_with_a_translation(text: str, code: str) -> None:
    with pytest.raises(AgendaInvalid) as caught:
        parse_agenda("# Avond\n\n" + text, cards={})
    assert [e.code for e in caught.value.errors] == [code]
    assert "tr" in caught.value.errors[0].message


CARDS = """# Kaarten

## test-1: Ouders voelen zich welkom

Situatie: een hoge drempel.

- Wanneer voelde jij je welkom?

### tr: Veliler kendilerini hoş karşılanmış hisseder

Durum: yüksek bir eşik.

- Ne zaman kendinizi hoş karşılanmış hissettiniz?
"""


def test_a_card_file_translates_a_card_under_a_heading_per_language() -> None:
    card = parse_cards(CARDS)["test-1"]
    assert card.card == "Situatie: een hoge drempel.\n\n- Wanneer voelde jij je welkom?"
    assert card.translations == {
        "tr": (
            "Veliler kendilerini hoş karşılanmış hisseder",
            "Durum: yüksek bir eşik.\n\n- Ne zaman kendinizi hoş karşılanmış hissettiniz?",
        )
    }
    agenda = parse_agenda(
        "# Avond\n\n## Thema's\n\n- kaart: test-1\n\n## Tafels (20 min)\n", cards={"test-1": card}
    )
    assert agenda.themes[0].translations == card.translations


def test_a_card_translation_needs_a_language_and_text() -> None:
    with pytest.raises(AgendaInvalid) as caught:
        parse_cards(
            "## test-1: Titel\n\nTekst.\n\n### Vertaling\n\nTekst.\n\n### tr: Başlık\n\n## test-2: Twee\n"
        )
    assert [e.code for e in caught.value.errors] == ["card_translation_heading", "card_translation_empty"]


def test_the_shipped_evening_speaks_the_pages_languages() -> None:
    agenda = load_agenda(default_agenda_path())
    languages = {"en", "tr", "ar", "pl", "uk"}
    assert agenda.translated_into == languages
    for block in agenda.blocks:
        assert set(block.title_translations) == languages, block.title
        for prompt in block.prompts:
            assert set(prompt.translations) == languages, prompt.text
    for theme in agenda.themes:
        assert set(theme.translations) == languages, theme.title
        assert all(title and card for title, card in theme.translations.values()), theme.title


def test_the_shipped_cards_speak_the_pages_languages_with_as_many_questions() -> None:
    for card in load_cards().values():
        assert set(card.translations) == {"en", "tr", "ar", "pl", "uk"}, card.id
        questions = card.card.count("\n- ") + card.card.startswith("- ")
        for lang, (title, text) in card.translations.items():
            assert title and text, (card.id, lang)
            assert text.count("\n- ") + text.startswith("- ") == questions, (card.id, lang)
            assert text.count("\n") == card.card.count("\n"), (card.id, lang)  # line for line


def test_the_short_evening_is_translated_too() -> None:
    agenda = load_agenda(agendas_dir() / "ouderavond-60.md")
    assert agenda.translated_into == {"en", "tr", "ar", "pl", "uk"}
    assert all(set(p.translations) == agenda.translated_into for b in agenda.blocks for p in b.prompts)
    assert all(set(t.translations) == agenda.translated_into for t in agenda.themes)  # from the card files


FACE_IN_ENGLISH = """# Ouderavond

start: 19:00
en: Parent evening

## Welkom (5 min)

wie: gespreksleider
wie-en: facilitator
en: Welcome
doel: een open gesprek
doel-en: Goal: an open conversation

Koffie staat klaar.

en: Coffee is ready.

### Gesprekspunten

- Welkom allemaal!
  - en: Welcome, everyone!
- Een goede basishouding:
  - en: A good attitude:
  - Niet oordelen
    - en: Do not judge
  - Heb geduld
- nu: eerst koffie

### Kernboodschap

Samen kom je verder.

Blijf luisteren.

en: Together you get further.

Keep listening.
"""


def test_the_facilitators_texts_carry_their_translations_beside_the_original() -> None:
    agenda = parse_agenda(FACE_IN_ENGLISH)
    assert agenda.title_in("en") == "Parent evening" and agenda.title_in("tr") == "Ouderavond"
    block = agenda.blocks[0]
    assert (block.title_in("en"), block.lead_in("en"), block.lead) == (
        "Welcome",
        "facilitator",
        "gespreksleider",
    )
    assert block.points == (
        "Welkom allemaal!",
        "Een goede basishouding:",
        "Niet oordelen",
        "Heb geduld",
        "nu: eerst koffie",
    )
    assert block.points_in("en") == (
        "Welcome, everyone!",
        "A good attitude:",
        "Do not judge",
        "Heb geduld",
        "nu: eerst koffie",
    )  # a point without its English stays as written; "nu:" is no translation but a point of its own
    assert block.notes == "Doel: een open gesprek\n\nKoffie staat klaar."
    assert block.notes_in("en") == "Goal: an open conversation\n\nCoffee is ready."
    assert agenda.key_message == "Samen kom je verder.\n\nBlijf luisteren."
    assert agenda.key_message_in("en") == "Together you get further.\n\nKeep listening."


def test_the_shipped_evening_gives_the_facilitator_every_text_in_english() -> None:
    dutch = load_agenda(default_agenda_path())
    english = load_agenda(agendas_dir() / "parent-partnership.en.md")
    assert dutch.key_message_in("en") == english.key_message
    for ours, theirs in zip(dutch.blocks, english.blocks, strict=True):
        assert (ours.lead_in("en"), ours.points_in("en"), ours.notes_in("en")) == (
            theirs.lead,
            theirs.points,
            theirs.notes,
        )
