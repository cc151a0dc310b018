"""The join screen on the evening: the Wi-Fi's name, the poster's link, and `a` saves the A4 poster to print."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from kiosk.commands.run import hub_starter
from kiosk.core.session import SessionCore
from kiosk.prepare.qr import Wifi
from kiosk.tui.app import KioskApp

from .conftest import SIZE, shown


async def test_the_poster_key_saves_the_poster_with_both_codes(
    core: SessionCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    wifi = Wifi("School-gast", "geheim-wachtwoord")
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0, wifi=wifi))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = shown(app.screen.query_one("#join-text", Static))
        assert "Wifi (QR-code op de poster en de beamer): School-gast" in text
        assert (
            "/poster?token=" in text and "geheim-wachtwoord" not in text
        )  # the password stays off the screen
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        room = core.info.room_code  # type: ignore[union-attr]
        poster = tmp_path / f"poster-{room}.html"
        assert poster.exists()
        page = poster.read_text(encoding="utf-8")
        assert room in page and page.count('<svg class="qr"') == 2 and "School-gast" in page
        assert any("Poster opgeslagen" in str(n.message) for n in app._notifications)


async def test_run_with_a_poster_file_writes_it_when_the_hub_is_up(core: SessionCore, tmp_path: Path) -> None:
    target = tmp_path / "deur.html"
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0), poster=target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.hub is not None and app.hub.info.room_code in target.read_text(encoding="utf-8")


async def test_a_poster_that_cannot_be_written_is_a_notification_not_a_crash(
    core: SessionCore, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "poster.html"
    app = KioskApp(core, hub=hub_starter(host="127.0.0.1", port=0), poster=target)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("niet opgeslagen" in str(n.message) for n in app._notifications)
        assert app.return_code is None
