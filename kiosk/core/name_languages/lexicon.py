"""Every page language's name words pooled into one set of lookups: parents mix languages ("juf Anouk Hanım",
"ابني Daan"), so a text is read with the cues and words of all of them.

`forms` gives a word's base forms, so a name or a feast is known in the cases Polish and Ukrainian bend it into
("Kacpra" -> kacper, "Софії" -> софія, "Wielkanocy" -> wielkanoc) and with Arabic's "and", "to", "with" stuck to
it ("ويوسف" -> يوسف).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from kiosk.core.name_languages import fold, languages

# Words inside a name: "van der Berg", "El Amrani", "bin Laden", "فان دايك", "ван Дейк".
PARTICLES = frozenset(
    fold(w)
    for w in [
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "el",
        "al",
        "bin",
        "ben",
        "abu",
        "ibn",
        "op",
        "in",
        "'t",
        "la",
        "le",
        "da",
        "di",
        "du",
        "von",
        "ван",
        "де",
        "дер",
        "фан",
        "فان",
        "دي",
        "دير",
        "بن",
        "بنت",
        "ابو",
        "أبو",
        "عبد",
    ]
)
# Polish and Ukrainian case endings, longest first, folded (no diacritics): what a name or word may end in.
_LATIN_ENDINGS = ("owi", "ego", "emu", "iem", "ach", "ami", "om", "em", "ie", "a", "e", "i", "y", "u", "o")
_CYRILLIC_ENDINGS = ("ові", "еві", "єві", "ою", "ею", "єю", "ом", "ем", "єм", "ів", "ам", "ах", "ям", "ях", "а",
                     "я", "у", "ю", "і", "и", "е", "о")  # fmt: skip
_LATIN_BASE_ENDINGS = ("", "a", "ia", "o")
_CYRILLIC_BASE_ENDINGS = ("", "а", "я", "о", "и", "ь")
_ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
# Ukrainian letters in Latin ones (the national transliteration, on folded words: й is и, ї is і here), and the
# way Western names come back from Cyrillic ("Лотте" -> lotte, "Даан" -> daan, "Амстердам" -> amsterdam).
_LATIN_LETTERS = (
    str.maketrans({"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
                   "з": "z", "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
                   "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                   "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "ы": "y", "э": "e", "ъ": ""}),
    str.maketrans({"г": "g", "и": "i", "х": "h", "є": "e", "ю": "ju", "я": "ja", "ц": "c"}),
)  # fmt: skip


@dataclass(frozen=True)
class Cue:
    """Words a name follows, and what kind: a title, a family word, someone saying a name, a greeting."""

    words: tuple[str, ...]
    kind: str  # "title", "family", "says" or "signs"
    lang: str


@dataclass(frozen=True)
class Lexicon:
    """The pooled lookups, folded."""

    cues_by_last: dict[str, tuple[Cue, ...]]
    cue_words: frozenset[str]
    after: frozenset[str]
    of: frozenset[str]
    not_names: frozenset[str]
    not_name_phrases: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    common: dict[str, frozenset[str]]
    common_any: frozenset[str]
    given: frozenset[str]
    word_names: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    cues: dict[str, list[Cue]] = defaultdict(list)
    phrases: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    after: set[str] = set()
    of: set[str] = set()
    not_names: set[str] = set()
    given: set[str] = set()
    word_names: set[str] = set()
    common: dict[str, frozenset[str]] = {}
    for lang in languages().values():
        for kind, found in (
            ("title", lang.title_cues),
            ("family", lang.family_cues),
            ("says", lang.says_cues),
            ("signs", lang.signs_cues),
        ):
            for words in found:
                cues[words[-1]].append(Cue(words, kind, lang.code))
        for words in lang.not_name_phrase_list:
            phrases[words[0]].add(words)
        after |= lang.after_words
        of |= lang.of_words
        not_names |= lang.not_name_words
        given |= lang.given_names
        word_names |= lang.word_name_set
        common[lang.code] = lang.common_words
    return Lexicon(
        cues_by_last={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in cues.items()},
        cue_words=frozenset(w for found in cues.values() for cue in found for w in cue.words),
        after=frozenset(after),
        of=frozenset(of),
        not_names=frozenset(not_names),
        not_name_phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        common=common,
        common_any=frozenset().union(*common.values()),
        given=frozenset(given - word_names),
        word_names=frozenset(word_names),
    )


@functools.lru_cache(maxsize=65536)
def forms(key: str) -> tuple[str, ...]:
    """A folded word and the base forms it may be bent from (itself first)."""
    out = [key]
    if "\u0600" <= key[:1] <= "\u06ff":
        out += [key[1:] for p in _ARABIC_PROCLITICS if key.startswith(p) and len(key) > 3]
        if key.startswith("لل") and len(key) > 4:
            out.append("ال" + key[2:])
        return tuple(out)
    cyrillic = "\u0400" <= key[:1] <= "\u04ff"
    endings, bases = (
        (_CYRILLIC_ENDINGS, _CYRILLIC_BASE_ENDINGS) if cyrillic else (_LATIN_ENDINGS, _LATIN_BASE_ENDINGS)
    )
    for ending in endings:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: len(key) - len(ending)]
            out += [stem + base for base in bases]
            if not cyrillic and len(stem) > 3 and stem[-2] not in "aeiouy":
                out.append(stem[:-1] + "e" + stem[-1])  # Kacpr-a -> Kacper, Antk-a -> Antek, Pawł-a -> Paweł
    if key.endswith("s") and len(key) > 3:
        out.append(key[:-1])  # Dutch "Sannes", English "Thursdays"
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=16384)
def latin_forms(key: str) -> tuple[str, ...]:
    """A folded Cyrillic word and its base forms in Latin letters: how a Dutch name or place written in Cyrillic
    is known ("Лотте" -> lotte, "Даана" -> daan, "Утрехті" -> utrecht). Only for a word with a capital: in lower
    case too many Ukrainian words come out as a name ("сам" -> sam)."""
    out = []
    for form in forms(key):
        out += [
            form.translate(_LATIN_LETTERS[1]).translate(_LATIN_LETTERS[0]),
            form.translate(_LATIN_LETTERS[0]),
        ]
    return tuple(dict.fromkeys(out))


def known(key: str, words: frozenset[str]) -> bool:
    """Whether the word, or a base form of it, is in `words`."""
    return any(f in words for f in forms(key))


def is_not_name(word: str) -> bool:
    """A word some page language writes that names nobody (a weekday, a month, a feast, a language, a place...).
    A given name is one as written, though a base form of it names a month ("Maja", Polish "maj")."""
    return not_name_key(fold(word.strip(".,'’")))


@functools.lru_cache(maxsize=65536)
def not_name_key(key: str) -> bool:
    """`is_not_name` for a folded word."""
    words = lexicon()
    if key in words.not_names:
        return True
    if key in words.given or key in words.word_names:
        return False
    return known(key, words.not_names)
