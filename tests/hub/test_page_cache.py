"""A light first load over the hall's Wi-Fi: each page in one gzipped answer, kept by the browser and asked
about again with its ETag, catalogs asked for by their hash kept for good; over real HTTP."""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import http.client
import json
import re
import shutil
from pathlib import Path

import pytest
from websockets.datastructures import Headers
from websockets.http11 import Request

from kiosk.hub.page_bundle import catalog_bytes, digest
from kiosk.hub.pages import Pages
from kiosk.hub.server import Hub
from kiosk.resources import web_dir

GZIP = {"Accept-Encoding": "gzip, deflate"}


def get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


async def fetch(
    hub: Hub, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    return await asyncio.to_thread(get, hub.port, path, headers or {})


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("path", ["/join?room=ABCDE", "/display", "/remote", "/host"])
async def test_a_page_is_one_answer_whose_inline_parts_the_policy_allows_by_hash(hub: Hub, path: str) -> None:
    status, headers, body = await fetch(hub, path)
    assert status == 200
    page = body.decode()
    assert 'src="/static/' not in page and 'rel="stylesheet"' not in page  # nothing more to ask for
    early = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)  # opens the socket while the rest loads
    scripts = re.findall(r'<script type="module">(.*?)</script>', page, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(early) == 1 and "new WebSocket" in early[0] and len(scripts) == 1 and styles
    assert page.index(early[0]) < page.index(scripts[0])
    policy = headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy)
    style_src = re.search(r"style-src ([^;]*)", policy)
    assert script_src is not None and style_src is not None
    assert script_src[1].split() == ["'self'", sha256(early[0]), sha256(scripts[0])]
    assert style_src[1].split() == ["'self'", *map(sha256, styles)]
    assert "import " not in scripts[0].split("\n", 1)[1]  # every module is inside the one script
    boot = json.loads(re.search(r'<script type="application/json" id="boot">(.*?)</script>', page)[1])  # type: ignore[index]
    assert boot["lang"] == "nl" and boot["catalog"]["conn.online"] == "Verbonden"
    assert {item["code"] for item in boot["languages"]} >= {"nl", "en"}


async def test_the_phone_page_carries_only_the_words_it_uses(hub: Hub) -> None:
    _, _, body = await fetch(hub, "/join?room=ABCDE")
    boot = json.loads(re.search(rb'id="boot">(.*?)</script>', body)[1])  # type: ignore[index]
    namespaces = {key.split(".")[0] for key in boot["catalog"] if not key.startswith("_")}
    assert {"phone", "conn", "error", "questions", "status", "role"} <= namespaces
    assert not namespaces & {"remote", "display", "host", "moderation"}


async def test_a_page_goes_out_gzipped_and_a_second_visit_costs_a_304(hub: Hub) -> None:
    status, headers, packed = await fetch(hub, "/join?room=ABCDE", GZIP)
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding" and headers["cache-control"] == "no-cache"
    plain = gzip.decompress(packed)
    assert len(packed) < len(plain) / 2
    print(f"\nthe phone page: {len(plain):,} bytes, {len(packed):,} gzipped")
    _, plain_headers, same = await fetch(hub, "/join?room=OTHER")
    assert same == plain and plain_headers["etag"] != headers["etag"]  # the gzipped form has its own tag

    again = await fetch(hub, "/join?room=ABCDE", {**GZIP, "If-None-Match": headers["etag"]})
    assert again[0] == 304 and again[2] == b"" and again[1]["etag"] == headers["etag"]
    assert "content-length" not in again[1]
    changed = await fetch(hub, "/join?room=ABCDE", {**GZIP, "If-None-Match": '"an-older-page"'})
    assert changed[0] == 200


async def test_a_catalog_asked_for_by_its_hash_is_kept_for_good(hub: Hub) -> None:
    version = digest(catalog_bytes(web_dir() / "i18n" / "en.json"))
    status, headers, body = await fetch(hub, f"/static/i18n/en.json?v={version}", GZIP)
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    assert json.loads(gzip.decompress(body))["conn.online"] == "Connected"
    stale = await fetch(hub, "/static/i18n/en.json?v=0123456789abcdef")
    assert stale[1]["cache-control"] == "no-cache"  # not what that version was: never kept for long
    unversioned = await fetch(hub, "/static/css/base.css")
    assert unversioned[1]["cache-control"] == "no-cache" and unversioned[1]["etag"]
    missing = await fetch(hub, "/static/nothing.css")
    assert missing[0] == 404 and missing[1]["cache-control"] == "no-store"


async def test_the_service_worker_is_served_from_the_root(hub: Hub) -> None:
    status, headers, body = await fetch(hub, "/sw.js")
    assert status == 200 and headers["content-type"] == "text/javascript; charset=utf-8"
    assert headers["cache-control"] == "no-cache"
    assert body == (web_dir() / "sw.js").read_bytes()


def test_a_page_whose_modules_cannot_be_bundled_goes_out_as_separate_files(tmp_path: Path) -> None:
    pages_dir = tmp_path / "web"
    shutil.copytree(web_dir(), pages_dir)
    phone = pages_dir / "js" / "phone.js"
    phone.write_text(phone.read_text(encoding="utf-8") + '\nimport("./clock.js");\n', encoding="utf-8")
    pages = Pages(pages_dir, "http://192.168.1.20:8765/join?room=ABCDE", None)
    response = pages.answer(Request("/join?room=ABCDE", Headers()))
    assert response is not None and response.status_code == 200
    assert response.body == (pages_dir / "phone.html").read_bytes()  # it still works, in fifteen requests
    remote = pages.answer(Request("/remote", Headers()))
    assert remote is not None and b'<script type="module">' in remote.body  # the others are not affected
