"""The words an agenda may use, Dutch and English, mapped to the model's names."""

from __future__ import annotations

from kiosk.agenda.model import BLOCK_KINDS

# Dutch names first so messages show the words a Dutch school writes; English names map to themselves.
KIND_NAMES: dict[str, str] = {
    "welkom": "welcome",
    "inleiding": "talk",
    "presentatie": "talk",
    "dialoog": "dialogue",
    "samenvatting": "summary",
    "pauze": "break",
    "thematafels": "tables",
    "presentaties": "presentations",
    "afsluiting": "closing",
    "inloop": "plain",
    "anders": "plain",
    **{kind: kind for kind in BLOCK_KINDS},
}
PROMPT_KIND_NAMES: dict[str, str] = {
    "open": "open",
    "cijfer": "rating",
    "rating": "rating",
    "keuze": "choice",
    "choice": "choice",
}
AGENDA_KEYS: dict[str, str] = {
    "taal": "language",
    "language": "language",
    "start": "start",
    "begin": "start",
    "school": "school",
    "datum": "date",
    "date": "date",
    "plaats": "place",
    "locatie": "place",
    "place": "place",
    "location": "place",
    "contact": "contact",
    "logo": "logo",
}
BLOCK_KEYS: dict[str, str] = {
    "soort": "kind",
    "kind": "kind",
    "wie": "lead",
    "lead": "lead",
    "doel": "goal",
    "goal": "goal",
    "opmerking": "note",
    "note": "note",
}
SECTIONS: dict[str, str] = {
    "gesprekspunten": "points",
    "punten": "points",
    "points": "points",
    "talking points": "points",
    "vragen": "prompts",
    "prompts": "prompts",
    "questions": "prompts",
    "kernboodschap": "key_message",
    "key message": "key_message",
    "notities": "notes",
    "opmerkingen": "notes",
    "notes": "notes",
}
THEME_HEADINGS = ("thema's", "thema’s", "themas", "themes")  # word processors curl the apostrophe
PREPARATION_HEADINGS = ("voorbereiding", "preparation")
TASK_KEYS: dict[str, str] = {"wie": "who", "who": "who", "wanneer": "when", "when": "when"}
LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"}
