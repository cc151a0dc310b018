"""The theme tables: dividing the room, moving people, themes, the hosts' notepads and the presentations."""

from __future__ import annotations

import math
import secrets
from typing import Any

from kiosk.core.changes import Changes, one
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.grouping import MAX_TABLES, assign_tables
from kiosk.core.moderation import review_from, review_json, review_of, screen
from kiosk.core.rules.devices import device_of
from kiosk.core.rules.moderated import CLIENT_ID, cleaned_text
from kiosk.core.rules.registry import EVERYONE, Context, field_int, rule
from kiosk.core.state import BlockTimer, SessionState
from kiosk.core.tables import (
    Presentation,
    TableNote,
    TablesState,
    ThemeTable,
    late_joiner_table,
    seat_device,
    theme_by_id,
)

PER_TABLE = 8  # the run sheet's groups: a table of six to eight talks well
MAX_NOTES_PER_TABLE = 100
MAX_PRESENTATION_MINUTES = 60
DEFAULT_PRESENTATIONS_MINUTES = 10  # when the agenda has no presentations block
NOTE_WRITERS = frozenset({"facilitator", "remote", "system", "host"})


def _not_finished(state: SessionState) -> None:
    if state.finished:
        raise CommandError("session_finished", "the evening has been closed")


def _assigned(state: SessionState) -> TablesState:
    tables = state.tables
    if not tables.assigned:
        raise CommandError("no_tables", "divide the room over the tables first")
    return tables


def _table_number(tables: TablesState, data: dict[str, Any], name: str = "table") -> int:
    return field_int(data, name, lo=1, hi=len(tables.tables))


def _theme_ids(state: SessionState, data: dict[str, Any]) -> list[str]:
    themes = data.get("themes")
    if themes is None:
        return [t.id for t in state.agenda.themes]
    if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
        raise CommandError("bad_request", "'themes' must be a list of theme ids", field="themes")
    for theme_id in themes:
        if theme_by_id(state, theme_id) is None:
            raise CommandError("unknown_theme", f"this agenda has no theme {theme_id!r}", theme=theme_id)
    return list(themes)


