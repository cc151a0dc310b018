"""Opaque names for seated phones: the remote moves a person by handle and never learns a device id."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from kiosk.core.state import SessionState


class SeatHandles:
    """HMAC of the device id with a secret made for this process; the hub maps a handle back to its device."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret if secret is not None else secrets.token_bytes(32)
        self._made: dict[str, str] = {}  # device -> handle: the remote view is rebuilt on every change

    def handle(self, device: str) -> str:
        """The handle the remote sees for this device; the same for the whole run of the hub."""
        found = self._made.get(device)
        if found is None:
            digest = hmac.new(self._secret, device.encode(), hashlib.sha256).digest()[:12]
            found = self._made[device] = "s-" + base64.urlsafe_b64encode(digest).decode()
        return found

    def device(self, state: SessionState, handle: object) -> str | None:
        """The seated device this handle stands for, or None when it names no one (any more)."""
        if not isinstance(handle, str):
            return None
        for device in state.tables.seats:
            if hmac.compare_digest(self.handle(device), handle):
                return device
        return None


# One secret per process: handles stay the same across views, reconnects and hubs while the kiosk runs.
PROCESS_HANDLES = SeatHandles()
