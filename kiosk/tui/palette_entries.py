"""What the command palette offers, in the order a facilitator needs it: this screen's own actions first, then
going somewhere, then steering the block that runs now, then the rest of the evening; quitting last.

Each entry that changes the evening (phones, projector, the record) says in its line what it does: which question,
which block, on or off."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import Screen

from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.table_steering import add_table_point, change_theme, move_person

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp

# Keys whose action the palette lists in its own words (screens, the next waiting item) or not at all.
NOT_LISTED = frozenset({"command_palette", "next_screen", "app.focus_next", "app.focus_previous", "quit"})


@dataclass(frozen=True)
class PaletteEntry:
    """One line of the palette: its title, the line under it, what it does, and whether that changes the evening."""

    title: str
    help: str
    action: Callable[[], object]
    changes: bool = True


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def screen_actions(app: KioskApp, screen: Screen[Any]) -> list[PaletteEntry]:
    """The keys of the screen in front, as palette lines ("Goedkeuren  a"): found on every screen."""
    from kiosk.tui.widgets.key_bar import key_label

    entries: list[PaletteEntry] = []
    seen: set[str] = set()
    own: list[PaletteEntry] = []
    kiosk_actions = {
        binding.action
        for cls in type(screen).__mro__
        if issubclass(cls, KioskScreen)
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding)
    }
    for key, item in screen.active_bindings.items():
        binding = item.binding
        action = binding.action
        if item.node is not screen or action not in kiosk_actions:
            continue  # a list's own keys (cursor) and Textual's (copy) are not what the screen does
        if action in seen or action in NOT_LISTED or action.startswith("show(") or not binding.description:
            continue
        if not item.enabled:
            continue
        seen.add(action)
        label = key_label(app.get_key_display(binding), key)
        entry = PaletteEntry(
            f"{_sentence(binding.tooltip or binding.description)}  ({label})",
            _sentence(binding.description),
            partial(app.run_action, action, item.node),
            changes=True,
        )
        # The screen's own keys before the steering keys every screen shares.
        (own if item.node is screen and action not in _SHARED_ACTIONS else entries).append(entry)
    return own + entries


_SHARED_ACTIONS = frozenset(
    {
        "start_pause",
        "next_block",
        "previous_block",
        "extend",
        "shorten",
        "finish",
        "help",
        "next_waiting",
        "app.quit",
    }
)


def going_places(app: KioskApp) -> list[PaletteEntry]:
    t = app.t
    entries = [
        PaletteEntry(t("palette.next_waiting"), t("tip.next_waiting"), app.go_to_waiting, changes=False),
    ]
    for name in ("run", "feed", "join", "summary", "room_questions"):
        entries.append(
            PaletteEntry(t(f"palette.show_{name}"), t("palette.show_help"), partial(app.show, name), False)
        )
    return entries


def _prompt_entries(app: KioskApp, current_block_only: bool) -> list[PaletteEntry]:
    t = app.t
    state = app.state
    entries: list[PaletteEntry] = []
    for block in state.agenda.blocks:
        if (block.index == state.block.index) != current_block_only:
            continue
        title_of_block = block.title_in(t.lang)
        for prompt in block.prompts:
            text = prompt.text_in(t.lang)
            is_open = prompt.id == state.open_prompt
            title = t("palette.prompt_is_open" if is_open else "palette.open_prompt", text=text)
            kind = t(f"prompt.kind.{prompt.kind}")
            if current_block_only:
                help_text = t("palette.open_prompt_help", kind=kind, block=title_of_block)
            else:  # asking a question of another block: say so, and which block runs now
                now = state.block.title_in(t.lang)
                help_text = t("palette.open_prompt_elsewhere", kind=kind, block=title_of_block, now=now)
            entries.append(
                PaletteEntry(title, help_text, partial(app.steer, "prompt/open", prompt=prompt.id))
            )
    return entries


def _on_off(app: KioskApp, name: str, on: bool) -> str:
    return app.t(f"palette.{name}_{'off' if on else 'on'}")


def block_entries(app: KioskApp) -> list[PaletteEntry]:
    """Steering the block that runs now: its questions, and the tables when it is their turn."""
    t = app.t
    state = app.state
    entries = _prompt_entries(app, current_block_only=True)
    if state.open_prompt:
        entries.append(
            PaletteEntry(
                t("palette.close_prompt"), t("palette.close_prompt_help"), partial(app.steer, "prompt/close")
            )
        )
        entries.append(
            PaletteEntry(
                _on_off(app, "recognition", state.recognition_open),
                t("palette.recognition_help"),
                lambda: app.steer("prompt/recognition", open=not app.state.recognition_open),
            )
        )
    at_tables = state.tables.assigned or state.block.kind in ("tables", "presentations")
    return entries + (_table_entries(app) if at_tables else [])


def _table_entries(app: KioskApp) -> list[PaletteEntry]:
    t = app.t
    return [
        PaletteEntry(
            t("palette.tables_assign"), t("palette.tables_assign_help"), partial(_ask_table_count, app)
        ),
        PaletteEntry(
            t("palette.table_codes"), t("palette.table_codes_help"), partial(_table_codes, app), False
        ),
        PaletteEntry(t("palette.tables_move"), t("palette.tables_move_help"), partial(move_person, app)),
        PaletteEntry(t("palette.tables_theme"), t("palette.tables_theme_help"), partial(change_theme, app)),
        PaletteEntry(
            t("palette.tables_point"), t("palette.tables_point_help"), partial(add_table_point, app)
        ),
        PaletteEntry(
            t("palette.presentation_start"),
            t("palette.presentation_help"),
            partial(app.steer, "presentation/start"),
        ),
        PaletteEntry(
            t("palette.presentation_next"),
            t("palette.presentation_help"),
            partial(app.steer, "presentation/next"),
        ),
        PaletteEntry(
            t("palette.presentation_previous"),
            t("palette.presentation_help"),
            partial(app.steer, "presentation/previous"),
        ),
    ]


def _table_entries_later(app: KioskApp) -> list[PaletteEntry]:
    """Before the theme tables: their steps further down (each says to divide the room first)."""
    state = app.state
    if state.tables.assigned or state.block.kind in ("tables", "presentations"):
        return []
    return _table_entries(app)


def evening_entries(app: KioskApp) -> list[PaletteEntry]:
    """The projector, the switches, other blocks and their questions, the clock, closing the evening."""
    t = app.t
    state = app.state
    entries = [
        PaletteEntry(
            _on_off(app, "summary_show", state.summary_shown),
            t("palette.summary_show_help"),
            lambda: app.steer("summary/show", on=not app.state.summary_shown),
        ),
        PaletteEntry(
            _on_off(app, "summary_heard", state.summary_shown and state.summary_view == "heard"),
            t("palette.summary_heard_help"),
            partial(toggle_heard, app),
        ),
        PaletteEntry(
            _on_off(app, "auto_approve", state.auto_approve),
            t("palette.auto_approve_help"),
            lambda: app.steer("settings/auto_approve", on=not app.state.auto_approve),
        ),
    ]
    for block in state.agenda.blocks:
        if block.index == state.block.index:
            continue
        entries.append(
            PaletteEntry(
                t("palette.jump", n=block.index + 1, title=block.title_in(t.lang)),
                t("palette.jump_help"),
                partial(app.steer, "block/jump", index=block.index),
            )
        )
    entries += _prompt_entries(app, current_block_only=False)
    entries += _table_entries_later(app)
    entries += [
        PaletteEntry(
            t("palette.extend5"), t("palette.extend_help"), partial(app.steer, "block/extend", minutes=5)
        ),
        PaletteEntry(
            t("palette.shorten5"), t("palette.extend_help"), partial(app.steer, "block/shorten", minutes=5)
        ),
        PaletteEntry(t("palette.finish"), t("palette.finish_help"), app.finish_evening),
    ]
    return entries


def system_entries(app: KioskApp, screen: Screen[Any]) -> list[PaletteEntry]:
    """Textual's own commands in the kiosk's language: the keys, making a part big, quitting (last)."""
    t = app.t
    entries = [
        PaletteEntry(t("system.keys"), t("system.keys_help"), partial(app.run_action, "help", screen), False)
    ]
    if screen.maximized is not None:
        entries.append(
            PaletteEntry(t("system.minimize"), t("system.minimize_help"), screen.action_minimize, False)
        )
    else:
        part = _maximizable(screen)
        if part is not None:
            maximize = partial(setattr, screen, "maximized", part)  # a scroll area refuses maximize()
            entries.append(PaletteEntry(t("system.maximize"), t("system.maximize_help"), maximize, False))
    entries.append(PaletteEntry(t("system.quit"), t("system.quit_help"), app.action_quit, False))
    return entries


def _maximizable(screen: Screen[Any]) -> Any:
    """What "make it big" makes big: the part in focus, else the run screen's "Nu" panel."""
    if screen.focused is not None and screen.focused.allow_maximize:
        return screen.focused
    found = screen.query("#block-scroll")
    return found.first() if found else None


def all_entries(app: KioskApp, screen: Screen[Any]) -> list[PaletteEntry]:
    """Every line of the palette, in its order."""
    if app._core is None:
        return []
    return [
        *screen_actions(app, screen),
        *going_places(app),
        *block_entries(app),
        *evening_entries(app),
        *system_entries(app, screen),
    ]


def palette_entries(app: KioskApp) -> list[tuple[str, str, Callable[[], object]]]:
    """(title, help, action) of the evening's own commands, in the kiosk's language."""
    if app._core is None:
        return []
    entries = [*going_places(app), *block_entries(app), *evening_entries(app)]
    return [(entry.title, entry.help, entry.action) for entry in entries]


def _ask_table_count(app: KioskApp) -> None:
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


def _table_codes(app: KioskApp) -> None:
    from kiosk.tui.screens.table_codes import show_table_codes

    show_table_codes(app)


def toggle_heard(app: KioskApp) -> None:
    """Put "what we heard" per question on the projector, or take it off."""
    showing = app.state.summary_shown and app.state.summary_view == "heard"
    app.steer("summary/show", on=not showing, view="heard")
