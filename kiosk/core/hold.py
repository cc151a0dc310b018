"""Which process runs an evening: `kiosk run` and `kiosk serve` hold the evening they run, so that other commands
only read it and hand their changes to the running kiosk (kiosk/core/handover.py) instead of writing beside it.

A hold is an exclusive lock on a small file in the data folder, `held/<evening>.lock`. The system lets go of it
when the process ends in any way (a crash, a power cut, SIGKILL), so a hold never outlives its kiosk.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HELD_FOLDER = "held"


def _lock_path(data_dir: Path, session_id: str) -> Path:
    return data_dir / HELD_FOLDER / f"{session_id}.lock"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class EveningHold:
    """This process runs the evening; `release` (or the end of the process) lets go."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def take(cls, data_dir: Path, session_id: str, wait: float = 0.0) -> EveningHold | None:
        """Hold the evening; None while another process holds it (after trying for `wait` seconds).

        Raises OSError when the data folder cannot hold the lock file (a read-only folder: nothing runs there).
        """
        path = _lock_path(data_dir, session_id)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        return cls(path, fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets go of the lock
            self._fd = None


def holder(data_dir: Path, session_id: str) -> int | None:
    """The process id of the kiosk that holds this evening now, 0 when it is not known, None when none does."""
    path = _lock_path(data_dir, session_id)
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # no lock file: nothing ever held it here
    try:
        if _try_lock_shared(fd):
            return None
        try:
            text = os.read(fd, 32).decode(errors="replace").strip()
        except OSError:  # Windows keeps a locked byte from other processes
            return 0
        return int(text) if text.isdigit() else 0
    finally:
        os.close(fd)


def _try_lock_shared(fd: int) -> bool:
    """Whether nobody holds the file: a shared lock is granted only then (and let go again at once)."""
    if sys.platform == "win32":
        return _try_lock(fd)  # released when the file is closed
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True
