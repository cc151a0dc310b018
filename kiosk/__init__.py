"""Driehoek kiosk: runs a parent dialogue evening from one laptop."""

from __future__ import annotations

__version__ = "0.1.0"