def _hosts(state: SessionState, data: dict[str, Any]) -> list[str]:
    hosts = data.get("hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise CommandError("bad_request", "'hosts' must be a list of device ids", field="hosts")
    if any(h not in state.devices for h in hosts) or len(set(hosts)) != len(hosts):
        raise CommandError("unknown_device", "each host is a different phone that has joined the evening")
    return list(hosts)


def _default_count(state: SessionState, hosts: list[str]) -> int:
    if hosts:
        return len(hosts)
    if not state.devices:
        raise CommandError("count_needed", "no phones have joined yet; say how many tables there are")
    return min(MAX_TABLES, math.ceil(len(state.devices) / PER_TABLE))


@rule("tables/assign")
def _check_assign(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    tables = state.tables
    if any(t.notes for t in tables.tables):
        raise CommandError("tables_have_notes", "the tables have notes; remove them before dividing again")
    hosts = _hosts(state, cmd.data)
    default = None if "count" in cmd.data else _default_count(state, hosts)
    count = field_int(cmd.data, "count", default=default, lo=1, hi=MAX_TABLES)
    if len(hosts) > count:
        raise CommandError("too_many_hosts", "there are more hosts than tables")
    themes = _theme_ids(state, cmd.data)
    seed = cmd.data.get("seed") or ctx.new_id()
    if not isinstance(seed, str) or not CLIENT_ID.fullmatch(seed):
        raise CommandError("bad_request", "'seed' is a short word of letters and digits", field="seed")
    assignment = assign_tables(((d.id, d.role) for d in state.devices.values()), count, seed, hosts)
    # Keep the tokens of tables that stay, so a host's notepad keeps working after a new division.
    tokens = [t.host_token for t in tables.tables[:count]]
    tokens += [secrets.token_urlsafe(9) for _ in range(count - len(tokens))]
    return {
        "count": count,
        "seed": seed,
        "seats": assignment.to_json(),
        "themes": [themes[i % len(themes)] if themes else None for i in range(count)],
        "hosts": hosts + [None] * (count - len(hosts)),
        "tokens": tokens,
        "explanation": {"nl": assignment.explain("nl"), "en": assignment.explain("en")},
    }


@_check_assign.applies
def _apply_assign(state: SessionState, event: Event) -> Changes:
    d = event.data
    tables = state.tables
    before = _numbers(tables) | frozenset(tables.seats.values())
    tables.tables = [
        ThemeTable(number=n + 1, theme=d["themes"][n], host_token=d["tokens"][n], host=d["hosts"][n])
        for n in range(d["count"])
    ]
    tables.seats = dict(d["seats"])
    tables.seed = d["seed"]
    tables.explanation = dict(d["explanation"])
    tables.presentation = None
    everyone = frozenset(tables.seats) | frozenset(h for h in d["hosts"] if h is not None)
    return Changes(tables=before | _numbers(tables), devices=everyone, presentation=True)


def _numbers(tables: TablesState) -> frozenset[int]:
    return frozenset(t.number for t in tables.tables)


@rule("tables/seat", actors=EVERYONE)
def _check_seat(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    # The hub sends this for a phone that joins after the division; a phone may also ask for itself.
    device = cmd.data.get("device") if cmd.actor.steers else device_of(cmd)
    if not isinstance(device, str) or device not in state.devices:
        raise CommandError("unknown_device", "this phone has not joined the evening")
    _assigned(state)
    table = late_joiner_table(state, device, state.devices[device].role)
    return None if table is None else {"device": device, "table": table}


@rule("tables/move")
def _check_move(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    tables = _assigned(state)
    device = cmd.data.get("device")
    if not isinstance(device, str) or device not in state.devices:
        raise CommandError("unknown_device", "there is no such phone in the evening")
    table = _table_number(tables, cmd.data)
    return None if tables.seats.get(device) == table else {"device": device, "table": table}


def _apply_seat(state: SessionState, event: Event) -> Changes:
    before = state.tables.seats.get(event.data["device"])
    seat_device(state, event.data["device"], event.data["table"])
    moved = frozenset(n for n in (before, event.data["table"]) if n is not None)
    return Changes(tables=moved, devices=one(event.data["device"]))


_check_seat.applies(_apply_seat)
_check_move.applies(_apply_seat)


@rule("tables/theme")
def _check_theme(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    tables = _assigned(state)
    table = _table_number(tables, cmd.data)
    theme = cmd.data.get("theme")
    if theme is not None and (not isinstance(theme, str) or theme_by_id(state, theme) is None):
        raise CommandError("unknown_theme", f"this agenda has no theme {theme!r}", theme=str(theme))
    return None if tables.table(table).theme == theme else {"table": table, "theme": theme}


@_check_theme.applies
def _apply_theme(state: SessionState, event: Event) -> Changes:
    number = event.data["table"]
    state.tables.table(number).theme = event.data["theme"]
    return Changes(tables=frozenset({number}), devices=state.tables.seated_at(number))


def _writable_table(state: SessionState, cmd: Command, number: int) -> int:
    """A host writes only on its own table's notepad, and only while the evening runs."""
    if cmd.actor.kind != "host":
        return number
    if cmd.actor.table is None:
        raise CommandError("bad_host", "this notepad belongs to no table")
    if number != cmd.actor.table:
        raise CommandError("not_your_table", "a host writes only for their own table")
    _not_finished(state)
    return number


@rule("table/note/add", actors=NOTE_WRITERS)
def _check_note_add(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    tables = _assigned(state)
    default_table = cmd.actor.table if cmd.actor.kind == "host" else None
    number = field_int(cmd.data, "table", default=default_table, lo=1, hi=len(tables.tables))
    number = _writable_table(state, cmd, number)
    note_id = cmd.data.get("id") or (None if cmd.actor.kind == "host" else ctx.new_id())
    if not isinstance(note_id, str) or not CLIENT_ID.fullmatch(note_id):
        raise CommandError("bad_request", "a note needs an id of letters, digits, - or _", field="id")
    known = tables.find_note(note_id)
    if known is not None:
        if known[0].number == number:
            return None  # a resend after a reconnect: stored once
        raise CommandError("id_taken", "that id is already used")
    text = cleaned_text(cmd.data)
    if len(tables.table(number).notes) >= MAX_NOTES_PER_TABLE:
        raise CommandError("too_many_notes", f"at most {MAX_NOTES_PER_TABLE} notes per table")
    by = "host" if cmd.actor.kind == "host" else "facilitator"
    return {
        "id": note_id,
        "table": number,
        "text": text,
        "by": by,
        "review": review_json(review_of(screen(text))),
    }


@_check_note_add.applies
def _apply_note_add(state: SessionState, event: Event) -> Changes:
    d = event.data
    note = TableNote(d["id"], d["text"], event.at, d["by"], review_from(d.get("review")))
    state.tables.table(d["table"]).notes.append(note)
    return _note_changed(d["table"], note.id, new_text=True)


def _note_changed(table: int, note: str, *, new_text: bool) -> Changes:
    ident = frozenset({("note", note)})
    return Changes(tables=frozenset({table}), reviews=ident, new_text=ident if new_text else frozenset())


def _existing_note(state: SessionState, cmd: Command) -> tuple[ThemeTable, TableNote]:
    found = _assigned(state).find_note(cmd.data.get("id"))
    if found is None:
        raise CommandError("unknown_note", "there is no such note")
    _writable_table(state, cmd, found[0].number)
    return found


@rule("table/note/edit", actors=NOTE_WRITERS)
def _check_note_edit(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _, note = _existing_note(state, cmd)
    text = cleaned_text(cmd.data)
    return (
        None
        if text == note.text
        else {"id": note.id, "text": text, "review": review_json(review_of(screen(text)))}
    )


@_check_note_edit.applies
def _apply_note_edit(state: SessionState, event: Event) -> Changes:
    found = state.tables.find_note(event.data["id"])
    assert found is not None
    found[1].text = event.data["text"]
    found[1].review = review_from(event.data.get("review"))
    return _note_changed(found[0].number, found[1].id, new_text=True)


@rule("table/note/remove", actors=NOTE_WRITERS)
def _check_note_remove(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _, note = _existing_note(state, cmd)
    return {"id": note.id}


@_check_note_remove.applies
def _apply_note_remove(state: SessionState, event: Event) -> Changes:
    found = state.tables.find_note(event.data["id"])
    assert found is not None
    found[0].notes.remove(found[1])
    return _note_changed(found[0].number, found[1].id, new_text=False)


def _presentation_order(tables: TablesState, data: dict[str, Any]) -> list[int]:
    order = data.get("tables")
    if order is None:
        # Tables with something written down present; if none wrote anything, every table does.
        return [t.number for t in tables.tables if t.notes] or [t.number for t in tables.tables]
    if (
        not isinstance(order, list)
        or not order
        or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(tables.tables) for n in order
        )
        or len(set(order)) != len(order)
    ):
        raise CommandError("bad_request", "'tables' lists table numbers, each once", field="tables")
    return list(order)


def _presentations_minutes(state: SessionState) -> int:
    block = next((b for b in state.agenda.blocks if b.kind == "presentations"), None)
    return block.minutes if block else DEFAULT_PRESENTATIONS_MINUTES


@rule("presentation/start")
def _check_presentation_start(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    _not_finished(state)
    tables = _assigned(state)
    order = _presentation_order(tables, cmd.data)
    if "minutes_per_table" in cmd.data:
        seconds = 60.0 * field_int(cmd.data, "minutes_per_table", lo=1, hi=MAX_PRESENTATION_MINUTES)
    else:
        seconds = max(60.0, _presentations_minutes(state) * 60.0 / len(order))
    return {"order": order, "seconds": seconds}


@_check_presentation_start.applies
def _apply_presentation_start(state: SessionState, event: Event) -> Changes:
    tables = state.tables
    for table in tables.tables:
        table.timer = None
    for number in event.data["order"]:
        tables.table(number).timer = BlockTimer(planned=event.data["seconds"])
    tables.presentation = Presentation(list(event.data["order"]), event.data["seconds"])
    _presenting_timer(tables).start(event.at)
    return Changes(tables=_numbers(tables), presentation=True)


def _presenting_timer(tables: TablesState) -> BlockTimer:
    assert tables.presentation is not None and tables.presentation.current is not None
    timer = tables.table(tables.presentation.current).timer
    assert timer is not None
    return timer


def _running_presentation(state: SessionState) -> Presentation:
    _not_finished(state)
    presentation = state.tables.presentation
    if presentation is None:
        raise CommandError("no_presentation", "the presentations have not started")
    return presentation


@rule("presentation/next")
def _check_presentation_next(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    presentation = _running_presentation(state)
    if presentation.current is None:
        raise CommandError("last_table", "every table has presented")
    return {"from": presentation.position, "to": presentation.position + 1}


@rule("presentation/previous")
def _check_presentation_previous(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    presentation = _running_presentation(state)
    if presentation.position == 0:
        raise CommandError("first_table", "this is the first table")
    return {"from": presentation.position, "to": presentation.position - 1}


def _apply_presentation_move(state: SessionState, event: Event) -> Changes:
    tables = state.tables
    assert tables.presentation is not None
    moved = {tables.presentation.current}
    if tables.presentation.current is not None:
        _presenting_timer(tables).pause(event.at)
    tables.presentation.position = event.data["to"]
    moved.add(tables.presentation.current)
    if tables.presentation.current is not None:
        # Back to a table that presented already: its clock goes on from where it stopped.
        _presenting_timer(tables).start(event.at)
    return Changes(tables=frozenset(n for n in moved if n is not None), presentation=True)


_check_presentation_next.applies(_apply_presentation_move)
_check_presentation_previous.applies(_apply_presentation_move)


@rule("presentation/extend")
def _check_presentation_extend(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    presentation = _running_presentation(state)
    if presentation.current is None:
        raise CommandError("no_presentation", "no table is presenting now")
    minutes = field_int(cmd.data, "minutes", default=1, lo=1, hi=MAX_PRESENTATION_MINUTES)
    return {"table": presentation.current, "minutes": minutes}


@_check_presentation_extend.applies
def _apply_presentation_extend(state: SessionState, event: Event) -> Changes:
    timer = state.tables.table(event.data["table"]).timer
    assert timer is not None
    timer.extra += event.data["minutes"] * 60.0
    return Changes(tables=frozenset({event.data["table"]}), presentation=True)
