"""Nothing is lost: the kiosk killed mid-evening offers to resume, and shows the same block and contributions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.cli import build_parser
from kiosk.commands.run import build_app
from kiosk.tui.widgets.block_info import BlockInfo
from kiosk.tui.widgets.feed_table import FeedTable

from .conftest import SIZE, shown

# The facilitator's session in a child process: the real app, headless, driven by its pilot, then killed.
CHILD = textwrap.dedent(
    """
    import sys
    from kiosk.cli import build_parser
    from kiosk.commands.run import build_app
    from kiosk.core.events import Actor, Command

    args = build_parser().parse_args(["run", "--data-dir", sys.argv[1], "--host", "127.0.0.1", "--port", "0"])
    app = build_app(args)

    async def facilitate(pilot):
        await pilot.pause()
        await pilot.press("space", "n", "n", "n", "2", "i")
        await pilot.pause()
        await pilot.press(*"Van papier: meer uitleg over de app", "enter")
        await pilot.pause()
        phone = Actor("phone", device="phone-kill-0001")
        app.core.execute(Command("device/join", {"role": "staff"}, actor=phone))
        app.core.execute(Command("contribution/add", {"id": "c-phone", "text": "Korte lijnen"}, actor=phone))
        print("READY", flush=True)
        await pilot.pause(3600)

    app.run(headless=True, size=(120, 36), auto_pilot=facilitate)
    """
)


def run_args(data_dir: Path, *extra: str) -> list[str]:
    return ["run", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", "0", *extra]


def facilitate_then_kill(data_dir: Path) -> None:
    """Run the child until its work is stored, then kill it the hard way."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL


async def test_kiosk_killed_mid_evening_resumes_at_the_same_block_with_its_contributions(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    facilitate_then_kill(data_dir)

    app = build_app(build_parser().parse_args(run_args(data_dir)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        question = app.screen.query_one(".question").render()
        assert "niet afgesloten" in str(question) and "2 bijdragen" in str(question)
        await pilot.press("enter")  # "Ja, verdergaan" has the focus
        await pilot.pause()
        assert app.current_mode == "run"
        assert "Dialoog" in shown(app.screen.query_one(BlockInfo))
        assert app.state.timer.running
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one(FeedTable)
        texts = [str(table.get_row(row.key)[6]) for row in table.ordered_rows]
        assert texts == ["Van papier: meer uitleg over de app", "Korte lijnen"]


async def test_saying_no_to_resume_starts_a_new_evening_and_keeps_the_old_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = build_app(build_parser().parse_args(run_args(data_dir)))
    async with first.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    old = first.core.info
    second = build_app(build_parser().parse_args(run_args(data_dir)))
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Nee, nieuwe avond"
        await pilot.pause()
        assert second.core.info is not None and old is not None
        assert second.core.info.id != old.id
        assert second.state.current == 0
    sessions = second.core.log.sessions() if second.core.log else []
    assert len(sessions) == 2
