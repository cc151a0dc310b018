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
    "inloop": "arrival",
    "walk-in": "arrival",
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
    # How parents say they are coming, by when, and whether they may bring someone or ask for an interpreter.
    "aanmelden": "signup",
    "opgeven": "signup",
    "sign-up": "signup",
    "signup": "signup",
    "aanmelden-voor": "signup_by",
    "aanmelden-tot": "signup_by",
    "opgeven-voor": "signup_by",
    "sign-up-by": "signup_by",
    "signup-by": "signup_by",
    "tolk": "interpreter",
    "interpreter": "interpreter",
    "meenemen": "bring",
    "bring": "bring",
    # When and how parents hear from the school again after the letter (the run sheet's "Nazorg").
    "vervolg": "next_update",
    "next-update": "next_update",
    "vervolg-via": "next_update_via",
    "next-update-via": "next_update_via",
}
YES = frozenset({"ja", "yes", "j", "y", "welkom", "welcome"})
NO = frozenset({"nee", "no", "n", "geen", "none"})
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
AFTERCARE_HEADINGS = ("nazorg", "aftercare", "follow-up")  # tasks too, after the evening
ADVANCE_HEADINGS = ("vragen vooraf", "denk alvast na", "denk alvast na over", "questions beforehand",
                    "think about beforehand", "to think about")  # fmt: skip
TASK_KEYS: dict[str, str] = {"wie": "who", "who": "who", "wanneer": "when", "when": "when"}
LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"}
