"""The poster and the Wi-Fi code over a real hub: only for the projector's and remote's links, never cached,
never stored; the Wi-Fi string follows the WIFI: format with its escapes."""

from __future__ import annotations

import html
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from test_pages import fetch

from kiosk.catalog import catalog, languages
from kiosk.core.session import SessionCore
from kiosk.hub.server import Hub
from kiosk.prepare.qr import Wifi, WifiProblem, parse_wifi

NAME, PASSWORD = 'Gast;net:1 "school"', r"p@ss,wo:rd\x"


@pytest.fixture
async def wifi_hub(evening: SessionCore) -> AsyncIterator[Hub]:
    server = Hub(evening, host="127.0.0.1", port=0, wifi=Wifi(NAME, PASSWORD))
    await server.start()
    yield server
    await server.stop()


def token_of(hub: Hub) -> str:
    return hub.urls.display.split("token=", 1)[1]


async def test_the_poster_answers_the_projectors_link_with_both_codes(wifi_hub: Hub) -> None:
    status, headers, body = await fetch(wifi_hub, f"/poster?token={token_of(wifi_hub)}")
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-store"
    assert "default-src 'none'" in page and "<script" not in page
    assert wifi_hub.info.room_code in page
    # the address to type when a phone has no camera: the hub's root, where the phone page asks for the code
    assert wifi_hub.urls.join.split("://")[1].split("/join")[0] + "</bdi> en typ deze code:" in page
    assert page.count('<svg class="qr"') == 2
    assert "Gast;net:1 &quot;school&quot;" in page  # the name as text, escaped
    remote = wifi_hub.urls.remote.split("token=", 1)[1]
    assert (await fetch(wifi_hub, f"/poster?token={remote}"))[0] == 200


@pytest.mark.parametrize("lang", languages())
async def test_the_poster_comes_in_every_page_language_with_a_line_in_each_other(
    wifi_hub: Hub, lang: str
) -> None:
    status, _, body = await fetch(wifi_hub, f"/poster?token={token_of(wifi_hub)}&lang={lang}")
    page = body.decode("utf-8")
    assert status == 200 and f'<html lang="{lang}" dir="{catalog(lang).dir}">' in page
    assert f"<h1>{html.escape(catalog(lang)('poster.title'))}</h1>" in page
    for other in languages():  # every language the pages speak says what the codes are for
        assert html.escape(catalog(other)("poster.title")) in page, other
    assert page.count('<svg class="qr"') == 2


async def test_a_poster_in_a_language_the_pages_do_not_speak_is_the_kiosks(wifi_hub: Hub) -> None:
    status, _, body = await fetch(wifi_hub, f"/poster?token={token_of(wifi_hub)}&lang=xx")
    assert status == 200 and b'<html lang="nl" dir="ltr">' in body


@pytest.mark.parametrize("path", ["/poster", "/poster?token=nope", "/wifi.svg?token=", "/wifi.json?room=X"])
async def test_the_poster_and_wifi_code_refuse_a_wrong_link(wifi_hub: Hub, path: str) -> None:
    status, _, body = await fetch(wifi_hub, path)
    assert (
        status == 403 and b"niet geldig" in body and PASSWORD.encode() not in body
    )  # the kiosk speaks Dutch


async def test_the_projector_gets_the_network_name_and_its_code(wifi_hub: Hub) -> None:
    token = token_of(wifi_hub)
    status, _, body = await fetch(wifi_hub, f"/wifi.json?token={token}")
    assert status == 200 and json.loads(body) == {"name": NAME}
    status, headers, svg = await fetch(wifi_hub, f"/wifi.svg?token={token}")
    assert status == 200 and headers["content-type"] == "image/svg+xml" and svg.startswith(b"<svg")


async def test_without_wifi_the_poster_has_one_code_and_wifi_is_not_found(hub: Hub) -> None:
    token = token_of(hub)
    status, _, body = await fetch(hub, f"/poster?token={token}")
    assert status == 200 and body.count(b'<svg class="qr"') == 1
    status, _, body = await fetch(hub, f"/wifi.json?token={token}")
    assert status == 404 and b"--wifi" in body


async def test_the_password_is_never_stored_or_logged(
    wifi_hub: Hub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for path in ("/poster", "/wifi.svg", "/wifi.json"):
        await fetch(wifi_hub, f"{path}?token={token_of(wifi_hub)}")
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir() if p.is_file())
    assert PASSWORD.encode() not in stored and b"p@ss" not in stored
    assert "p@ss" not in caplog.text and "p@ss" not in repr(wifi_hub.wifi)


@pytest.mark.parametrize(
    ("given", "payload"),
    [
        ("School-gast:geheim123", "WIFI:S:School-gast;T:WPA;P:geheim123;;"),
        (r"Gast\:net:pass:word;1", r"WIFI:S:Gast\:net;T:WPA;P:pass\:word\;1;;"),
        ('Net,"A":back\\slash12', r"WIFI:S:Net\,\"A\";T:WPA;P:back\\slash12;;"),
        ("Open-net", "WIFI:S:Open-net;T:nopass;;"),
    ],
)
def test_the_wifi_string_follows_the_format_with_its_escapes(given: str, payload: str) -> None:
    assert parse_wifi(given).payload == payload


@pytest.mark.parametrize(
    ("given", "fragment"),
    [(":geheim123", "needs the network's name"), ("Net:kort", "8 to 63 characters"), ("x" * 33, "32 bytes")],
)
def test_a_wifi_value_that_no_phone_could_use_is_refused(given: str, fragment: str) -> None:
    with pytest.raises(WifiProblem, match=fragment):
        parse_wifi(given)


@pytest.mark.parametrize("command", ["serve", "run"])
def test_a_bad_wifi_value_stops_before_the_evening_with_a_sentence(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.cli import main

    with pytest.raises(SystemExit) as stopped:
        main([command, "--data-dir", str(tmp_path), "--wifi", "Net:kort"])
    assert stopped.value.code == 2
    assert "a WPA password has 8 to 63 characters; the one given has 4" in capsys.readouterr().err
    monkeypatch.setenv(
        "KIOSK_WIFI", ":geheim123"
    )  # the same check for the value kept out of the shell history
    with pytest.raises(SystemExit):
        main([command, "--data-dir", str(tmp_path)])
    assert "needs the network's name" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())  # no evening was started
