"""A server under test in its own process: started, its URLs read from stdout, stopped again."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


class ServerFailed(Exception):
    """The server did not start or did not print its URLs."""


@dataclass
class Urls:
    """What `kiosk serve` prints: where phones join, the projector page, the remote page."""

    join: str
    display: str
    remote: str

    @property
    def host(self) -> str:
        return urlsplit(self.join).hostname or "127.0.0.1"

    @property
    def port(self) -> int:
        return urlsplit(self.join).port or 80

    @property
    def ws(self) -> str:
        return f"ws://{self.host}:{self.port}/ws"

    @property
    def room(self) -> str:
        return _query(self.join, "room")

    @property
    def display_token(self) -> str:
        return _query(self.display, "token")

    @property
    def remote_token(self) -> str:
        return _query(self.remote, "token")


def _query(url: str, name: str) -> str:
    values = parse_qs(urlsplit(url).query).get(name)
    if not values:
        raise ServerFailed(f"{url} carries no {name}")
    return values[0]


def hub_command(
    data_dir: Path, *, resume: bool = False, extra: tuple[str, ...] = (), checkout: Path | None = None
) -> list[str]:
    """`kiosk serve` on a free port of 127.0.0.1; from another checkout of the kiosk when `checkout` is given
    (to measure an older version side by side: its folder goes first on the module path)."""
    mode = "--resume" if resume else "--new"
    start = ["-c", _FROM_CHECKOUT, str(checkout)] if checkout is not None else ["-m", "kiosk"]
    return [
        sys.executable,
        *start,
        "serve",
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--data-dir",
        str(data_dir),
        mode,
        *extra,
    ]


def kiosk_command(args: list[str], checkout: Path | None = None) -> list[str]:
    """Any `kiosk` command line, from another checkout when `checkout` is given (as `hub_command`)."""
    start = ["-c", _FROM_CHECKOUT, str(checkout)] if checkout is not None else ["-m", "kiosk"]
    return [sys.executable, *start, *args]


# `python -c _FROM_CHECKOUT DIR serve ...` runs the kiosk found in DIR, whatever is installed. It says on stderr
# when the full name check is ready (NAME_CHECK_READY), in every version that has one, so a run can wait for it.
NAME_CHECK_READY = "bench: name check ready"
_FROM_CHECKOUT = f"""
import sys
sys.path.insert(0, sys.argv.pop(1))
for name in ("kiosk.namecheck.service", "kiosk.core.full_check"):
    try:
        module = __import__(name, fromlist=["FullCheck"])
    except ImportError:
        continue
    def said(self, ready=module.FullCheck._ready):
        ready(self)
        print({NAME_CHECK_READY!r}, file=sys.stderr, flush=True)
    module.FullCheck._ready = said
    break
from kiosk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def has_name_check(checkout: Path) -> bool:
    """Whether that checkout of the kiosk has the full name check (and so `--name-check`)."""
    return any(
        (checkout / "kiosk" / part).is_file() for part in ("namecheck/service.py", "core/full_check.py")
    )


def baseline_command() -> list[str]:
    return [sys.executable, "-m", "kiosk.bench.baseline", "--port", "0", "--host", "127.0.0.1"]


@dataclass
class ServerProcess:
    """A running server, the URLs it printed, and what it said on stderr since."""

    proc: asyncio.subprocess.Process
    urls: Urls
    lines: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)

    async def heard(self, line: str, timeout: float) -> bool:
        """Wait until the server has said `line` on stderr; False if it did not within `timeout` seconds."""
        deadline = asyncio.get_running_loop().time() + timeout
        while line not in self.said:
            if asyncio.get_running_loop().time() > deadline or self.proc.returncode is not None:
                return False
            await asyncio.sleep(0.1)
        return True

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def stop(self, timeout: float = 10.0) -> int:
        """SIGINT, then SIGKILL if it does not stop in time; returns the exit status."""
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.proc.wait(), timeout)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        assert self.proc.returncode is not None
        return self.proc.returncode

    def kill(self) -> None:
        if self.proc.returncode is None:
            self.proc.kill()


async def start_server(command: list[str], timeout: float = 30.0) -> ServerProcess:
    """Start a server and wait for its join, display and remote lines."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    found: dict[str, str] = {}
    lines: list[str] = []
    try:
        async with asyncio.timeout(timeout):
            while len(found) < 3:
                raw = await proc.stdout.readline()
                if not raw:
                    break
                line = raw.decode(errors="replace").strip()
                lines.append(line)
                word, _, url = line.partition(" ")
                if word in ("join", "display", "remote") and url.startswith("http"):
                    found[word] = url
    except TimeoutError:
        pass
    if len(found) < 3:
        if proc.returncode is None:
            proc.kill()
        await proc.wait()
        err = (await proc.stderr.read()).decode(errors="replace") if proc.stderr else ""
        raise ServerFailed(
            f"{' '.join(command[1:4])} printed no URLs: {' / '.join(lines)} {err.strip()[-800:]}"
        )
    # Keep the pipes drained so a chatty server never blocks on a full pipe.
    server = ServerProcess(proc, Urls(found["join"], found["display"], found["remote"]), lines)
    asyncio.get_running_loop().create_task(_drain(proc.stdout, None))
    if proc.stderr is not None:
        asyncio.get_running_loop().create_task(_drain(proc.stderr, server.said))
    return server


async def _drain(stream: asyncio.StreamReader, sink: list[str] | None) -> None:
    while raw := await stream.readline():
        if sink is not None and len(sink) < 1000:
            sink.append(raw.decode(errors="replace").strip())
