"""The pages, the QR code and the Origin check, over real HTTP."""

from __future__ import annotations

import asyncio
import http.client
import json
import re
from pathlib import Path

import pytest
from hubclient import open_peer
from websockets.datastructures import Headers
from websockets.exceptions import InvalidStatus
from websockets.http11 import Request

from kiosk.catalog import PAGE_NAMESPACES
from kiosk.hub.i18n import Messages
from kiosk.hub.pages import Pages, static_file
from kiosk.hub.server import Hub
from kiosk.resources import web_dir


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


async def fetch(hub: Hub, path: str) -> tuple[int, dict[str, str], bytes]:
    # The server runs in this test's loop: the blocking client must run beside it.
    return await asyncio.to_thread(get, hub.port, path)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "phone.html"),
        ("/join?room=ABCDE", "phone.html"),
        ("/display?token=x", "display.html"),
        ("/remote", "remote.html"),
        ("/host", "host.html"),
    ],
)
async def test_pages_come_with_a_strict_security_policy(hub: Hub, path: str, name: str) -> None:
    status, headers, body = await fetch(hub, path)
    assert status == 200
    title = re.search(rb"<title[^>]*>[^<]*</title>", (web_dir() / name).read_bytes())
    assert title is not None and title[0] in body  # the page, put together in one answer (page_bundle)
    assert headers["content-type"] == "text/html; charset=utf-8"
    policy = headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-cache" and headers["etag"]


async def test_static_files_have_their_content_type(hub: Hub) -> None:
    css = await fetch(hub, "/static/css/base.css")
    assert css[0] == 200 and css[1]["content-type"] == "text/css; charset=utf-8"
    strings = await fetch(hub, "/static/i18n/nl.json")
    assert strings[0] == 200 and strings[1]["content-type"] == "application/json"


def keys_the_pages_use() -> tuple[set[str], set[str]]:
    """Literal keys in the pages' HTML and scripts, and the namespaces of keys they build (`error.${code}`)."""
    root = web_dir()
    source = "\n".join(p.read_text(encoding="utf-8") for p in [*root.glob("*.html"), *root.glob("js/*.js")])
    literal = set(re.findall(r'data-i18n="([\w.]+)"', source))
    literal |= {
        key
        for pairs in re.findall(r'data-i18n-attr="([^"]+)"', source)
        for key in re.findall(r":([\w.]+)", pairs)
    }
    literal |= set(re.findall(r'\b(?:t|has)\(\s*"([a-z_]+\.[\w.]+)"', source))
    built = set(re.findall(r"\b(?:t|has)\(\s*`([a-z_]+)\.\$\{", source))
    return literal, built


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
async def test_a_page_gets_only_the_pages_part_of_the_catalog(hub: Hub, lang: str) -> None:
    """The catalog holds the app's, the CLI's and the report's texts too: they stay on the laptop."""
    status, _, body = await fetch(hub, f"/static/i18n/{lang}.json")
    assert status == 200
    served = json.loads(body)
    whole = json.loads((web_dir() / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    assert served == {
        k: v for k, v in whole.items() if k in ("_fallback", "_name") or k.split(".")[0] in PAGE_NAMESPACES
    }
    assert not any(k.startswith(("app.", "cli.", "report.", "letter.", "agenda.")) for k in served)
    if lang == "nl":
        literal, built = keys_the_pages_use()
        assert len(literal) > 100 and literal <= set(served), sorted(literal - set(served))
        assert built and built <= PAGE_NAMESPACES
        assert len(body) < len(json.dumps(whole, ensure_ascii=False).encode()) / 3


@pytest.mark.parametrize(
    "path",
    [
        "/static/../kiosk/cli.py",
        "/static/%2e%2e/pyproject.toml",
        "/static/css/../../README.md",
        "/static/.hidden",
        "/static//etc/passwd",
        "/nothing-here",
    ],
)
async def test_paths_outside_the_pages_are_not_found(hub: Hub, path: str) -> None:
    status, headers, body = await fetch(hub, path)
    assert status == 404
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert body.decode().endswith(".")


async def test_qr_code_carries_the_join_address(hub: Hub) -> None:
    status, headers, body = await fetch(hub, "/qr.svg")
    assert status == 200 and headers["content-type"] == "image/svg+xml"
    assert body.lstrip().startswith(b"<?xml") and b"<svg" in body


async def test_a_page_from_another_site_cannot_open_the_websocket(hub: Hub) -> None:
    with pytest.raises(InvalidStatus) as refused:
        await open_peer(hub.port, None, origin="http://evil.example")  # type: ignore[arg-type]
    assert refused.value.response.status_code == 403
    same = await open_peer(hub.port, None, origin=f"http://127.0.0.1:{hub.port}")  # type: ignore[arg-type]
    await same.close()


def test_missing_page_file_is_a_404_with_a_sentence(tmp_path: Path) -> None:
    pages = Pages(tmp_path, "http://192.168.1.20:8765/join?room=ABCDE", None)
    response = pages.answer(Request("/display", Headers()))
    assert response is not None and response.status_code == 404
    assert response.body == b"Het bestand display.html ontbreekt in de pagina's van deze kiosk."
    english = pages.answer(Request("/display", Headers([("Accept-Language", "en-GB,en;q=0.9")])))
    assert (
        english is not None and english.body == b"The file display.html is missing from this kiosk's pages."
    )
    other = pages.answer(
        Request("/display", Headers([("Accept-Language", "de-DE")]))
    )  # not the kiosk's: Dutch
    assert other is not None and other.body.startswith(b"Het bestand")


def test_static_file_stays_inside_the_pages_folder(tmp_path: Path) -> None:
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("body{}")
    (tmp_path.parent / "secret.txt").write_text("no")
    assert static_file(tmp_path, "css/a.css") == (tmp_path / "css" / "a.css").resolve()
    assert static_file(tmp_path, "../secret.txt") is None
    assert static_file(tmp_path, "css/%2E%2E/%2E%2E/secret.txt") is None


def test_messages_fall_back_to_english_and_fill_placeholders(tmp_path: Path) -> None:
    (tmp_path / "nl.json").write_text('{"error.too_long": "Maximaal {max} tekens ({field})", "x": 1}')
    (tmp_path / "ar.json").write_text("{not json")
    messages = Messages(tmp_path, "nl")
    assert messages.error("too_long", "nl", "at most 500", {"max": 500}) == "Maximaal 500 tekens ({field})"
    assert messages.error("too_long", "en", "at most 500", {"max": 500}) == "at most 500"
    assert messages.error("empty", "ar", "write something first") == "write something first"
    assert messages.lang("ar") == "ar" and messages.lang("de") == "nl" and messages.lang(None) == "nl"
