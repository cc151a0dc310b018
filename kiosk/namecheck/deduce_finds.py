"""The full name check: what deduce finds in a text, without the words it takes for names that are none.

deduce (de-identification of Dutch text) knows first names and surnames of many origins, streets and places. Made
for health records, it also takes capitalised Dutch words for names: a language ("Engels"), a month, a feast, a
school's systems (Magister, Parro), a well-known name (Anne Frank, Albert Heijn) or a word that starts a sentence.
`keep` drops those: an allow-list of words and names parents write about school, and deduce's own list of common
Dutch words for a word standing alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from typing import Any

from kiosk.core.moderation import Span
from kiosk.core.name_words import ALLOWED_PHRASES, is_allowed

# deduce's tags, as the kinds the kiosk holds for. Institutions, dates and ages are no reason to hold an answer.
_KINDS = {
    "persoon": "name",
    "patient": "name",
    "locatie": "address",
    "telefoonnummer": "phone_number",
    "emailadres": "email",
}


def _inside_allowed_phrase(text: str, span: Span) -> bool:
    lowered = text.lower()
    for phrase in ALLOWED_PHRASES:
        at = lowered.find(phrase)
        while at != -1:
            if at <= span.start and span.end <= at + len(phrase):
                return True
            at = lowered.find(phrase, at + 1)
    return False


def keep(text: str, span: Span, common_words: Container[str] = frozenset()) -> bool:
    """Whether a span deduce found is personal data, not a capitalised word or a well-known name mistaken for it.

    `common_words` is deduce's own list of common Dutch words ("Groen", "Vos", "Hoop", "Morgen"): one of those
    standing alone is a word. (pyspellchecker's Dutch list was tried for this and dropped: it is made from film
    subtitles and holds most first names, Emma and Daan as much as Soumaya.)
    """
    if span.kind == "address":
        # A town alone is no address; a street with a number or a postcode is.
        return any(ch.isdigit() for ch in text[span.start : span.end])
    if span.kind != "name":
        return True
    if _inside_allowed_phrase(text, span):
        return False
    words = re.findall(r"[^\W\d_][^\s,.;:!?()]*", text[span.start : span.end])
    names = [w for w in words if not is_allowed(w)]
    if not names:
        return False
    if len(names) == 1:
        word = names[0]
        if word.isupper() and len(word) > 1:
            return False  # MR, VO, HAVO: abbreviations
        if word.lower() in common_words:
            return False  # a Dutch word, even with a capital; a title before it is our own rules' business
    return True


def load_deduce() -> Any:
    """deduce's Deduce, loaded quietly: deduce sets the root logger to INFO and says "please wait" through it."""
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        from deduce import Deduce  # type: ignore[import-untyped]

        return Deduce()
    finally:
        root.setLevel(level)
        root.handlers[:] = handlers


def deduce_spans(deducer: Any, text: str) -> list[Span]:
    """What deduce finds in a text, as the kiosk's spans, before `keep`."""
    doc = deducer.deidentify(text)
    spans = []
    for annotation in doc.annotations:
        kind = _KINDS.get(annotation.tag.split("_")[0]) or _KINDS.get(annotation.tag)
        if kind is not None:
            spans.append(Span(annotation.start_char, annotation.end_char, kind))
    return spans


_CAPITALISED_PAIR = re.compile(
    r"\b([A-ZÀ-Þ][\w'’]+(?:-[A-Z][\w'’]+)?)\s+((?:(?:Al|El|Ben|Abu)-)?[A-ZÀ-Þ][\w'’]+(?:-[A-Z][\w'’]+)?)\b"
)


def unknown_pairs(text: str, common_words: Container[str]) -> list[Span]:
    """Two capitalised words side by side that no Dutch word list knows: a name deduce's lists lack (Kacper Nowak,
    Oksana Tkachenko, Meron Gebremariam)."""
    known = dutch_words()
    spans = []
    for m in _CAPITALISED_PAIR.finditer(text):
        words = [m.group(1), m.group(2)]
        if any(is_allowed(w) or w.isupper() or w.lower() in common_words for w in words):
            continue
        if all(w.lower() in known for w in words) or _inside_allowed_phrase(
            text, Span(m.start(), m.end(), "name")
        ):
            continue
        spans.append(Span(m.start(), m.end(), "name"))
    return spans


@functools.cache
def dutch_words() -> frozenset[str]:
    """Dutch words in lower case from pyspellchecker's list (made from subtitles: it holds many first names too, so
    it only ever clears a pair of capitalised words that are both in it, never a name deduce found)."""
    from spellchecker import (
        SpellChecker,  # a dependency: without it more word pairs would be held than measured
    )

    return frozenset(SpellChecker(language="nl").word_frequency.dictionary)


def found_spans(deducer: Any, text: str) -> list[Span]:
    """What the full check holds for in a text: deduce's finds that `keep` keeps, and unknown name pairs."""
    common = deducer.lookup_structs["common_word"]
    return [s for s in deduce_spans(deducer, text) if keep(text, s, common)] + unknown_pairs(text, common)
