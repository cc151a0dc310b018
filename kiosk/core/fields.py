"""A command's fields read with a clear error: every rule and question kind reads its data through these."""

from __future__ import annotations

from typing import Any

from kiosk.core.events import CommandError
from kiosk.core.text import clean_text, text_size


def field_str(data: dict[str, Any], name: str, *, required: bool = True, max_len: int = 500) -> str:
    """A string field of a command, cleaned like every typed text; a clear error when missing or wrong."""
    value = data.get(name)
    if value is None:
        if required:
            raise CommandError("bad_request", f"'{name}' is missing", field=name)
        return ""
    if not isinstance(value, str):
        raise CommandError("bad_request", f"'{name}' must be text", field=name)
    value = clean_text(value)
    if text_size(value) > max_len:
        raise CommandError(
            "too_long", f"'{name}' is longer than {max_len} characters", field=name, max=max_len
        )
    return value


def field_int(data: dict[str, Any], name: str, *, default: int | None = None, lo: int, hi: int) -> int:
    """A whole-number field within [lo, hi]."""
    value = data.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CommandError("bad_request", f"'{name}' must be a whole number", field=name)
    if not lo <= value <= hi:
        raise CommandError("out_of_range", f"'{name}' must be from {lo} to {hi}", field=name, lo=lo, hi=hi)
    return value


def field_bool(data: dict[str, Any], name: str, *, default: bool | None = None) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise CommandError("bad_request", f"'{name}' must be true or false", field=name)
    return value
