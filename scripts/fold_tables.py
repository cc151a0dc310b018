"""Fold the Python word tables of a branch written before the message catalog into participant_web/i18n/*.json.

Before the catalog, each face kept its words in a Python dictionary per language. A branch that added words
there merges into the catalog with this script: resolve the table files' conflicts by deleting them (the faces
read the catalog now), then run

    python scripts/fold_tables.py REV        # e.g. questions15

It reads the tables as REV has them (without running REV's code), and writes every key the catalog lacks or
says differently into nl.json and en.json under its namespace (app., report., letter., kit., cli., agenda.),
next to that namespace's other keys. The app's `error.*` texts are the shared `error.*` of every face: one the
catalog already has stays as it is. Afterwards `python -m pytest tests/unit/test_catalog.py` checks the files.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "participant_web" / "i18n"
# (file as it was, the table's name, the namespace its keys go to, whether the table is per language)
TABLES = [
    ("kiosk/tui/i18n/nl.py", "STRINGS", "app.", "nl"),
    ("kiosk/tui/i18n/en.py", "STRINGS", "app.", "en"),
    ("kiosk/report/texts.py", "_LABELS", "report.", None),
    ("kiosk/report/letter_words.py", "_WORDS", "letter.", None),
    ("kiosk/prepare/words.py", "_WORDS", "kit.", None),
    ("kiosk/commands/texts.py", "TEXTS", "cli.", None),
    ("kiosk/agenda/messages.py", "MESSAGES", "agenda.", None),
]


def source(rev: str, path: str) -> str | None:
    shown = subprocess.run(
        ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return shown.stdout if shown.returncode == 0 else None


def tables_in(text: str) -> dict[str, object]:
    """Every top-level `NAME = {...}` or `NAME: type = {...}` whose value is a plain literal."""
    found: dict[str, object] = {}
    for node in ast.parse(text).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            try:
                found[target.id] = ast.literal_eval(value)
            except ValueError:
                continue
    return found


def insert(table: dict[str, str], key: str, value: str) -> dict[str, str]:
    """`table` with `key` after the last key of its namespace (at the end when the namespace is new)."""
    if key in table:
        return {**table, key: value}
    items = list(table.items())
    space = key.split(".")[0] + "."
    at = max((n for n, (k, _) in enumerate(items) if k.startswith(space)), default=len(items) - 1)
    return dict([*items[: at + 1], (key, value), *items[at + 1 :]])


def main(rev: str) -> int:
    files = {lang: json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("nl", "en")}
    shared_errors = {k for k in files["nl"] if k.startswith("error.")}
    changes = 0
    for path, name, prefix, lang in TABLES:
        text = source(rev, path)
        if text is None:
            continue
        tables = tables_in(text)
        others = [
            n
            for n, t in tables.items()
            if n != name and isinstance(t, dict) and {"nl", "en"} <= set(t) and isinstance(t["nl"], dict)
        ]
        for other in others:
            print(
                f"{path}: {other} is a word table this script does not know; move it by hand", file=sys.stderr
            )
        table = tables.get(name)
        if not isinstance(table, dict):
            continue
        per_lang = {lang: table} if lang else {code: table[code] for code in ("nl", "en") if code in table}
        for code, words in per_lang.items():
            for key, value in words.items():
                full = f"{prefix}{key}"
                if prefix == "app." and key in shared_errors and full not in files[code]:
                    continue  # one refusal text for every face
                if files[code].get(full) != value:
                    print(f"{code}: {'changed' if full in files[code] else 'added'} {full}")
                    files[code] = insert(files[code], full, value)
                    changes += 1
    for code, table in files.items():
        (I18N / f"{code}.json").write_text(
            json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"{changes} texts written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(sys.argv[1]))
