"""The README's commands and the kiosk's own hints run as written after the README's install: `.venv/bin/kiosk`,
typed in the project's folder, with nothing else on the PATH."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUBCOMMANDS = "run|serve|check|sessions|export|actions|prepare|bench|purge"


def readme_commands() -> list[str]:
    """Every kiosk command the README gives to type: in code blocks and in `code spans`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.DOTALL))
    blocks = [
        line
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.DOTALL)
        for line in block.splitlines()
    ]
    found = [s for s in spans + blocks if re.search(rf"\bkiosk ({SUBCOMMANDS})\b", s)]
    assert len(found) > 15
    return found


def test_every_kiosk_command_in_the_readme_is_the_one_the_install_makes() -> None:
    for command in readme_commands():
        for use in re.finditer(rf"(\S*)kiosk ({SUBCOMMANDS})\b", command):
            assert use[1] in (".venv/bin/", ".venv\\Scripts\\"), command


def in_an_installed_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder as the README leaves it: `.venv` is this test's virtual environment (made by the same install),
    and the PATH holds only the system's folders."""
    folder = tmp_path / "school"
    folder.mkdir()
    (folder / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    assert (folder / ".venv" / "bin" / "kiosk").exists(), "the install makes .venv/bin/kiosk"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = "/usr/bin:/bin"
    env["KIOSK_DATA_DIR"] = str(tmp_path / "data")
    return folder, env


def run(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/sh", "-c", command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_readmes_commands_start_after_the_readmes_install(tmp_path: Path) -> None:
    folder, env = in_an_installed_folder(tmp_path)
    tried = set()
    for command in readme_commands():
        for use in re.finditer(rf"\.venv/bin/kiosk ({SUBCOMMANDS})\b", command):
            tried.add(use[1])
    for subcommand in sorted(tried):
        done = run(f".venv/bin/kiosk {subcommand} --help", folder, env)
        assert done.returncode == 0, (subcommand, done.stderr)
    assert {"run", "export", "actions", "sessions", "prepare"} <= tried


def test_the_kiosks_own_hints_name_a_command_that_runs(tmp_path: Path) -> None:
    folder, env = in_an_installed_folder(tmp_path)
    done = run(".venv/bin/kiosk sessions", folder, env)
    hint = re.search(r"“([^”]+)”", done.stdout + done.stderr)
    assert hint is not None, done.stdout + done.stderr
    assert hint[1] == ".venv/bin/kiosk run"
    assert run(f"{shlex.quote(hint[1].split()[0])} run --help", folder, env).returncode == 0
