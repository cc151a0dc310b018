"""What each audience may see of the evening: its fields, and how each answer and question is written for it.

A view is its fields (block, timer, summary, tables...: `phone_fields`, `display_fields`, `remote_fields`) plus
bounded keyed lists chosen by a `Selection` (kiosk/hub/selections.py) from the specs below. The publisher keeps
each stream's view up to date from the core's `Changes` (kiosk/hub/audiences.py); `phone_view`, `display_view` and
`remote_view` build one afresh, as a new client gets it.

Recognition counts come from a snapshot (`counts`, contribution id -> count) that the publisher refreshes at most
about once a second, so that a busy hall does not send every recognition to every phone at once; upvotes likewise
(`votes`, question id -> count).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.readings.responses import tally_of
from kiosk.core.readings.summary import running_summary
from kiosk.core.readings.wall import wall_rank
from kiosk.core.state import Contribution, SessionState
from kiosk.hub.seat_handles import PROCESS_HANDLES, SeatHandles
from kiosk.hub.selections import Spec
from kiosk.hub.table_views import display_tables, phone_table, remote_tables
from kiosk.hub.view_bytes import (
    DISPLAY_ANSWERS,
    DISPLAY_HEARD,
    OWN_ANSWERS,
    PHONE_ANSWERS,
    REMOTE_ANSWERS,
    first_within,
    last_within,
)

PHONE_CONTRIBUTIONS = 200
DISPLAY_CONTRIBUTIONS = 60
REMOTE_LIMIT = 200  # the remote's window unless it asks for more
REMOTE_MAX = 1000  # the most a remote may ask for at once
REMOTE_STATUSES = ("pending", "approved", "hidden", "withdrawn")
Counts = Mapping[str, int]


def live_counts(state: SessionState) -> dict[str, int]:
    """Every contribution's recognitions now (merged duplicates included); zero counts are left out."""
    counts = {}
    for c in state.contributions.values():
        n = state.endorsement_count(c)
        if n:
            counts[c.id] = n
    return counts


def shared_view(state: SessionState, now: float) -> dict[str, Any]:
    """The parts every audience gets: block, timer, open prompt."""
    block = state.block
    timer = state.timer
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    return {
        "agenda": {"title": state.agenda.title, "language": state.agenda.language},
        "started": state.started,
        "finished": state.finished,
        "block": {
            "index": block.index,
            "count": len(state.agenda.blocks),
            "title": block.title,
            "kind": block.kind,
            "minutes": block.minutes,
        },
        "timer": {"length": timer.length, "elapsed": round(timer.elapsed(now), 3), "running": timer.running},
        "prompt": prompt.to_json() if prompt else None,
        "recognition": state.recognition_open,
    }


# -- the phones --------------------------------------------------------------------------------------------------


def phone_fields(state: SessionState, now: float, lang: str | None = None) -> dict[str, Any]:
    """The same fields for every phone of one language; nothing in them belongs to one phone.

    The block's title and the open prompt come as the agenda wrote them, plus their translation into `lang`
    only: a phone never receives the languages it does not read.
    """
    view = shared_view(state, now)
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    view["prompt"] = prompt.to_json_in(lang) if prompt else None
    if lang in state.block.title_translations:
        view["block"]["translations"] = {lang: state.block.title_translations[lang]}
    return view


def phone_answers(state: SessionState, counts: Counts) -> Spec[Contribution]:
    """While recognition is open: the newest PHONE_CONTRIBUTIONS answers to the open question, listed in the
    order the room first saw them (`n`), so a list being read only grows at its end; counts change in place."""
    return Spec(
        source=lambda: state.contributions,
        wanted=lambda c: state.recognition_open and c.visible and c.prompt_id == state.open_prompt,
        rank=lambda c: (-c.approved_seq, -c.at),
        limit=PHONE_CONTRIBUTIONS,
        render=lambda c: {"id": c.id, "text": c.text, "count": counts.get(c.id, 0), "n": c.approved_seq},
        by="n",
        ascending_list=True,
        budget=PHONE_ANSWERS,
    )


