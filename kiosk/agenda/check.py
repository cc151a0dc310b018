"""`kiosk check AGENDA... [--json] [--lang nl|en]`: validate agenda files and say exactly where they are wrong."""

from __future__ import annotations

import json
from typing import Any, TextIO

from kiosk.agenda.messages import count, render_error
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
        return None, [AgendaError(path, 0, "not_checked", {"error": f"{type(exc).__name__}: {exc}"})]


def run_check(paths: list[str], as_json: bool, out: TextIO, err: TextIO, lang: str = "nl") -> int:
    """Check each agenda; print `file:line: message` (in `lang`) per problem to err and return 2, else 0."""
    if not paths:
        print(render_error("check_nothing", {}, lang), file=err)
        return EXIT_INVALID
    agendas: list[Agenda] = []
    failed = False
    for path in paths:
        agenda, errors = check_file(path)
        for error in errors:
            print(error.render(lang), file=err)
        if agenda is None:
            failed = True
            continue
        agendas.append(agenda)
        if not as_json:
            blocks = count("count_blocks", len(agenda.blocks), lang)
            minutes = count("count_minutes", agenda.total_minutes, lang)
            print(
                render_error("check_ok", {"path": path, "blocks": blocks, "minutes": minutes}, lang), file=out
            )
    if failed:
        # No JSON at all then: a script reading it should not mistake part of the files for all of them.
        return EXIT_INVALID
    if as_json:
        data: Any = agendas[0].to_json() if len(agendas) == 1 else [a.to_json() for a in agendas]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_OK
