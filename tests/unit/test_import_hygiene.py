"""The core never imports a face: each core module is imported alone in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import kiosk

FACES = ("kiosk.tui", "kiosk.hub", "kiosk.commands", "kiosk.cli", "kiosk.__main__", "kiosk.bench")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(kiosk.__path__, "kiosk."):
        if not info.name.startswith(FACES):
            names.append(info.name)
    return sorted(names)


def imported_after(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {name.split(".")[0] for name in out.split()}


def test_the_core_modules_are_found() -> None:
    modules = core_modules()
    assert "kiosk.core.session" in modules and "kiosk.agenda.parser" in modules


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_neither_textual_nor_websockets(module: str) -> None:
    assert not imported_after(module) & {"textual", "websockets"}


def hub_modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(kiosk.__path__, "kiosk.") if info.name.startswith("kiosk.hub")]


@pytest.mark.parametrize("module", hub_modules())
def test_hub_does_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(module)


def test_checking_an_agenda_loads_neither_face() -> None:
    assert not imported_after("kiosk.cli") & {"textual", "websockets"}
