"""The agenda's texts in other languages, beside the original: talking points (`- en: ...` under a point), who
leads (`wie-en: parents`), the evening's title (`en: ...` before the first block) and the key message (a paragraph
that starts with `en:`). The phones' titles and questions are read in parser.py."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from kiosk.agenda.tree import is_list, node_text

# A nested bullet or a paragraph in another language: a lowercase two-letter code and a colon first.
TRANSLATION = re.compile(r"^([a-z]{2})\s*:\s*(\S.*)$", re.DOTALL)
# A block setting in another language: the setting's name, a dash and the code ("wie-en", "lead-tr").
KEY_IN_LANGUAGE = re.compile(r"^(.+)-([a-z]{2})$")


def split_translation(text: str) -> tuple[str, str] | None:
    """("en", "the text") for "en: the text"; None for text in the agenda's own language."""
    match = TRANSLATION.match(text.strip())
    return None if match is None else (match[1], match[2].strip())


def points_of(node: SyntaxTreeNode) -> list[tuple[str, dict[str, str]]]:
    """Every talking point of a list in reading order (nested points after their parent), each with its
    translations: a nested `- en: ...` bullet translates the point it sits under, it is no point of its own."""
    return _points_of_items(node.children)


def _points_of_items(items: list[SyntaxTreeNode]) -> list[tuple[str, dict[str, str]]]:
    points: list[tuple[str, dict[str, str]]] = []
    for item in items:
        translations: dict[str, str] = {}
        nested: list[SyntaxTreeNode] = []
        for sub in (sub for child in item.children if is_list(child) for sub in child.children):
            found = split_translation(node_text(sub))
            if found is not None and not any(is_list(c) for c in sub.children):
                translations.setdefault(found[0], found[1])
            else:
                nested.append(sub)
        text = node_text(item)
        if text:
            points.append((text, translations))
        points.extend(_points_of_items(nested))
    return points


def in_every_language(points: list[tuple[str, dict[str, str]]]) -> dict[str, tuple[str, ...]]:
    """lang -> all points in that language; a point without a translation stays as written."""
    languages = sorted({lang for _, translations in points for lang in translations})
    return {lang: tuple(translations.get(lang, text) for text, translations in points) for lang in languages}
