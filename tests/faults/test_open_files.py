"""Open files on a laptop: the hub raises its limit, says when it is low, and stays calm when it runs out."""

from __future__ import annotations

import asyncio
import resource
from pathlib import Path

from kiosk.bench.server import start_server
from kiosk.hub.open_files import RESERVE
from tests.faults.conftest import ServeCommand, open_phone

SOURCES = [f"127.0.0.{n}" for n in range(20, 30)]


def limited(command: list[str], ulimit: str, stderr: Path) -> list[str]:
    return ["sh", "-c", f'ulimit {ulimit} && exec "$@" 2>"{stderr}"', "kiosk", *command]


def limits_of(pid: int) -> tuple[int, int]:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max open files"):
            soft, hard = line.split()[3:5]
            return int(soft), int(hard)
    raise AssertionError("no open-file limit in /proc")


async def test_the_hub_raises_a_low_soft_limit_to_the_hard_one(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]  # the hub inherits it
    stderr = tmp_path / "stderr.txt"
    server = await start_server(limited(serve_command(tmp_path), "-Sn 256", stderr))
    try:
        assert limits_of(server.pid) == (hard, hard)
    finally:
        await server.stop()
    if hard - RESERVE >= 500:
        assert "bestanden" not in stderr.read_text()


async def test_a_low_hard_limit_is_told_with_how_many_phones_it_allows(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    stderr = tmp_path / "stderr.txt"
    server = await start_server(limited(serve_command(tmp_path), "-n 400", stderr))
    await server.stop()
    assert (
        f"maar 400 bestanden openen: er kunnen ongeveer {400 - RESERVE} telefoons tegelijk"
        in stderr.read_text()
    )


async def test_running_out_of_files_costs_one_calm_line_and_the_hub_accepts_again(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    stderr = tmp_path / "stderr.txt"
    server = await start_server(limited(serve_command(tmp_path), "-n 64", stderr))
    held: list[asyncio.StreamWriter] = []
    try:
        for n in range(400):  # far more than 64 files: the hub runs out while accepting
            try:
                _, writer = await asyncio.wait_for(
                    asyncio.open_connection(
                        server.urls.host, server.urls.port, local_addr=(SOURCES[n % len(SOURCES)], 0)
                    ),
                    5,
                )
                held.append(writer)
            except (OSError, TimeoutError):
                pass
        await asyncio.sleep(3.0)  # seconds of running out: before, asyncio logged thousands of lines a second
        for writer in held:
            writer.close()
        await asyncio.sleep(1.5)  # asyncio tries to accept again a second after running out
        phone = await open_phone(server.urls, "back-again-phone")
        assert (await phone.command("device/join"))["type"] == "ack"
        await phone.close()
        assert server.proc.returncode is None
    finally:
        await server.stop()
    said = stderr.read_text()
    assert len(said) < 2000, said[:2000]
    assert "Traceback" not in said and "out of system resource" not in said
