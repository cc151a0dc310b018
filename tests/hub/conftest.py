"""A real evening in a real SQLite file, and a real hub on a free port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hubclient import Peer, open_peer

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Command
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import EventLog, open_event_log
from kiosk.hub.server import Hub
from kiosk.resources import default_agenda_path


@pytest.fixture
def event_log(tmp_path: Path) -> Iterator[EventLog]:
    log = open_event_log(tmp_path / "data")
    yield log
    log.close()


@pytest.fixture
def evening(event_log: EventLog) -> SessionCore:
    return start_session(event_log, load_agenda(default_agenda_path()))


def dialogue_block(core: SessionCore) -> int:
    return next(b.index for b in core.agenda.blocks if b.kind == "dialogue")


def in_dialogue(core: SessionCore) -> str:
    """Move the evening to the dialogue, as the facilitator's app would; returns the open question."""
    core.execute(Command("block/jump", {"index": dialogue_block(core)}))
    assert core.state.open_prompt is not None
    return core.state.open_prompt


@pytest.fixture
async def hub(evening: SessionCore) -> AsyncIterator[Hub]:
    server = Hub(evening, host="127.0.0.1", port=0)
    await server.start()
    yield server
    await server.stop()


Join = Callable[..., Awaitable[Peer]]


@pytest.fixture
async def join(hub: Hub) -> AsyncIterator[Join]:
    """Connect a phone, display or remote that has said hello and received its first view."""
    peers: list[Peer] = []
    info = hub.core.info
    assert info is not None

    async def make(role: str = "phone", device: str | None = None, **extra: Any) -> Peer:
        hello: dict[str, Any] = {"role": role}
        if role == "phone":
            hello |= {
                "room": info.room_code,
                "device": device or f"phone-{len(peers):04d}-test",
                "lang": "en",
            }
        elif role == "display":
            hello["token"] = info.display_token
        elif role == "remote":
            hello["token"] = info.remote_token
        hello |= extra
        peer = await open_peer(hub.port, hello)
        peers.append(peer)
        await peer.next("hello/ok")
        await peer.next("state/reset")
        if role == "phone":
            await peer.next("mine/update")
        return peer

    yield make
    for peer in peers:
        await peer.close()
