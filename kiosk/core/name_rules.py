"""Our own rules for names, in every language the pages speak.

A name is found by what stands before it (a title, a family word, "my name is": "mijn zoon Daan", "Mrs de Boer",
"oğlum Emre", "pani Kowalska", "ابني يوسف", "мене звати Олена"), by what follows it (Turkish "Ahmet Bey"), by being
a given name of the families Dutch schools serve, or by a capital where a language gives one to proper names only
(inside a Turkish, Polish or Ukrainian sentence; a Latin word inside an Arabic or Ukrainian one). Words that name
nobody (weekdays, months, feasts, school words, languages, places, in every page language) are never one. A span
is the name only, so redaction keeps the sentence: "vader van [naam]", "Mrs [name]", "[isim]'yi".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from kiosk.core.name_languages import fold
from kiosk.core.name_languages.lexicon import PARTICLES, Cue, known, latin_forms, lexicon, not_name_key

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u065f\u0670]|['’ʼ](?=[^\W\d_])|-(?=[^\W\d_]))*")
_APOSTROPHE = re.compile(r"['’ʼ]")
_SENTENCE_END = re.compile(r"[.!?…\n\"“”«»()؟]")
_JOINS = re.compile(r"[\s,:;–—\-،]*")  # what may stand between a cue and its name: "Groetjes, Fatima"
_SPACE = re.compile(r"\s+")
# English endings after an apostrophe; any other ending after a capitalised word is Turkish ("Emre'yi"), which
# Turkish writes only after a proper name.
_ENGLISH_ENDINGS = frozenset({"s", "m", "re", "ll", "ve", "d", "t"})
_ABBREVIATED_TITLES = frozenset({"mr", "mrs", "ms", "dr", "dhr", "mw", "mevr", "fam", "st", "hz", "sayin"})
_VERY = frozenset(
    fold(w) for w in ["جدا", "جداً", "كثيرا", "كثيراً", "للغاية"]
)  # "ابني سعيد جداً": happy, not Said
_ARABIC_VERB_PREFIXES = ("ي", "ت", "ن")


class Token(NamedTuple):
    """A word of the text: where it stands, its folded form, and what its letters say."""

    start: int
    end: int  # end of the name part: before an apostrophe ending ("Emre'yi", "Lucas's")
    whole: str  # folded, endings included
    key: str  # folded name part
    script: str  # latin, cyrillic, arabic or other
    capital: bool
    upper: bool  # all capitals: HAVO, PE, WF
    first: bool  # starts a sentence
    ending: str  # after the apostrophe of a capitalised word, lower case: "yi" in "Emre'yi", "s" in "Lucas's"
    stop: int  # end of the whole word, endings included

    @property
    def turkish_ending(self) -> bool:
        """An ending Turkish writes after a proper name only ("Emre'yi", "Türkiye'de"); English ones are not."""
        return bool(self.ending) and self.ending not in _ENGLISH_ENDINGS

    @property
    def letters(self) -> bool:
        return self.script in ("latin", "cyrillic")


def _script(ch: str) -> str:
    if "\u0600" <= ch <= "\u06ff":
        return "arabic"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return "latin"
    return "other"


@functools.lru_cache(maxsize=512)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of a text (kept for the last few hundred texts: a screening reads one text several times)."""
    out: list[Token] = []
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    end_at = 0  # the first sentence end not yet passed
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        start = m.start()
        script = _script(word[0])
        capital = word[0].isupper()
        name, ending = word, ""
        if capital and script == "latin" and ("'" in word or "’" in word or "ʼ" in word):
            name, ending = _APOSTROPHE.split(word, maxsplit=1)
        whole = fold(word)
        first = not out
        while end_at < len(ends) and ends[end_at] < start:
            first, end_at = True, end_at + 1
        out.append(
            Token(
                start,
                start + len(name),
                whole,
                whole if name is word else fold(name),
                script,
                capital,
                capital and len(name) > 1 and name.isupper(),
                first,
                ending.lower(),
                m.end(),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=512)
def written_in(text: str, hint: str | None = None) -> str:
    """The page language a text is most likely written in: by its letters, then by its common words and the
    letters only Turkish or Polish have; `hint` (the writer's page language) when nothing tells."""
    return _language(text, tokens(text), hint)


_TURKISH_LETTERS = re.compile("[şğıİŞĞ]")
_POLISH_LETTERS = re.compile("[łąęśźżćńŁŚŻŹ]")


@functools.cache
def _common_languages() -> dict[str, tuple[str, ...]]:
    """Each common word of the Latin page languages, and which of them it is common in."""
    common = lexicon().common
    out: dict[str, list[str]] = {}
    for lang in _LATIN_LANGUAGES:
        for word in common[lang]:
            out.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in out.items()}


