"""The words of the action team's checklist and the table cards, in the agenda's language (Dutch or English)."""

from __future__ import annotations

from kiosk.report.texts import phrase

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "checklist": "Voorbereiding: {title}",
        "evening": "De avond",
        "task": "Taak",
        "who": "Wie",
        "when": "Wanneer",
        "no_tasks": "Deze agenda heeft nog geen ## Voorbereiding; zie docs/agenda-format.md.",
        "cards": "Tafelkaarten: {title}",
        "table": "Tafel: ______",
        "questions": "Vragen voor de tafel",
        "how": "Zo werken jullie aan tafel ({minutes} minuten)",
        "no_themes": "Deze agenda heeft geen thema's; voeg een ## Thema's toe voor tafelkaarten.",
    },
    "en": {
        "checklist": "Preparation: {title}",
        "evening": "The evening",
        "task": "Task",
        "who": "Who",
        "when": "When",
        "no_tasks": "This agenda has no ## Preparation yet; see docs/agenda-format.md.",
        "cards": "Table cards: {title}",
        "table": "Table: ______",
        "questions": "Questions for the table",
        "how": "How you work at the table ({minutes} minutes)",
        "no_themes": "This agenda has no themes; add a ## Themes section for table cards.",
    },
}


def word(lang: str, key: str, **params: object) -> str:
    return phrase(_WORDS, lang, key, **params)
