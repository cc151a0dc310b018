"""The order of the wall: what the projector shows first of the answers to the open question."""

from __future__ import annotations

from kiosk.core.moderated import Contribution


def wall_rank(contribution: Contribution, recognitions: int) -> tuple[bool, int, int, float]:
    """Pinned first, then the most recognised, then the newest: a full hall keeps seeing fresh answers come in."""
    return (not contribution.pinned, -recognitions, -contribution.approved_seq, -contribution.at)
