"""The facilitator's app: one Textual app over the session core, with the hub in the same loop."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from kiosk.core.changes import Changes
from kiosk.core.events import Actor, Command, CommandError
from kiosk.core.session import SessionCore
from kiosk.core.state import SessionState
from kiosk.core.store import StoreError
from kiosk.namecheck.service import FullCheck
from kiosk.tui.i18n import Translator
from kiosk.tui.key_words import translate_bindings
from kiosk.tui.palette import KioskCommands, KioskPalette
from kiosk.tui.screens.base import KioskScreen
from kiosk.tui.screens.confirm import ConfirmScreen
from kiosk.tui.screens.run import RunScreen
from kiosk.tui.screens.waiting import WaitingScreen

if TYPE_CHECKING:
    from kiosk.core.store import SessionInfo
    from kiosk.prepare.qr import Wifi

FACILITATOR = Actor("facilitator")
SCREENS_IN_ORDER = ("run", "feed", "join", "summary", "room_questions")
STORAGE_RETRY = 3.0  # seconds between tries to store again while the disk is full


# The other screens load when first shown: their widgets (tables, forms, the QR code) cost start-up time.
def _feed_screen() -> Screen[None]:
    from kiosk.tui.screens.feed import FeedScreen

    return FeedScreen()


def _join_screen() -> Screen[None]:
    from kiosk.tui.screens.join import JoinScreen

    return JoinScreen()


def _summary_screen() -> Screen[None]:
    from kiosk.tui.screens.summary import SummaryScreen

    return SummaryScreen()


def _questions_screen() -> Screen[None]:
    from kiosk.tui.screens.questions import QuestionsScreen

    return QuestionsScreen()


class HubAddresses(Protocol):
    """Where phones join (with the room code), where the projector and the remote open, and the base address."""

    @property
    def join(self) -> str: ...

    @property
    def display(self) -> str: ...

    @property
    def remote(self) -> str: ...

    @property
    def base(self) -> str: ...

    @property
    def poster(self) -> str: ...


class LiveHub(Protocol):
    """What the kiosk reads of the running hub; the hub itself is made by `kiosk run` (kiosk.commands.run), so
    the terminal app never imports it."""

    @property
    def port(self) -> int: ...

    @property
    def urls(self) -> HubAddresses: ...

    def connected(self) -> dict[str, int]: ...

    @property
    def info(self) -> SessionInfo: ...

    @property
    def wifi(self) -> Wifi | None: ...

    def network_hint(self) -> str: ...

    def poster_html(self) -> str: ...

    def capacity_warning(self) -> str | None: ...

    @property
    def full_check(self) -> FullCheck | None: ...

    async def stop(self) -> None: ...


class ChangeListener(Protocol):
    """A main screen hearing the core: what a burst of commands changed, and storage trouble coming and going."""

    def core_changed(self, changes: Changes) -> None: ...

    def show_storage(self, sentence: str | None) -> None: ...


class HubFailed(Exception):
    """The hub could not start; the message is one sentence that says what to do."""


# Starts the hub over an evening in the kiosk's language; raises HubFailed.
HubStarter = Callable[[SessionCore, str], Awaitable[LiveHub]]


@dataclass(frozen=True)
class ResumeOffer:
    """An unfinished evening the facilitator may continue, and how to open either choice."""

    question: str
    resume: Callable[[], SessionCore]
    start_new: Callable[[], SessionCore]


class KioskApp(App[None]):
    """The kiosk: run, feed, join, summary and questions screens over one SessionCore."""

    CSS_PATH = "app.tcss"
    TITLE = "Driehoek"
    MODES: ClassVar[dict[str, Any]] = {
        "waiting": WaitingScreen,
        "run": RunScreen,
        "feed": _feed_screen,
        "join": _join_screen,
        "summary": _summary_screen,
        "room_questions": _questions_screen,
    }
    DEFAULT_MODE = "waiting"
    COMMANDS: ClassVar[set[Any]] = {KioskCommands}  # one provider: its order is the palette's order
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", tooltip="tip.quit", show=False, priority=True),
        # Declared here so that Textual does not add its own, English "palette" key.
        Binding("ctrl+p", "command_palette", "key.palette", tooltip="tip.palette", priority=True),
    ]
    # Screens carry -narrow, -medium or -wide (and -short or -tall) for app.tcss to lay them out.
    # (Textual annotates these as instance variables, so a ClassVar here would not type-check.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (160, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012

    class CoreChanged(Message):
        """The core changed the evening; the app hands the screens what changed once per burst."""

    class StorageChanged(Message):
        """Storing started failing, or works again (the core may say so from a phone's command)."""

        def __init__(self, problem: StoreError | None) -> None:
            super().__init__()
            self.problem = problem

    def __init__(
        self,
        core: SessionCore | None = None,
        *,
        lang: str = "nl",
        hub: HubStarter | None = None,
        offer: ResumeOffer | None = None,
        poster: Path | None = None,
    ) -> None:
        super().__init__()
        if core is None and offer is None:
            raise ValueError("the kiosk needs an evening or an offer to resume one")
        self.t = Translator(lang)
        self.lang = self.t.lang
        translate_bindings(self, self.t)
        self._core = core
        self._offer = offer
        self._start = hub  # None: no hub (tests that need no network)
        self._poster = poster  # write the poster here once the hub is up
        self.hub: LiveHub | None = None
        self.failure: str | None = None  # why the app ended early, printed after the screen closes
        self._pending: Changes | None = None  # what the core changed since the screens last heard
        self._unsubscribe: Callable[[], None] | None = None
        self._unsubscribe_storage: Callable[[], None] | None = None
        self._views: list[ChangeListener] = []
        self.storage_sentence: str | None = None  # shown on every screen while the evening cannot be stored
        self._storage_retry: Any = None

    @property
    def core(self) -> SessionCore:
        assert self._core is not None, "the evening is not open yet"
        return self._core

    @property
    def state(self) -> SessionState:
        return self.core.state

    async def on_mount(self) -> None:
        if self._core is not None:
            await self._begin()
        else:
            assert self._offer is not None
            self.push_screen(
                ConfirmScreen(
                    self._offer.question,
                    yes=self.t("resume.yes"),
                    no=self.t("resume.no"),
                    yes_is_safe=True,  # resuming loses nothing; a new evening leaves this one behind
                ),
                self._answer_offer,
            )

    async def _answer_offer(self, resume: bool | None) -> None:
        assert self._offer is not None
        try:
            self._core = self._offer.resume() if resume else self._offer.start_new()
        except StoreError as exc:
            self.failure = exc.said(self.t.lang)
            self.exit(return_code=1, message=self.failure)
            return
        await self._begin()

    async def _begin(self) -> None:
        """Listen to the core, start the hub, then show the run screen."""
        self._unsubscribe = self.core.subscribe(self._on_core_change)
        self._unsubscribe_storage = self.core.on_storage(self._on_storage)
        self.sub_title = self.evening_title
        # The hub first: binding the port takes a tenth of a second, and then the run screen's very first frame
        # shows the join link (never a "no network" line that turns into it a moment later).
        if self._start is not None and not await self._start_hub(self._start):
            return
        await self.switch_mode("run")
        self.set_interval(0.5, self._tick)

    async def _start_hub(self, start: HubStarter) -> bool:
        try:
            self.hub = await start(self.core, self.lang)
        except HubFailed as exc:
            self.failure = str(exc)
            self.exit(return_code=1, message=self.failure)
            return False
        warning = self.hub.capacity_warning()
        if warning is not None:
            self.notify(warning, severity="warning", timeout=30, markup=False)
        if self._poster is not None:
            self.save_poster(self._poster)
        return True

    def save_poster(self, path: Path | None = None) -> None:
        """Write the A4 poster (the given file, or poster-ROOM.html and .pdf here) without stalling the evening."""
        if self.hub is None:
            return
        from kiosk.prepare.poster import PosterNotWritten, write_poster
        from kiosk.printing.pdf import pdf_available

        page = self.hub.poster_html()
        name = f"poster-{self.hub.info.room_code}"
        targets = [path] if path is not None else [Path(f"{name}.html")]
        if path is None and pdf_available():
            targets.append(Path(f"{name}.pdf"))

        def write() -> None:
            try:
                written = [str(write_poster(target.resolve(), page)) for target in targets]
            except PosterNotWritten as exc:
                self.call_from_thread(
                    self.notify, self.t("poster.failed", reason=exc.said(self.t.lang)), severity="error"
                )
                return
            self.call_from_thread(self.notify, self.t("poster.saved", files=", ".join(written)), markup=False)

        # A PDF takes a second: the hub in this loop keeps answering the phones meanwhile.
        self.run_worker(write, thread=True, group="poster")

    async def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._unsubscribe_storage is not None:
            self._unsubscribe_storage()
        if self.hub is not None:
            hub, self.hub = self.hub, None
            await hub.stop()

    # -- the core's events reach the screens in bursts ------------------------------------------------

    def _on_core_change(self, changes: Changes, state: SessionState) -> None:
        # Called inside core.execute, possibly for a phone via the hub: gather a burst, post one message for it.
        first = self._pending is None
        self._pending = changes if self._pending is None else self._pending | changes
        if first:
            self.post_message(self.CoreChanged())

    def on_kiosk_app_core_changed(self, message: KioskApp.CoreChanged) -> None:
        changes, self._pending = self._pending, None
        if not changes:
            return
        self.refresh_status()
        for view in list(self._views):
            view.core_changed(changes)
        if changes.finished:
            self.refresh_bindings()  # start, pause and the block keys leave the key bar

    def refresh_status(self, counted: bool = True) -> None:
        """The status strip reads the evening again, whatever changed (`counted=False`: only what changes by
        itself, the name check's state)."""
        from kiosk.tui.widgets.status_strip import StatusStrip

        for screen in self.screen_stack:
            for strip in screen.query(StatusStrip):
                strip.update_facts(counted)

    @property
    def evening_title(self) -> str:
        """The evening's title in the kiosk's language."""
        return self.core.agenda.title_in(self.lang)

    async def go_to_waiting(self) -> None:
        """From any screen to the next answer, question or held comment that waits for the facilitator."""
        from kiosk.tui.waiting_steering import go_to_waiting

        await go_to_waiting(self)

    def register_view(self, view: ChangeListener) -> None:
        """A main screen asks to hear what the core changed while it exists."""
        self._views.append(view)

    # -- storage trouble: a calm banner on every screen, and a quiet retry until it works -----------------

    def _on_storage(self, problem: StoreError | None) -> None:
        # Called inside core.execute, possibly for a phone via the hub: the screens hear it through a message.
        self.post_message(self.StorageChanged(problem))

    def on_kiosk_app_storage_changed(self, message: KioskApp.StorageChanged) -> None:
        if message.problem is not None and message.problem.reason == "taken_in":
            # Another program wrote to this evening; its changes are on the screens now and storing goes on.
            self.notify(message.problem.said(self.t.lang), severity="warning", timeout=15, markup=False)
        problem = self.core.storage_problem  # the newest word, whatever order the messages came in
        self.storage_sentence = None if problem is None else self.storage_words(problem)
        for view in list(self._views):
            view.show_storage(self.storage_sentence)
        self.refresh_status(counted=False)
        if problem is not None and self._storage_retry is None:
            self._storage_retry = self.set_interval(STORAGE_RETRY, self.core.check_storage)
        elif problem is None and self._storage_retry is not None:
            self._storage_retry.stop()
            self._storage_retry = None

    def storage_words(self, problem: StoreError) -> str:
        if problem.reason in ("disk_full", "read_only"):
            return self.t(f"storage.{problem.reason}")
        return self.t("storage.other", reason=problem.said(self.t.lang).split(". ")[0])

    def _tick(self) -> None:
        if not self.screen_stack:
            return  # the app is closing: its screens are gone before its timers stop
        self.refresh_status(counted=False)
        tick = getattr(self.screen, "tick", None)
        if tick is not None:
            try:
                tick()
            except NoMatches:
                pass  # a screen just switched to has not mounted its widgets yet; the next tick draws it

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast is plain text: refusals and confirmations may quote what the room or the facilitator
        typed (a tag, a table count), which must never be read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # -- steering --------------------------------------------------------------------------------

    def steer(self, type_: str, **data: Any) -> bool:
        """Send one command as the facilitator; a refusal shows as a notification in the kiosk's language."""
        try:
            self.core.execute(Command(type_, data, actor=FACILITATOR))
        except CommandError as exc:
            self.notify(self.t.error(exc), severity="error")
            return False
        except StoreError:
            return False  # nothing changed; the banner on every screen says why (StorageChanged)
        return True

    def show(self, name: str) -> None:
        """Switch to one of the main screens."""
        if self._core is not None and name in SCREENS_IN_ORDER:
            self.switch_mode(name)

    def show_next(self) -> None:
        current = self.current_mode if self.current_mode in SCREENS_IN_ORDER else "summary"
        self.show(SCREENS_IN_ORDER[(SCREENS_IN_ORDER.index(current) + 1) % len(SCREENS_IN_ORDER)])

    async def action_quit(self) -> None:
        """Quit after a yes: nothing is lost, everything is in the log already."""
        if isinstance(self.screen, ConfirmScreen) and self.screen.purpose == "quit":
            return  # already asking

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        question = ConfirmScreen(
            self.t("quit.question"), yes=self.t("quit.yes"), no=self.t("no"), purpose="quit"
        )
        self.push_screen(question, answered)

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual only hints at its quit key (in English); the kiosk asks the quit question itself."""
        self.run_worker(self.action_quit())

    def action_command_palette(self) -> None:
        """The command palette, with its placeholder and "no matches" in the kiosk's language."""
        if self.use_command_palette and not KioskPalette.is_open(cast("App[object]", self)):
            self.push_screen(KioskPalette(self))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the kiosk's language; theme and screenshot are left out."""
        t = self.t
        yield SystemCommand(t("system.quit"), t("system.quit_help"), self.action_quit)
        if isinstance(screen, KioskScreen):
            yield SystemCommand(t("system.keys"), t("system.keys_help"), screen.action_help)
        if screen.maximized is not None:
            yield SystemCommand(t("system.minimize"), t("system.minimize_help"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(t("system.maximize"), t("system.maximize_help"), screen.action_maximize)

    def finish_evening(self) -> None:
        """Close the evening after a yes; the log keeps it for the report."""
        if self._core is None or self.state.finished:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.steer("session/finish"):
                self.notify(self.t("finish.done"))

        from kiosk.tui.waiting_steering import finish_question

        if isinstance(self.screen, ConfirmScreen) and self.screen.purpose == "finish":
            return  # already asking
        asked = finish_question(self)
        question = ConfirmScreen(asked, yes=self.t("finish.yes"), no=self.t("no"), purpose="finish")
        self.push_screen(question, answered)
