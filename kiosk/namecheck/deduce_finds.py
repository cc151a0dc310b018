"""The full name check: what deduce finds in a text, trimmed to the names in it.

deduce (de-identification of Dutch text) knows first names and surnames of many origins, streets and places. Made
for health records in Dutch, it also takes capitalised words for names: a language ("Engels"), a month, a feast, a
school's systems (Magister, Parro), a well-known name (Anne Frank, Albert Heijn), a word that starts a sentence, and
in the other page languages their own ("My", "On Monday", "Ramazan Bayramı", "Boże Narodzenie"), or a title with
the name ("Oğlum Emre", "Ayşe Hanım"). `trim` keeps the name only: the word lists of every page language
(kiosk/core/name_languages/), each language's common words and deduce's own list of common Dutch words.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Container
from typing import Any

from kiosk.core.moderation import Span
from kiosk.core.name_languages.lexicon import lexicon, not_name_key
from kiosk.core.name_rules import Token, inside_not_name_phrase, not_name_phrases, tokens, written_in

# deduce's tags, as the kinds the kiosk holds for. Institutions, dates and ages are no reason to hold an answer.
_KINDS = {
    "persoon": "name",
    "patient": "name",
    "locatie": "address",
    "telefoonnummer": "phone_number",
    "emailadres": "email",
}


def _no_name(t: Token, lang: str, common_words: Container[str]) -> bool:
    """A word inside a span deduce found that is not the name: a title, a family word, a common or school word."""
    words = lexicon()
    return (
        t.key in words.cue_words
        or t.key in words.after
        or t.key in words.common.get(lang, ())
        or (t.first and t.key in words.common_any and t.key not in words.given)
        or not_name_key(t.key)
        or not_name_key(t.whole)
    )


def trim(
    text: str, span: Span, common_words: Container[str] = frozenset(), lang: str | None = None
) -> Span | None:
    """The part of a span deduce found that is personal data, or None when it is a word or a well-known name.

    `common_words` is deduce's own list of common Dutch words ("Groen", "Vos", "Hoop", "Morgen"): one of those
    standing alone is a word. (pyspellchecker's Dutch list was tried for this and dropped: it is made from film
    subtitles and holds most first names, Emma and Daan as much as Soumaya.)
    """
    if span.kind == "address":
        # A town alone is no address; a street with a number or a postcode is.
        return span if any(ch.isdigit() for ch in text[span.start : span.end]) else None
    if span.kind != "name":
        return span
    if inside_not_name_phrase(text, span.start, span.end):
        return None
    lang = lang or written_in(text)
    toks = tokens(text)
    phrases = {i for first, last in not_name_phrases(text) for i in range(first, last + 1)}
    inside = [t for i, t in enumerate(toks) if span.start <= t.start < span.end and i not in phrases]
    names = [t for t in inside if not _no_name(t, lang, common_words)]
    if not names:
        return None
    if len(names) == 1:
        word = text[names[0].start : names[0].end]
        if word.isupper() and len(word) > 1:
            return None  # MR, VO, HAVO: abbreviations
        if word.lower() in common_words:
            return None  # a Dutch word, even with a capital; a title before it is our own rules' business
        if names[0].first and names[0].key in lexicon().word_names:
            return (
                None  # "Umut ediyorum", "Hope is...": a name that is a word, opening a sentence as the word
            )
    return Span(names[0].start, min(span.end, names[-1].end), "name")


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
    """What deduce finds in a text, as the kiosk's spans, before `trim`."""
    doc = deducer.deidentify(text)
    spans = []
    for annotation in doc.annotations:
        kind = _KINDS.get(annotation.tag.split("_")[0]) or _KINDS.get(annotation.tag)
        if kind is not None:
            spans.append(Span(annotation.start_char, annotation.end_char, kind))
    return spans


def unknown_pairs(text: str, common_words: Container[str], lang: str | None = None) -> list[Span]:
    """Two capitalised words side by side that no word list knows: a name deduce's lists lack (Kacper Nowak,
    Oksana Tkachenko, Meron Gebremariam)."""
    known = dutch_words()
    lang = lang or written_in(text)
    toks = tokens(text)
    spans = []
    for a, b in itertools.pairwise(toks):
        if not (a.script == b.script == "latin" and a.capital and b.capital) or text[a.end : b.start] != " ":
            continue
        if (
            a.upper
            or b.upper
            or any(_no_name(t, lang, common_words) or t.key in common_words for t in (a, b))
        ):
            continue
        if (a.key in known and b.key in known) or inside_not_name_phrase(text, a.start, b.end):
            continue
        spans.append(Span(a.start, b.end, "name"))
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
    """What the full check holds for in a text: deduce's finds trimmed to their names, and unknown name pairs."""
    common = deducer.lookup_structs["common_word"]
    lang = written_in(text)
    found = [trim(text, s, common, lang) for s in deduce_spans(deducer, text)]
    return [s for s in found if s is not None] + unknown_pairs(text, common, lang)
