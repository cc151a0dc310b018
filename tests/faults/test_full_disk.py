"""`kiosk serve` on a disk that fills up: `not_stored`, the connection and the hub stay up, nothing acked is lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

from kiosk.bench.load import open_remote
from kiosk.bench.server import start_server
from tests.faults.conftest import ServeCommand, open_phone, stored_ids
from tests.mounts import fill, tiny_disk

LONG = "Wij willen graag vaker horen hoe het met ons kind gaat, ook als het goed gaat. " * 5


async def test_a_full_disk_answers_not_stored_and_the_evening_goes_on(
    tmp_path: Path, serve_command: ServeCommand
) -> None:
    with tiny_disk(tmp_path / "disk", size="1m") as disk:
        stderr = tmp_path / "stderr.txt"
        command = ["sh", "-c", f'exec "$@" 2>"{stderr}"', "kiosk", *serve_command(disk)]
        server = await start_server(command)
        try:
            other = await open_phone(
                server.urls, "other-phone-01"
            )  # another connection that must stay served
            phone = await open_phone(server.urls, "full-disk-phone")
            assert (await phone.command("device/join"))["type"] == "ack"
            remote = await open_remote(server.urls)  # auto-approve on: no cap on waiting answers in the way
            filler = fill(disk)
            acked: list[str] = []
            refusal: dict[str, object] | None = None
            for n in range(400):
                answer = await phone.command("contribution/add", id=f"c{n}", text=LONG)
                if answer["type"] == "error":
                    refusal = answer
                    break
                acked.append(f"c{n}")
                await asyncio.sleep(0.21)
            assert refusal is not None, "the disk never filled up"
            assert refusal["code"] == "not_stored"
            assert (await phone.command("ping"))["type"] == "pong"  # the connection stays up
            assert (await other.command("ping"))["type"] == "pong"
            assert (await remote.command("ping"))["type"] == "pong"
            assert server.proc.returncode is None
            again = await phone.command("contribution/add", id=f"c{len(acked)}", text=LONG)
            assert again["code"] == "not_stored"  # still full: the same calm answer

            filler.unlink()
            await asyncio.sleep(0.3)
            resent = await phone.command("contribution/add", id=f"c{len(acked)}", text=LONG)
            assert resent["type"] == "ack"
            acked.append(f"c{len(acked)}")
            for client in (other, phone, remote):
                await client.close()
        finally:
            await server.stop()
        assert set(acked) <= set(stored_ids(disk))
        said = stderr.read_text()
        assert said.count("Storing failed") == 1 and said.count("Storing works again") == 1, said
        assert "Traceback" not in said
