"""A whole evening in a real 80x24 terminal: `kiosk run` in tmux, phones over websockets, the facilitator's keys.

What the facilitator must be able to trust, read from the captured screens: what waits is counted on every screen,
auto-approve and the name check are in sight, Enter on a dialog does nothing that cannot be undone, the palette runs
only the line that was visibly chosen, Esc lets go of a field, a table host's QR code scans off the screen, and
`--lang en` shows none of the Dutch the agenda has in English.
"""

from __future__ import annotations

import asyncio
import re
import shlex
import sqlite3
import sys
import urllib.request
from pathlib import Path

from kiosk.agenda.parser import load_agenda
from kiosk.resources import default_agenda_path
from tests.hub.hubclient import open_peer

from .terminal import Terminal, screen_picture

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = [
    "Meer contact met de mentor, niet alleen als er iets mis is",
    "De app van school is onoverzichtelijk",
    "Ik hoor pas iets als het misgaat",
    "Fijn dat we hier samen over praten",
    "De ouderavonden zijn te kort",
    "Graag een vaste contactpersoon",
    "Berichten komen te laat",
    "Meneer Jansen belt nooit terug",  # a name: held, even with auto-approve
]


def start_kiosk(terminal: Terminal, data: Path, *options: str) -> tuple[int, str]:
    """`kiosk run` at 80x24; the hub's port and the room code, read off the run screen."""
    command = (
        f"cd {shlex.quote(str(ROOT))} && {shlex.quote(sys.executable)} -m kiosk run "
        f"--data-dir {shlex.quote(str(data))} --host 127.0.0.1 --port 0 --name-check rules {' '.join(options)}"
    )
    terminal.start(command, 80, 24)
    shown = terminal.wait_for("join?room=")
    while not first_line(shown).strip():  # the status strip draws itself a frame later
        shown = terminal.settle(0.05)
    found = re.search(r"http://127\.0\.0\.1:(\d+)/join\?room=(\w+)", shown)
    assert found is not None, shown
    return int(found[1]), found[2]


def events(data: Path, type_: str) -> int:
    with sqlite3.connect(f"file:{data / 'kiosk.sqlite3'}?mode=ro", uri=True) as db:
        (count,) = db.execute("SELECT count(*) FROM events WHERE type = ?", (type_,)).fetchone()
    return int(count)


async def phones_answer(port: int, room: str, answers: list[str], first: int = 0) -> None:
    """Each answer from its own phone (parents and staff taking turns), acknowledged once stored."""
    for n, text in enumerate(answers, start=first):
        hello = {"role": "phone", "room": room, "device": f"phone-{n:04d}-tmux", "lang": "nl"}
        phone = await open_peer(port, hello)
        await phone.next("hello/ok")
        await phone.command("device/join", ref="j", role="parent" if n % 3 else "staff")
        ack = await phone.command("contribution/add", ref="a", id=f"c-tmux-{n}", text=text)
        assert ack["type"] == "ack", ack
        await phone.close()


def first_line(shown: str) -> str:
    return shown.splitlines()[0]


def fits(shown: str) -> None:
    lines = shown.splitlines()
    assert len(lines) <= 24 and all(len(line.rstrip()) <= 80 for line in lines), shown


