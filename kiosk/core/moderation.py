"""Holds back what the room writes when it needs a human look before the room sees it.

One entry point decides for any text from the room (answers, comments, questions, notes): `screen(text, found)`
returns the reason to hold it (or None) and the spans it found. Our own rules run here, always, in microseconds;
`found` adds what the full name check (deduce, in a helper process: kiosk/namecheck/worker.py) saw in the text,
trimmed by `kiosk.namecheck.deduce_finds.trim` to the names in it, in every page language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.catalog import catalog
from kiosk.core.name_rules import name_spans, tokens, written_in
from kiosk.core.state import Review

# Kept short and obvious on purpose: a false hold costs the facilitator one key press, a miss costs a parent's trust.
_PROFANITY = {
    # Dutch
    "kut",
    "klote",
    "kanker",
    "kankerlijer",
    "tering",
    "tyfus",
    "godverdomme",
    "kolere",
    "lul",
    "eikel",
    "klootzak",
    "hoer",
    "mongool",
    "debiel",
    "sukkel",
    "trut",
    "kutwijf",
    "flikker",
    "neuk",
    "neuken",
    "shit",
    "fuck",
    # English
    "fucking",
    "bitch",
    "bastard",
    "asshole",
    "cunt",
    "dick",
    "whore",
    "retard",
    "idiot",
    "moron",
    "wanker",
    "bullshit",
}

# Dutch swears glue onto any noun ("kutschool", "kankerweer"), so these count as a word's start too.
_PROFANE_PREFIXES = ("kut", "kanker", "tering", "tyfus", "kolere", "godver", "klote")

# What a span is, and why it holds: the order is the order of reasons when a text has several.
KINDS = ("profanity", "email", "phone_number", "address", "name")
REASONS = KINDS

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers: 06-12345678, 020 123 45 67, +31 6 1234 5678, 0031 (0)6 12 34 56 78. Nine digits at least, so a
# date (12-03-2024) or a sum of money is not one.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s().-]{7,}\d(?!\w)")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž'’-"
_STREETS = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|plantsoen|straatweg|boulevard|allee|hof|park|"
    r"markt|hoeve|pad"
)
# "Kerkstraat 12", "Burgemeester de Withstraat 3a", "Lange Nieuwstraat 8 bis".
_ADDRESS = re.compile(
    rf"\b(?:[{_UPPER}][{_LOWER}]+\s)?[{_UPPER}][{_LOWER}]*(?:{_STREETS})\s+\d{{1,4}}(?:\s?[a-zA-Z](?!\w))?"
)
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")
# Dutch swears glued to a word are Dutch only: Turkish "kutlamak" (to celebrate), "kutu" (box), Polish "kutia".
_GLUED_SWEARS_IN = ("nl", "en", "ar", "uk")
_WORD_PARTS = re.compile(r"[-']")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of text [start, end) that holds personal data or a swear word, and what kind."""

    start: int
    end: int
    kind: str

    def to_json(self) -> list[Any]:
        return [self.start, self.end, self.kind]

    @classmethod
    def from_json(cls, raw: Any) -> Span:
        start, end, kind = raw
        return cls(int(start), int(end), str(kind))


@dataclass(frozen=True)
class Screening:
    """Why a text must be held (None: it may pass) and the spans found in it."""

    reason: str | None
    spans: tuple[Span, ...] = ()

    def spans_json(self) -> list[list[Any]]:
        return [s.to_json() for s in self.spans]


def rule_spans(text: str) -> list[Span]:
    """What our own rules find: swear words, e-mail addresses, phone numbers, addresses and names (in every page
    language: kiosk/core/name_rules.py)."""
    lang = written_in(text)
    glued = lang in _GLUED_SWEARS_IN
    spans: list[Span] = []
    for t in tokens(text):
        parts = _WORD_PARTS.split(t.whole) if "-" in t.whole or "'" in t.whole else (t.whole,)
        for word in parts:
            if word in _PROFANITY or (glued and word.startswith(_PROFANE_PREFIXES)):
                spans.append(Span(t.start, t.stop, "profanity"))
                break
    spans += [Span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= 9:
            spans.append(Span(m.start(), m.end(), "phone_number"))
    spans += [Span(m.start(), m.end(), "address") for m in _ADDRESS.finditer(text)]
    spans += [Span(m.start(), m.end(), "address") for m in _POSTCODE.finditer(text)]
    spans += [Span(start, end, "name") for start, end in name_spans(text, lang)]
    return spans


def screen(text: str, found: Sequence[Span] = ()) -> Screening:
    """Why a text from the room must be held, and where: our rules, plus what the full name check found."""
    spans = merge_spans([*rule_spans(text), *found])
    kinds = {s.kind for s in spans}
    reason = next((k for k in REASONS if k in kinds), None)
    return Screening(reason, tuple(spans))


def review_reason(text: str) -> str | None:
    """Why a contribution must be held for review by our own rules alone, or None when they let it pass."""
    return screen(text).reason


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Spans in order, overlapping ones joined (the earlier kind in KINDS wins, so a name in an e-mail is one)."""
    out: list[Span] = []
    for span in sorted(spans):
        if out and span.start < out[-1].end:
            last = out[-1]
            kind = min(last.kind, span.kind, key=KINDS.index)
            out[-1] = Span(last.start, max(last.end, span.end), kind)
        else:
            out.append(span)
    return out


def redact(text: str, spans: Iterable[Span], lang: str | None = None) -> str:
    """The text with every span replaced by its placeholder: "[naam]", "[adres]", "[telefoonnummer]"...

    The placeholders are `redact.<kind>` in the message catalog, in the language the text is written in, so the
    room reads "Мій син [ім’я]" and "My son [name]"; `lang` (the writer's page language) decides when the text
    does not tell.
    """
    words = catalog(written_in(text, lang))
    out, at = [], 0
    for span in merge_spans(spans):
        if span.start < at or span.end > len(text):
            continue
        out += [text[at : span.start], words(f"redact.{span.kind}")]
        at = span.end
    out.append(text[at:])
    return "".join(out)


def spans_field(raw: Any, text: str) -> list[Span]:
    """Spans sent with a command, checked against the text they are about."""
    if not isinstance(raw, list):
        raise TypeError("spans must be a list")
    spans = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 3):
            raise ValueError("a span is [start, end, kind]")
        start, end, kind = item
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise ValueError("a span lies within the text")
        if kind not in KINDS:
            raise ValueError("unknown kind of span")
        spans.append(Span(start, end, kind))
    return spans


def review_of(screening: Screening) -> Review:
    """The review a new text starts with: held when our rules found something."""
    if screening.reason is None:
        return Review(spans=screening.spans_json())
    return Review(state="held", held_reason=screening.reason, spans=screening.spans_json())


def review_json(review: Review) -> dict[str, Any]:
    return {"state": review.state, "held": review.held_reason, "spans": review.spans}


def review_from(data: dict[str, Any] | None) -> Review:
    if not data:
        return Review()
    return Review(state=data["state"], held_reason=data.get("held"), spans=list(data.get("spans", [])))
