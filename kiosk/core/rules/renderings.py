"""The facilitator's rendering of the room's text into another language, for the letter to parents.

An answer written on a Turkish page reaches a Dutch letter only as the facilitator renders it in Dutch: the letter
quotes no text its readers cannot read, and in a small school a quote in its own language could point to one family.
Only what the room saw (approved answers and questions) can be rendered; the rendering is the facilitator's own
words, so it needs no second look for names.
"""

from __future__ import annotations

import re
from typing import Any

from kiosk.core.changes import Changes
from kiosk.core.events import Command, CommandError, Event
from kiosk.core.rules.registry import Context, field_str, rule
from kiosk.core.state import SessionState
from kiosk.core.text import MAX_CONTRIBUTION

_LANG = re.compile(r"^[a-z]{2,3}$")


def renderable(state: SessionState, item_id: object) -> bool:
    """An approved answer or question: what the room saw, and so what a letter may quote."""
    if not isinstance(item_id, str):
        return False
    answer = state.contributions.get(item_id)
    question = state.questions.items.get(item_id)
    return (answer is not None and answer.visible) or (question is not None and question.visible)


@rule("rendering/set")
def _check_rendering(state: SessionState, cmd: Command, ctx: Context) -> dict[str, Any] | None:
    """`{"id", "lang", "text"}`: the item's text in `lang` as the facilitator writes it; empty text removes it."""
    item_id = cmd.data.get("id")
    if not renderable(state, item_id):
        raise CommandError("render_not_shown", "only an approved answer or question can be rendered")
    lang = cmd.data.get("lang")
    if not isinstance(lang, str) or not _LANG.match(lang):
        raise CommandError("bad_request", "'lang' is a language code like 'nl'", field="lang")
    text = field_str(cmd.data, "text", required=False, max_len=MAX_CONTRIBUTION)
    assert isinstance(item_id, str)
    if state.renderings.get(item_id, {}).get(lang, "") == text:
        return None
    return {"id": item_id, "lang": lang, "text": text}


@_check_rendering.applies
def _apply_rendering(state: SessionState, event: Event) -> Changes:
    item_id, lang, text = event.data["id"], event.data["lang"], event.data["text"]
    texts = state.renderings.setdefault(item_id, {})
    if text:
        texts[lang] = text
    else:
        texts.pop(lang, None)
        if not texts:
            del state.renderings[item_id]
    return Changes(renderings=frozenset({item_id}))
