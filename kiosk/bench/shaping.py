"""A shaping TCP proxy: a hall's Wi-Fi between a browser and the hub, on one machine.

Chromium's network emulation does not slow WebSocket frames, so the phone benchmark and the browser tests put
this proxy between the page and the hub. It adds latency each way and a bandwidth that every connection through
it shares, served round-robin in TCP-sized segments (one access point, fair to each connection), and it can take
the path away:

- `dead`: packets vanish. Open connections and the ones a phone makes meanwhile hang for ever, even after the
  path returns, as when a phone has moved to mobile data and back (its old connections had another address).
- `stall`: packets wait, then arrive: a short dropout that TCP rides out.
- `refuse`: the port is closed: new connections fail at once, open ones keep working.

Several proxies (one port per phone, so each phone's bytes are counted apart) can share one `Medium`.
Counts are TCP payload bytes as delivered, both directions.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

SEGMENT = 1448  # a TCP segment's payload on Ethernet and Wi-Fi
READ = 65536
PATHS = ("up", "dead", "stall", "refuse")
T = TypeVar("T")


@dataclass(frozen=True)
class Shape:
    """What the network adds: `rtt_ms` round trip (half each way), bandwidth each way in kbit/s (None: as fast as
    the machine goes)."""

    rtt_ms: float = 0.0
    down_kbit: float | None = None
    up_kbit: float | None = None

    def describe(self) -> str:
        def rate(kbit: float | None) -> str:
            if kbit is None:
                return "unlimited"
            return f"{kbit / 1000:g} Mbit/s" if kbit >= 1000 else f"{kbit:g} kbit/s"

        return f"{self.rtt_ms:g} ms round trip, {rate(self.down_kbit)} down, {rate(self.up_kbit)} up"


SLOW_3G = Shape(rtt_ms=400, down_kbit=400, up_kbit=400)  # Chrome DevTools' first "Slow 3G" preset
HALL_1MBIT = Shape(rtt_ms=400, down_kbit=1000, up_kbit=1000)  # a congested hall, one access point
WIFI = Shape(rtt_ms=40)  # a good hall Wi-Fi


class Pipe:
    """One direction of one connection: bytes read from one side wait for the link, then arrive at the other."""

    def __init__(self, link: Link, writer: asyncio.StreamWriter, count: Callable[[int], None]) -> None:
        self.link = link
        self.writer = writer
        self.count = count
        self.queued = bytearray()
        self.dead = False
        self.eof = False  # the source closed: close the destination once everything queued has arrived
        self._arrivals: deque[tuple[float, bytes | None]] = deque()
        self._wake = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._deliver())

    def feed(self, data: bytes) -> None:
        if self.dead:
            return
        self.queued += data
        self.link.offer(self)

    def end(self) -> None:
        self.eof = True
        self.link.offer(self)

    def take(self, size: int | None) -> bytes:
        size = len(self.queued) if size is None else size
        chunk = bytes(self.queued[:size])
        del self.queued[:size]
        return chunk

    @property
    def waiting(self) -> bool:
        return bool(self.queued) or (self.eof and not self.dead)

    def arrive(self, chunk: bytes | None, at: float) -> None:
        """`chunk` None: the end, after what came before it."""
        if self.dead:
            return
        self._arrivals.append((at, chunk))
        self._wake.set()

    async def _deliver(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                while not self._arrivals:
                    self._wake.clear()
                    await self._wake.wait()
                at, chunk = self._arrivals[0]
                if at > loop.time():
                    await asyncio.sleep(at - loop.time())
                    continue
                self._arrivals.popleft()
                if self.dead:
                    continue
                if chunk is None:
                    with contextlib.suppress(OSError, RuntimeError):
                        if self.writer.can_write_eof():
                            self.writer.write_eof()
                    return
                self.writer.write(chunk)
                self.count(len(chunk))
        except asyncio.CancelledError:
            pass

    def kill(self) -> None:
        self.dead = True
        self.queued.clear()
        self._arrivals.clear()

    def close(self) -> None:
        self._task.cancel()


class Link:
    """One direction of the shared medium: a bandwidth, served round-robin, and a delay."""

    def __init__(self, kbit: float | None, delay: float) -> None:
        self.rate = None if kbit is None else kbit * 1000 / 8  # bytes a second
        self.delay = delay
        self.held = False  # a stall: nothing goes out until it ends
        self._ready: deque[Pipe] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def offer(self, pipe: Pipe) -> None:
        if pipe not in self._ready:
            self._ready.append(pipe)
        self._wake.set()

    def release(self) -> None:
        self.held = False
        self._wake.set()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        # The link's own clock: when it is free again. While busy it runs on by each segment's time, so a
        # sleep that wakes late (a loaded machine) is caught up rather than added; idle, it waits for now.
        free_at = loop.time()
        while True:
            if not self._ready or self.held:
                while not self._ready or self.held:
                    self._wake.clear()
                    await self._wake.wait()
                free_at = max(free_at, loop.time())
            pipe = self._ready.popleft()
            if pipe.dead:
                continue
            chunk = pipe.take(SEGMENT if self.rate is not None else None)
            if pipe.queued:
                self._ready.append(pipe)
            if chunk:
                if self.rate is not None:
                    free_at += len(chunk) / self.rate
                    if free_at > loop.time():
                        await asyncio.sleep(free_at - loop.time())
                else:
                    free_at = max(free_at, loop.time())
                pipe.arrive(chunk, free_at + self.delay)
            if pipe.eof and not pipe.queued:
                pipe.arrive(None, max(free_at, loop.time()) + self.delay)
                pipe.eof = False


class Medium:
    """The air every phone shares: one link down (hub to phones), one up."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.down = Link(shape.down_kbit, shape.rtt_ms / 2000)
        self.up = Link(shape.up_kbit, shape.rtt_ms / 2000)

    def start(self) -> None:
        self.down.start()
        self.up.start()

    def stop(self) -> None:
        self.down.stop()
        self.up.stop()


