"""Holds back what the room writes when it needs a human look before the room sees it.

One entry point decides for any text from the room (answers, comments, questions, notes): `screen(text, found)`
returns the reason to hold it (or None) and the spans it found. Our own rules run here, always, in microseconds;
`found` adds what the full name check (deduce, in a helper process: kiosk/namecheck/worker.py) saw in the text,
filtered by `kiosk.namecheck.deduce_finds.keep` so Dutch words and school words are not taken for names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.catalog import FULL_LANGUAGES, catalog
from kiosk.core.name_words import is_allowed
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
_CAP_WORD = rf"[{_UPPER}][{_LOWER}]+"
_PARTICLES = r"(?:(?:de|van|der|den|ter|ten|el|al|bin|ben|abu|op|het|in|'t|la|le|da|di|du)\s+)*"
_NAME = rf"{_PARTICLES}{_CAP_WORD}(?:[ -]{_PARTICLES}{_CAP_WORD})?"
_TITLES = (
    r"meneer|mevrouw|mevr\.?|dhr\.?|mw\.?|juf|juffrouw|meester|mentor|mentrix|docent|docente|leraar|lerares|"
    r"directeur|directrice|conrector|rector|mr\.?|mrs\.?|ms\.?|miss|teacher|mister|zoon|dochter|zoontje|"
    r"dochtertje|broer|broertje|zus|zusje|kind|neef|nicht|vriend|vriendin|vriendje|vriendinnetje|klasgenoot|"
    r"man|vrouw|vader|moeder|oma|opa|tante|oom|coach|trainer|begeleider|intern begeleider|ib'er|zorgcoördinator|"
    r"buurjongen|buurmeisje|buurman|buurvrouw|tolk|stagiair|stagiaire|conciërge|invaller|invalkracht"
)
# "meneer Jansen", "juf Anna", "onze dochter Emma", "mr. Smith": a title before a capitalised word names a person.
_TITLED_NAME = re.compile(rf"\b(?i:{_TITLES})\s+(?P<name>{_NAME})")
# "ik heet Fatima", "mijn naam is Piet Jansen", "ik ben Piet Jansen", "naam: Sanne".
_SAYS_NAME = re.compile(
    rf"\b(?i:ik\s+heet|wij\s+heten|we\s+heten|mijn\s+naam\s+is|onze\s+naam\s+is|naam\s*:|my\s+name\s+is|"
    rf"i\s+am|i'm|ik\s+ben|het\s+gaat\s+om|(?:hij|zij|ze|die)\s+heet)\s+(?P<name>{_NAME})"
)
# A class at a secondary school (2B, 3 havo B, 1a2) tells a small group apart; "groep 7" at primary school does not.
_CLASS = re.compile(r"(?<![\w-])[1-6]\s?(?:havo|vwo|vmbo|mavo|gym|ath|tl|kb|bb)?\s?[A-Ha-h]\d?(?![\w-])")
_STREETS = (
    r"straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|plantsoen|straatweg|boulevard|allee|hof|park|"
    r"markt|hoeve|pad"
)
# "Kerkstraat 12", "Burgemeester de Withstraat 3a", "Lange Nieuwstraat 8 bis".
_ADDRESS = re.compile(
    rf"\b(?:[{_UPPER}][{_LOWER}]+\s)?[{_UPPER}][{_LOWER}]*(?:{_STREETS})\s+\d{{1,4}}(?:\s?[a-zA-Z](?!\w))?"
)
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b")
# Words a title is followed by that are no name: "de mentor Wiskunde", "juf Engels", "meneer De directeur".
_NOT_A_NAME = {
    "de",
    "het",
    "een",
    "die",
    "dat",
    "deze",
    "van",
    "en",
    "of",
    "is",
    "was",
    "heeft",
    "had",
    "wil",
    "zegt",
}


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


def _folded_words(text: str) -> Iterable[re.Match[str]]:
    return re.finditer(r"[^\W\d_]+", text)


def _fold(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def rule_spans(text: str) -> list[Span]:
    """What our own rules find: swear words, e-mail addresses, phone numbers, addresses, titled or said names."""
    spans: list[Span] = []
    for m in _folded_words(text):
        word = _fold(m.group(0))
        if word in _PROFANITY or word.startswith(_PROFANE_PREFIXES):
            spans.append(Span(m.start(), m.end(), "profanity"))
    spans += [Span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    for m in _PHONE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= 9:
            spans.append(Span(m.start(), m.end(), "phone_number"))
    spans += [Span(m.start(), m.end(), "address") for m in _ADDRESS.finditer(text)]
    spans += [Span(m.start(), m.end(), "address") for m in _POSTCODE.finditer(text)]
    for pattern in (_TITLED_NAME, _SAYS_NAME):
        for m in pattern.finditer(text):
            start, end = m.span("name")
            words = text[start:end].split()
            # A title then "De" or "Engels" at a sentence's start is no name; a name from the word lists may be.
            while words and words[-1].lower() in _NOT_A_NAME:
                words.pop()
            if not words or all(not looks_like_name_word(w) for w in words):
                continue
            spans.append(Span(start, start + len(" ".join(words)), "name"))
    spans += [
        Span(m.start(), m.end(), "name") for m in _CLASS.finditer(text) if _class_context(text, m.start())
    ]
    return spans


def _class_context(text: str, start: int) -> bool:
    """ "uit 2B", "in klas 3C", "van 1a": a class, not "2 A4'tjes"."""
    before = text[max(0, start - 12) : start].lower()
    return bool(re.search(r"\b(?:uit|in|van|klas|zit in|mentorklas)\s*$", before))


def looks_like_name_word(word: str) -> bool:
    """A capitalised word that is not one of the words the kiosk knows are no names (months, languages...)."""
    return bool(re.match(rf"[{_UPPER}]", word)) and not is_allowed(word)


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


def redact(text: str, spans: Iterable[Span], lang: str = "nl") -> str:
    """The text with every span replaced by its placeholder: "[naam]", "[adres]", "[telefoonnummer]"...

    The placeholders are `redact.<kind>` in the message catalog, in the kiosk's language (Dutch for another).
    """
    words = catalog(lang if lang in FULL_LANGUAGES else "nl")
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
