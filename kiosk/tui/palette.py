"""The command palette (ctrl+p): everything the keys do not, such as jumping to a block or opening a question."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from kiosk.tui.table_steering import add_table_point, change_theme, move_person

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp

PaletteEntry = tuple[str, str, Callable[[], object]]


def palette_entries(app: KioskApp) -> list[PaletteEntry]:
    """(title, help, action) for every palette command, in the kiosk's language."""
    t = app.t
    if app._core is None:
        return []
    state = app.state
    entries: list[PaletteEntry] = []
    for name in ("run", "feed", "join", "summary"):
        entries.append((t(f"palette.show_{name}"), t("palette.show_help"), partial(app.show, name)))
    for block in state.agenda.blocks:
        entries.append(
            (
                t("palette.jump", n=block.index + 1, title=block.title),
                t("palette.jump_help"),
                partial(app.steer, "block/jump", index=block.index),
            )
        )
    for block in state.agenda.blocks:
        for prompt in block.prompts:
            title = t("palette.open_prompt", text=prompt.text_in(t.lang))
            if prompt.id == state.open_prompt:
                title = t("palette.prompt_is_open", text=prompt.text_in(t.lang))
            entries.append(
                (
                    title,
                    t("palette.open_prompt_help", kind=t(f"prompt.kind.{prompt.kind}"), block=block.title),
                    partial(app.steer, "prompt/open", prompt=prompt.id),
                )
            )
    entries += [
        (t("palette.close_prompt"), t("palette.close_prompt_help"), partial(app.steer, "prompt/close")),
        (
            t("palette.recognition"),
            t("palette.recognition_help"),
            lambda: app.steer("prompt/recognition", open=not app.state.recognition_open),
        ),
        (
            t("palette.auto_approve"),
            t("palette.auto_approve_help"),
            lambda: app.steer("settings/auto_approve", on=not app.state.auto_approve),
        ),
        (
            t("palette.summary_show"),
            t("palette.summary_show_help"),
            lambda: app.steer("summary/show", on=not app.state.summary_shown),
        ),
        (t("palette.summary_heard"), t("palette.summary_heard_help"), partial(toggle_heard, app)),
        (t("palette.extend5"), t("palette.extend_help"), partial(app.steer, "block/extend", minutes=5)),
        (t("palette.shorten5"), t("palette.extend_help"), partial(app.steer, "block/shorten", minutes=5)),
        (t("palette.tables_assign"), t("palette.tables_assign_help"), partial(ask_table_count, app)),
        (t("palette.tables_move"), t("palette.tables_move_help"), partial(move_person, app)),
        (t("palette.tables_theme"), t("palette.tables_theme_help"), partial(change_theme, app)),
        (t("palette.tables_point"), t("palette.tables_point_help"), partial(add_table_point, app)),
        (
            t("palette.presentation_start"),
            t("palette.presentation_help"),
            partial(app.steer, "presentation/start"),
        ),
        (
            t("palette.presentation_next"),
            t("palette.presentation_help"),
            partial(app.steer, "presentation/next"),
        ),
        (t("palette.finish"), t("palette.finish_help"), app.finish_evening),
    ]
    return entries


def ask_table_count(app: KioskApp) -> None:
    """Ask how many tables (the suggestion filled in), then divide the room."""
    from kiosk.core.readings.tables import suggested_count
    from kiosk.tui.screens.text_prompt import TextPrompt

    def answered(value: str | None) -> None:
        if value is None:
            return
        try:
            count = int(value.strip())
        except ValueError:
            app.notify(app.t("tables.count_not_a_number", value=value), severity="error")
            return
        if app.steer("tables/assign", count=count):
            app.notify(app.state.tables.explanation.get(app.t.lang, ""))

    question = TextPrompt(app.t("tables.count_question"), str(suggested_count(app.state)), max_length=3)
    app.push_screen(question, answered)


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
    """The kiosk's own commands in the palette."""

    def _entries(self) -> list[PaletteEntry]:
        return palette_entries(cast("KioskApp", self.app))

    async def discover(self) -> Hits:
        for title, help_text, action in self._entries():
            yield DiscoveryHit(Content(title), action, text=title, help=as_markup(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, literal_highlight(matcher, title), action, text=title, help=as_markup(help_text)
                )


def as_markup(text: str) -> str:
    """Text that Textual's markup parser gives back unchanged: the palette reads a hit's help as markup, and the
    help quotes block titles and questions. Escaping every bracket also covers an unclosed "[/" at the end, which
    textual.markup.escape leaves alone."""
    return text.replace("[", "\\[")


def literal_highlight(matcher: Matcher, title: str) -> Content:
    """The title with the letters the query matched marked, read as typed: titles carry the agenda's questions,
    and Textual's own highlight would read them as markup."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def toggle_heard(app: KioskApp) -> None:
    """Put "what we heard" per question on the projector, or take it off."""
    showing = app.state.summary_shown and app.state.summary_view == "heard"
    app.steer("summary/show", on=not showing, view="heard")