def mine_view(
    state: SessionState, device: str, host_table: int | None = None, lang: str | None = None
) -> dict[str, Any]:
    """One phone's own things: its role, table, contributions and their status, what it recognised.

    A host's table comes from its token (`host_table`); a phone's from its seat at the theme tables, its theme's
    card with the translation into the phone's `lang` when the agenda has one.
    Counts are not here: they change often and reach the phone in the phone view's count batches.
    `endorsed` holds only answers to the open question, the only ones a phone can still recognise.
    """
    from kiosk.hub.question_views import own_questions

    known = state.devices.get(device)
    own = [state.contributions[cid] for cid in state.own.get(device, ())]
    table = None if host_table is not None else phone_table(state, device, lang)
    return {
        "device": {
            "role": known.role if known else None,
            "table": host_table if host_table is not None else (table["number"] if table else None),
            "lang": known.lang if known else None,
        },
        "table": table,
        "mine": last_within(
            [
                {
                    "id": c.id,
                    "prompt": c.prompt_id,
                    "text": c.text,
                    "status": c.status,
                    "held": c.held_reason,
                    "withdrawn": c.withdrawn,
                    "merged": c.merged_into is not None,
                }
                for c in own
            ],
            OWN_ANSWERS,
        ),
        "endorsed": sorted(
            cid
            for cid in state.endorsed.get(device, ())
            if state.open_prompt is not None and state.contributions[cid].prompt_id == state.open_prompt
        ),
        "responses": {
            prompt: {"value": answers[device].value, "comment": answers[device].comment}
            for prompt, answers in state.responses.items()
            if device in answers
        },
        **_bounded_own(own_questions(state, device)),
    }


def _bounded_own(own: dict[str, Any]) -> dict[str, Any]:
    """A phone's own questions within their byte bound (the newest kept)."""
    return {**own, "questions": last_within(own["questions"], OWN_ANSWERS)}


def tally(state: SessionState) -> dict[str, Any] | None:
    """Answers per value of the open rating or choice prompt; None for an open question or none."""
    prompt = state.agenda.prompt(state.open_prompt) if state.open_prompt else None
    counted = tally_of(state, prompt) if prompt is not None else None
    return None if counted is None else counted.to_json()


# -- the projector -----------------------------------------------------------------------------------------------


def display_fields(
    state: SessionState, now: float, *, join_url: str, room: str, connected: dict[str, int]
) -> dict[str, Any]:
    """The projector: only what the room may see; the block's title in every language it has (one screen)."""
    view = shared_view(state, now)
    if state.block.title_translations:
        view["block"]["translations"] = dict(state.block.title_translations)
    view["join"] = {"url": join_url, "room": room, "qr": "/qr.svg"}
    view["tally"] = tally(state)
    view["summary"] = {
        "shown": state.summary_shown,
        "view": state.summary_view,
        "heard": first_within(heard(state), DISPLAY_HEARD)
        if state.summary_shown and state.summary_view == "heard"
        else [],
        "points": [p.text for p in state.key_points],
        "key_message": state.key_message,
        "contact": state.contact,
        "actions": [
            {"what": a.what, "owner": a.owner, "due": a.due, "status": a.status}
            for a in state.actions.values()
        ],
    }
    view["connected"] = {k: connected.get(k, 0) for k in ("parent", "staff", "unknown")}
    view["tables"] = display_tables(state, now)
    view["questions_on"] = state.questions.on_display
    return view


def display_answers(state: SessionState, counts: Counts) -> Spec[Contribution]:
    """The wall: the open question's approved answers in the wall's rank (pinned, most recognised, newest)."""
    return Spec(
        source=lambda: state.contributions,
        wanted=lambda c: c.visible and c.prompt_id is not None and c.prompt_id == state.open_prompt,
        rank=lambda c: wall_rank(c, counts.get(c.id, 0)),
        limit=DISPLAY_CONTRIBUTIONS,
        render=lambda c: {
            "id": c.id,
            "text": c.text,
            "count": counts.get(c.id, 0),
            "role": c.role,
            "pinned": c.pinned,
            "n": c.approved_seq,
        },
        by="n",
        budget=DISPLAY_ANSWERS,
    )


HEARD_ITEMS = 4  # per question on the projector: the most recognised, readable from the back of the room


def heard(state: SessionState) -> list[dict[str, Any]]:
    """What was heard so far, per question: counts, who said it, and the most recognised answers."""
    result = []
    for prompt in running_summary(state).prompts:
        if not prompt.count:
            continue
        items = prompt.ranked()
        result.append(
            {
                "prompt": prompt.prompt.text if prompt.prompt else prompt.block_title,
                "translations": dict(prompt.prompt.translations) if prompt.prompt else {},
                "count": prompt.count,
                "roles": {
                    "parent": prompt.roles.parent,
                    "staff": prompt.roles.staff,
                    "unknown": prompt.roles.unknown,
                },
                "items": [{"text": i.text, "count": i.recognitions} for i in items[:HEARD_ITEMS]],
            }
        )
    return result