def test_a_whole_evening_at_80x24_keeps_what_waits_in_sight_and_no_key_surprises(
    terminal: Terminal, tmp_path: Path
) -> None:
    import zxingcpp

    data = tmp_path / "data"
    port, room = start_kiosk(terminal, data)
    shown = terminal.screen()
    fits(shown)
    assert "Niets wacht" in first_line(shown) and "goedkeuren: uit" in first_line(shown)
    assert "naamcontrole: uit (eigen regels)" in first_line(shown)  # the name check's state, in sight

    # The dialogue: eight phones answer, one names a teacher.
    terminal.press("n", "n", "n")
    terminal.wait_for("Leiding: ouders")
    terminal.press("Space")
    terminal.wait_for("loopt")
    asyncio.run(phones_answer(port, room, ANSWERS))
    shown = terminal.wait_for("8 antw. (1 vast)")
    assert "w →" in first_line(shown)
    fits(shown)

    # Auto-approve, switched on the feed, shows on every screen; off again.
    terminal.press("2", "o")
    terminal.wait_for("auto: AAN")
    for screen in ("1", "3", "4", "5"):
        terminal.press(screen)
        assert "auto: AAN" in first_line(terminal.settle(0.4)), screen
    terminal.press("2", "o")
    terminal.wait_for("auto: uit")

    # Enter on "approve the held answer unchanged?" keeps the name off the wall.
    terminal.press("f", "f")  # the feed's filter: held
    terminal.wait_for("vastgehouden (1)")
    terminal.press("a")
    terminal.wait_for("Ongewijzigd goedkeuren?")
    terminal.press("Enter")
    shown = terminal.wait_for("8 antw. (1 vast)", gone="Ongewijzigd goedkeuren?")
    assert events(data, "contribution/approve") == 0

    # The palette runs only what was visibly chosen: "vergro" makes the list big, it opens no question.
    opened = events(data, "prompt/open")
    terminal.press("C-p")
    terminal.wait_for("Zoek een opdracht")
    terminal.type("vergro")
    terminal.wait_for("Vergroten")
    terminal.press("Enter")
    terminal.settle()
    terminal.press("Escape")
    assert events(data, "prompt/open") == opened

    # r redacts the held one; w and a go through the rest, the cursor moving on to the next that waits.
    terminal.press("r")
    terminal.wait_for("7 antw.", gone="vast)")
    terminal.press("f", "f", "f", "f")  # back to all
    terminal.press("w")
    for left in range(6, -1, -1):
        terminal.press("a")
        terminal.wait_for(f"{left} antw." if left else "Niets wacht")
    assert events(data, "contribution/approve") + events(data, "contribution/redact") == 8

    # Closing with an answer waiting says so; Enter closes nothing.
    asyncio.run(phones_answer(port, room, ["Nog een laatste gedachte"], first=20))
    terminal.wait_for("1 antw.")
    terminal.press("C-e")
    shown = terminal.wait_for("De avond afsluiten?")
    assert "Er wacht nog: 1 antwoord" in " ".join(shown.split())
    terminal.press("Enter")
    terminal.wait_for("1 antw.", gone="De avond afsluiten?")
    assert events(data, "session/finish") == 0

    # The theme tables: divide the room from the palette, then each host's link full screen.
    terminal.press("1", "n", "n", "n")  # summary, break, theme tables
    terminal.wait_for("Thematafels")
    terminal.press("C-p")
    terminal.wait_for("Zoek een opdracht")
    terminal.type("tafels indelen")
    terminal.wait_for("Verdeel de aangemelde telefoons")
    terminal.press("Enter")
    terminal.wait_for("Hoeveel tafels")
    terminal.press("Enter")
    terminal.wait_for("t tafelcodes")  # in the key bar once the room is divided
    terminal.press("t")
    shown = terminal.wait_for("Tafel 1 van")
    fits(shown)
    link = re.search(r"http://127\.0\.0\.1:\d+/host\?token=[\w-]+", shown)
    assert link is not None, shown
    picture = screen_picture(terminal.colours())
    picture.save(tmp_path / "table-1.png")
    codes = zxingcpp.read_barcodes(picture)
    assert [code.text for code in codes] == [link[0]], f"see {tmp_path / 'table-1.png'}"
    with urllib.request.urlopen(link[0], timeout=10) as page:  # the host's page opens from that code
        assert page.status == 200
    terminal.press("Right")
    terminal.wait_for("Tafel 2 van")
    terminal.press("Escape")

    # The presentations on plain arrows.
    terminal.press("n")
    terminal.wait_for("presentatie verder/terug")
    terminal.press("Right")
    terminal.wait_for("presenteert nu")
    assert events(data, "presentation/start") == 1

    # The summary: Esc leaves the key point's field, and 1 switches screens again instead of typing.
    terminal.press("4", "Tab", "Tab")
    terminal.wait_for("esc veld uit")
    terminal.type("Vaker contact met de mentor")
    terminal.press("Enter", "Escape", "1")
    terminal.wait_for("Agenda")
    terminal.press("4")
    shown = terminal.wait_for("1. Vaker contact met de mentor")
    assert "mentor1" not in shown

    # Closing for real takes its own key; quitting too.
    terminal.press("C-e")
    terminal.wait_for("De avond afsluiten?")
    terminal.press("j")
    terminal.wait_for("afgesloten")
    assert events(data, "session/finish") == 1
    terminal.press("q")
    terminal.wait_for("De kiosk sluiten?")
    terminal.press("Enter")
    terminal.settle(0.3)
    assert terminal.alive()
    terminal.press("q")
    terminal.wait_for("De kiosk sluiten?")
    terminal.press("j")
    terminal.wait_closed()
    assert not terminal.alive()


def test_lang_en_shows_none_of_the_dutch_the_agenda_has_in_english(
    terminal: Terminal, tmp_path: Path
) -> None:
    agenda = load_agenda(default_agenda_path())
    start_kiosk(terminal, tmp_path / "data", "--lang", "en")
    for block in agenda.blocks:
        shown = " ".join(terminal.wait_for(block.title_in("en")).split())
        fits(terminal.screen())
        dutch = [block.title, block.lead, *block.points, *block.notes.split("\n\n")]
        english = [block.title_in("en"), block.lead_in("en"), *block.points_in("en"), block.notes_in("en")]
        for said in dutch:
            words = " ".join(said.split()[:5])
            if said and said not in english:
                assert words not in shown, (block.title, said)
        terminal.press("n")
        terminal.settle(0.3)
    terminal.press("4")
    shown = terminal.wait_for("Closing")
    assert "Een goede samenwerking" not in shown
    terminal.press("q")
    terminal.wait_for("Close the kiosk?")
    terminal.press("y")
    terminal.wait_closed()
