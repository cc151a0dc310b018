"""An example evening for looking at the printed pages: the shipped agenda with a school's details, the posters,
and a stored evening (answers in several languages, questions, actions) with its letters and the team's record."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

from kiosk.agenda.model import Agenda
from kiosk.catalog import languages
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path

EVENING = 1_791_997_200.0  # Wednesday 14 October 2026, 19:00 in Amsterdam
DETAILS = """school: OBS De Driehoek
datum: woensdag 14 oktober 2026
plaats: Aula, Schoolstraat 1, Rotterdam
contact: ouderconsulent@driehoek.nl of 010 123 45 67
logo: logo.png
aanmelden: bij de mentor of via ouders@driehoek.nl
aanmelden-voor: 1 week vooraf
tolk: tr, ar
vervolg-via: de nieuwsbrief
"""


def _logo() -> bytes:
    """A small logo: a blue triangle on white, as a school might have."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 120), "white")
    ImageDraw.Draw(image).polygon([(20, 110), (120, 10), (220, 110)], fill=(11, 61, 92))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def example_agenda(folder: Path) -> Path:
    """The shipped evening with a school's details, as the school would fill them in."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.png").write_bytes(_logo())
    text = (
        default_agenda_path()
        .read_text(encoding="utf-8")
        .replace("start: 19:00\n", "start: 19:00\n" + DETAILS)
    )
    path = folder / "avond.md"
    path.write_text(text, encoding="utf-8")
    return path


def example_posters(agenda: Agenda, langs: list[str]) -> Iterator[tuple[str, str]]:
    from kiosk.agenda.details import logo_data_uri
    from kiosk.prepare.poster import PosterFacts, render_poster
    from kiosk.prepare.qr import Wifi

    logo = logo_data_uri(agenda.logo_file())
    facts = PosterFacts(
        agenda.title,
        "http://192.168.1.20:8765/join?room=K7QX2",
        "K7QX2",
        Wifi("Driehoek-gast", "koffie en thee 2026"),
        agenda.details.school,
        logo,
    )
    for lang in langs:
        yield f"poster-{lang}", render_poster(facts, lang)


class _Clock:
    def __init__(self, now: float) -> None:
        self.at = now

    def __call__(self) -> float:
        return self.at


def _phone(name: str) -> Actor:
    return Actor("phone", device=f"voorbeeld-{name}-telefoon")


ANSWERS = {
    "b4-q1": [
        ("a1", "nl", "De mentor belt alleen als er iets mis is"),
        ("a2", "nl", "Ik hoor pas bij het rapport hoe het gaat"),
        ("a3", "tr", "Öğretmenle konuşmak için randevu almak zor."),
        ("a4", "ar", "أريد أن أعرف كيف يتقدم طفلي قبل التقرير."),
    ],
    "b4-q4": [
        ("a5", "nl", "De app staat vol berichten, het belangrijke mis ik"),
        ("a6", "pl", "Nie rozumiem wszystkich wiadomości po niderlandzku."),
    ],
}


def example_core(data: Path, agenda: Agenda) -> SessionCore:
    """A finished evening: eight phones, two questions of the dialogue asked, questions to the school, actions."""
    clock = _Clock(EVENING)
    core = start_session(open_event_log(data), agenda, clock)
    phones = {lang: _phone(lang) for lang in ("nl", "tr", "ar", "pl")}
    for lang, actor in phones.items():
        core.execute(Command("device/join", {"role": "parent", "lang": lang}, actor))
    for n in range(3):
        core.execute(Command("device/join", {"role": "parent", "lang": "nl"}, _phone(f"ouder{n}")))
    for n in range(2):
        core.execute(Command("device/join", {"role": "staff", "lang": "nl"}, _phone(f"school{n}")))
    core.execute(Command("block/jump", {"index": 3}))
    for prompt, answers in ANSWERS.items():
        core.execute(Command("prompt/open", {"prompt": prompt}))
        for cid, lang, text in answers:
            core.execute(Command("contribution/add", {"id": cid, "text": text}, phones[lang]))
            core.execute(Command("contribution/approve", {"id": cid}))
            clock.at += 60
    core.execute(Command("keypoint/add", {"text": "Ouders horen graag ook wat goed gaat", "sources": ["a1"]}))
    core.execute(Command("keypoint/add", {"text": "Tussendoor weten hoe het gaat, niet pas bij het rapport",
                                          "sources": ["a2", "a4"]}))  # fmt: skip
    core.execute(Command("keypoint/add", {"text": "Minder berichten, en de belangrijke in gewone taal",
                                          "sources": ["a5", "a6"]}))  # fmt: skip
    asked = [("q1", "Komt er een ouderpanel, en hoe kan ik meedoen?", "later"),
             ("q2", "Hoe laat is de pauze?", "now"),
             ("q3", "Kan het rapport ook in het Engels?", "later"),
             ("q4", "Waar vind ik het rooster?", None)]  # fmt: skip
    for qid, text, answer in asked:
        core.execute(Command("question/add", {"id": qid, "text": text}, phones["nl"]))
        core.execute(Command("question/approve", {"id": qid}))
        if answer:
            core.execute(Command("question/answer", {"id": qid, "answer": answer}))
    core.execute(Command("block/jump", {"index": 8}))
    for n, value in enumerate((4, 5, 3, 4, 5)):
        core.execute(Command("response/set", {"prompt": "b9-q1", "value": value}, _phone(f"ouder{n % 3}")))
    core.execute(
        Command("closing/set", {"contact": "Elke maand een nieuwsbrief; vragen via de ouderconsulent."})
    )
    clock.at += 3600
    core.execute(Command("session/finish"))
    core.execute(Command("action/add", {"what": "Mentoren bellen elke ouder één keer per periode, ook als het goed gaat",
                                        "owner": "mentoren", "due": "2026-12-18"}))  # fmt: skip
    core.execute(Command("action/add", {"what": "Eén bericht per week met wat echt belangrijk is",
                                        "owner": "teamleider onderbouw", "due": "2026-11-30"}))  # fmt: skip
    core.execute(Command("action/add", {"what": "Een ouderpanel dat twee keer per jaar meedenkt",
                                        "owner": "directie", "due": "2027-01-15"}))  # fmt: skip
    points = [p.id for p in core.state.key_points]
    first, second, panel = core.state.actions
    core.execute(
        Command("action/link", {"id": first, "key_points": points[:2], "contributions": ["a1", "a3"]})
    )
    core.execute(
        Command("action/link", {"id": second, "key_points": points[2:], "contributions": ["a5", "a6"]})
    )
    core.execute(Command("action/link", {"id": panel, "questions": ["q1"]}))
    # The facilitator renders the Turkish and the Arabic answer for the Dutch and the English letter; the Polish
    # one stays out of them (it would point to one family in a small school)
    renderings = {
        "a3": {"nl": "Het is moeilijk om een afspraak met de leraar te maken.",
               "en": "It is hard to get an appointment with the teacher."},
        "a4": {"nl": "Ik wil weten hoe mijn kind vooruitgaat, vóór het rapport.",
               "en": "I want to know how my child is doing before the report."},
    }  # fmt: skip
    for item, texts in renderings.items():
        for lang, text in texts.items():
            core.execute(Command("rendering/set", {"id": item, "lang": lang, "text": text}))
    return core


def example_letters(data: Path, agenda: Agenda) -> Iterator[tuple[str, str]]:
    from kiosk.agenda.details import logo_data_uri
    from kiosk.report.letter import build_letter
    from kiosk.report.letter_html import render_letter_html

    core = example_core(data, agenda)
    logo = logo_data_uri(agenda.logo_file())
    written = EVENING + 14 * 86400
    for lang in languages():
        letter = build_letter(
            core.state, evening_at=EVENING, written_at=written, lang=lang, logo=logo, tz=UTC
        )
        yield f"brief-{lang}", render_letter_html(letter, UTC)


def example_record(data: Path, agenda: Agenda) -> Iterator[tuple[str, str]]:
    from kiosk.report.aftercare import build_report
    from kiosk.report.render_html import render_html

    core = example_core(data / "record", agenda)
    for lang in ("nl", "en"):
        report = build_report(core.state, created_at=EVENING, lang=lang)
        yield f"verslag-{lang}", render_html(report, UTC)
