"""What is wrong with an agenda file, by error code, and what `kiosk check` says: Dutch and English (`--lang`)."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "no_title": "the agenda has no title; start the file with a line like '# Ouderavond'",
        "no_blocks": "the agenda has no blocks; add at least one block heading like '## Welkom (5 min)'",
        "second_title": "a second title '# {text}' (the first is on line {first_line}); an agenda has one "
        "'# title', blocks are '## Title (15 min)'",
        "empty_title": "the title is empty; write the evening's name after '# '",
        "too_deep": "'{markup} {text}' is nested too deep; sections inside a block use '### '",
        "no_duration": "block '{title}' has no duration; write the minutes at the end of the heading, "
        "like '## {title} (15 min)'",
        "bad_duration": "the duration of block '{title}' is '{amount}'; expected a positive whole number of "
        "minutes, like '(15 min)'",
        "block_without_title": "a block heading has no title; expected '## Title (15 min)'",
        "unknown_section": "unknown section '### {text}'; expected one of: {allowed}",
        "section_outside": "'### {text}' is outside a block; it belongs under a block heading like "
        "'## Dialoog (45 min)'",
        "prompts_outside": "'### {text}' (prompts) is outside a block; it belongs under a block heading like "
        "'## Dialoog (45 min)'",
        "theme_not_bullet": "each theme is a bullet, like '- kaart: lusse-5' or '- Title: text'",
        "date_unreadable": "date '{text}' is not a date; expected a date like 2026-10-14, 14-10-2026 or 14 oktober 2026",
        "date_does_not_exist": "date '{text}' does not exist; check the day and the month",
        "date_wrong_weekday": "date '{text}' falls on a {en} ({nl}), not on the weekday written",
        "logo_not_image_name": "logo '{logo}' is not a PNG, JPEG or SVG image (by its name); expected e.g. logo.png",
        "logo_missing": "logo '{logo}' is missing; put the image next to the agenda or write its path relative to "
        "the agenda",
        "logo_folder": "logo '{logo}' is a folder; expected an image file (PNG, JPEG or SVG)",
        "logo_unreadable": "logo '{logo}' cannot be read ({reason})",
        "logo_too_big": "logo '{logo}' is {kib} KiB; a logo of at most {mib} MiB keeps the files small",
        "logo_wrong_inside": "logo '{logo}' is not a {type} image inside; save it again as PNG, JPEG or SVG",
        "task_without_text": "a task has no text; expected '- Ruimte reserveren'",
        "task_key_without_value": "'{key}:' has no value; expected e.g. '{key}: actieteam'",
        "task_key_twice": "the task already says '{key}:'; a task has one of each",
        "task_not_bullet": "each task is a bullet with 'wie:' and 'wanneer:' bullets under it, like "
        "'- Ruimte reserveren' with '  - wie: conciërge' and '  - wanneer: 4 weken vooraf'",
        "prompt_not_bullet": "under '### Vragen' every prompt is a bullet, like '- Open: Wat gaat goed?'",
        "key_without_value": "key '{key}' has no value; expected '{key}: value'",
        "unknown_agenda_key": "unknown key '{key}' before the first block; expected one of: {allowed}",
        "unknown_block_key": "unknown key '{key}' in block '{block}'; expected one of: {allowed} "
        "(free text belongs under '### Notities')",
        "unknown_kind": "unknown kind '{value}'; expected one of: {allowed}",
        "bad_language": "language '{value}' is not a two-letter code; expected e.g. 'nl' or 'en'",
        "bad_start": "start time '{value}' is not a time of day; expected hours:minutes like 19:00",
        "second_key_message": "a second key message; the first starts on line {first_line}",
        "front_not_setting": "before the first block a bullet is a setting like '- taal: nl'",
        "unknown_prompt_kind": "unknown prompt kind '{kind}'; a prompt reads '- Open: question', "
        "'- Cijfer: question' (1-5) or '- Keuze: question [option a | option b]' (English: Open, Rating, Choice)",
        "prompt_without_kind": "the prompt has no kind; a prompt reads '- Open: question', "
        "'- Cijfer: question' (1-5) or '- Keuze: question [option a | option b]' (English: Open, Rating, Choice)",
        "translation_not_bullet": "a bullet under a prompt is a translation like '- en: What went well?'",
        "translation_with_id": "a translation has no id of its own; put '{{#id}}' on the prompt itself",
        "translation_options": "the '{lang}' translation has {count} options; the prompt has {expected}",
        "translation_twice": "a second '{lang}' translation here; each language once",
        "theme_translation_without_title": "the '{lang}' translation of a theme has no title; write "
        "'- {lang}: Title: text'",
        "card_translation_empty": "the '{lang}' translation of the card has no text; write the card's text under "
        "'### {lang}: Title'",
        "options_only_choice": "only a Keuze/Choice prompt has options in brackets",
        "prompt_id_taken": "prompt id '{id}' is already used on line {first_line}; each prompt needs its own id",
        "prompt_without_question": "the prompt has no question; expected e.g. '- Open: Wat gaat goed?'",
        "choice_needs_options": "a Keuze/Choice prompt needs at least two options in brackets, like "
        "'- Keuze: Welke tafel? [Verzuim | Contact]'",
        "bad_prompt_id": "prompt id '{id}' is not usable; an id is lowercase letters, digits and '-', "
        "like '{{#ervaringen-ouders}}'",
        "unknown_card": "unknown card '{card}'; the shipped cards are: {cards}",
        "theme_without_title": "a theme has no title; expected '- Title: a sentence for the table'",
        "theme_id_taken": "theme id '{id}' is already used on line {first_line}",
        "no_such_file": "no such file; expected the path of an agenda (.md)",
        "is_folder": "is a folder; expected an agenda file (.md)",
        "not_utf8": "is not UTF-8 text (byte {byte}); save the agenda as UTF-8",
        "unreadable": "cannot be read: {reason}",
        "card_heading": "a card heading reads '## lusse-1: Title' (id: title)",
        "card_id_twice": "card id '{id}' is used twice",
        "card_translation_heading": "a '###' heading inside a card starts a translation: '### en: Title'",
        "card_not_utf8": "cannot be read as UTF-8 text: {reason}",
        "card_id_elsewhere": "card id '{id}' is also in another file",
        "not_checked": "could not be checked ({error}); please report this",
        # what `kiosk check` says besides the errors
        "check_nothing": "kiosk check: name at least one agenda file, like agendas/ouderpartnerschap.md",
        "check_ok": "{path}: ok, {blocks}, {minutes}",
        "count_blocks": "{n} blocks",
        "count_blocks_one": "1 block",
        "count_minutes": "{n} minutes",
        "count_minutes_one": "1 minute",
    },
    "nl": {
        "no_title": "de agenda heeft geen titel; begin het bestand met een regel als '# Ouderavond'",
        "no_blocks": "de agenda heeft geen blokken; voeg minstens één blokkop toe, zoals '## Welkom (5 min)'",
        "second_title": "een tweede titel '# {text}' (de eerste staat op regel {first_line}); een agenda heeft "
        "één '# titel', blokken zijn '## Titel (15 min)'",
        "empty_title": "de titel is leeg; schrijf de naam van de avond na '# '",
        "too_deep": "'{markup} {text}' is te diep genest; onderdelen binnen een blok gebruiken '### '",
        "no_duration": "blok '{title}' heeft geen duur; zet de minuten aan het eind van de kop, "
        "zoals '## {title} (15 min)'",
        "bad_duration": "de duur van blok '{title}' is '{amount}'; verwacht een positief heel aantal minuten, "
        "zoals '(15 min)'",
        "block_without_title": "een blokkop heeft geen titel; verwacht '## Titel (15 min)'",
        "unknown_section": "onbekend onderdeel '### {text}'; verwacht een van: {allowed}",
        "section_outside": "'### {text}' staat buiten een blok; het hoort onder een blokkop zoals "
        "'## Dialoog (45 min)'",
        "prompts_outside": "'### {text}' (vragen) staat buiten een blok; het hoort onder een blokkop zoals "
        "'## Dialoog (45 min)'",
        "theme_not_bullet": "elk thema is een opsommingspunt, zoals '- kaart: lusse-5' of '- Titel: tekst'",
        "date_unreadable": "datum '{text}' is geen datum; verwacht een datum als 2026-10-14, 14-10-2026 of "
        "14 oktober 2026",
        "date_does_not_exist": "datum '{text}' bestaat niet; kijk de dag en de maand na",
        "date_wrong_weekday": "datum '{text}' valt op een {nl} ({en}), niet op de geschreven weekdag",
        "logo_not_image_name": "logo '{logo}' is geen PNG-, JPEG- of SVG-afbeelding (naar de naam); verwacht bijv. "
        "logo.png",
        "logo_missing": "logo '{logo}' ontbreekt; zet de afbeelding naast de agenda of schrijf het pad vanaf de agenda",
        "logo_folder": "logo '{logo}' is een map; verwacht een afbeelding (PNG, JPEG of SVG)",
        "logo_unreadable": "logo '{logo}' kan niet gelezen worden ({reason})",
        "logo_too_big": "logo '{logo}' is {kib} KiB; een logo van hoogstens {mib} MiB houdt de bestanden klein",
        "logo_wrong_inside": "logo '{logo}' is van binnen geen {type}-afbeelding; sla het opnieuw op als PNG, JPEG "
        "of SVG",
        "task_without_text": "een taak heeft geen tekst; verwacht '- Ruimte reserveren'",
        "task_key_without_value": "'{key}:' heeft geen waarde; verwacht bijv. '{key}: actieteam'",
        "task_key_twice": "de taak zegt al '{key}:'; een taak heeft er één van elk",
        "task_not_bullet": "elke taak is een opsommingspunt met 'wie:' en 'wanneer:' eronder, zoals "
        "'- Ruimte reserveren' met '  - wie: conciërge' en '  - wanneer: 4 weken vooraf'",
        "prompt_not_bullet": "onder '### Vragen' is elke vraag een opsommingspunt, zoals "
        "'- Open: Wat gaat goed?'",
        "key_without_value": "sleutel '{key}' heeft geen waarde; verwacht '{key}: waarde'",
        "unknown_agenda_key": "onbekende sleutel '{key}' voor het eerste blok; verwacht een van: {allowed}",
        "unknown_block_key": "onbekende sleutel '{key}' in blok '{block}'; verwacht een van: {allowed} "
        "(vrije tekst hoort onder '### Notities')",
        "unknown_kind": "onbekende soort '{value}'; verwacht een van: {allowed}",
        "bad_language": "taal '{value}' is geen code van twee letters; verwacht bijvoorbeeld 'nl' of 'en'",
        "bad_start": "begintijd '{value}' is geen tijdstip; verwacht uren:minuten zoals 19:00",
        "second_key_message": "een tweede kernboodschap; de eerste begint op regel {first_line}",
        "front_not_setting": "voor het eerste blok is een opsommingspunt een instelling zoals '- taal: nl'",
        "unknown_prompt_kind": "onbekende soort vraag '{kind}'; een vraag luidt '- Open: vraag', "
        "'- Cijfer: vraag' (1-5) of '- Keuze: vraag [optie a | optie b]' (Engels: Open, Rating, Choice)",
        "prompt_without_kind": "de vraag heeft geen soort; een vraag luidt '- Open: vraag', "
        "'- Cijfer: vraag' (1-5) of '- Keuze: vraag [optie a | optie b]' (Engels: Open, Rating, Choice)",
        "translation_not_bullet": "een opsommingspunt onder een vraag is een vertaling, zoals "
        "'- en: What went well?'",
        "translation_with_id": "een vertaling heeft geen eigen id; zet '{{#id}}' op de vraag zelf",
        "translation_options": "de vertaling '{lang}' heeft {count} opties; de vraag heeft er {expected}",
        "translation_twice": "een tweede vertaling '{lang}' hier; elke taal één keer",
        "theme_translation_without_title": "de vertaling '{lang}' van een thema heeft geen titel; schrijf "
        "'- {lang}: Titel: tekst'",
        "card_translation_empty": "de vertaling '{lang}' van de kaart heeft geen tekst; schrijf de tekst van de "
        "kaart onder '### {lang}: Titel'",
        "options_only_choice": "alleen een Keuze-vraag heeft opties tussen haken",
        "prompt_id_taken": "vraag-id '{id}' wordt al gebruikt op regel {first_line}; elke vraag heeft een "
        "eigen id nodig",
        "prompt_without_question": "de vraag heeft geen tekst; verwacht bijvoorbeeld '- Open: Wat gaat goed?'",
        "choice_needs_options": "een Keuze-vraag heeft minstens twee opties tussen haken nodig, zoals "
        "'- Keuze: Welke tafel? [Verzuim | Contact]'",
        "bad_prompt_id": "vraag-id '{id}' is niet bruikbaar; een id bestaat uit kleine letters, cijfers en '-', "
        "zoals '{{#ervaringen-ouders}}'",
        "unknown_card": "onbekende kaart '{card}'; de meegeleverde kaarten zijn: {cards}",
        "theme_without_title": "een thema heeft geen titel; verwacht '- Titel: een zin voor de tafel'",
        "theme_id_taken": "thema-id '{id}' wordt al gebruikt op regel {first_line}",
        "no_such_file": "bestand bestaat niet; verwacht het pad van een agenda (.md)",
        "is_folder": "is een map; verwacht een agendabestand (.md)",
        "not_utf8": "is geen UTF-8-tekst (byte {byte}); bewaar de agenda als UTF-8",
        "unreadable": "kan niet gelezen worden: {reason}",
        "card_heading": "een kaartkop luidt '## lusse-1: Titel' (id: titel)",
        "card_id_twice": "kaart-id '{id}' komt twee keer voor",
        "card_translation_heading": "een kop '###' in een kaart begint een vertaling: '### en: Titel'",
        "card_not_utf8": "kan niet als UTF-8-tekst gelezen worden: {reason}",
        "card_id_elsewhere": "kaart-id '{id}' staat ook in een ander bestand",
        "not_checked": "kon niet gecontroleerd worden ({error}); meld dit alstublieft",
        "check_nothing": "kiosk check: noem minstens één agendabestand, zoals agendas/ouderpartnerschap.md",
        "check_ok": "{path}: in orde, {blocks}, {minutes}",
        "count_blocks": "{n} blokken",
        "count_blocks_one": "1 blok",
        "count_minutes": "{n} minuten",
        "count_minutes_one": "1 minuut",
    },
}


def render_error(code: str, params: Mapping[str, object], lang: str) -> str:
    """The message for an error code in `lang` (English when the language lacks it).

    A code no catalog knows is shown as it is: an error made with a plain sentence still reads well.
    """
    template = MESSAGES.get(lang, {}).get(code) or MESSAGES["en"].get(code)
    if template is None:
        return code
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def count(code: str, n: int, lang: str) -> str:
    """`code_one` for exactly one ("1 blok"), else `code` ("9 blokken"), with `{n}` filled in."""
    one = f"{code}_one"
    return render_error(one if n == 1 and one in MESSAGES.get(lang, {}) else code, {"n": n}, lang)
