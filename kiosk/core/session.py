"""The session core: validate a command, append its event durably, apply it, tell every listener what changed."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from kiosk.agenda.model import Agenda
from kiosk.core.changes import NOTHING, Changes
from kiosk.core.clock import Clock, system_clock
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules import RULES
from kiosk.core.rules.registry import Context
from kiosk.core.state import SessionState
from kiosk.core.store import EventLog, SessionInfo, StoreError

Listener = Callable[[Changes, SessionState], None]
StorageListener = Callable[[StoreError | None], None]


@dataclass(frozen=True)
class Outcome:
    """What came of a command: the event it made (None when it changed nothing, a repeat) and what it changed."""

    event: Event | None
    changes: Changes = NOTHING

    @property
    def changed(self) -> bool:
        return self.event is not None


def apply_event(state: SessionState, event: Event) -> Changes:
    """Fold one event into the state, the only way the state changes; returns what changed."""
    rule = RULES.get(event.type)
    if rule is None:
        raise StoreError("unknown_event", type=repr(event.type))
    changes = rule.apply(state, event)
    state.seq = event.seq
    if not changes.aftercare:
        state.last_evening_at = event.at
    return changes


def replay(agenda: Agenda, events: Iterable[Event]) -> SessionState:
    """The state after the given events: replay equals live."""
    state = SessionState.initial(agenda)
    for event in events:
        apply_event(state, event)
    return state


class SessionCore:
    """One evening's rules and state; every face sends it commands and listens to what they changed."""

    def __init__(
        self,
        agenda: Agenda,
        *,
        log: EventLog | None = None,
        info: SessionInfo | None = None,
        clock: Clock = system_clock,
        events: Iterable[Event] = (),
    ) -> None:
        self.agenda = agenda
        self.log = log
        self.info = info
        self.clock = clock
        history = list(events)
        self.state = replay(agenda, history)
        self._last_at = history[-1].at if history else 0.0
        self._listeners: list[Listener] = []
        self._storage_listeners: list[StorageListener] = []
        self.storage_problem: StoreError | None = (
            None  # the last write failed; cleared by the next that works
        )
        # The full name check is ready and looks at every text from the room (kiosk/namecheck/service.py).
        self.full_check = False

    def now(self) -> float:
        return self.clock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes, state)` after every applied event; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def on_storage(self, listener: StorageListener) -> Callable[[], None]:
        """Call `listener(problem)` when writing starts failing (a StoreError) and when it works again (None);
        also once with a StoreError of reason `taken_in` when another process's events were taken in."""
        self._storage_listeners.append(listener)
        return lambda: (
            self._storage_listeners.remove(listener) if listener in self._storage_listeners else None
        )

    def check_storage(self) -> bool:
        """After a failed write, try a harmless one; True when the log can be written again."""
        if self.storage_problem is None or self.log is None:
            return True
        try:
            self.log.probe()
        except StoreError as exc:
            self._storage(exc)
            return False
        self._storage(None)
        return True

    def _storage(self, problem: StoreError | None) -> None:
        changed = (problem is None) != (self.storage_problem is None)
        self.storage_problem = problem
        if changed:
            for listener in list(self._storage_listeners):
                listener(problem)

    def _take_in_others(self) -> bool:
        """Another process appended to this evening (an older kiosk, a command run beside this one): apply its
        events as if they were ours, tell every listener, and say so once; False when there were none."""
        assert self.log is not None and self.info is not None
        try:
            others = list(self.log.events(self.info.id, after=self.state.seq))
        except StoreError:
            return False
        for event in others:
            self._last_at = max(self._last_at, event.at)
            changes = apply_event(self.state, event)
            for listener in list(self._listeners):
                listener(changes, self.state)
        if others:
            taken = StoreError("taken_in", "taken_in", n=len(others), path=self.log.path)
            for storage_listener in list(self._storage_listeners):
                storage_listener(taken)  # a word, not a problem: storing goes on
        return bool(others)

    def would_change(self, command: Command) -> bool:
        """Whether the command would change the evening now; checked as `execute` checks it, nothing stored."""
        rule = RULES.get(command.type)
        if rule is None or command.actor.kind not in rule.actors or not isinstance(command.data, dict):
            return True  # `execute` says what is wrong with it
        ctx = Context(now=max(self.clock(), self._last_at), new_id=lambda: "", full_check=self.full_check)
        return rule.check(self.state, command, ctx) is not None

    def execute(self, command: Command) -> Outcome:
        """Validate, then append durably, then apply and tell the listeners what changed.

        Raises CommandError when refused, StoreError when the event could not be written (nothing changed then).
        """
        rule = RULES.get(command.type)
        if rule is None:
            raise CommandError("unknown_type", f"unknown message type {command.type!r}", type=command.type)
        if command.actor.kind not in rule.actors:
            raise CommandError("forbidden", "this device may not do that")
        if not isinstance(command.data, dict):
            raise CommandError("bad_request", "a message's data must be an object")
        # A clock that jumps back must not make timers run backwards.
        now = max(self.clock(), self._last_at)
        ctx = Context(now=now, new_id=lambda: secrets.token_hex(4), full_check=self.full_check)
        data = rule.check(self.state, command, ctx)
        if data is None:
            return Outcome(None)
        event = Event(seq=self.state.seq + 1, at=now, type=command.type, data=data)
        if self.log is not None and self.info is not None:
            try:
                self.log.append(self.info.id, [event])
            except StoreError as exc:
                if exc.reason == "conflict" and self._take_in_others():
                    return self.execute(command)  # checked again against the evening as the other left it
                self._storage(exc)
                raise
            if self.storage_problem is not None:
                self._storage(None)
        self._last_at = now
        changes = apply_event(self.state, event)
        for listener in list(self._listeners):
            listener(changes, self.state)
        return Outcome(event, changes)


def start_session(log: EventLog, agenda: Agenda, clock: Clock = system_clock) -> SessionCore:
    """A new evening on the given agenda, stored in the log."""
    # The file's absolute path is stored, so the report finds the agenda's logo from any working folder later.
    info = log.create_session(replace(agenda, path=agenda.origin or agenda.path), clock())
    return SessionCore(agenda, log=log, info=info, clock=clock)


def resume_session(
    log: EventLog, info: SessionInfo, parse: Callable[[str, str], Agenda], clock: Clock = system_clock
) -> SessionCore:
    """An evening replayed from its log, on the agenda text stored with it."""
    agenda = parse(info.agenda_source, info.agenda_path)
    events = list(log.events(info.id))
    return SessionCore(agenda, log=log, info=info, clock=clock, events=events)
