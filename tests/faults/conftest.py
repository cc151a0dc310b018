"""Fault tests run the real `kiosk serve` in a subprocess and talk to it over real sockets."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.bench.screens import Screen
from kiosk.bench.server import Urls, hub_command

SENTENCE = "Wij willen graag vaker horen hoe het in de klas gaat"


async def open_phone(urls: Urls, device: str) -> Screen:
    return await Screen.introduce(
        urls.ws, {"type": "hello", "role": "phone", "room": urls.room, "device": device, "lang": "nl"}
    )


def stored_ids(data_dir: Path) -> list[str]:
    """The id of every contribution/add event in the database, in log order (repeats included)."""
    db = sqlite3.connect(f"file:{data_dir / 'kiosk.sqlite3'}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT data FROM events WHERE type='contribution/add' ORDER BY seq").fetchall()
    finally:
        db.close()
    return [json.loads(data)["id"] for (data,) in rows]


def shown(view: dict[str, Any]) -> list[str]:
    return [c["id"] for c in view.get("contributions") or ()]


ServeCommand = Callable[..., list[str]]


def kiosk_serve() -> ServeCommand:
    """`kiosk serve` on 127.0.0.1, port 0, in a data folder; `resume=True` continues the evening there."""
    if importlib.util.find_spec("kiosk.commands.serve") is None:
        pytest.skip("`kiosk serve` is not built yet")
    return hub_command


@pytest.fixture
def serve_command() -> ServeCommand:
    return kiosk_serve()
