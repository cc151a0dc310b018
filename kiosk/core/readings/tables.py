"""Readings of the theme tables that more than one face shows."""

from __future__ import annotations

import math

from kiosk.core.grouping import MAX_TABLES
from kiosk.core.rules.tables import PER_TABLE
from kiosk.core.state import SessionState


def suggested_count(state: SessionState) -> int:
    """The default number of tables (the remote's and the kiosk's): groups of about eight, at least one."""
    return max(1, min(MAX_TABLES, math.ceil(len(state.devices) / PER_TABLE)))
