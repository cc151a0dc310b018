"""`kiosk serve` as the facilitator runs it: three address lines, a clear sentence when the port is taken."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


def kiosk(data: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "serve", "--data-dir", str(data), "--host", "127.0.0.1", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    process = kiosk(tmp_path / "data", "--port", "0")
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(3)]
    urls = dict(line.split(" ", 1) for line in lines)
    yield process, urls
    if process.poll() is None:
        process.kill()
        process.wait()


def test_serve_prints_join_display_and_remote_then_stops_cleanly_on_ctrl_c(
    serving: tuple[subprocess.Popen[str], dict[str, str]],
) -> None:
    process, urls = serving
    assert list(urls) == ["join", "display", "remote"]
    assert "/join?room=" in urls["join"] and "/display?token=" in urls["display"]
    assert "/remote?token=" in urls["remote"]
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "telefoons kunnen niet verbinden" in err and "Traceback" not in err  # the hint speaks Dutch first


def test_second_kiosk_on_the_same_port_says_so_in_one_sentence(
    serving: tuple[subprocess.Popen[str], dict[str, str]], tmp_path: Path
) -> None:
    first, urls = serving
    port = str(urlsplit(urls["join"]).port)
    second = kiosk(tmp_path / "other", "--port", port)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 1
    assert out == ""
    assert err.strip().splitlines()[-1] == (
        f"kiosk: Poort {port} is al in gebruik: misschien draait er al een kiosk. Stop die, of geef "
        f"--port {int(port) + 1} mee."
    )
    assert "Traceback" not in err
    first.send_signal(signal.SIGTERM)
    first.communicate(timeout=30)
    assert first.returncode == 0


# An event loop like Windows' own: no add_signal_handler. `kiosk serve` must still start and stop on Ctrl-C.
NO_SIGNAL_LOOP = """
import asyncio, sys
from kiosk.cli import main

class NoSignalLoop(asyncio.SelectorEventLoop):
    def add_signal_handler(self, *args, **kwargs):
        raise NotImplementedError

class Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return NoSignalLoop()

asyncio.set_event_loop_policy(Policy())
sys.exit(main(sys.argv[1:]))
"""


def test_serve_runs_and_stops_on_ctrl_c_with_a_loop_that_has_no_signal_handlers(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            NO_SIGNAL_LOOP,
            "serve",
            "--data-dir",
            str(tmp_path / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    lines = [process.stdout.readline().strip() for _ in range(3)]
    assert [line.split(" ", 1)[0] for line in lines] == ["join", "display", "remote"]
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130, err  # Ctrl-C as KeyboardInterrupt, the way Windows delivers it
    assert "Traceback" not in err
    # The evening it stored opens again: the hub closed its database on the way out.
    again = subprocess.run(
        [sys.executable, "-m", "kiosk", "sessions", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )
    assert again.returncode == 0 and again.stdout.strip()
