"""The letter to parents' words in Dutch and English ("jullie", as the phone pages speak)."""

from __future__ import annotations

from kiosk.report.texts import phrase

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Na de ouderavond: wat we hoorden en wat we doen",
        "greeting": "Beste ouders en verzorgers,",
        "intro": "Op {date} kwamen {who} samen voor de avond „{title}”. Dank jullie wel dat jullie er waren en zo "
        "open vertelden wat goed gaat en wat beter kan. In deze brief lezen jullie wat we hoorden en wat de school "
        "ermee doet.",
        "intro_nobody": "Op {date} kwamen ouders en school samen voor de avond „{title}”. Dank jullie wel dat "
        "jullie er waren. In deze brief lezen jullie wat we hoorden en wat de school ermee doet.",
        "parents": "{n} ouders",
        "parents_one": "1 ouder",
        "staff": "{n} mensen van school",
        "staff_one": "1 medewerker van school",
        "people": "{n} mensen ({who})",
        "and": " en ",
        "changes": "Wat er veranderde sinds onze brief van {date}",
        "changes_none": "Sinds onze brief van {date} is er nog niets veranderd; we laten het jullie weten zodra dat zo is.",
        "change_new": "Nieuw: {what}",
        "change_status": "{what}: van {was} naar {status}",
        "change_due": "{what}: nieuwe datum {due} (was {was})",
        "change_news": "{what}: {news}",
        "did": "Wat we deden",
        "questions": "We spraken over vragen als:",
        "themes": "Aan de thematafels ging het over: {themes}.",
        "answers": "Samen gaven jullie {n} antwoorden, zonder naam.",
        "answers_one": "Samen gaven jullie 1 antwoord, zonder naam.",
        "heard": "Wat we hoorden",
        "heard_answers": "Wat we hoorden: de antwoorden die het meest werden herkend",
        "said": "{n}× genoemd",
        "said_one": "1× genoemd",
        "recognised": "herkend door {n}",
        "key_message": "Wat we samen vaststelden",
        "rating": "{prompt} Gemiddeld {avg} van de 5 ({n} antwoorden).",
        "rating_one": "{prompt} Gemiddeld {avg} van de 5 (1 antwoord).",
        "doing": "Wat jullie zeiden, wat wij doen",
        "doing_none": "De school legt de vervolgstappen nog vast; in de volgende brief lezen jullie ze.",
        "come_back": "Jullie vragen, waar we op terugkomen",
        "come_back_intro": "Deze vragen stelden jullie op de avond; we konden ze toen niet beantwoorden en komen erop terug.",
        "owner": "wie",
        "due": "uiterlijk",
        "status": "stand",
        "overdue": "later dan gepland",
        "answers_to": "Dit gaat over:",
        "quote": "„{text}”",
        "quote_prompt": "„{text}” (op de vraag „{prompt}”)",
        "news": "Laatste nieuws ({date}): {news}",
        "contact": "Contact",
        "reach": "Vragen of ideeën? Neem contact op met {contact}.",
        "regards": "Met vriendelijke groet,",
        "sender": "de school",
        "planned": "gepland",
        "in_progress": "bezig",
        "done": "afgerond",
        "dropped": "vervallen",
    },
    "en": {
        "title": "After the parents' evening: what we heard and what we do",
        "greeting": "Dear parents and carers,",
        "intro": "On {date}, {who} came together for the evening “{title}”. Thank you for being there and for "
        "telling us so openly what goes well and what could be better. In this letter you can read what we heard "
        "and what the school does with it.",
        "intro_nobody": "On {date}, parents and school came together for the evening “{title}”. Thank you for "
        "being there. In this letter you can read what we heard and what the school does with it.",
        "parents": "{n} parents",
        "parents_one": "1 parent",
        "staff": "{n} school staff",
        "staff_one": "1 member of school staff",
        "people": "{n} people ({who})",
        "and": " and ",
        "changes": "What changed since our letter of {date}",
        "changes_none": "Nothing has changed since our letter of {date}; we will let you know as soon as it does.",
        "change_new": "New: {what}",
        "change_status": "{what}: from {was} to {status}",
        "change_due": "{what}: new date {due} (was {was})",
        "change_news": "{what}: {news}",
        "did": "What we did",
        "questions": "We talked about questions such as:",
        "themes": "At the theme tables we talked about: {themes}.",
        "answers": "Together you gave {n} answers, without names.",
        "answers_one": "Together you gave 1 answer, without names.",
        "heard": "What we heard",
        "heard_answers": "What we heard: the answers recognised most",
        "said": "said {n}×",
        "said_one": "said 1×",
        "recognised": "recognised by {n}",
        "key_message": "What we concluded together",
        "rating": "{prompt} Average {avg} out of 5 ({n} answers).",
        "rating_one": "{prompt} Average {avg} out of 5 (1 answer).",
        "doing": "What you said, what we do",
        "doing_none": "The school is still settling its next steps; you will read them in the next letter.",
        "come_back": "Your questions, which we will come back to",
        "come_back_intro": "You asked these questions on the evening; we could not answer them then and will come back to them.",
        "owner": "who",
        "due": "by",
        "status": "status",
        "overdue": "later than planned",
        "answers_to": "This answers:",
        "quote": "“{text}”",
        "quote_prompt": "“{text}” (to the question “{prompt}”)",
        "news": "Latest news ({date}): {news}",
        "contact": "Contact",
        "reach": "Questions or ideas? Contact {contact}.",
        "regards": "Kind regards,",
        "sender": "the school",
        "planned": "planned",
        "in_progress": "in progress",
        "done": "done",
        "dropped": "dropped",
    },
}


def say(lang: str, key: str, **params: object) -> str:
    """A phrase of the letter in its language (Dutch for any other), blanks filled in."""
    return phrase(_WORDS, lang, key, **params)


def listing(lang: str, parts: list[str]) -> str:
    """'a, b en c' / 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + say(lang, "and") + parts[-1]
