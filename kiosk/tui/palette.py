"""The command palette (ctrl+p): every key of the screen in front, and what has no key, such as jumping to a block."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from kiosk.tui.palette_entries import PaletteEntry, all_entries

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp


class KioskPalette(CommandPalette):
    """Textual's command palette with its texts in the kiosk's language."""

    def __init__(self, app: KioskApp) -> None:
        super().__init__(placeholder=app.t("palette.placeholder"), id="--command-palette")
        self.no_matches = app.t("palette.no_matches")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own shows "No matches found" in English; the same countdown with our sentence.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class KioskCommands(Provider):
    """The kiosk's commands in the palette, in its own order (palette_entries.py).

    A line matches when every word typed begins a word of the line (case and accents aside): "vergro" finds
    "Vergroten", never a question that happens to hold the letters v-e-r-g-r-o somewhere. What Enter runs is the
    highlighted line, and a line that changes the evening says what it does."""

    def _entries(self) -> list[PaletteEntry]:
        return all_entries(cast("KioskApp", self.app), self.screen)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(
                Content(entry.title), entry.action, text=entry.title, help=as_markup(entry.help)
            )

    async def search(self, query: str) -> Hits:
        for entry in self._entries():
            found = word_match(query, entry.title)
            if found is None:
                continue
            score, spans = found
            title = Content(entry.title)
            for start, end in spans:
                title = title.stylize("underline bold", start, end)
            yield Hit(score, title, entry.action, text=entry.title, help=as_markup(entry.help))


def _folded(text: str) -> str:
    """Lower case without accents, one character for one: "Één" reads "een"."""
    return "".join(unicodedata.normalize("NFKD", char)[0].casefold()[:1] or char for char in text)


_WORD = re.compile(r"\w+")


def word_match(query: str, title: str) -> tuple[float, list[tuple[int, int]]] | None:
    """Whether every word of `query` begins a word of `title`; the score (higher when the title starts with
    the first word typed) and the spans matched, to mark them."""
    wanted = [_folded(word) for word in _WORD.findall(query)]
    if not wanted:
        return None
    words = [(m.start(), _folded(m.group())) for m in _WORD.finditer(title)]
    used: set[int] = set()
    spans: list[tuple[int, int]] = []
    for word in wanted:
        index = next(
            (i for i, (_, have) in enumerate(words) if i not in used and have.startswith(word)), None
        )
        if index is None:
            return None
        used.add(index)
        spans.append((words[index][0], words[index][0] + len(word)))
    return (1.0 if 0 in used else 0.5), spans


def as_markup(text: str) -> str:
    """Text that Textual's markup parser gives back unchanged: the palette reads a hit's help as markup, and the
    help quotes block titles and questions. Escaping every bracket also covers an unclosed "[/" at the end, which
    textual.markup.escape leaves alone."""
    return text.replace("[", "\\[")