class Flow:
    """One TCP connection through the proxy."""

    def __init__(self, proxy: ShapingProxy) -> None:
        self.proxy = proxy
        self.pipes: list[Pipe] = []
        self.writers: list[asyncio.StreamWriter] = []
        self.dead = False

    def kill(self) -> None:
        """The path died under this connection: nothing of it arrives any more, ever."""
        self.dead = True
        for pipe in self.pipes:
            pipe.kill()

    def close(self) -> None:
        for pipe in self.pipes:
            pipe.close()
        for writer in self.writers:
            with contextlib.suppress(Exception):
                writer.close()


class ShapingProxy:
    """Listens on `listen_host`, forwards each connection to `target` over the shared `medium`."""

    def __init__(self, target: tuple[str, int], medium: Medium, listen_host: str = "127.0.0.1") -> None:
        self.target = target
        self.medium = medium
        self.listen_host = listen_host
        self.path = "up"
        self.port = 0
        self.bytes_down = 0  # hub to phone, delivered
        self.bytes_up = 0
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._flows: set[Flow] = set()
        self._handlers: set[asyncio.Task[Any]] = set()
        self._stalled: list[asyncio.Future[None]] = []

    @property
    def bytes(self) -> int:
        return self.bytes_down + self.bytes_up

    async def start(self) -> None:
        self.medium.start()
        self._server = await asyncio.start_server(self._accept, self.listen_host, 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for flow in list(self._flows):
            flow.close()
        self._flows.clear()
        handlers = list(self._handlers)
        for handler in handlers:
            handler.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        if self._server is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
            self._server = None

    def reset_counts(self) -> None:
        self.bytes_down = self.bytes_up = self.connections = 0

    def set_path(self, path: str) -> None:
        """`up`, `dead`, `stall` or `refuse` (see the module's doc)."""
        if path not in PATHS:
            raise ValueError(f"path is one of {PATHS}")
        before, self.path = self.path, path
        if path == "dead":
            for flow in self._flows:
                flow.kill()
        if path == "stall":
            self.medium.down.held = self.medium.up.held = True
        elif before == "stall":
            self.medium.down.release()
            self.medium.up.release()
            for waiter in self._stalled:
                if not waiter.done():
                    waiter.set_result(None)
            self._stalled.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.path == "refuse":
            _reset(writer)
            return
        handler = asyncio.current_task()
        if handler is not None:
            self._handlers.add(handler)
            handler.add_done_callback(self._handlers.discard)
        self.connections += 1
        flow = Flow(self)
        flow.writers.append(writer)
        self._flows.add(flow)
        try:
            if self.path == "dead":
                flow.dead = True  # its SYN was lost: it waits for an answer that never comes
                await _swallow(reader)
                return
            if self.path == "stall":
                waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                self._stalled.append(waiter)
                await waiter
            try:
                up_reader, up_writer = await asyncio.open_connection(*self.target)
            except OSError:
                _reset(writer)
                return
            flow.writers.append(up_writer)
            down = Pipe(self.medium.down, writer, self._count_down)
            up = Pipe(self.medium.up, up_writer, self._count_up)
            flow.pipes += [down, up]
            if flow.dead:
                flow.kill()
            await asyncio.gather(_pump(reader, up, flow), _pump(up_reader, down, flow))
            # Both sides finished sending; linger so the last bytes still arrive, then let go.
            await asyncio.sleep(self.medium.shape.rtt_ms / 1000 + 0.5)
        except asyncio.CancelledError:
            pass  # the proxy stops (or its loop ends): the end of this connection, not an error
        finally:
            flow.close()
            self._flows.discard(flow)

    def _count_down(self, n: int) -> None:
        self.bytes_down += n

    def _count_up(self, n: int) -> None:
        self.bytes_up += n


async def _pump(reader: asyncio.StreamReader, pipe: Pipe, flow: Flow) -> None:
    try:
        while data := await reader.read(READ):
            pipe.feed(data)
    except (ConnectionError, OSError):
        pass
    if flow.dead:
        await _forever()  # a dead path carries no close either
    pipe.end()


async def _swallow(reader: asyncio.StreamReader) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while await reader.read(READ):
            pass
    await _forever()


async def _forever() -> None:
    await asyncio.get_running_loop().create_future()


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a RST, as a closed port answers."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def lan_address() -> str:
    """An address of this machine other than loopback, so a page runs as on a hall's LAN: not a secure context
    (no service worker), as http://192.168.x.y is on a phone. Falls back to 127.0.0.1."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.254", 9))  # no packet is sent: this only asks which address would be used
        address = str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()
    return address if not address.startswith("127.") and address != "0.0.0.0" else "127.0.0.1"


class ProxyThread:
    """Proxies in an event loop of their own, for synchronous callers (sync Playwright in the browser tests)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="shaping-proxy", daemon=True)
        self._thread.start()
        self.proxies: list[ShapingProxy] = []

    def call(self, work: Callable[[], Coroutine[Any, Any, T]] | Callable[[], Awaitable[T]]) -> T:
        async def run() -> T:
            return await work()

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout=30)

    def proxy(
        self,
        target: tuple[str, int],
        shape: Shape = Shape(),
        medium: Medium | None = None,
        host: str = "127.0.0.1",
    ) -> ShapingProxy:
        async def make() -> ShapingProxy:
            proxy = ShapingProxy(target, medium or Medium(shape), host)
            await proxy.start()
            return proxy

        proxy = self.call(make)
        self.proxies.append(proxy)
        return proxy

    def set_path(self, proxy: ShapingProxy, path: str) -> None:
        self.loop.call_soon_threadsafe(proxy.set_path, path)

    def retarget(self, proxy: ShapingProxy, target: tuple[str, int]) -> None:
        """New connections go to `target` (a hub restarted on another port: the phones' address stays)."""

        def move() -> None:
            proxy.target = target

        self.loop.call_soon_threadsafe(move)

    def close(self) -> None:
        async def stop_all() -> None:
            for proxy in self.proxies:
                await proxy.stop()
                proxy.medium.stop()

        with contextlib.suppress(Exception):
            self.call(stop_all)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)
        self.loop.close()
