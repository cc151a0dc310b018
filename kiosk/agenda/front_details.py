"""The evening's details before the first block (`school:`, `datum:`, `aanmelden:`, `tolk:`, `vervolg:` ...),
read into `Details`: each checked as it is read, and the moments against the evening's date at the end."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from kiosk.agenda.details import DetailProblem, logo_problem, parse_date, parse_moment
from kiosk.agenda.model import Details, Moment
from kiosk.agenda.vocabulary import NO, YES

_LANG = re.compile(r"^[a-z]{2}$")


class DetailsDraft:
    """The details while the agenda is read; `error(line, code, **params)` notes a problem."""

    def __init__(self, error: Callable[..., None], base_dir: Path | None) -> None:
        self.error = error
        self.base_dir = base_dir  # the agenda file's folder: a logo is checked there; None for stored text
        self.values: dict[str, object] = {}
        self.lines: dict[str, int] = {}

    def set(self, line: int, name: str, value: str) -> None:
        """One `key: value` (`name` as in AGENDA_KEYS' values), checked."""
        self.lines[name] = line
        parsed: object = value
        try:
            if name == "date":
                parsed = parse_date(value).isoformat()
            elif name in ("signup_by", "next_update"):
                parsed = parse_moment(value)
            elif name == "interpreter":
                self._interpreter(line, value)
                return
            elif name == "bring":
                parsed = self._yes_or_no(line, value, "bring_value")
                if parsed is None:
                    return
        except DetailProblem as exc:
            self.error(line, exc.code, **exc.params)
            return
        if name == "logo" and self.base_dir is not None:
            problem = logo_problem(self.base_dir / value)
            if problem is not None:
                self.error(line, problem.code, logo=value, **problem.params)
                return
        self.values[name] = parsed

    def _yes_or_no(self, line: int, value: str, code: str) -> bool | None:
        word = value.strip().lower()
        if word in YES or word in NO:
            return word in YES
        self.error(line, code, value=value)
        return None

    def _interpreter(self, line: int, value: str) -> None:
        """`tolk: ja`, `tolk: nee`, or the languages the school has interpreters for: `tolk: tr, ar`."""
        word = value.strip().lower()
        if word in YES or word in NO:
            self.values["interpreter"] = word in YES
            return
        codes = [code for code in re.split(r"[,\s]+", word) if code]
        if not codes or not all(_LANG.match(code) for code in codes):
            self.error(line, "interpreter_value", value=value)
            return
        self.values["interpreter"] = True
        self.values["interpreter_languages"] = tuple(dict.fromkeys(codes))

    def check_moments(self) -> None:
        """The sign-up closes before the evening, and the next update comes after it."""
        evening = str(self.values.get("date", ""))
        for name, side in (("signup_by", "before"), ("next_update", "after")):
            moment = self.values.get(name)
            if not isinstance(moment, Moment):
                continue
            day, days = moment.day(evening), moment.days_before
            if side == "before":
                wrong = (days is not None and days <= 0) or bool(day and evening and day >= evening)
            else:
                wrong = (days is not None and days >= 0) or bool(day and evening and day <= evening)
            if wrong:
                self.error(self.lines[name], f"{name}_{side}", text=moment.written)

    def freeze(self) -> Details:
        return Details(**self.values)  # type: ignore[arg-type]
