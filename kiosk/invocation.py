"""How to start this kiosk again from here, for the hints the kiosk gives ("{kiosk} export" makes the report).

After the README's install that is `.venv/bin/kiosk`; with `kiosk` on the PATH (pipx, an activated venv) it is
`kiosk`; run as `python -m kiosk`, this Python's kiosk script or `python -m kiosk` itself. Every hint then works
when typed as shown."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def _shown(path: Path) -> str:
    """A path as short as it can be typed from here: relative below the current folder, else absolute."""
    # Links are kept as they are: `.venv` may be a link, and `.venv/bin/kiosk` is still what to type.
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except (ValueError, OSError):
        return str(absolute)
    return str(relative) if relative.parent != Path(".") else f".{os.sep}{relative}"


def kiosk_command() -> str:
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    script = (
        started if started is not None and started.name == "kiosk" else Path(sys.executable).parent / "kiosk"
    )
    on_path = shutil.which("kiosk")
    if on_path is not None and script.exists() and Path(on_path).resolve() == script.resolve():
        return "kiosk"
    if script.exists():
        return _shown(script)
    return f"{_shown(Path(sys.executable))} -m kiosk"
