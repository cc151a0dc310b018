"""What the command line says, in Dutch (the default) and English (`--lang en`)."""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "nothing_to_resume": "Er is geen onafgesloten avond om verder te gaan; begin een nieuwe zonder --resume.",
        "note_unfinished": "let op: de avond {evening} is niet afgesloten; “--resume” gaat ermee verder. "
        "Er begint een nieuwe avond.",
        "delete.confirm": "Avond {evening} ({title}) en alles wat erin staat verwijderen? Typ ter bevestiging het nummer van de avond:",
        "delete.done": "verwijderd: {evening}",
        "delete.kept": "Niets verwijderd.",
        "delete.needs_yes": "Verwijderen vraagt om bevestiging in een terminal; geef --yes om het zonder vraag te doen.",
        "purge.confirm": "Deze {n} avonden en alles wat erin staat verwijderen? Typ ter bevestiging het aantal:",
        "purge.none": "Geen avonden ouder dan {days} dagen.",
        "purge.days": "--older-than is een aantal dagen, 0 of meer.",
        "export.unreviewed": "let op: {n} teksten met een gevonden naam, adres, nummer of scheldwoord die niemand nakeek staan in deze export ({where}).",
        "export.strict": "Niet geëxporteerd (--strict): {n} teksten met een gevonden naam, adres, nummer of scheldwoord wachten nog op de begeleider ({where}).",
        "sessions.none": "Nog geen avonden opgeslagen. “kiosk run” begint er een.",
        "sessions.columns": "avond|datum|telefoons|bijdragen|gebeurtenissen|staat|agenda",
        "sessions.finished": "afgesloten",
        "sessions.unfinished": "open",
        "actions.none": "Nog geen acties. Voeg er een toe met: "
        "kiosk actions --add \"wat\" --owner WIE --due JJJJ-MM-DD",
        "actions.columns": "id|status|uiterlijk|wie|wat",
        "actions.unknown": "Er is geen actie met id “{id}” bij deze avond; “kiosk actions” toont de acties "
        "met hun id.",
        "actions.say_what": "Zeg wat er veranderde: --status, --note, --owner, --due, --link of --unlink.",
        "actions.fields_alone": "--status, --note, --owner, --due, --link en --unlink horen bij --add of --update ID.",
        "actions.open_elsewhere": "Deze avond is geopend in een draaiende kiosk; verander de acties daar, "
        "of nadat hij stopt.",
        "export.none": "Hier zijn nog geen avonden opgeslagen; “kiosk run” begint er een, --data-dir kiest "
        "een andere map.",
        "export.bad_agenda": "De agenda die bij avond {evening} is opgeslagen, kan niet gelezen worden: {problem}",
        "export.cannot_write": "Kan {file} niet schrijven ({reason}); kies een ander bestand met -o.",
        "export.wrote": "geschreven: {file}",
        "export.not_remembered": "let op: de brief is geschreven, maar niet onthouden als verstuurd: {problem}",
    },
    "en": {
        "nothing_to_resume": "There is no unfinished evening to resume; start a new one without --resume.",
        "note_unfinished": "note: the evening {evening} is unfinished; “--resume” continues it. "
        "Starting a new evening.",
        "delete.confirm": "Delete evening {evening} ({title}) and all it holds? Type the evening's id to confirm:",
        "delete.done": "deleted: {evening}",
        "delete.kept": "Nothing deleted.",
        "delete.needs_yes": "Deleting asks for confirmation in a terminal; give --yes to do it without asking.",
        "purge.confirm": "Delete these {n} evenings and all they hold? Type their number to confirm:",
        "purge.none": "No evenings older than {days} days.",
        "purge.days": "--older-than is a number of days, 0 or more.",
        "export.unreviewed": "note: {n} texts with a name, address, number or swear word found in them that nobody reviewed are in this export ({where}).",
        "export.strict": "Not exported (--strict): {n} texts with a name, address, number or swear word found in them still wait for the facilitator ({where}).",
        "sessions.none": "No evenings stored yet. “kiosk run” starts one.",
        "sessions.columns": "session|date|phones|contributions|events|state|agenda",
        "sessions.finished": "finished",
        "sessions.unfinished": "unfinished",
        "actions.none": "No actions yet. Add one with: kiosk actions --add \"what\" --owner WHO --due YYYY-MM-DD",
        "actions.columns": "id|status|due|owner|what",
        "actions.unknown": "There is no action with id “{id}” in this evening; “kiosk actions” lists the "
        "actions with their ids.",
        "actions.say_what": "Say what changed: --status, --note, --owner, --due, --link or --unlink.",
        "actions.fields_alone": "--status, --note, --owner, --due, --link and --unlink go with --add or --update ID.",
        "actions.open_elsewhere": "This evening is open in a running kiosk; change its actions there, "
        "or after it ends.",
        "export.none": "No evenings are stored here yet; “kiosk run” starts one, --data-dir picks another.",
        "export.bad_agenda": "The agenda stored with evening {evening} cannot be read: {problem}",
        "export.cannot_write": "Cannot write {file} ({reason}); choose another file with -o.",
        "export.wrote": "wrote {file}",
        "export.not_remembered": "note: the letter is written but not remembered as sent: {problem}",
    },
}


def say(lang: str, key: str, **params: Any) -> str:
    """A sentence of the command line in `lang` (Dutch when the language is unknown)."""
    texts = TEXTS.get(lang, TEXTS["nl"])
    return texts.get(key, TEXTS["en"][key]).format(**params)
