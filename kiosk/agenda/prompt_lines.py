"""One prompt under `### Vragen`: `- Open: Wat gaat goed?`, its id, options and translations."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.tree import SyntaxTreeNode

from kiosk.agenda.line_syntax import split_prompt
from kiosk.agenda.list_sections import KEY_LINE
from kiosk.agenda.model import Prompt
from kiosk.agenda.tree import item_children, line_of, node_text
from kiosk.agenda.vocabulary import PROMPT_KIND_NAMES

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG = re.compile(r"^[a-z]{2}$")


def read_prompt(
    item: SyntaxTreeNode, block_number: int, number: int, error: Callable[..., None], ids: dict[str, int]
) -> Prompt | None:
    """The prompt of a bullet (the `number`-th of its block); None when it has no kind. `ids` maps the prompt ids
    used so far to their lines, and gets this one."""
    line, text = line_of(item), node_text(item)
    match = KEY_LINE.match(text)
    kind = PROMPT_KIND_NAMES.get(match[1].lower()) if match else None
    if match is None or kind is None:
        if match:
            error(line, "unknown_prompt_kind", kind=match[1])
        else:
            error(line, "prompt_without_kind")
        return None
    body, explicit_id, options = split_prompt(match[2])
    prompt_id = explicit_id if explicit_id is not None else f"b{block_number}-q{number}"
    ok = _check(line, kind, body, options, explicit_id, error)
    translations: dict[str, str] = {}
    option_translations: dict[str, tuple[str, ...]] = {}
    for sub in item_children(item):
        sub_line, sub_text = line_of(sub), node_text(sub)
        lang_match = KEY_LINE.match(sub_text)
        if lang_match is None or not _LANG.match(lang_match[1].lower()):
            error(sub_line, "translation_not_bullet")
            continue
        lang = lang_match[1].lower()
        if lang in translations:
            error(sub_line, "translation_twice", lang=lang)
        sub_body, sub_id, sub_options = split_prompt(lang_match[2])
        if sub_id is not None:
            error(sub_line, "translation_with_id")
        if kind == "choice" and len(sub_options) != len(options):
            error(sub_line, "translation_options", lang=lang, count=len(sub_options), expected=len(options))
        elif kind != "choice" and sub_options:
            error(sub_line, "options_only_choice")
        translations[lang] = sub_body
        if sub_options:
            option_translations[lang] = sub_options
    if prompt_id in ids:
        error(line, "prompt_id_taken", id=prompt_id, first_line=ids[prompt_id])
        ok = False
    else:
        ids[prompt_id] = line
    if ok:
        return Prompt(prompt_id, kind, body, options, translations, option_translations, line)
    # Keep numbering by position so later prompts get the ids the author expects.
    return Prompt(prompt_id, kind, body, options, line=line)


def _check(
    line: int,
    kind: str,
    body: str,
    options: tuple[str, ...],
    explicit_id: str | None,
    error: Callable[..., None],
) -> bool:
    ok = True
    if not body:
        error(line, "prompt_without_question")
        ok = False
    if kind == "choice" and len(options) < 2:
        error(line, "choice_needs_options")
        ok = False
    if kind != "choice" and options:
        error(line, "options_only_choice")
        ok = False
    if explicit_id is not None and not _ID.match(explicit_id):
        error(line, "bad_prompt_id", id=explicit_id)
        ok = False
    return ok
