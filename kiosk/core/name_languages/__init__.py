"""How parents name a person in each language the pages speak, and the words of that language that are no person.

One module per language (nl, en, tr, pl, ar, uk) fills in a `NameLanguage`: the words a name follows (titles,
family words with their inflected forms, "my name is"), the words that follow a name (Turkish "Bey", "Hanım"),
the language's words that are written with a capital yet name nobody (weekdays, months, feasts, school words,
languages, places), its most common words (to tell which language a text is in, and that a capital at the start
of a sentence is no name) and the given names of the families who write it, for scripts without capitals to lean
on. A new language is one module here and its line in `LANGUAGES`.

Words are written as the language writes them; `fold` makes the form every lookup uses (lower case, no accents,
Arabic letters in one spelling), so a parent who types "oglum" or "кызым" without the special letters is read
the same way.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

# Letters without a decomposition that parents leave out on a phone keyboard.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "’": "'", "ʼ": "'", "ё": "е"})
# Arabic spells a letter several ways (hamza on alif or not, final ya or alif maqsura, ta marbuta): one of each.
_ARABIC = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": ""}
)


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The form every lookup uses: lower case, no accents or Arabic vowel marks, one spelling per letter."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_PLAIN))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", plain).translate(_ARABIC)


def _words(block: str) -> frozenset[str]:
    return frozenset(fold(w) for w in block.split())


def _phrases(block: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in p.split()) for p in block.split("|") if p.strip())


@dataclass(frozen=True)
class NameLanguage:
    """What one language brings to the name check. Blocks of words are separated by white space, cues by "|"."""

    code: str
    # Before a surname or a given name, particles included: "meneer van Dijk", "Mrs Smith", "pani Kowalska".
    titles: str
    # Before a given name, with "of" allowed between: "mijn zoon Daan", "moeder van Sanne", "mama Zosi".
    family: str
    # What someone says before their own or another's name: "ik heet", "my name is", "мене звати".
    says: str
    # Weaker: "I am", a greeting or a signature, then perhaps a name ("Ik ben Piet", "Groetjes, Fatima"). In a
    # script without capitals only a known given name counts after these ("أنا فاطمة", not "أنا قلقة").
    signs: str = ""
    # After a name: "Ahmet Bey", "Ayşe Hanım", "Elif öğretmen".
    after: str = ""
    # Between a family word and the name: Dutch "van", English "of".
    of: str = ""
    # The language's words that name nobody, also with a capital: weekdays, months, feasts, school words, places.
    not_names: str = ""
    # Phrases that name nobody though their words might: "anne frank", "boże narodzenie".
    not_name_phrases: str = ""
    # The language's most common words (function words, frequent verbs): never a name on their own.
    common: str = ""
    # Given names of the families who write this language, in the scripts they use.
    names: str = ""
    # Given names that are ordinary words too (Arabic نور "light", Turkish "Umut" "hope"): a name after a cue only.
    word_names: str = ""

    @functools.cached_property
    def title_cues(self) -> tuple[tuple[str, ...], ...]:
        return _phrases(self.titles)

    @functools.cached_property
    def family_cues(self) -> tuple[tuple[str, ...], ...]:
        return _phrases(self.family)

    @functools.cached_property
    def says_cues(self) -> tuple[tuple[str, ...], ...]:
        return _phrases(self.says)

    @functools.cached_property
    def signs_cues(self) -> tuple[tuple[str, ...], ...]:
        return _phrases(self.signs)

    @functools.cached_property
    def after_words(self) -> frozenset[str]:
        return _words(self.after)

    @functools.cached_property
    def of_words(self) -> frozenset[str]:
        return _words(self.of)

    @functools.cached_property
    def not_name_words(self) -> frozenset[str]:
        return _words(self.not_names)

    @functools.cached_property
    def not_name_phrase_list(self) -> tuple[tuple[str, ...], ...]:
        return _phrases(self.not_name_phrases)

    @functools.cached_property
    def common_words(self) -> frozenset[str]:
        return _words(self.common)

    @functools.cached_property
    def given_names(self) -> frozenset[str]:
        return _words(self.names)

    @functools.cached_property
    def word_name_set(self) -> frozenset[str]:
        return _words(self.word_names)


def _all() -> tuple[NameLanguage, ...]:
    from kiosk.core.name_languages import ar, en, nl, pl, tr, uk

    return (nl.DUTCH, en.ENGLISH, tr.TURKISH, pl.POLISH, ar.ARABIC, uk.UKRAINIAN)


@functools.cache
def languages() -> dict[str, NameLanguage]:
    """Every language the name check reads, by its code: the six the pages speak."""
    return {lang.code: lang for lang in _all()}
