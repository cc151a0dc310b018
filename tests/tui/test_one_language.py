"""One language at a time: every screen, dialog and the palette in Dutch holds no English, and no Dutch in English.

The walk visits what a facilitator sees in an evening (the four screens, their help, the palette with and without
matches, every dialog, a refusal, the closing) and collects the text on the terminal plus the cells and options of
lists. It then looks for Textual's own English and for the other language's catalog.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from kiosk.agenda.parser import load_agenda
from kiosk.commands.run import _offer, hub_starter
from kiosk.core.events import Actor, Command
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import EventLog
from kiosk.resources import agendas_dir, default_agenda_path
from kiosk.tui.app import KioskApp
from kiosk.tui.i18n import app_strings
from kiosk.tui.palette_entries import palette_entries

from .conftest import SteppedClock, screen_text

# What Textual itself would show, in English, if the kiosk let it.
TEXTUAL_ENGLISH = [
    "Search for commands",
    "No matches found",
    "Keys",
    "Maximize",
    "Minimize",
    "Screenshot",
    "Theme",
    "Quit the application",
    "Do you want to quit",
    "Press q",
    "to quit the app",
    "palette",
    "Change the current",
    "Show help for the focused widget",
    "Exit the command palette",
    "Focus Next",
    "Select",
]
ANSWERS = {
    "nl": [
        "Meer contact met de mentor",
        "De app van school is onoverzichtelijk",
        "Meneer Bakker belt nooit terug",
    ],
    "en": ["More contact with the mentor", "The school app is confusing", "Mr Baker never calls back"],
}
QUESTIONS = {"nl": "Komt er een ouderraad?", "en": "Will there be a parents' council?"}
AGENDAS = {"nl": default_agenda_path(), "en": agendas_dir() / "parent-partnership.en.md"}
# What each stop of the walk must show (a catalog key): proof that the walk reached it.
STOPS = {
    "run": "run.questions_keys",
    "run help": "help.everywhere",
    "palette": "palette.placeholder",
    "palette search": "palette.jump_help",
    "palette without matches": "palette.no_matches",
    "feed": "feed.question",
    "feed help": "help.this_screen",
    "paper dialog": "paper.title",
    "tag dialog": "feed.tag_question",
    "merge dialog": "feed.merge_question",
    "edit dialog": "feed.edit_question",
    "join": "join.scan",
    "join help": "help.lists",
    "summary": "summary.heard",
    "summary help": "key.add_point",
    "questions": "questions.col.text",
    "questions help": "tip.q_later",
    "question edit dialog": "questions.edit_question",
    "quit question": "quit.question",
    "ctrl+c": "quit.question",
    "tables count": "tables.count_question",
    "run during the tables": "run.table_codes_key",
    "move a person": "tables.move_who",
    "change a theme": "tables.pick_table",
    "a table's point": "tables.pick_table",
    "a refusal": "error.first_block",
    "closing question": "finish.question",
    "closed": "run.finished",
    "closed help": "help.close",
}


def phrases_only_in(mine: dict[str, str], other: dict[str, str]) -> set[str]:
    """Pieces of the catalog `mine` (between blanks and punctuation) that the catalog `other` never uses."""
    others = " ".join(other.values()).lower()
    pieces: set[str] = set()
    for key, text in mine.items():
        if other.get(key) == text:
            continue
        for piece in re.split(r"\{[^}]*\}|[:;,.()?!“”‘’·…\[\]/]|\s-\s", text):
            piece = piece.strip()
            words = re.findall(r"[^\W\d_]{2,}", piece)
            if len(piece) >= 6 and (len(words) >= 2 or len(piece) >= 8) and piece.lower() not in others:
                pieces.add(piece)
    return pieces


def seen_text(app: KioskApp) -> str:
    """What the terminal shows, plus every cell and option of the lists on the screen in front."""
    parts = [screen_text(app)]
    for table in app.screen.query(DataTable):
        parts += [str(column.label) for column in table.columns.values()]
        parts += [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
    for options in app.screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return re.sub(r"[\s│╭╮╰╯─▔▁▊▎█▀▄]+", " ", "\n".join(parts))


def evening(log: EventLog, lang: str) -> tuple[SessionCore, SteppedClock]:
    """The dialogue under way: nine phones, three answers (one held for a name), recognising on."""
    clock = SteppedClock()
    core = start_session(log, load_agenda(AGENDAS[lang]), clock)
    for n in range(9):
        core.execute(
            Command(
                "device/join",
                {"role": "parent" if n < 6 else "staff"},
                Actor("phone", device=f"phone-walk-{n:04d}"),
            )
        )
    core.execute(Command("block/jump", {"index": 3}))
    core.execute(Command("block/start"))
    for n, text in enumerate(ANSWERS[lang]):
        core.execute(
            Command(
                "contribution/add",
                {"id": f"c-{n}", "text": text},
                Actor("phone", device=f"phone-walk-{n:04d}"),
            )
        )
    core.execute(Command("contribution/approve", {"id": "c-0"}))
    core.execute(
        Command(
            "question/add", {"id": "q-0", "text": QUESTIONS[lang]}, Actor("phone", device="phone-walk-0004")
        )
    )
    core.execute(Command("prompt/recognition", {"open": True}))
    clock.advance(10 * 60)
    return core, clock


async def walk(app: KioskApp, pilot: Pilot[Any]) -> list[tuple[str, str]]:
    """Every stop of the walk as (where, text seen)."""
    seen: list[tuple[str, str]] = []

    async def look(where: str, *keys: str, wait: float = 0.0) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if wait:
            await pilot.pause(wait)
        await pilot.pause()
        seen.append((where, seen_text(app)))

    async def palette_step(title_key: str, where: str) -> None:
        entries = {title: action for title, _, action in palette_entries(app)}
        entries[app.t(title_key)]()
        await look(where)
        await pilot.press("escape")
        await pilot.pause()

    await look("run")
    await look("run help", "question_mark")
    await look("palette", "escape", "ctrl+p", wait=0.3)
    await look("palette search", *("blok" if app.lang == "nl" else "block"), wait=0.3)
    await look("palette without matches", *"zzqx", wait=0.8)
    await look("feed", "escape", "2")
    await look("feed help", "question_mark")
    await look("paper dialog", "escape", "i")
    await look("tag dialog", "escape", "t")
    await look("merge dialog", "escape", "m")
    await look("edit dialog", "escape", "e")
    await look("join", "escape", "3")
    await look("join help", "question_mark")
    await look("summary", "escape", "4")
    await look("summary help", "question_mark")
    await look("questions", "escape", "5")
    await look("questions help", "question_mark")
    await look("question edit dialog", "escape", "e")
    await look("quit question", "escape", "escape", "q")
    await look("ctrl+c", "n", "ctrl+c")
    await look("run", "escape", "1")
    await palette_step("palette.tables_assign", "tables count")
    app.steer("tables/assign", count=2)
    app.steer("block/jump", index=next(b.index for b in app.state.agenda.blocks if b.kind == "tables"))
    await look("run during the tables")
    await palette_step("palette.tables_move", "move a person")
    await palette_step("palette.tables_theme", "change a theme")
    await palette_step("palette.tables_point", "a table's point")
    app.steer("block/jump", index=0)
    await look("a refusal", "p")
    await look("closing question", "ctrl+e")
    await look("closed", "y", wait=0.1)
    await look("closed help", "question_mark")
    return seen


@pytest.mark.parametrize(("lang", "other"), [("nl", "en"), ("en", "nl")])
async def test_every_screen_dialog_and_the_palette_speak_one_language(
    lang: str, other: str, tmp_path: Path
) -> None:
    from kiosk.core.store import open_event_log

    log = open_event_log(tmp_path / "data")
    core, _ = evening(log, lang)
    mine, theirs = app_strings(lang), app_strings(other)
    foreign = phrases_only_in(theirs, mine)
    assert len(foreign) > 100  # the catalog is searched, not a handful of words
    if lang == "nl":
        foreign |= set(TEXTUAL_ENGLISH)
    app = KioskApp(core, lang=lang, hub=hub_starter(host="127.0.0.1", port=0))
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await pilot.pause()
        seen = await walk(app, pilot)
    assert len(seen) == 30
    for where, text in seen:
        if where in STOPS:
            assert " ".join(app.t(STOPS[where]).split()) in text, where
    found = [
        (where, phrase)
        for where, text in seen
        for phrase in foreign
        if re.search(rf"(?<![^\W\d_]){re.escape(phrase)}(?![^\W\d_])", text)
    ]
    assert not found
    own = phrases_only_in(mine, theirs)
    assert (
        sum(phrase in text for _, text in seen for phrase in own) > 50
    )  # the walk did see the kiosk's own words
    log.close()


async def test_the_resume_question_and_its_answers_speak_the_kiosks_language(tmp_path: Path) -> None:
    from kiosk.core.store import open_event_log

    log = open_event_log(tmp_path / "data")
    agenda = load_agenda(default_agenda_path())
    core = start_session(log, agenda, SteppedClock())
    core.execute(Command("contribution/add", {"id": "p-1", "text": "Van papier", "source": "paper"}))
    info = log.latest_unfinished()
    assert info is not None
    for lang, words, foreign in [
        ("nl", ["1 bijdrage)", "Verdergaan?", "Ja, verdergaan"], ["Resume", "Yes"]),
        ("en", ["1 contribution)", "Resume it?", "Yes, resume"], ["Verdergaan", "Ja"]),
    ]:
        app = KioskApp(lang=lang, offer=_offer(lang, info, log, agenda))
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            text = seen_text(app)
            assert all(word in text for word in words), text
            assert not any(re.search(rf"\b{word}\b", text) for word in foreign)
            await pilot.press("escape")
    log.close()
