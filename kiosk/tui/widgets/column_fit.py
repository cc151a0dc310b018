"""Columns that grow with the terminal, and short labels that stay apart when long texts are cut."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from textual.message import Message
from textual.widgets import DataTable


def share_widths(
    available: int, fixed: Mapping[str, int], shares: Mapping[str, tuple[int, int, int]]
) -> dict[str, int]:
    """Widths for `fixed` columns as given and the rest split by `shares` (key: (weight, min, max)).

    What a maximum leaves over goes to the other flexible columns; `available` is the table's inner width.
    """
    widths = dict(fixed)
    rest = max(available - sum(fixed.values()), 0)
    open_keys = list(shares)
    while open_keys:
        weight = sum(shares[k][0] for k in open_keys)
        capped = [k for k in open_keys if rest * shares[k][0] // weight > shares[k][2]]
        if not capped:
            break
        for key in capped:
            widths[key] = shares[key][2]
            rest -= shares[key][2]
            open_keys.remove(key)
    weight = sum(shares[k][0] for k in open_keys) or 1
    given = 0
    for index, key in enumerate(open_keys):
        share = rest - given if index == len(open_keys) - 1 else rest * shares[key][0] // weight
        widths[key] = max(share, shares[key][1])
        given += share
    return widths


def fit_columns(table: DataTable[Any], widths: Mapping[str, int]) -> bool:
    """Give the table's columns these widths; True if any changed (the table then lays itself out again)."""
    changed = False
    for key, column in table.columns.items():
        width = widths.get(str(key.value))
        if width is not None and (column.width != width or column.auto_width):
            column.width, column.auto_width = width, False
            changed = True
    if changed:
        # DataTable measures its columns only when cells change; a new width alone needs this nudge.
        table._require_update_dimensions = True
        table.refresh(layout=True)
    return changed


def inner_width(table: DataTable[Any], columns: int) -> int:
    """Cells left for the columns' contents: the table's width less cell padding and a scrollbar's room."""
    return table.size.width - 2 * table.cell_padding * columns - 2


def cut(text: str, width: int) -> str:
    """The text in at most `width` cells, with an ellipsis when it was longer."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def distinct_labels(texts: list[str], width: int) -> dict[str, str]:
    """Each text cut to `width`; texts that would look the same show where they differ instead.

    "Wat zijn de ervaringen van de ouders?" and "... van school?" in 16 cells: "Wat…de ouders?" and
    "Wat…school?", not twice "Wat zijn de erva…".
    """
    labels = {text: cut(text, width) for text in texts}
    clashes: dict[str, list[str]] = {}
    for text, label in labels.items():
        clashes.setdefault(label, []).append(text)
    for group in (g for g in clashes.values() if len(g) > 1):
        same = len(os.path.commonprefix(group))
        start = group[0].rfind(" ", 0, same) + 1  # from the start of the word where they part
        head = group[0][: min(4, start)].rstrip()
        for text in group:
            labels[text] = head + "…" + cut(text[start:], max(width - len(head) - 1, 1)) if start else text
    return labels


class FittingTable(DataTable[Any]):
    """A table whose columns share its width: `fixed` ones keep theirs, the others grow by their weight."""

    class Fitted(Message):
        """The columns got new widths; whoever cut texts to fit them may cut them again."""

    def __init__(
        self, fixed: Mapping[str, int], shares: Mapping[str, tuple[int, int, int]], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.fixed = dict(fixed)
        self.shares = dict(shares)

    def on_resize(self) -> None:
        widths = share_widths(inner_width(self, len(self.columns)), self.fixed, self.shares)
        if fit_columns(self, widths):
            self.post_message(self.Fitted())

    def width_of(self, key: str) -> int:
        """The width a column has now."""
        return next(column.width for column_key, column in self.columns.items() if column_key.value == key)
