"""One formatter, enforced: the code reads the same everywhere, and a diff shows only what changed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    return found


def test_the_code_is_formatted_by_ruff() -> None:
    run = subprocess.run(
        [_ruff(), "format", "--check", "kiosk", "tests", "scripts"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, "run `ruff format kiosk tests scripts`:\n" + run.stdout[-3000:]


def test_ruff_finds_nothing() -> None:
    run = subprocess.run(
        [_ruff(), "check", "kiosk", "tests", "scripts"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert run.returncode == 0, run.stdout[-3000:]
