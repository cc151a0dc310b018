"""`kiosk actions`: follow up the school's actions after the evening.

List them (overdue ones flagged), add and update them with a note, link each to the key points, approved answers
and the room's questions it responds to (so the letter says what answers what, and who answers a question by
when), and render an answer or question written in another language for the letter (`--render REF TEXT`).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from kiosk.catalog import refusal
from kiosk.commands.common import UserError, add_data_dir, add_lang, data_dir, open_log
from kiosk.commands.export import iso_date, load_evening
from kiosk.commands.refs import KINDS, linkable, resolve, short_ref
from kiosk.commands.texts import hint, say
from kiosk.core.events import Command, CommandError
from kiosk.core.hold import EveningHold
from kiosk.core.readings.questions import answered_questions
from kiosk.core.readings.renderings import written_in
from kiosk.core.session import SessionCore
from kiosk.core.state import ACTION_STATUSES, Action, SessionState
from kiosk.core.store import StoreError
from kiosk.report.letter import is_overdue


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", nargs="?", default=None, help=hint("session"))
    change = parser.add_mutually_exclusive_group()
    change.add_argument("--add", metavar="WHAT", default=None, help=hint("actions.add"))
    change.add_argument("--update", metavar="ID", default=None, help=hint("actions.update"))
    change.add_argument("--heard", action="store_true", help=hint("actions.heard"))
    change.add_argument(
        "--render", nargs=2, metavar=("REF", "TEXT"), default=None, help=hint("actions.render")
    )
    parser.add_argument("--into", default=None, metavar="LANG", help=hint("actions.into"))
    parser.add_argument("--status", choices=ACTION_STATUSES, default=None, help=hint("actions.status"))
    parser.add_argument("--note", default=None, help=hint("actions.note"))
    parser.add_argument("--owner", default=None, help=hint("actions.owner"))
    parser.add_argument("--due", default=None, metavar="YYYY-MM-DD", help=hint("actions.due"))
    parser.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="REF",
        help=hint("actions.link"),
    )
    parser.add_argument("--unlink", action="append", default=[], metavar="REF", help=hint("actions.unlink"))
    parser.add_argument(
        "--today",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=hint("actions.today"),
    )
    add_data_dir(parser)
    add_lang(parser)


def execute(core: SessionCore, command: Command, lang: str) -> None:
    """One command on a stored evening; a refusal or an evening open elsewhere becomes a UserError."""
    try:
        core.execute(command)
    except CommandError as exc:
        if exc.code == "unknown_action":
            raise UserError(say(lang, "actions.unknown", id=command.data.get("id"))) from exc
        raise UserError(refusal(lang, exc.code, exc.params, exc.message)) from exc
    except StoreError as exc:
        if exc.reason == "conflict":  # another kiosk appended to this evening meanwhile: it still runs there
            raise UserError(say(lang, "actions.open_elsewhere")) from exc
        raise UserError(exc.said(lang)) from exc


def _links(core: SessionCore, action_id: str, link: list[str], unlink: list[str], lang: str) -> None:
    action = core.state.actions.get(action_id)
    if action is None:
        raise UserError(say(lang, "actions.unknown", id=action_id))
    chosen = {kind: list(getattr(action, kind)) for kind in KINDS}
    for ref in link:
        kind, found = resolve(core.state, ref, lang)
        if found not in chosen[kind]:
            chosen[kind].append(found)
    for ref in unlink:
        kind, found = resolve(core.state, ref, lang)
        chosen[kind] = [x for x in chosen[kind] if x != found]
    execute(core, Command("action/link", {"id": action_id, **chosen}), lang)


def _answers(state: SessionState, action: Action, lang: str) -> list[str]:
    points = {p.id: p.text for p in state.key_points}
    texts = [say(lang, "actions.answers_point", text=points[k]) for k in action.key_points if k in points]
    for cid in action.contributions:
        c = state.contributions.get(cid)
        if c is not None:
            shown = "" if c.visible else say(lang, "actions.not_shown")
            texts.append(say(lang, "actions.answers_answer", text=c.text) + shown)
    asked = state.questions.items
    texts += [
        say(lang, "actions.answers_question", text=asked[q].text) for q in action.questions if q in asked
    ]
    return texts


def _list(core: SessionCore, today: date, lang: str) -> None:
    actions = list(core.state.actions.values())
    if not actions:
        print(say(lang, "actions.none"))
        return
    id_, status, due, owner, what = say(lang, "actions.columns").split("|")
    print(f"{id_:<10} {status:<12} {due:<10}  {owner:<20} {what}")
    late = 0
    for a in actions:
        overdue = is_overdue(a, today)
        late += overdue
        flag = "  " + say(lang, "actions.overdue_flag") if overdue else ""
        print(f"{a.id:<10} {a.status:<12} {a.due or '-':<10}  {a.owner or '-':<20} {a.what}{flag}")
        for text in _answers(core.state, a, lang):
            print(f"{'':<10} " + say(lang, "actions.answers", what=text))
        for note in a.notes:
            when = datetime.fromtimestamp(note.at).strftime("%Y-%m-%d")
            print(f"{'':<10} {when}  {note.status}" + (f": {note.text}" if note.text else ""))
    if late:
        print(f"{'':<10} " + say(lang, "actions.late", n=late, today=today.isoformat()))


def _rendered(state: SessionState, item_id: str, original: str) -> tuple[str, str]:
    """'[tr] ', '→ nl: ...': the language an item was written in when it is not the agenda's, and its renderings."""
    marks = "".join(f"\n{'':<13}→ {code}: {text}" for code, text in state.renderings.get(item_id, {}).items())
    return (f"[{original}] " if original != state.agenda.language else ""), marks


