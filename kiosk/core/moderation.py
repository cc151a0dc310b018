"""Holds back contributions that need a human look before the room sees them."""

from __future__ import annotations

import re
import unicodedata

# Kept short and obvious on purpose: a false hold costs the facilitator one key press, a miss costs a parent's trust.
_PROFANITY = {
    # Dutch
    "kut", "klote", "kanker", "kankerlijer", "tering", "tyfus", "godverdomme", "kolere", "lul", "eikel",
    "klootzak", "hoer", "mongool", "debiel", "sukkel", "trut", "kutwijf", "flikker", "neuk", "neuken",
    "shit", "fuck",
    # English
    "fucking", "bitch", "bastard", "asshole", "cunt", "dick", "whore", "retard", "idiot",
    "moron", "wanker", "bullshit",
}

# Dutch swears glue onto any noun ("kutschool", "kankerweer"), so these count as a word's start too.
_PROFANE_PREFIXES = ("kut", "kanker", "tering", "tyfus", "kolere", "godver", "klote")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+|00)?\d[\d\s().-]{7,}\d")
# "meneer Jansen", "juf Anna", "mevrouw de Vries", "mr. Smith": a title before a capitalised word names a person.
_TITLED_NAME = re.compile(
    r"\b(?:meneer|mevrouw|mevr\.?|dhr\.?|mw\.?|juf|juffrouw|meester|mentor|docent|mr\.?|mrs\.?|ms\.?|miss|teacher)"
    r"\s+(?:(?:de|van|der|den|ter|ten)\s+)*[A-Z][a-z]+",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"[A-Z][a-z]{2,}")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"[a-z]+", folded)


def review_reason(text: str) -> str | None:
    """Why a contribution must be held for review, or None when it may pass."""
    if any(word in _PROFANITY or word.startswith(_PROFANE_PREFIXES) for word in _words(text)):
        return "profanity"
    if _EMAIL.search(text):
        return "email"
    if _PHONE.search(text):
        return "phone_number"
    if _looks_like_name(text):
        return "name"
    return None


def _looks_like_name(text: str) -> bool:
    match = _TITLED_NAME.search(text)
    return bool(match and _CAPITALISED.search(match.group(0).split()[-1]))


REASON_TEXT = {
    "profanity": "contains a swear word",
    "email": "contains an e-mail address",
    "phone_number": "contains a phone number",
    "name": "seems to name a person",
}