_LATIN_LANGUAGES = ("nl", "en", "tr", "pl")


def _language(text: str, toks: Sequence[Token], hint: str | None) -> str:
    latin = cyrillic = arabic = 0
    for t in toks:
        if t.script == "latin":
            latin += 1
        elif t.script == "cyrillic":
            cyrillic += 1
        elif t.script == "arabic":
            arabic += 1
    if arabic > latin and arabic >= cyrillic:
        return "ar"
    if cyrillic > latin:
        return "uk"
    common = _common_languages()
    score = dict.fromkeys(_LATIN_LANGUAGES, 0)
    for t in toks:
        for lang in common.get(t.whole, ()):
            score[lang] += 1
    score["tr"] += 2 * len(_TURKISH_LETTERS.findall(text))
    score["pl"] += 2 * len(_POLISH_LETTERS.findall(text))
    best = max(score, key=score.__getitem__)
    if score[best] == 0:
        return hint if hint in score else "nl"
    if hint in score and score[hint] == score[best]:
        return hint
    return best


@functools.lru_cache(maxsize=512)
def not_name_phrases(text: str) -> tuple[tuple[int, int], ...]:
    """The phrases that name nobody ("Anne Frank", "Boże Narodzenie", "Ramazan Bayramı'nda"): their first and last
    token."""
    phrases = lexicon().not_name_phrases
    keys = [t.key for t in tokens(text)]
    found = []
    i = 0
    while i < len(keys):
        for phrase in phrases.get(keys[i], ()):
            if tuple(keys[i : i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase) - 1))
                i += len(phrase) - 1
                break
        i += 1
    return tuple(found)