def _heard(core: SessionCore, lang: str) -> None:
    state = core.state
    refs = linkable(state)
    print(say(lang, "actions.heard_points"))
    for point in state.key_points:
        print(f"  {short_ref(point.id, refs):<10} {point.text}")
    if not state.key_points:
        print("  " + say(lang, "actions.heard_none"))
    print(say(lang, "actions.heard_answers"))
    shown = [c for c in state.contributions.values() if c.visible]
    for c in shown:
        prompt = state.agenda.prompt(c.prompt_id) if c.prompt_id else None
        where = f"  ({prompt.text})" if prompt else ""
        written, renderings = _rendered(state, c.id, written_in(state, c))
        print(f"  {short_ref(c.id, refs):<10} {written}{c.text}{where}{renderings}")
    if not shown:
        print("  " + say(lang, "actions.heard_none"))
    print(say(lang, "actions.heard_questions"))
    asked = answered_questions(state)
    for q in asked.shown:
        question = state.questions.items[q.id]
        written, renderings = _rendered(state, q.id, written_in(state, question))
        answer = say(lang, f"actions.question_{q.answer or 'open'}")
        replies = [state.actions[a] for a in q.actions if a in state.actions]
        who = "".join(f"\n{'':<13}→ {a.id}: {a.owner or '-'}, {a.due or '-'}" for a in replies)
        print(f"  {short_ref(q.id, refs):<10} {written}{q.text}  ({answer}){renderings}{who}")
    if not asked.shown:
        print("  " + say(lang, "actions.heard_none"))
    print(say(lang, "actions.heard_link"))


def _render(core: SessionCore, render: list[str], into: str | None, lang: str) -> None:
    """The facilitator's rendering of an answer or question into the letter's language (the agenda's by default)."""
    ref, text = render
    kind, item = resolve(core.state, ref, lang)
    if kind == "key_points":
        raise UserError(say(lang, "actions.render_key_point"))
    target = into or core.state.agenda.language
    execute(core, Command("rendering/set", {"id": item, "lang": target, "text": text}), lang)


def main(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    log = open_log(args)
    hold: EveningHold | None = None
    try:
        evening = load_evening(log, args.session, args.lang)
        core = evening.core
        if args.heard:
            _heard(core, args.lang)
            return 0
        if args.render is not None:
            hold = _hold(args, evening.info.id)
            _render(core, args.render, args.into, args.lang)
            _heard(core, args.lang)
            return 0
        if args.add is not None or args.update is not None:
            hold = _hold(args, evening.info.id)
        fields = {k: v for k in ("owner", "due", "status") if (v := getattr(args, k)) is not None}
        links = args.link or args.unlink
        for ref in args.link + args.unlink:
            resolve(core.state, ref, args.lang)  # a wrong reference stops before anything is stored
        if args.add is not None:
            before = set(core.state.actions)
            execute(core, Command("action/add", {"what": args.add, **fields}), args.lang)
            (new_id,) = set(core.state.actions) - before
            if args.note:
                execute(core, Command("action/update", {"id": new_id, "note": args.note}), args.lang)
            if links:
                _links(core, new_id, args.link, args.unlink, args.lang)
        elif args.update is not None:
            if not fields and not args.note and not links:
                raise UserError(say(args.lang, "actions.say_what"))
            if fields or args.note:
                update = {"id": args.update, **fields, "note": args.note or ""}
                execute(core, Command("action/update", update), args.lang)
            if links:
                _links(core, args.update, args.link, args.unlink, args.lang)
        elif fields or args.note or links:
            raise UserError(say(args.lang, "actions.fields_alone"))
        _list(core, today, args.lang)
    finally:
        if hold is not None:
            hold.release()
        log.close()
    return 0


def _hold(args: argparse.Namespace, session_id: str) -> EveningHold | None:
    """Hold the evening while changing its actions; a running kiosk that holds it keeps it (a sentence says so)."""
    try:
        hold = EveningHold.take(data_dir(args), session_id)
    except OSError:
        return None  # a folder that cannot hold the lock file: the write itself says what is wrong
    if hold is None:
        raise UserError(say(args.lang, "actions.open_elsewhere"))
    return hold
