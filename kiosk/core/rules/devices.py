"""Phones joining the evening: a random id per session, an optional role, a language."""

from __future__ import annotations

import re
from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules.registry import EVERYONE, Context, rule
from kiosk.core.state import ROLES, Device, SessionState
from kiosk.core.tables import late_joiner_table, seat_device

_DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
MAX_DEVICES = 20_000


def device_of(cmd: Command) -> str:
    """The phone that sent a command; only phones and hosts have one."""
    if cmd.actor.device is None or not _DEVICE_ID.fullmatch(cmd.actor.device):
        raise CommandError("bad_device", "this phone has no valid device id")
    return cmd.actor.device


def role_field(data: dict[str, Any]) -> str | None:
    role = data.get("role")
    if role is None or role == "":
        return None
    if role not in ROLES:
        raise CommandError("bad_role", "role must be 'parent' or 'staff'", allowed=list(ROLES))
    return str(role)


@rule("device/join", actors=EVERYONE)
def _check_join(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    device = device_of(cmd)
    role = role_field(cmd.data)
    lang = cmd.data.get("lang", "nl")
    if not isinstance(lang, str) or not _LANG.fullmatch(lang):
        lang = "nl"
    known = state.devices.get(device)
    if known is not None:
        if (role is None or role == known.role) and lang == known.lang:
            return None
        return {"device": device, "role": role or known.role, "lang": lang}
    if len(state.devices) >= MAX_DEVICES:
        raise CommandError("full", "the evening has as many phones as it can take")
    data: dict[str, Any] = {"device": device, "role": role, "lang": lang}
    table = late_joiner_table(state, device, role)
    if table is not None:
        data["table"] = table  # a late joiner after the division sits at the smallest table
    return data


@_check_join.applies
def _apply_join(state: SessionState, event: Event) -> Changes:
    device = state.devices.get(event.data["device"])
    if device is None:
        state.devices[event.data["device"]] = Device(
            id=event.data["device"], joined_at=event.at, role=event.data["role"], lang=event.data["lang"]
        )
    else:
        device.role = event.data["role"]
        device.lang = event.data["lang"]
    changes = Changes(devices=one(event.data["device"]), joined=one(event.data["device"]))
    if event.data.get("table") is not None:
        seat_device(state, event.data["device"], event.data["table"])
        changes |= Changes(tables=frozenset({event.data["table"]}))
    return changes
