"""The core never imports a face, and faces never import each other: run-time and static checks."""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

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
    return [
        info.name
        for info in pkgutil.walk_packages(kiosk.__path__, "kiosk.")
        if info.name.startswith("kiosk.hub")
    ]


@pytest.mark.parametrize("module", hub_modules())
def test_hub_does_not_import_textual(module: str) -> None:
    assert "textual" not in imported_after(module)


def test_checking_an_agenda_loads_neither_face() -> None:
    assert not imported_after("kiosk.cli") & {"textual", "websockets"}


# Faces import the core, never each other; the core imports no face. `kiosk.commands` and `kiosk.bench` put
# faces together (the composition root and the benchmark), so they are left out.
FORBIDDEN = {
    "kiosk.hub": ("kiosk.report", "kiosk.tui", "kiosk.commands", "kiosk.bench"),
    "kiosk.tui": ("kiosk.hub", "kiosk.report", "kiosk.commands", "kiosk.bench"),
    "kiosk.report": ("kiosk.hub", "kiosk.tui", "kiosk.commands", "kiosk.bench"),
    "kiosk.core": ("kiosk.hub", "kiosk.tui", "kiosk.report", "kiosk.commands", "kiosk.bench"),
    "kiosk.agenda": ("kiosk.hub", "kiosk.tui", "kiosk.report", "kiosk.commands", "kiosk.bench", "kiosk.core"),
}
PACKAGE = Path(kiosk.__file__).resolve().parent


def imports_of(path: Path, module: str) -> set[str]:
    """Every module an import statement in the file names: at the top, in functions, under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def modules_under(prefix: str) -> list[tuple[str, Path]]:
    folder = PACKAGE.joinpath(*prefix.split(".")[1:])
    found = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        found.append((name, path))
    return found


def test_every_face_is_checked_and_has_modules() -> None:
    for prefix in FORBIDDEN:
        assert modules_under(prefix), prefix


@pytest.mark.parametrize("face", sorted(FORBIDDEN))
def test_faces_never_import_each_other(face: str) -> None:
    crossings = []
    for module, path in modules_under(face):
        for imported in imports_of(path, module):
            if any(imported == other or imported.startswith(other + ".") for other in FORBIDDEN[face]):
                crossings.append(f"{module} imports {imported}")
    assert crossings == []


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("def f():\n    from kiosk.hub.server import Hub\n    from . import sibling\n")
    assert {"kiosk.hub.server", "kiosk.hub.server.Hub", "kiosk.tui.sibling"} <= imports_of(
        source, "kiosk.tui.probe"
    )


def test_import_linter_contracts_hold() -> None:
    """The same layers as import-linter contracts (pyproject.toml), as a second, independent reading."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    run = subprocess.run([lint], capture_output=True, text=True, cwd=PACKAGE.parent, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]


# The core says what changed (kiosk.core.changes.Changes); no face decodes an event's type or payload. The core,
# its read layer and the bench (which counts what the log stored) may read events.
EVENT_READERS = ("kiosk.core", "kiosk.bench")


def test_no_face_reads_events() -> None:
    readers = []
    for face in (
        "kiosk.tui",
        "kiosk.hub",
        "kiosk.report",
        "kiosk.commands",
        "kiosk.namecheck",
        "kiosk.prepare",
    ):
        for module, path in modules_under(face):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module == "kiosk.core.events"
                    and any(alias.name == "Event" for alias in node.names)
                ):
                    readers.append(f"{module} imports Event")
                if isinstance(node, ast.Attribute) and node.attr == "events" and module not in EVENT_READERS:
                    readers.append(f"{module} reads .events at line {node.lineno}")
    assert readers == []


def module_graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """Every module's imports of other kiosk modules, and which of those edges are under `if TYPE_CHECKING:`."""
    found = {name: path for name, path in modules_under("kiosk")}
    graph: dict[str, set[str]] = {name: set() for name in found}
    typing_only: set[tuple[str, str]] = set()
    for module, path in found.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        checked = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in imports_of_node(node, module, path):
                target = name
                while target and target not in found:
                    target = target.rpartition(".")[0]
                if target and target != module and not module.startswith(target + "."):
                    graph[module].add(target)
                    if id(node) in checked:
                        typing_only.add((module, target))
    return graph, typing_only


def imports_of_node(node: ast.Import | ast.ImportFrom, module: str, path: Path) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
    return {base, *(f"{base}.{alias.name}" for alias in node.names)}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other round in a circle (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_modules_import_each_other_in_a_circle() -> None:
    """An import for type hints alone, inside one face, may close a circle (the app and its screens); nothing else."""
    graph, typing_only = module_graph()
    kept = {
        module: {
            target
            for target in targets
            if (module, target) not in typing_only or module.split(".")[:2] != target.split(".")[:2]
        }
        for module, targets in graph.items()
    }
    assert circles(kept) == []


def test_the_circle_check_sees_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
