"""Odd HTTP from the room: other methods, HEAD, absurd names, doubled headers: a plain answer, never a 500."""

from __future__ import annotations

import asyncio
import http.client
import socket

import pytest
from conftest import Join, in_dialogue

from kiosk.core.session import SessionCore
from kiosk.hub.netinfo import lan_address
from kiosk.hub.server import Hub


def request(
    port: int, method: str, path: str, headers: list[tuple[str, str]] | None = None, body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=any(k.lower() == "host" for k, _ in headers or ()))
    for key, value in headers or ():
        connection.putheader(key, value)
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


async def ask(hub: Hub, method: str, path: str, **kwargs: object) -> tuple[int, dict[str, str], bytes]:
    return await asyncio.to_thread(request, hub.port, method, path, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
@pytest.mark.parametrize("path", ["/join", "/static/css/base.css", "/ws", "/qr.svg"])
async def test_other_methods_are_not_allowed(hub: Hub, method: str, path: str) -> None:
    # No body: the hub answers before reading one, and closing on unread bytes would reset the connection.
    status, headers, body = await ask(hub, method, path, body=b"" if method != "TRACE" else None)
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    assert b"<html" not in body.lower() and body.decode().endswith(".")


async def test_head_gets_the_headers_without_the_body(hub: Hub) -> None:
    status, headers, body = await ask(hub, "HEAD", "/join?room=ABCDE")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body == b""
    # The connection carries nothing after the headers: the next request on a fresh socket works as usual.
    page = (await ask(hub, "GET", "/join?room=ABCDE"))[2]
    assert page.startswith(b"<!doctype html>") and headers["content-length"] == str(len(page))


@pytest.mark.parametrize(
    "name",
    ["a" * 4000, "css/" + "b" * 300 + ".css", "%00" * 100, "x/" * 1500, "%ff%fe" * 40],
    ids=["long", "long-css", "nul", "deep", "bad-bytes"],
)
async def test_an_absurd_static_name_is_not_found(hub: Hub, name: str) -> None:
    status, headers, body = await ask(hub, "GET", f"/static/{name}")
    assert status == 404
    assert headers["content-type"] == "text/plain; charset=utf-8"
    assert len(body) < 300 and b"Traceback" not in body


@pytest.mark.parametrize(
    ("path", "doubled"),
    [
        ("/join", [("Host", "127.0.0.1"), ("Host", "evil.example")]),
        ("/ws", [("Host", "127.0.0.1"), ("Host", "evil.example")]),
        ("/ws", [("Origin", "http://127.0.0.1"), ("Origin", "http://evil.example")]),
    ],
)
async def test_doubled_host_or_origin_is_a_bad_request(
    hub: Hub, path: str, doubled: list[tuple[str, str]]
) -> None:
    status, _, body = await ask(hub, "GET", path, headers=doubled)
    assert status == 400
    assert body.decode().endswith(".") and b"Traceback" not in body


async def test_a_websocket_upgrade_with_two_origins_is_refused(hub: Hub) -> None:
    def upgrade() -> bytes:
        with socket.create_connection(("127.0.0.1", hub.port), timeout=10) as sock:
            sock.sendall(
                b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                b"Origin: http://127.0.0.1\r\nOrigin: http://evil.example\r\n\r\n"
            )
            return sock.recv(4096)

    answer = await asyncio.to_thread(upgrade)
    assert answer.startswith(b"HTTP/1.1 400")


async def test_a_phone_moving_people_is_forbidden_before_any_lookup(hub: Hub, join: Join) -> None:
    phone = await join("phone")
    for data in ({"seat": "s-no-such-person", "table": 1}, {"device": "phone-0000-test", "table": 1}):
        answer = await phone.command("tables/move", ref="m", **data)
        assert answer["code"] == "forbidden", answer


async def test_a_lone_surrogate_over_the_wire_is_dropped_and_the_answer_acked(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phone = await join("phone")
    # JSON may escape half of a surrogate pair on its own; UTF-8 cannot store it.
    await phone.send('{"type": "contribution/add", "ref": "s", "id": "c-broken", "text": "a\\ud800b"}')
    answer = await phone.next("ack")
    assert answer["id"] == "c-broken"
    assert hub.core.state.contributions["c-broken"].text == "ab"
    await phone.send({"type": "ping", "ref": "still"})
    assert (await phone.next("pong"))["ref"] == "still"  # the connection stays up


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_a_method_with_a_body_gets_a_405_not_a_silent_close(hub: Hub, method: str) -> None:
    for path in ("/join", "/ws"):
        status, headers, body = await ask(hub, method, path, body=b'{"text": "spam"}' * 200)
        assert status == 405 and headers["allow"] == "GET, HEAD", (method, path)
        assert body.decode().endswith(".")
    assert (await ask(hub, "GET", "/join?room=ABCDE"))[0] == 200  # and the hub answers as ever


def upgrade(port: int, host: str, origin: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"GET /ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: {origin}\r\n\r\n".encode()
        )
        return sock.recv(4096)


async def test_a_page_of_another_site_pointed_at_the_laptop_is_not_answered(hub: Hub) -> None:
    """DNS rebinding: evil.example resolves to the laptop; its page's Origin then matches its own Host."""
    port = hub.port
    rebound = await asyncio.to_thread(upgrade, port, f"evil.example:{port}", f"http://evil.example:{port}")
    assert rebound.startswith(b"HTTP/1.1 421")
    status, _, body = await ask(hub, "GET", "/join?room=ABCDE", headers=[("Host", f"evil.example:{port}")])
    assert status == 421 and b"QR" in body
    elsewhere = await ask(hub, "GET", "/join", headers=[("Host", f"203.0.113.9:{port}")])  # not this laptop
    assert elsewhere[0] == 421
    for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", f"{lan_address()}:{port}"):
        assert (await ask(hub, "GET", "/join", headers=[("Host", own)]))[0] == 200, own
    answer = await asyncio.to_thread(upgrade, port, f"127.0.0.1:{port}", f"http://127.0.0.1:{port}")
    assert answer.startswith(b"HTTP/1.1 101")


async def test_the_public_urls_host_is_answered_behind_a_proxy(evening: SessionCore) -> None:
    server = Hub(evening, host="127.0.0.1", port=0, public_url="https://kiosk.school.example")
    await server.start()
    try:
        status, _, _ = await ask(server, "GET", "/join", headers=[("Host", "kiosk.school.example")])
        assert status == 200
        assert (await ask(server, "GET", "/join", headers=[("Host", "kiosk.evil.example")]))[0] == 421
    finally:
        await server.stop()


async def test_a_number_json_does_not_allow_is_bad_json_not_echoed(hub: Hub, join: Join) -> None:
    phone = await join("phone")
    for junk in (
        '{"type": "ping", "ref": NaN}',
        '{"type": "ping", "ref": Infinity}',
        '{"type": "x", "n": -Infinity}',
    ):
        await phone.send(junk)
        error = await phone.next("error")
        assert error["code"] == "bad_json" and error["ref"] is None
    await phone.send({"type": "ping", "ref": 1.5})
    assert (await phone.next("pong"))["ref"] == 1.5


async def test_the_posters_token_is_compared_in_constant_time_with_every_token(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hmac

    compared: list[bytes] = []
    real = hmac.compare_digest

    def counting(given: bytes, known: bytes) -> bool:
        compared.append(known)
        return real(given, known)

    monkeypatch.setattr(hmac, "compare_digest", counting)
    info = hub.core.info
    assert info is not None
    assert (await ask(hub, "GET", f"/poster?token={info.display_token}"))[0] == 200
    assert (await ask(hub, "GET", "/poster?token=guess"))[0] == 403
    tokens = {info.display_token.encode(), info.remote_token.encode()}
    assert (
        set(compared[:2]) == tokens and set(compared[2:]) == tokens
    )  # never stops at the first that differs
