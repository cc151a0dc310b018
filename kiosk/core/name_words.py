"""Words and well-known names the kiosk knows are no person, in whatever case a parent writes them.

Our own rules (kiosk/core/moderation.py) and the full name check (kiosk/namecheck/) both ask `is_allowed`, so a
language, a month, a feast or a school's system is never held as a name by either.
"""

from __future__ import annotations

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
# Well-known names a parent may write about school life: books, songs, artists, a king, a shop that sponsors.
ALLOWED_PHRASES = (
    "anne frank",
    "van gogh",
    "rembrandt",
    "albert heijn",
    "jip en janneke",
    "pippi langkous",
    "willem-alexander",
    "máxima",
    "maxima",
    "sint maarten",
    "sint-maarten",
    "zwarte piet",
    "wilhelmus",
    "dolfje weerwolfje",
    "efteling",
    "kinderboekenweek",
    "nijntje",
    "dikkie dik",
    "kikker en zijn vriendjes",
    "koning",
    "koningin",
)


def is_allowed(word: str) -> bool:
    """A word the kiosk knows is no name: the allow-list, in any case, with or without an 's or -s."""
    w = word.lower().strip(".,'’")
    return w in ALLOWED or w.removesuffix("s") in ALLOWED or w.removesuffix("e") in ALLOWED
