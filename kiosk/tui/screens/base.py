"""What the main screens share: the steering keys, the key bar, and hearing what the core changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from kiosk.core.changes import Changes
from kiosk.tui.i18n import Translator
from kiosk.tui.key_words import translate_bindings
from kiosk.tui.widgets.status_strip import StatusStrip
from kiosk.tui.widgets.storage_banner import StorageBanner

if TYPE_CHECKING:
    from kiosk.tui.app import KioskApp


# Keys that share one entry in the key bar ("n/p block").
SCREENS = Binding.Group("key.screens")
BLOCKS = Binding.Group("key.blocks")
MINUTES = Binding.Group("key.minutes")

SCREEN_KEYS: list[BindingType] = [
    Binding("1", "show('run')", "key.run", group=SCREENS),
    Binding("2", "show('feed')", "key.feed", group=SCREENS),
    Binding("3", "show('join')", "key.join", group=SCREENS),
    Binding("4", "show('summary')", "key.summary", group=SCREENS),
    Binding("5", "show('room_questions')", "key.room_questions", group=SCREENS),
]

# On the busy screens the steering keys still work but leave the key bar to the screen's own keys.
QUIET_STEERING: list[BindingType] = [
    Binding("space", "start_pause", "key.start_pause", show=False),
    Binding("n", "next_block", "key.next", show=False),
    Binding("p", "previous_block", "key.previous", show=False),
    Binding("plus,equals_sign", "extend", "key.extend", key_display="+", show=False),
    Binding("minus", "shorten", "key.shorten", key_display="-", show=False),
    Binding("ctrl+e", "finish", "key.finish", show=False),
]


class KioskScreen(Screen[None]):
    """A main screen: steering keys in the key bar, and `core_changed` for each burst of changes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *SCREEN_KEYS,
        Binding("space", "start_pause", "key.start_pause", tooltip="tip.start_pause"),
        Binding("n", "next_block", "key.next", tooltip="tip.next", group=BLOCKS),
        Binding("p", "previous_block", "key.previous", tooltip="tip.previous", group=BLOCKS),
        Binding(
            "plus,equals_sign", "extend", "key.extend", key_display="+", tooltip="tip.extend", group=MINUTES
        ),
        Binding("minus", "shorten", "key.shorten", key_display="-", tooltip="tip.shorten", group=MINUTES),
        Binding("ctrl+e", "finish", "key.finish", tooltip="tip.finish"),
        Binding("w", "next_waiting", "key.next_waiting", tooltip="tip.next_waiting", show=False),
        Binding("tab", "next_screen", "key.next_screen", tooltip="tip.next_screen", show=False),
        Binding("question_mark", "help", "key.help", key_display="?", tooltip="tip.help"),
        Binding("q", "app.quit", "key.quit", tooltip="tip.quit"),
    ]
    # Steering that makes no sense once the evening is closed: hidden from the key bar then.
    WHILE_OPEN: ClassVar[frozenset[str]] = frozenset(
        {"start_pause", "next_block", "previous_block", "extend", "shorten", "finish"}
    )

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self, self.kiosk.t)

    @property
    def kiosk(self) -> KioskApp:
        return cast("KioskApp", self.app)

    @property
    def t(self) -> Translator:
        return self.kiosk.t

    def on_mount(self) -> None:
        self.kiosk.register_view(self)
        banner = StorageBanner(id="storage-banner")
        self.mount(banner)
        banner.show_problem(self.kiosk.storage_sentence)

    def on_screen_resume(self) -> None:
        # The strip heard nothing while another screen was in front (subclasses' own handlers run as well).
        for strip in self.query(StatusStrip):
            strip.update_facts()

    def show_storage(self, sentence: str | None) -> None:
        """Storing failed (the sentence says why and what to do) or works again (None)."""
        for banner in self.query(StorageBanner):
            banner.show_problem(sentence)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        closed = self.kiosk._core is not None and self.kiosk.state.finished
        return not (closed and action in self.WHILE_OPEN)

    def core_changed(self, changes: Changes) -> None:
        """A burst of commands changed the evening; screens update what those changes name."""

    def tick(self) -> None:
        """Twice a second while this screen is in front."""

    def action_start_pause(self) -> None:
        state = self.kiosk.state
        self.kiosk.steer("block/pause" if state.timer.running else "block/start")

    def action_next_block(self) -> None:
        self.kiosk.steer("block/next")

    def action_previous_block(self) -> None:
        self.kiosk.steer("block/previous")

    def action_extend(self) -> None:
        self.kiosk.steer("block/extend", minutes=1)

    def action_shorten(self) -> None:
        self.kiosk.steer("block/shorten", minutes=1)

    def action_finish(self) -> None:
        self.kiosk.finish_evening()

    def action_help(self) -> None:
        from kiosk.tui.screens.help import HelpScreen

        own, shared = self.help_keys()
        self.app.push_screen(HelpScreen(self.t(f"key.{self.kiosk.current_mode}"), own, shared, self.t))

    def help_keys(self) -> tuple[list[Binding], list[Binding]]:
        """This screen's own keys (its class and the kiosk's classes between it and KioskScreen), then the keys
        every screen has."""
        own: list[Binding] = []
        for cls in type(self).__mro__:
            if cls is KioskScreen:
                break
            if isinstance(cls, type) and issubclass(cls, KioskScreen):
                own.extend(_declared(cls))
        global_actions = {b.action for b in _declared(KioskScreen)}
        own_keys = {b.key for b in own if b.action not in global_actions}
        own = [b for b in own if b.action not in global_actions and b.description]
        shared = [b for b in _declared(KioskScreen) if b.key not in own_keys]
        return own, shared

    def action_next_screen(self) -> None:
        # In a form, tab moves to the next field as everywhere else.
        if isinstance(self.focused, Input):
            self.focus_next()
        else:
            self.kiosk.show_next()

    async def action_next_waiting(self) -> None:
        await self.kiosk.go_to_waiting()

    def action_show(self, name: str) -> None:
        self.kiosk.show(name)


def _declared(cls: type[object]) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits)."""
    return [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
