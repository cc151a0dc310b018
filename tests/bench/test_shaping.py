"""The shaping proxy does what the phone tests rely on: it delays, it shares a bandwidth, and a path it takes
away stays dead, stalls, or refuses. Real sockets on 127.0.0.1; the bounds are wide (a shared machine)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from kiosk.bench.shaping import Medium, Shape, ShapingProxy

BLOB = bytes(range(256)) * 200  # 51,200 bytes


async def _answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A tiny server: for each line, the blob; 'echo x' answers x."""
    try:
        while line := await reader.readline():
            writer.write(line[5:] if line.startswith(b"echo ") else BLOB)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, int]]:
    listening = await asyncio.start_server(_answer, "127.0.0.1", 0)
    yield "127.0.0.1", listening.sockets[0].getsockname()[1]
    listening.close()


async def _proxy(target: tuple[str, int], shape: Shape, medium: Medium | None = None) -> ShapingProxy:
    proxy = ShapingProxy(target, medium or Medium(shape))
    await proxy.start()
    return proxy


async def _round_trip(proxy: ShapingProxy, ask: bytes, size: int) -> float:
    start = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
    writer.write(ask)
    await reader.readexactly(size)
    writer.close()
    return time.monotonic() - start


async def test_it_adds_the_round_trip_and_counts_the_bytes(server: tuple[str, int]) -> None:
    proxy = await _proxy(server, Shape(rtt_ms=300))
    try:
        took = await _round_trip(proxy, b"echo hello\n", 6)
        assert 0.28 <= took < 2.0
        await asyncio.sleep(0.05)
        assert proxy.bytes_up == len(b"echo hello\n") and proxy.bytes_down == 6 and proxy.connections == 1
    finally:
        await proxy.stop()


async def test_connections_share_one_bandwidth(server: tuple[str, int]) -> None:
    medium = Medium(Shape(down_kbit=800))  # 100 kB/s
    one, two = await _proxy(server, medium.shape, medium), await _proxy(server, medium.shape, medium)
    try:
        alone = await _round_trip(one, b"blob\n", len(BLOB))
        together = await asyncio.gather(
            _round_trip(one, b"blob\n", len(BLOB)), _round_trip(two, b"blob\n", len(BLOB))
        )
        assert 0.45 <= alone < 1.5  # 51 kB at 100 kB/s
        assert all(0.9 <= took < 3.0 for took in together)  # twice the bytes through the same air
        assert abs(together[0] - together[1]) < 0.3  # each gets its fair share
    finally:
        await one.stop()
        await two.stop()
        medium.stop()


async def test_a_dead_path_swallows_open_and_new_connections_for_good(server: tuple[str, int]) -> None:
    proxy = await _proxy(server, Shape())
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        writer.write(b"echo before\n")
        assert await reader.readexactly(7) == b"before\n"
        proxy.set_path("dead")
        writer.write(b"echo lost\n")
        late_reader, late_writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        late_writer.write(b"echo lost too\n")
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(1), 0.5)
        proxy.set_path("up")
        with pytest.raises(TimeoutError):  # those connections had another address: they stay dead
            await asyncio.wait_for(late_reader.read(1), 0.5)
        assert await _round_trip(proxy, b"echo again\n", 6) < 2.0  # a new one works
        writer.close()
        late_writer.close()
    finally:
        await proxy.stop()


async def test_a_stall_holds_the_bytes_and_delivers_them_after(server: tuple[str, int]) -> None:
    proxy = await _proxy(server, Shape())
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        proxy.set_path("stall")
        writer.write(b"echo held\n")
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.readexactly(5), 0.5)
        proxy.set_path("up")
        assert await asyncio.wait_for(reader.readexactly(5), 2.0) == b"held\n"
        writer.close()
    finally:
        await proxy.stop()


async def test_a_refused_path_fails_new_connections_at_once(server: tuple[str, int]) -> None:
    proxy = await _proxy(server, Shape())
    try:
        proxy.set_path("refuse")
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        start = time.monotonic()
        with pytest.raises(ConnectionError):
            writer.write(b"echo x\n")
            await writer.drain()
            if not await reader.read(1):
                raise ConnectionResetError("closed")
        assert time.monotonic() - start < 1.0
        writer.close()
    finally:
        await proxy.stop()