# -- the facilitator's remote ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """Which contributions one remote asked to see: a status, a question, how many."""

    status: str | None = None  # pending, approved, hidden, withdrawn; None: any
    prompt: str | None = None  # a prompt id; None: any
    limit: int = REMOTE_LIMIT

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "prompt": self.prompt, "limit": self.limit}


def _status_of(c: Contribution) -> str:
    return "withdrawn" if c.withdrawn else c.status


def remote_answers(state: SessionState, counts: Counts, window: Window) -> Spec[Contribution]:
    """The most relevant `limit` contributions that match the window: waiting ones first, newest first; totals
    per status (withdrawn ones apart) within the window's question."""

    def in_scope(c: Contribution) -> bool:
        return window.prompt is None or c.prompt_id == window.prompt

    return Spec(
        source=lambda: state.contributions,
        wanted=lambda c: in_scope(c) and (window.status is None or _status_of(c) == window.status),
        rank=lambda c: (_status_of(c) != "pending", -c.n),
        limit=window.limit,
        render=lambda c: _remote_contribution(c, counts),
        tally=lambda c: _status_of(c) if in_scope(c) else None,
        budget=REMOTE_ANSWERS,
    )


def remote_totals(totals: Mapping[str, int], window: Window) -> dict[str, int]:
    """The totals per status a remote shows, and how many match its window in all."""
    shown = {status: totals.get(status, 0) for status in REMOTE_STATUSES}
    matching = sum(shown.values()) if window.status is None else shown[window.status]
    return {**shown, "matching": matching}


def _remote_contribution(c: Contribution, counts: Counts) -> dict[str, Any]:
    return {
        "id": c.id,
        "prompt": c.prompt_id,
        "block": c.block_index,
        "text": c.text,
        "at": c.at,
        "status": c.status,
        "held": c.held_reason,
        # Held and not yet looked at: one tap replaces what was found by "[naam]"..., approving it as is asks first.
        "redact": c.redactable,
        "confirm": c.needs_confirmation,
        "tags": list(c.tags),
        "count": counts.get(c.id, 0),
        "role": c.role,
        "source": c.source,
        "pinned": c.pinned,
        "withdrawn": c.withdrawn,
        "merged_into": c.merged_into,
    }


def remote_fields(
    state: SessionState,
    now: float,
    *,
    connected: dict[str, int],
    window: Window,
    totals: dict[str, int],
    question_totals: dict[str, int],
    base_url: str = "",
    handles: SeatHandles = PROCESS_HANDLES,
) -> dict[str, Any]:
    """The facilitator's remote: everything needed to steer and moderate, but no device ids."""
    view = shared_view(state, now)
    # The remote reads the block in its own language, like the projector (one remote: every language is cheap).
    if state.block.title_translations:
        view["block"]["translations"] = dict(state.block.title_translations)
    view["blocks"] = [
        {
            "index": b.index,
            "title": b.title,
            "translations": dict(b.title_translations),
            "minutes": b.minutes,
            "kind": b.kind,
            "length": state.timers[b.index].length,
            "elapsed": round(state.timers[b.index].elapsed(now), 3),
            "running": state.timers[b.index].running,
        }
        for b in state.agenda.blocks
    ]
    view["points"] = list(state.block.points)
    view["prompts"] = [p.to_json() for p in state.block.prompts]
    view["window"] = window.to_json()
    view["totals"] = totals
    view["auto_approve"] = state.auto_approve
    view["tally"] = tally(state)
    view["summary"] = {
        "shown": state.summary_shown,
        "view": state.summary_view,
        "points": [{"id": p.id, "text": p.text, "sources": list(p.sources)} for p in state.key_points],
        "key_message": state.key_message,
        "contact": state.contact,
    }
    view["actions"] = [
        {"id": a.id, "what": a.what, "owner": a.owner, "due": a.due, "status": a.status}
        for a in state.actions.values()
    ]
    view["devices"] = len(state.devices)
    view["connected"] = dict(connected)
    view["tables"] = remote_tables(state, now, base_url=base_url, handles=handles)
    view["questions_on"] = state.questions.on_display
    view["question_totals"] = question_totals
    return view
