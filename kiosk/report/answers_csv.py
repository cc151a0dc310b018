"""Answers and ratings as CSV for the school's own analysis in a spreadsheet: no device ids, no identity.

One row per answer. Open answers keep their arrival order within a question; ratings and choices are sorted by
value, so no row order links one phone's answers across questions. The audience decides which text goes in:
for parents only what the facilitator approved, and no rating comments (nobody reviewed those).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from kiosk.agenda.model import Prompt
from kiosk.catalog import catalog
from kiosk.core.state import Contribution, SessionState


class _Words:
    """The CSV's words: `report.csv.<word>` in the catalog (the role nobody gave is `unknown`)."""

    def __init__(self, lang: str) -> None:
        self._words = catalog(lang)

    def __getitem__(self, word: str) -> str:
        return self._words(f"report.csv.{word or 'unknown'}")


# A Dutch spreadsheet splits on semicolons (the comma is its decimal mark); an English one on commas.
DELIMITERS = {"nl": ";", "en": ","}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def literal(text: str) -> str:
    """Text from the room as a spreadsheet shows it: a leading '=' (or + - @) must not become a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _status(c: Contribution) -> str:
    if c.withdrawn:
        return "withdrawn"
    if c.merged_into is not None and c.status == "approved":
        return "merged"
    return c.status


def _open_rows(
    state: SessionState, prompt: Prompt | None, block: int, lang: str, team: bool
) -> Iterator[list[str]]:
    words = _Words(lang)
    prompt_id = prompt.id if prompt else None
    for c in state.contributions.values():  # arrival order
        if c.block_index != block or c.prompt_id != prompt_id:
            continue
        if not team and not c.visible:
            continue  # the letter's rule: only what the facilitator approved; merged repeats count in times_said
        merged = [d for d in state.duplicates.get(c.id, ()) if state.contributions[d].status != "hidden"]
        yield [
            literal(c.text),
            "",
            "",
            words[c.role or ""],
            words[c.source],
            words[_status(c)],
            str(state.endorsement_count(c)),
            str(1 + len(merged)) if c.merged_into is None else "",
            literal("; ".join(c.tags)),
        ]


def _response_rows(state: SessionState, prompt: Prompt, lang: str, team: bool) -> Iterator[list[str]]:
    words = _Words(lang)
    options = prompt.options_in(lang)
    rows = []
    for answer in state.responses.get(prompt.id, {}).values():
        if prompt.kind == "rating":
            value, text = str(answer.value), ""
        elif 0 <= answer.value < len(options):
            value, text = "", options[answer.value]
        else:
            continue
        comment = answer.comment if team else ""
        rows.append([literal(text), value, literal(comment), words[answer.role or ""], words["phone"],
                     words["answered"], "", "", ""])  # fmt: skip
    yield from sorted(rows)  # by answer, value and comment: never in the order the phones came in


def answers_csv(state: SessionState, lang: str = "nl", *, team: bool = True) -> str:
    """Every answer and rating of the evening as CSV text (UTF-8 with a byte order mark, for spreadsheets)."""
    lang = lang if lang in DELIMITERS else "nl"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITERS[lang], lineterminator="\r\n")
    writer.writerow(catalog(lang)("report.csv.columns").split("|"))
    words = _Words(lang)
    for block in state.agenda.blocks:
        prompts: list[Prompt | None] = [*block.prompts, None]
        for prompt in prompts:
            head = [
                prompt.id if prompt else "",
                literal(block.title),
                literal(prompt.text_in(lang) if prompt else ""),
            ]
            kind = words[prompt.kind] if prompt else words["open"]
            if prompt is None or prompt.kind == "open":
                rows = _open_rows(state, prompt, block.index, lang, team)
            else:
                rows = _response_rows(state, prompt, lang, team)
            for row in rows:
                writer.writerow([*head, kind, *row])
    return "\ufeff" + out.getvalue()
