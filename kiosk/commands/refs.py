"""What `kiosk actions` links to and renders, named by id or a short prefix: key points, approved answers and the
room's approved questions. `kiosk export` names them the same way when it says what the letter left out."""

from __future__ import annotations

from kiosk.commands.common import UserError
from kiosk.commands.texts import say
from kiosk.core.state import SessionState

MIN_PREFIX = 4
KINDS = ("key_points", "contributions", "questions")


def linkable(state: SessionState) -> dict[str, tuple[str, str]]:
    """Every id an action can answer, as (kind, id): key points, approved answers, approved questions."""
    refs = {p.id: ("key_points", p.id) for p in state.key_points}
    refs.update({c.id: ("contributions", c.id) for c in state.contributions.values() if c.visible})
    refs.update({q.id: ("questions", q.id) for q in state.questions.items.values() if q.visible})
    return refs


def short_ref(ref: str, refs: dict[str, tuple[str, str]]) -> str:
    """The shortest prefix (at least 4 characters) that names only this id."""
    for size in range(MIN_PREFIX, len(ref)):
        prefix = ref[:size]
        if sum(1 for other in refs if other.startswith(prefix)) == 1:
            return prefix
    return ref


def resolve(state: SessionState, ref: str, lang: str = "nl") -> tuple[str, str]:
    """A key point, approved answer or question by its id or a prefix of it; a UserError says what is wrong."""
    refs = linkable(state)
    if ref in refs:
        return refs[ref]
    found = [value for key, value in refs.items() if len(ref) >= MIN_PREFIX and key.startswith(ref)]
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(say(lang, "actions.ref_ambiguous", ref=ref))
    raise UserError(say(lang, "actions.ref_unknown", ref=ref))
