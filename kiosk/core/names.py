"""The full name check: what deduce finds in a text, without the words it takes for names that are none.

deduce (de-identification of Dutch text) knows first names and surnames of many origins, streets and places. Made
for health records, it also takes capitalised Dutch words for names: a language ("Engels"), a month, a feast, a
school's systems (Magister, Parro) or any word that starts a sentence. `keep` drops those: an allow-list of words
parents write at school, and Dutch dictionary words standing alone (pyspellchecker's Dutch word list).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kiosk.core.moderation import Span

# deduce's tags, as the kinds the kiosk holds for. Institutions, dates and ages are no reason to hold an answer.
_KINDS = {
    "persoon": "name",
    "patient": "name",
    "locatie": "address",
    "telefoonnummer": "phone_number",
    "emailadres": "email",
}

# Words a parent writes with a capital that are no person: languages, subjects, months, days, feasts, school words.
_ALLOWED_WORDS = """
    engels frans duits spaans latijn grieks arabisch turks pools oekraïens russisch chinees nederlands
    italiaans portugees tigrinya somalisch koerdisch berbers papiaments sranantongo sranan hindi urdu farsi
    dari tamazight amazigh koreaans japans
    wiskunde biologie geschiedenis aardrijkskunde economie natuurkunde scheikunde lo gym muziek tekenen
    drama techniek informatica filosofie maatschappijleer godsdienst levensbeschouwing ckv nask nlt bsm
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    kerst kerstmis pasen pinksteren sinterklaas sint pieten suikerfeest offerfeest ramadan eid
    chanoeka hanukkah diwali holi koningsdag bevrijdingsdag hemelvaart carnaval halloween keti koti
    ketikoti nieuwjaar oud nieuw valentijnsdag vaderdag moederdag
    magister parro somtoday zermelo teams classroom google microsoft office word excel powerpoint
    whatsapp instagram tiktok snapchat youtube facebook netflix roblox fortnite minecraft ipad chromebook
    mr gmr ouderraad medezeggenschapsraad vo po mbo hbo wo havo vwo vmbo mavo tl kader basis gymnasium
    atheneum cito ib ib'er zorgcoördinator ggd jgz cjg veilig thuis leerplicht
    god allah jezus islam christendom jodendom
    nederland holland marokko turkije suriname curaçao aruba bonaire polen oekraïne syrië eritrea
    europa amerika afrika azië
"""
ALLOWED = frozenset(_ALLOWED_WORDS.split())
# A capitalised word at the start of a sentence that the dictionary knows is a word, not a name.
FREQUENT = 50  # tuned on part A of kiosk/bench/names_corpus.tsv
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


@functools.cache
def dutch_words() -> dict[str, int]:
    """Dutch words from pyspellchecker's list (about 300,000) and how often each occurs; empty without it."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return {}
    return dict(SpellChecker(language="nl").word_frequency.dictionary)


def is_allowed(word: str) -> bool:
    """A word the kiosk knows is no name: the allow-list, in any case, with or without an 's or -s."""
    w = word.lower().strip(".,'’")
    return w in ALLOWED or w.removesuffix("s") in ALLOWED or w.removesuffix("e") in ALLOWED


def is_dutch_word(word: str) -> bool:
    return word.lower() in dutch_words()


def keep(text: str, span: Span) -> bool:
    """Whether a span deduce found is personal data, not a capitalised word mistaken for it."""
    words = re.findall(r"[^\W\d_][^\s,.;:!?()]*", text[span.start : span.end])
    if span.kind == "address":
        # A town alone is no address; a street with a number or a postcode is.
        return any(ch.isdigit() for ch in text[span.start : span.end])
    if span.kind != "name":
        return True
    names = [w for w in words if not is_allowed(w)]
    if not names:
        return False
    if len(names) == 1 and is_dutch_word(names[0]):
        word = names[0]
        if word.isupper():
            return False  # MR, VO, HAVO: abbreviations
        # A dictionary word standing alone is a word, unless it follows what introduces a person.
        before = text[: span.start]
        if _SENTENCE_START.search(before) or _frequent(word):
            return False
    return True


def _frequent(word: str) -> bool:
    """Common enough in Dutch text to be a word first (Bakker, Visser and Roos are rarer as words)."""
    return dutch_words().get(word.lower(), 0) >= FREQUENT


def deduce_spans(deducer: Any, text: str) -> list[Span]:
    """What deduce finds in a text, as the kiosk's spans, before `keep`."""
    doc = deducer.deidentify(text)
    spans = []
    for annotation in doc.annotations:
        kind = _KINDS.get(annotation.tag.split("_")[0]) or _KINDS.get(annotation.tag)
        if kind is not None:
            spans.append(Span(annotation.start_char, annotation.end_char, kind))
    return spans


def found_spans(deducer: Any, text: str) -> list[Span]:
    """What the full check holds for in a text: deduce's finds that `keep` keeps."""
    return [s for s in deduce_spans(deducer, text) if keep(text, s)]