def inside_not_name_phrase(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of a text lies inside a phrase that names nobody."""
    toks = tokens(text)
    return any(toks[a].start <= start and end <= toks[b].end for a, b in not_name_phrases(text))


def name_spans(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Where our rules see a person's name in a text: (start, end) pairs, in order, perhaps overlapping."""
    toks = tokens(text)
    if not toks:
        return []
    return _Finder(text, toks, lang or _language(text, toks, None)).spans()


class _Finder:
    def __init__(self, text: str, toks: Sequence[Token], lang: str) -> None:
        self.text, self.toks, self.lang = text, toks, lang
        self.words = lexicon()
        self.common = self.words.common.get(lang, frozenset())
        self.foreign_script = lang in ("ar", "uk")  # a Latin word in here stands out
        self.blocked = self._not_name_phrases()
        self.cue_tokens: set[int] = set()
        self.keys = [t.whole for t in toks]

    def spans(self) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        cues = self.words.cues_by_last
        for i, key in enumerate(self.keys):
            if key in cues:
                found += self._after_cue_at(i)
        after = self.words.after
        for i in range(1, len(self.toks)):
            if self.toks[i].key in after:
                found += self._before_title_at(i)
        for i, t in enumerate(self.toks):
            if i not in self.blocked and i not in self.cue_tokens and self._bare_name(t):
                found.append(self._extend(i, i))
        return found

    # -- what names nobody
    def _not_name_phrases(self) -> set[int]:
        return {i for first, last in not_name_phrases(self.text) for i in range(first, last + 1)}

    def _no_name(self, t: Token) -> bool:
        """A word that is no name whatever stands before it."""
        return (
            t.upper
            or len(t.key) < 2
            or t.key in self.words.cue_words
            or t.key in self.words.after
            or (not_name_key(t.key) and not self._given(t))  # a month "Eylül" unless a cue says
            or not_name_key(t.whole)
            or (
                t.capital
                and t.script == "cyrillic"
                and any(f in self.words.not_names for f in latin_forms(t.key))
            )
        )

    def _given(self, t: Token) -> bool:
        if known(t.key, self.words.given):
            return True
        if not t.capital or t.script != "cyrillic" or known(t.key, self.words.word_names):
            return False  # "Надія" (hope) is the word, though "Nadia" is a name
        return any(f in self.words.given for f in latin_forms(t.key))

    def _given_or_word_name(self, t: Token) -> bool:
        return self._given(t) or known(t.key, self.words.word_names)

    def _common(self, t: Token) -> bool:
        """A common word of the text's language, or of any page language at a sentence's start ("My", "On"),
        unless it is a given name ("Selam" opens a Dutch sentence as a name, a Turkish one as a greeting)."""
        if t.key in self.common:
            return True
        return t.first and t.key in self.words.common_any and not self._given(t)

    # -- cues before a name
    def _joined(self, a: Token, b: Token, cue: Cue | None = None) -> bool:
        gap = self.text[a.stop : b.start]
        if cue is not None and a.key in _ABBREVIATED_TITLES and gap.startswith("."):
            gap = gap[1:]
        return (_JOINS if cue is not None else _SPACE).fullmatch(gap) is not None

    def _after_cue_at(self, i: int) -> list[tuple[int, int]]:
        for cue in self.words.cues_by_last.get(self.keys[i], ()):
            n = len(cue.words)
            first = i - n + 1
            if first < 0 or (n > 1 and tuple(self.keys[first : i + 1]) != cue.words):
                continue
            if any(not self._joined(self.toks[k], self.toks[k + 1]) for k in range(first, i)):
                continue
            self.cue_tokens.update(range(first, i + 1))
            found = self._name_after(i, cue)
            return [found] if found else []
        return []

    def _name_after(self, i: int, cue: Cue) -> tuple[int, int] | None:
        j, stepped = i + 1, 0
        while j < len(self.toks) and stepped < 3 and self._joined(self.toks[j - 1], self.toks[j], cue):
            t = self.toks[j]
            if t.whole in self.words.cue_words and not self._given(t):
                self.cue_tokens.add(j)  # another title: "pani dyrektor Nowak", "المديرة السيدة"
            elif cue.kind == "family" and t.key in self.words.of and not t.capital:  # "vader van Sanne"
                pass
            elif t.script == "arabic" and t.key.startswith("ال") and cue.kind == "family" and stepped == 0:
                pass  # "ابنتي الكبرى ريما": an adjective between
            else:
                break
            j, stepped = j + 1, stepped + 1
        if j >= len(self.toks) or j in self.blocked or not self._joined(self.toks[j - 1], self.toks[j], cue):
            return None
        t = self.toks[j]
        if t.key in PARTICLES and cue.kind == "title" and j + 1 < len(self.toks):
            after = self.toks[j + 1]
            if (after.capital or after.script == "arabic") and not self._no_name(after):
                return self._extend(j, j + 1)  # "Mrs de Boer", "السيدة فان دايك", "ван Дейк"
        if not self._starts_name(t, j, cue):
            return None
        return self._extend(j, j)

    def _starts_name(self, t: Token, j: int, cue: Cue) -> bool:
        if t.script == "arabic":
            return self._arabic_name_after(t, j, cue)
        if not t.letters or t.upper or len(t.key) < 2:
            return False
        if t.key in self.words.cue_words or t.key in self.words.after:
            return False  # "Pan Dyrektor", "Müdür Bey"
        if not_name_key(t.key) and not self._given_or_word_name(t):
            return False  # "juf Engels"
        if t.capital:
            return self._given_or_word_name(t) or t.key not in self.common
        if self._given(t):
            return t.key not in self.words.common_any  # "my son jack", "мою доньку вероніку"
        # Right after "ik heet", "my name is", "мене звати" comes the name, typed in lower case or not.
        return cue.kind == "says" and len(cue.words) > 1 and t.key not in self.words.common_any

    def _arabic_name_after(self, t: Token, j: int, cue: Cue) -> bool:
        if j + 1 < len(self.toks) and self.toks[j + 1].key in _VERY:
            return False  # "ابني سعيد جداً": my son is very happy
        if self._given(t) or (cue.kind != "signs" and known(t.key, self.words.word_names)):
            return True
        if (
            cue.kind == "signs"
            or t.key in self.common
            or t.key in self.words.common_any
            or not_name_key(t.key)
        ):
            return False
        if cue.kind == "title":
            return True  # "السيد يانسن", "الأستاذ الخطيب": after a title comes a name
        if t.key.startswith("ال"):
            return False  # after a family word, "ال" starts an adjective
        return not (t.key.startswith(_ARABIC_VERB_PREFIXES) and len(t.key) >= 4)  # "ابني يتعرض": a verb

    # -- titles after a name: "Ahmet Bey", "Elif Öğretmen"
    def _before_title_at(self, i: int) -> list[tuple[int, int]]:
        t = self.toks[i]
        if t.key not in self.words.after or not self._joined(self.toks[i - 1], t):
            return []
        j = i - 1
        name = self.toks[j]
        if j in self.blocked or not (name.capital or name.script == "arabic") or name.upper:
            return []
        if name.key in self.words.cue_words or (
            not_name_key(name.key) and not self._given_or_word_name(name)
        ):
            return []
        if name.first and not self._given_or_word_name(name):
            return []
        self.cue_tokens.add(i)
        start = j
        while start > 0 and self._joined(self.toks[start - 1], self.toks[start]):
            before = self.toks[start - 1]
            if not before.capital or before.ending or self._no_name(before) or start - 1 in self.blocked:
                break
            if before.first and not self._given_or_word_name(before):
                break
            start -= 1
        return [(self.toks[start].start, name.end)]

    # -- names without a cue
    def _bare_name(self, t: Token) -> bool:
        if t.script == "arabic":
            return self._given(t) and not not_name_key(t.key)
        if t.script == "cyrillic":
            if self._no_name(t) or self._common(t):
                return False
            return (t.capital and not t.first) or self._given(t)
        if t.script != "latin" or not t.capital or self._no_name(t):
            return False
        if self._common(t) and (t.first or not self._given(t)):  # "Kim geldi?" (who), but "z Mają" is Maja
            return False
        if self.foreign_script:
            return t.key not in self.words.common_any  # "ابني Daan", "Juf Lotte дуже..."
        if self.lang in ("tr", "pl"):
            return not t.first or t.turkish_ending or self._given(t)
        return self._given(t) or self._whose_family(t) or (not t.first and self._word_name_with_surname(t))

    def _whose_family(self, t: Token) -> bool:
        """ "Jenny's mum", "Ezra's teacher": a capitalised word with "'s" before a family word or a title."""
        if t.ending != "s":
            return False
        i = self.toks.index(t)
        if i + 1 >= len(self.toks):
            return False
        nxt = self.toks[i + 1]
        return self._joined(t, nxt) and nxt.key in self.words.cue_words and not nxt.capital

    def _word_name_with_surname(self, t: Token) -> bool:
        """A given name that is a word, with a capitalised word after it: "met Deniz Yıldız", "and Grace Smith"."""
        i = self.toks.index(t)
        if i + 1 >= len(self.toks) or not known(t.key, self.words.word_names):
            return False
        nxt = self.toks[i + 1]
        return self._joined(t, nxt) and nxt.capital and not self._no_name(nxt) and nxt.key not in self.common

    def _extend(self, first: int, last: int) -> tuple[int, int]:
        """The name from token `first`, with the surname and particles that follow it."""
        while (
            last + 1 < len(self.toks)
            and last - first < 3
            and self._joined(self.toks[last], self.toks[last + 1])
        ):
            nxt = self.toks[last + 1]
            if last + 1 in self.blocked or last + 1 in self.cue_tokens or self.toks[last].ending:
                break  # an ending closes a name: "Emre'yi Ayşe", "Lucas's Mum"
            if nxt.key in PARTICLES and last + 2 < len(self.toks):
                after = self.toks[last + 2]
                if self._surname(after, nxt) and self._joined(nxt, after):
                    last += 2
                    continue
                break
            if self._stuck_on(nxt) or not self._surname(nxt, self.toks[last]):
                break  # "أحمد وعمر": Ahmed and Omar
            last += 1
        return (self.toks[first].start + self._stuck_on(self.toks[first]), self.toks[last].end)

    def _stuck_on(self, t: Token) -> int:
        """How many letters of an Arabic word are "and", "to", "with" stuck to a name ("وعمر"): 0 or 1."""
        words = self.words
        if t.script != "arabic" or t.key in words.given or t.key in words.word_names:
            return 0
        rest = t.key[1:]
        return int(t.key[:1] in "وفبلك" and (rest in words.given or rest in words.word_names))

    def _surname(self, t: Token, before: Token) -> bool:
        if t.script == "arabic":
            if self._given_or_word_name(t) or before.key in PARTICLES:
                return True
            named = self._given(before)
            return named and t.key.startswith("ال") and t.key not in self.common and not not_name_key(t.key)
        return t.letters and t.capital and not self._no_name(t) and t.key not in self.common
