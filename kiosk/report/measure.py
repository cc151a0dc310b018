"""How long the running summary and the report take on a big evening: `python -m kiosk.report.measure`."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from kiosk.agenda.model import Agenda
from kiosk.core.readings.summary import running_summary
from kiosk.core.state import Contribution, Device, SessionState
from kiosk.report.aftercare import build_report
from kiosk.report.render_html import render_html
from kiosk.report.render_md import render_markdown


def big_evening(
    agenda: Agenda, contributions: int = 10_000, devices: int = 2_000, seed: int = 1
) -> SessionState:
    """A state with many phones, contributions, tags, pins, merges and recognitions (seeded, so repeatable)."""
    rng = random.Random(seed)
    state = SessionState.initial(agenda)
    ids = [f"bench-{n:06d}" for n in range(devices)]
    for device in ids:
        state.devices[device] = Device(device, 0.0, rng.choice(["parent", "staff", None]))
    prompts: list[tuple[int, str | None]] = [
        (b.index, p.id) for b in agenda.blocks for p in b.prompts if p.kind == "open"
    ]
    prompts = prompts or [(0, None)]
    for n in range(contributions):
        block, prompt = rng.choice(prompts)
        state.contributions[f"c{n}"] = Contribution(
            id=f"c{n}",
            prompt_id=prompt,
            block_index=block,
            text=f"bijdrage {n} " * 5,
            at=float(n),
            device=rng.choice(ids),
            role=rng.choice(["parent", "staff", None]),
            status=rng.choice(["approved"] * 4 + ["pending", "hidden"]),
            tags=rng.choice([[], ["Communicatie"], ["Vertrouwen"], ["Tijd", "Rooster"]]),
            pinned=rng.random() < 0.01,
            votes=set(rng.sample(ids, rng.randint(0, 8))),
        )
    for n in range(0, contributions - 1, 10):
        state.contributions[f"c{n}"].merged_into = f"c{n + 1}"
        state.duplicates.setdefault(f"c{n + 1}", []).append(f"c{n}")  # the index the merge rule keeps
    return state


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of several runs in seconds: the least disturbed by whatever else the laptop does."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from kiosk.agenda.parser import load_agenda
    from kiosk.resources import default_agenda_path

    state = big_evening(load_agenda(default_agenda_path()))
    summary = best_of(20, lambda: running_summary(state))
    report = build_report(state, created_at=0.0)
    built = best_of(3, lambda: build_report(state, created_at=0.0))
    markdown = best_of(3, lambda: render_markdown(report))
    html = best_of(3, lambda: render_html(report))
    print(f"running_summary with {len(state.contributions)} contributions: {summary * 1000:.1f} ms")
    print(
        f"build_report: {built * 1000:.0f} ms, render_markdown: {markdown * 1000:.0f} ms, "
        f"render_html: {html * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
