"""`kiosk check AGENDA... [--json]`: validate agenda files and say exactly where they are wrong."""

from __future__ import annotations

import json
from typing import Any, TextIO

from kiosk.agenda.model import Agenda, AgendaError, AgendaInvalid
from kiosk.agenda.parser import load_agenda

EXIT_OK = 0
EXIT_INVALID = 2


def check_file(path: str) -> tuple[Agenda | None, list[AgendaError]]:
    """Parse one file; every problem comes back as an AgendaError, never as an exception."""
    try:
        return load_agenda(path), []
    except AgendaInvalid as exc:
        return None, list(exc.errors)
    except Exception as exc:  # noqa: BLE001 - the command promises a message, never a traceback
        return None, [
            AgendaError(path, 0, f"could not be checked ({type(exc).__name__}: {exc}); please report this")
        ]


def run_check(paths: list[str], as_json: bool, out: TextIO, err: TextIO) -> int:
    """Check each agenda; print `file:line: message` per problem to err and return 2, else 0."""
    if not paths:
        print("kiosk check: name at least one agenda file, like agendas/ouderpartnerschap.md", file=err)
        return EXIT_INVALID
    agendas: list[Agenda] = []
    failed = False
    for path in paths:
        agenda, errors = check_file(path)
        for error in errors:
            print(error, file=err)
        if agenda is None:
            failed = True
            continue
        agendas.append(agenda)
        if not as_json:
            print(f"{path}: ok, {len(agenda.blocks)} blocks, {agenda.total_minutes} minutes", file=out)
    if failed:
        # No JSON at all then: a script reading it should not mistake part of the files for all of them.
        return EXIT_INVALID
    if as_json:
        data: Any = agendas[0].to_json() if len(agendas) == 1 else [a.to_json() for a in agendas]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_OK
