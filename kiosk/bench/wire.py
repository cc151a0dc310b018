"""A lean WebSocket client for simulated phones: handshake and framing by hand, payloads skipped unless wanted.

The websockets client parses, UTF-8-decodes and queues every frame in Python; with thousands of phones that
receive every broadcast, that cost would land on the same two cores as the server under test. This client only
reads frame headers and hands over the text frames its owner asked to see. It counts every byte it receives
after the handshake (frame headers and payloads, as they would cross the air), read or not.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import struct
from collections.abc import Callable

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


class HandshakeFailed(ConnectionError):
    """The server did not switch protocols."""


def encode_frame(opcode: int, payload: bytes, *, fin: bool = True, length: int | None = None) -> bytes:
    """A masked client frame; `length` may lie about the size (for fault tests)."""
    size = len(payload) if length is None else length
    first = (0x80 if fin else 0) | opcode
    if size < 126:
        header = struct.pack("!BB", first, 0x80 | size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", first, 0x80 | 126, size)
    else:
        header = struct.pack("!BBQ", first, 0x80 | 127, size)
    mask = os.urandom(4)
    n = len(payload)
    if n:
        repeated = (mask * (n // 4 + 1))[:n]
        payload = (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(n, "big")
    return header + mask + payload


def handshake_request(host: str, port: int, path: str) -> tuple[bytes, bytes]:
    """The HTTP upgrade request and the Sec-WebSocket-Accept the server must answer with."""
    key = base64.b64encode(os.urandom(16))
    accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key.decode()}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()
    return request, accept


class WireClient(asyncio.Protocol):
    """One connection: answers pings and closes, passes text frames to `on_text` when `wants_text` says so."""

    def __init__(self, host: str, port: int, path: str, on_text: Callable[[bytes], None]) -> None:
        self.request, self._accept = handshake_request(host, port, path)
        self.on_text = on_text
        self.wants_text: Callable[[bytes], bool] = lambda payload: True
        self.transport: asyncio.Transport | None = None
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.close_code: int | None = None
        self._buffer = bytearray()
        self._upgraded = False
        self.received_bytes = 0  # after the handshake: every frame, header and payload
        self.received_frames = 0
        self._fragments: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(self.request)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(exc or HandshakeFailed("connection closed during the handshake"))
        if not self.closed.done():
            self.closed.set_result(None)

    def send(self, opcode: int, payload: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(encode_frame(opcode, payload))

    def send_text(self, text: str) -> None:
        self.send(TEXT, text.encode())

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.send(CLOSE, struct.pack("!H", 1000))
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        if not self._upgraded:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self._buffer[:end]).decode("latin-1")
            del self._buffer[: end + 4]
            if not head.startswith("HTTP/1.1 101") or self._accept.decode() not in head:
                self.opened.set_exception(HandshakeFailed(head.splitlines()[0] if head else "no answer"))
                assert self.transport is not None
                self.transport.close()
                return
            self._upgraded = True
            self.opened.set_result(None)
            self.received_bytes += len(self._buffer)
        else:
            self.received_bytes += len(data)
        self._read_frames()

    def _read_frames(self) -> None:
        buf = self._buffer
        start = 0
        while len(buf) - start >= 2:
            first, second = buf[start], buf[start + 1]
            size = second & 0x7F
            offset = start + 2
            if size == 126:
                if len(buf) - offset < 2:
                    break
                (size,) = struct.unpack_from("!H", buf, offset)
                offset += 2
            elif size == 127:
                if len(buf) - offset < 8:
                    break
                (size,) = struct.unpack_from("!Q", buf, offset)
                offset += 8
            if len(buf) - offset < size:
                break
            start = offset + size
            self.received_frames += 1
            self._frame(first, buf, offset, size)
        del buf[:start]

    def _frame(self, first: int, buf: bytearray, offset: int, size: int) -> None:
        opcode = first & 0x0F
        fin = bool(first & 0x80)
        if opcode in (TEXT, 0x0):
            piece = bytes(buf[offset : offset + size])
            if not fin:
                self._fragments.append(piece)
                return
            if self._fragments:
                piece = b"".join(self._fragments) + piece
                self._fragments = []
            if self.wants_text(piece):
                self.on_text(piece)
        elif opcode == PING:
            self.send(PONG, bytes(buf[offset : offset + size]))
        elif opcode == CLOSE:
            if size >= 2:
                (self.close_code,) = struct.unpack_from("!H", buf, offset)
            self.close()


async def open_wire(
    url_host: str, port: int, path: str, on_text: Callable[[bytes], None], timeout: float = 10.0
) -> WireClient:
    """Connect and finish the handshake, or raise."""
    loop = asyncio.get_running_loop()
    _, client = await asyncio.wait_for(
        loop.create_connection(lambda: WireClient(url_host, port, path, on_text), url_host, port), timeout
    )
    await asyncio.wait_for(client.opened, timeout)
    return client
