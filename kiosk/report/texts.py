"""The report's words in Dutch and English, and dates written the way a reader expects them."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

LANGS = ("nl", "en")
# The languages the pages speak, named in the report's language ("geschreven in het Turks"); another is its code.
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "nl": {"nl": "Nederlands", "en": "Engels", "tr": "Turks", "ar": "Arabisch", "pl": "Pools", "uk": "Oekraïens"},
    "en": {"nl": "Dutch", "en": "English", "tr": "Turkish", "ar": "Arabic", "pl": "Polish", "uk": "Ukrainian"},
}


def language_name(code: str, lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["en"]).get(code, code)

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Terugkoppeling: {title}",
        "subtitle_update": "Wat jullie zeiden, wat wij deden",
        "evening": "Avond van {date}",
        "updated": "bijgewerkt op {date}",
        "attendance": "Wie waren er",
        "attendance_line": "Ouders: {parent} · school: {staff} · rol niet opgegeven: {unknown} · telefoons: {n}",
        "attendance_none": "Er deed geen telefoon mee; alles hieronder is op papier of hardop ingebracht.",
        "key_message": "Kernboodschap",
        "key_points": "De belangrijkste punten",
        "heard": "Wat we hoorden",
        "heard_none": "Niets gedeeld.",
        "outside_prompt": "Buiten de vragen om",
        "count_line": "{n} bijdragen (ouders: {parent} · school: {staff} · onbekend: {unknown})",
        "count_line_one": "1 bijdrage (ouders: {parent} · school: {staff} · onbekend: {unknown})",
        "untagged": "Overig",
        "recognised": "herkend door {n}",
        "written_in": "geschreven in het {language}",
        "languages_line": "Antwoorden per taal van de telefoon: {list}",
        "said_more": "{n}× genoemd",
        "paper": "op papier",
        "spoken": "hardop gezegd",
        "rating": "Cijfer",
        "rating_line": "Gemiddeld {avg} van de 5, {n} antwoorden.",
        "rating_line_one": "Gemiddeld {avg} van de 5, 1 antwoord.",
        "rating_none": "Geen antwoorden.",
        "distribution": "Verdeling (cijfer: aantal)",
        "comments": "Opmerkingen",
        "comments_held": "{n} opmerkingen weggelaten: ze leken een naam, adres, nummer of scheldwoord te bevatten.",
        "comments_held_one": "1 opmerking weggelaten: die leek een naam, adres, nummer of scheldwoord te bevatten.",
        "choice": "Keuze",
        "choice_line": "{n} antwoorden.",
        "choice_line_one": "1 antwoord.",
        "tables": "Uitkomsten van de thematafels",
        "table": "Tafel {number}",
        "table_none": "Niets opgeschreven.",
        "actions": "Wat de school gaat doen",
        "actions_none": "Nog geen acties vastgelegd.",
        "questions": "Vragen aan de school",
        "questions_line": "{n} vragen gesteld; {now} in de zaal beantwoord, {later} om later te beantwoorden.",
        "questions_line_one": "1 vraag gesteld; {now} in de zaal beantwoord, {later} om later te beantwoorden.",
        "questions_later": "Hier komen we op terug",
        "votes": "{n} stemmen",
        "votes_one": "1 stem",
        "questions_held": "{n} vragen om later te beantwoorden staan hier niet, omdat de gespreksleider ze niet "
        "heeft goedgekeurd.",
        "questions_held_one": "1 vraag om later te beantwoorden staat hier niet, omdat de gespreksleider hem niet "
        "heeft goedgekeurd.",
        "owner": "wie",
        "due": "uiterlijk",
        "status": "status",
        "progress_note": "{date}, {status}",
        "contact": "Zo houden we contact",
        "changes": "Sinds de avond van {evening}: {parts}.",
        "changes_none": "Sinds de avond van {evening} is er nog niets bijgewerkt.",
        "changes_added": "{n} nieuwe acties",
        "changes_added_one": "1 nieuwe actie",
        "changes_updated": "{n} acties bijgewerkt",
        "changes_updated_one": "1 actie bijgewerkt",
        "changes_done": "{n} afgerond",
        "and": " en ",
        "planned": "gepland",
        "in_progress": "bezig",
        "done": "afgerond",
        "dropped": "vervallen",
    },
    "en": {
        "title": "Feedback report: {title}",
        "subtitle_update": "What you said, what we did",
        "evening": "Evening of {date}",
        "updated": "updated on {date}",
        "attendance": "Who took part",
        "attendance_line": "Parents: {parent} · school: {staff} · no role given: {unknown} · phones: {n}",
        "attendance_none": "No phones took part; everything below was brought in on paper or aloud.",
        "key_message": "Key message",
        "key_points": "The main points",
        "heard": "What we heard",
        "heard_none": "Nothing shared.",
        "outside_prompt": "Outside the questions",
        "count_line": "{n} contributions (parents: {parent} · school: {staff} · unknown: {unknown})",
        "count_line_one": "1 contribution (parents: {parent} · school: {staff} · unknown: {unknown})",
        "untagged": "Other",
        "recognised": "recognised by {n}",
        "written_in": "written in {language}",
        "languages_line": "Answers by the language of the phone: {list}",
        "said_more": "said {n}×",
        "paper": "on paper",
        "spoken": "said aloud",
        "rating": "Rating",
        "rating_line": "Average {avg} out of 5, {n} answers.",
        "rating_line_one": "Average {avg} out of 5, 1 answer.",
        "rating_none": "No answers.",
        "distribution": "Distribution (rating: answers)",
        "comments": "Comments",
        "comments_held": "{n} comments left out: they seemed to hold a name, address, number or swear word.",
        "comments_held_one": "1 comment left out: it seemed to hold a name, address, number or swear word.",
        "choice": "Choice",
        "choice_line": "{n} answers.",
        "choice_line_one": "1 answer.",
        "tables": "Outcomes of the theme tables",
        "table": "Table {number}",
        "table_none": "Nothing written down.",
        "actions": "What the school will do",
        "actions_none": "No actions recorded yet.",
        "questions": "Questions to the school",
        "questions_line": "{n} questions asked; {now} answered in the room, {later} to answer later.",
        "questions_line_one": "1 question asked; {now} answered in the room, {later} to answer later.",
        "questions_later": "What we will come back to",
        "votes": "{n} votes",
        "votes_one": "1 vote",
        "questions_held": "{n} questions to answer later are left out because the facilitator did not approve them.",
        "questions_held_one": "1 question to answer later is left out because the facilitator did not approve it.",
        "owner": "who",
        "due": "by",
        "status": "status",
        "progress_note": "{date}, {status}",
        "contact": "How we keep in touch",
        "changes": "Since the evening of {evening}: {parts}.",
        "changes_none": "Nothing has been updated since the evening of {evening}.",
        "changes_added": "{n} new actions",
        "changes_added_one": "1 new action",
        "changes_updated": "{n} actions updated",
        "changes_updated_one": "1 action updated",
        "changes_done": "{n} done",
        "and": " and ",
        "planned": "planned",
        "in_progress": "in progress",
        "done": "done",
        "dropped": "dropped",
    },
}

_MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}


def phrase(table: dict[str, dict[str, str]], lang: str, key: str, **params: object) -> str:
    """A phrase from a table of languages, blanks filled in; `n=1` picks the singular when there is one."""
    labels = table[lang if lang in table else "nl"]
    if params.get("n") == 1 and f"{key}_one" in labels:
        key = f"{key}_one"
    return labels[key].format(**params)


def label(lang: str, key: str, **params: object) -> str:
    """A report phrase in the language, with its blanks filled in; `n=1` picks the singular when there is one."""
    return phrase(_LABELS, lang, key, **params)


def format_date(at: float, lang: str, tz: tzinfo | None = None) -> str:
    """`12 mei 2026` / `12 May 2026`: no locale needed, the same on every laptop."""
    day = datetime.fromtimestamp(at, tz)
    return f"{day.day} {_MONTHS[lang if lang in _MONTHS else 'nl'].split()[day.month - 1]} {day.year}"


def format_due(due: str, lang: str) -> str:
    """A due date `2026-11-01` as `1 november 2026`; anything else as it was written."""
    try:
        day = date.fromisoformat(due)
    except ValueError:
        return due
    return f"{day.day} {_MONTHS[lang if lang in _MONTHS else 'nl'].split()[day.month - 1]} {day.year}"


def format_number(value: float, lang: str) -> str:
    """One decimal, with a decimal comma in Dutch."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text
