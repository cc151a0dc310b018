"""How fast a crashed evening comes back: a data folder with many contributions, `kiosk serve --resume` on it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from kiosk.bench.screens import Screen
from kiosk.bench.server import hub_command, start_server


def build_evening(data_dir: Path, contributions: int, phones: int = 200) -> int:
    """An unfinished evening with `contributions` answers from `phones` phones; returns its event count."""
    from kiosk.agenda.parser import load_agenda
    from kiosk.bench.load import first_open_prompt
    from kiosk.bench.phones import SENTENCES
    from kiosk.core.events import Actor, Command, Event
    from kiosk.core.session import SessionCore
    from kiosk.core.store import open_event_log
    from kiosk.resources import default_agenda_path

    agenda = load_agenda(default_agenda_path())
    core = SessionCore(agenda)  # in memory first: one transaction for the lot instead of one fsync per event
    events: list[Event] = []

    def run(command: Command) -> None:
        event = core.execute(command).event
        if event is not None:
            events.append(event)

    block, prompt = first_open_prompt()
    run(Command("block/jump", {"index": block}))
    run(Command("prompt/open", {"prompt": prompt}))
    run(Command("settings/auto_approve", {"on": True}))
    actors = [Actor("phone", device=f"replay-phone-{i:04d}") for i in range(phones)]
    for actor in actors:
        run(Command("device/join", {"role": "parent"}, actor))
    for i in range(contributions):
        text = f"{SENTENCES[i % len(SENTENCES)]} ({chr(97 + i % 26)}{chr(97 + i // 26 % 26)})"
        run(Command("contribution/add", {"id": f"r{i}", "text": text}, actors[i % phones]))
    log = open_event_log(data_dir)
    try:
        info = log.create_session(agenda, events[0].at)
        log.append(info.id, events)
    finally:
        log.close()
    return len(events)


async def time_resume(data_dir: Path) -> tuple[float, float]:
    """Seconds from starting `kiosk serve --resume` until its URLs are printed, and until a projector has
    its state/reset."""
    started = time.monotonic()
    server = await start_server(hub_command(data_dir, resume=True), timeout=120)
    try:
        urls_at = time.monotonic() - started
        screen = await Screen.connect(server.urls.ws, "display", server.urls.display_token)
        elapsed = time.monotonic() - started
        await screen.close()
    finally:
        await server.stop()
    return urls_at, elapsed


async def measure_replay(data_dir: Path, contributions: int, repeats: int = 3) -> dict[str, float | int]:
    """Build the evening once, resume it `repeats` times; the median and the slowest."""
    events = await asyncio.to_thread(build_evening, data_dir, contributions)
    runs = [await time_resume(data_dir) for _ in range(repeats)]
    urls = sorted(u for u, _ in runs)
    times = sorted(t for _, t in runs)
    return {
        "events": events,
        "contributions": contributions,
        "seconds_median": round(times[len(times) // 2], 3),
        "seconds_max": round(times[-1], 3),
        "urls_seconds_median": round(urls[len(urls) // 2], 3),
        "repeats": repeats,
    }
