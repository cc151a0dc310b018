"""`kiosk export` beside a running `kiosk serve`: the letter is written and remembered through the running
kiosk, and the evening goes on storing; a program that writes beside the hub anyway is taken in, not fought."""

from __future__ import annotations

import asyncio
from pathlib import Path

from kiosk.bench.hostile import HONEST, export_while_serving, join_as_phone, remote_in_dialogue, serve_kiosk
from kiosk.bench.hostile_client import outcome
from kiosk.commands.common import parse_stored_agenda
from kiosk.core.events import Command
from kiosk.core.session import resume_session
from kiosk.core.store import open_event_log


async def test_a_letter_exported_while_the_hub_holds_the_evening_then_a_phone_and_the_remote_are_stored(
    tmp_path: Path,
) -> None:
    figures = await export_while_serving(tmp_path)
    print(f"\n{figures}")
    assert figures["exports"] == "md: exit 0, pdf: exit 0"
    assert figures["md file mode"] == figures["pdf file mode"] == "0o600"
    assert "heeft onthouden dat deze brief verstuurd is" in figures["md export said"]
    for key in (
        "answer after export",
        "remote command after export",
        "answer 5 s later",
        "remote command 5 s later",
    ):
        assert figures[key] == "ack", key
    assert figures["letters remembered"] == 1
    assert any("Took in" in line for line in figures["hub said"])


async def test_a_hub_that_another_program_wrote_beside_recovers_by_itself_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    server = await serve_kiosk(folder, None)
    try:
        await remote_in_dialogue(server.urls)
        phone = await join_as_phone(server.urls, "answering-phone-01", HONEST)
        assert outcome(await phone.command("contribution/add", id="c-0", text="Goed")) == "ack"
        log = open_event_log(folder)  # an older kiosk, which knows nothing of holds, writes the evening
        try:
            beside = resume_session(log, log.sessions()[0], parse_stored_agenda)
            beside.execute(Command("action/add", {"what": "Ouders terugbellen"}))
        finally:
            log.close()
        assert outcome(await phone.command("contribution/add", id="c-1", text="Fijn")) == "ack"
        assert outcome(await phone.command("contribution/add", id="c-2", text="Dank")) == "ack"
        await asyncio.sleep(0.2)
    finally:
        await server.stop()
    said = (folder / "stderr.txt").read_text()
    assert said.count("Another program wrote 1 change(s) to this evening") == 1
    assert "Storing failed" not in said
