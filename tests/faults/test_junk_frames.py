"""Raw junk on the WebSocket never brings the hub down: after each batch another phone still gets answers."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import connect

from kiosk.bench.server import Urls
from kiosk.bench.wire import BINARY, TEXT, encode_frame, handshake_request
from kiosk.hub.changes import CHANGES
from tests.faults.conftest import kiosk_serve

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)


def _invalid_utf8(raw: bytes) -> bytes:
    return b"\xff" + raw  # 0xff never occurs in UTF-8


JUNK = st.one_of(
    st.binary(max_size=200).map(lambda raw: encode_frame(TEXT, _invalid_utf8(raw))),
    st.binary(max_size=300).map(lambda raw: encode_frame(BINARY, raw)),
    st.integers(4097, 12_000).map(lambda size: encode_frame(TEXT, b"a" * size)),
    st.integers(5_000, 2**40).map(lambda size: encode_frame(TEXT, b"{}", length=size)),  # a lying header
    JSON_VALUES.map(lambda value: encode_frame(TEXT, json.dumps(value).encode())),
    st.dictionaries(st.sampled_from(["type", "ref", "id", "text", "prompt", "role"]), JSON_VALUES).map(
        lambda value: encode_frame(TEXT, json.dumps(value).encode())
    ),
    st.sampled_from(["contribution/add", "hello", "ping", "device/join"]).map(
        lambda kind: encode_frame(TEXT, json.dumps({"type": kind, "text": "[" * 1500 + "]" * 1500}).encode())
    ),
    st.integers(1, 2000).map(lambda depth: encode_frame(TEXT, b"[" * depth + b"]" * depth)),
    st.sampled_from([0x3, 0x4, 0x5, 0xB, 0xF]).map(lambda opcode: encode_frame(opcode, b"x")),
)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[str], Urls]]:
    proc = subprocess.Popen(
        kiosk_serve()(Path(tmp_path_factory.mktemp("junk"))),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    found = dict(proc.stdout.readline().split(" ", 1) for _ in range(3))
    urls = Urls(found["join"].strip(), found["display"].strip(), found["remote"].strip())
    yield proc, urls
    proc.terminate()
    proc.wait(timeout=30)


def send_junk(urls: Urls, frames: list[bytes], hello_first: bool, device: str) -> None:
    """Open a raw connection, maybe say hello, throw the frames at it, read what comes back, hang up."""
    with socket.create_connection((urls.host, urls.port), timeout=5) as sock:
        request, _ = handshake_request(urls.host, urls.port, "/ws")
        sock.sendall(request)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            assert chunk, "the hub closed during the handshake"
            head += chunk
        assert head.startswith(b"HTTP/1.1 101")
        if hello_first:
            hello = {"type": "hello", "role": "phone", "room": urls.room, "device": device}
            sock.sendall(encode_frame(TEXT, json.dumps(hello).encode()))
        try:
            for frame in frames:
                sock.sendall(frame)
            sock.settimeout(0.3)
            while sock.recv(65536):
                pass
        except OSError:
            pass  # the hub closed this connection: that is an allowed answer to junk


def another_phone_is_answered(urls: Urls, device: str) -> dict[str, Any]:
    with connect(urls.ws, compression=None, proxy=None, open_timeout=10) as ws:
        ws.send(json.dumps({"type": "hello", "role": "phone", "room": urls.room, "device": device}))
        assert json.loads(ws.recv(timeout=10))["type"] == "hello/ok"
        ws.send(json.dumps({"type": "device/join", "ref": "j1", "role": "parent"}))
        while (message := json.loads(ws.recv(timeout=10)))["type"] != "ack":
            assert message["type"] in ("state/reset", "mine/update", *CHANGES), message
        return message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frames=st.lists(JUNK, min_size=1, max_size=6), hello_first=st.booleans(), n=st.integers(0, 10**9))
def test_junk_frames_never_bring_the_hub_down(
    hub: tuple[subprocess.Popen[str], Urls], frames: list[bytes], hello_first: bool, n: int
) -> None:
    proc, urls = hub
    send_junk(urls, frames, hello_first, f"junk-phone-{n:010d}")
    assert proc.poll() is None, "the hub stopped"
    assert another_phone_is_answered(urls, f"good-phone-{n:010d}") == {
        "type": "ack",
        "ref": "j1",
        "of": "device/join",
    }


def test_deeply_nested_json_gets_an_error_and_the_connection_stays_up(
    hub: tuple[subprocess.Popen[str], Urls],
) -> None:
    _, urls = hub
    with connect(urls.ws, compression=None, proxy=None, open_timeout=10) as ws:
        ws.send(json.dumps({"type": "hello", "role": "phone", "room": urls.room, "device": "nested-phone-1"}))
        ws.send("[" * 1500 + "]" * 1500)  # 3,000 bytes: well under the 4 KiB frame limit
        while (message := json.loads(ws.recv(timeout=10)))["type"] != "error":
            pass
        assert message["code"] == "bad_json"
        ws.send(json.dumps({"type": "ping", "ref": "after"}))
        while (message := json.loads(ws.recv(timeout=10)))["type"] != "pong":
            pass
