"""A parent writes in the language of the phone page (nl, en, tr, pl, ar, uk): a child's or a teacher's name is held
in every one of them, the language's own weekdays, months, feasts, school words and languages are not, and
redaction replaces the name only, with a placeholder in the language the answer is written in."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.agenda.parser import load_agenda
from kiosk.core.events import Actor, Command
from kiosk.core.moderation import redact, screen
from kiosk.core.name_rules import name_spans, written_in
from kiosk.core.session import SessionCore, start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock


def names_in(text: str) -> list[str]:
    return sorted({text[s.start : s.end] for s in screen(text).spans if s.kind == "name"})


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Dutch: family words, titles with their particles, a name typed in lower case after "ik heet".
        ("Mijn zoon Daan wordt gepest.", ["Daan"]),
        ("Ik ben de vader van Sanne uit 2B.", ["Sanne"]),
        ("Meneer van Dijk geeft te veel huiswerk.", ["van Dijk"]),
        ("ik heet annelies en help graag", ["annelies"]),
        ("Groetjes, Fatima", ["Fatima"]),
        # English: "my son", Mr/Mrs/Ms with or without a dot, "mum of", "a boy called".
        ("My son Daan in group 5 is being bullied.", ["Daan"]),
        ("Mrs de Boer is amazing, Mr. Okafor too.", ["Okafor", "de Boer"]),
        ("I'm Sarah, mum of Oliver in 6B.", ["Oliver", "Sarah"]),
        ("my son jack is scared of the gym teacher", ["jack"]),
        ("A boy called Jayden keeps taking her lunch.", ["Jayden"]),
        ("I'm Jenny's mum, from group 2.", ["Jenny"]),
        # Turkish: the possessive in the family word, the title after the name, the apostrophe before an ending.
        ("Oğlum Emre her gün ağlıyor.", ["Emre"]),
        ("Kızımın öğretmeni Ayşe Hanım'la konuştuk.", ["Ayşe"]),
        ("Ahmet Bey ve Elif Öğretmen çok ilgili.", ["Ahmet", "Elif"]),
        ("Bayan Demir hiç cevap vermiyor.", ["Demir"]),
        ("Benim adım Ayşe Yılmaz.", ["Ayşe Yılmaz"]),
        ("oglum Yusuf'u sinifta itiyorlar", ["Yusuf"]),
        ("Kerem'i teneffüste kimse oyuna almıyor.", ["Kerem"]),
        # Polish: names and the words before them bent by case.
        ("Mój syn Kacper płacze przed szkołą.", ["Kacper"]),
        ("Rozmawiałam z synem Kacprem i z mamą Zosi.", ["Kacprem", "Zosi"]),
        ("Pani Kowalska nie odpowiada, z panią Nowak też nie.", ["Kowalska", "Nowak"]),
        ("Nazywam się Agnieszka Nowak.", ["Agnieszka Nowak"]),
        ("Coreczka Maja zle sie czuje.", ["Maja"]),
        # Arabic: no capitals; the cue, the given names, "and" stuck to a name.
        ("ابني يوسف في الصف الخامس", ["يوسف"]),
        ("السيدة فان دايك لا ترد على رسائلنا", ["فان دايك"]),
        ("اسمي فاطمة الزهراء", ["فاطمة الزهراء"]),
        ("أنا أم آدم من المجموعة ٤", ["آدم"]),
        ("ابنتي نور تبكي كل صباح", ["نور"]),
        ("أحمد وعمر يضربان ابني", ["أحمد", "عمر"]),  # "and Omar": the "and" is no part of the name
        ("زميل ابني Daan يسخر منه", ["Daan"]),
        # Ukrainian (and the Russian some parents write): cases, "мене звати", a Dutch name in Cyrillic.
        ("Мій син Андрій не хоче йти до школи.", ["Андрій"]),
        ("Пані Мартенс допомогла нашій Софії.", ["Мартенс", "Софії"]),
        ("Мене звати Олена Коваленко, я мама Марка.", ["Марка", "Олена Коваленко"]),
        ("мою доньку вероніку дражнять", ["вероніку"]),
        ("Лотте не хоче гратися з моїм сином.", ["Лотте"]),
        ("Меня зовут Ирина.", ["Ирина"]),
    ],
)
def test_a_name_is_found_in_every_page_language(text: str, names: list[str]) -> None:
    assert screen(text).reason == "name"
    assert names_in(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Op de Open Dag in Maart was het druk.",
        "De ouders van 2B organiseren een picknick.",
        "On Monday and Friday there is no gym.",
        "Christmas and Easter are well organised, but Eid is never mentioned.",
        "Will the reports also be available in English?",
        "Ramazan Bayramı'nda çocuklar okula gelmek zorunda mı?",
        "Pazartesi ve Cuma günleri beden eğitimi var.",
        "Türkçe ve Hollandaca mektuplar çok uzun.",
        "Umut ediyorum ki sınıflar küçülür.",
        "Müdür Bey'e mail attım.",
        "Ramazan Bayramı okulda kutlanmalı.",  # "kutlanmalı" (be celebrated) is no Dutch swear
        "Boże Narodzenie i Wielkanoc są dla nas ważne.",
        "W poniedziałek i w piątek dzieci mają WF.",
        "Czy Pani mogłaby wysłać informacje po polsku?",
        "Dzień Dziecka w czerwcu był świetny, w Holandii też.",
        "رمضان والعيد مهمان جداً لعائلتنا.",
        "يوم الاثنين ويوم الجمعة عندهم رياضة.",
        "ابني سعيد جداً في صفه الجديد.",
        "نور المعرفة هو ما نريده لأطفالنا.",
        "Різдво і Великдень для нас дуже важливі.",
        "У понеділок і п'ятницю в дітей фізкультура.",
        "Дякуємо Вам за теплий вечір!",
        "День Незалежності в серпні, ми з Харкова.",
        "Діти дуже чекали на Святого Миколая.",
        "Христос Воскрес! З Різдвом Христовим усіх вчителів!",
        "It's Sports Day on Friday, isn't it?",
    ],
)
def test_each_languages_own_calendar_and_school_words_are_no_names(text: str) -> None:
    assert screen(text).reason is None, screen(text).spans


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Ik ben Piet Jansen, vader van Sanne uit 2B.", "Ik ben [naam], vader van [naam] uit 2B."),
        ("My son Daan in group 5 is being bullied.", "My son [name] in group 5 is being bullied."),
        ("Could someone talk to Lucas's parents?", "Could someone talk to [name]'s parents?"),
        ("Oğlum Emre'yi Ayşe Hanım da tanıyor.", "Oğlum [isim]'yi [isim] Hanım da tanıyor."),
        ("Mój syn Kacper bawi się z Zosią.", "Mój syn [imię] bawi się z [imię]."),
        ("ابني يوسف يتعرض للتنمر", "ابني [الاسم] يتعرض للتنمر"),
        ("أحمد وعمر يضربان ابني", "[الاسم] و[الاسم] يضربان ابني"),
        ("Пані Мартенс допомогла нашій Софії.", "Пані [ім’я] допомогла нашій [ім’я]."),
        ("Мій номер 06 37 58 14 92.", "Мій номер [номер телефону]."),
    ],
)
def test_redaction_replaces_the_name_only_in_the_answers_language(text: str, redacted: str) -> None:
    assert redact(text, screen(text).spans) == redacted


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mijn zoon wordt gepest in de pauze.", "nl"),
        ("My son is being bullied at break.", "en"),
        ("Oğlum teneffüste ağlıyor.", "tr"),
        ("Mój syn płacze na przerwie.", "pl"),
        ("ابني يبكي في الاستراحة", "ar"),
        ("Мій син плаче на перерві.", "uk"),
    ],
)
def test_the_language_of_an_answer_is_read_from_its_words(text: str, lang: str) -> None:
    assert written_in(text) == lang
    assert written_in(text, "nl") == lang


def test_spans_cover_the_name_and_not_the_title_or_the_family_word() -> None:
    text = "Müdür Jansen Bey ve juf Anouk, meneer de Vries en de moeder van Sanne"
    assert {text[a:b] for a, b in name_spans(text)} == {"Jansen", "Anouk", "de Vries", "Sanne"}


@pytest.fixture
def core(tmp_path: Path) -> SessionCore:
    core = start_session(open_event_log(tmp_path), load_agenda(default_agenda_path()), FakeClock())
    core.execute(Command("block/jump", {"index": 3}))
    return core


@pytest.mark.parametrize(
    ("page", "text", "redacted"),
    [
        ("uk", "Мій син Андрій не хоче йти до школи.", "Мій син [ім’я] не хоче йти до школи."),
        ("ar", "ابني يوسف في الصف الخامس", "ابني [الاسم] في الصف الخامس"),
        ("uk", "Mijn zoon Daan is blij.", "Mijn zoon [naam] is blij."),  # a Ukrainian phone, a Dutch answer
        ("tr", "Daan!", "[isim]!"),  # nothing to tell the language by: the phone's
    ],
)
def test_the_facilitator_redacts_in_the_language_the_parent_wrote(
    core: SessionCore, page: str, text: str, redacted: str
) -> None:
    phone = Actor("phone", device=f"telefoon-{page}-0001")
    core.execute(Command("device/join", {"role": "parent", "lang": page}, phone))
    core.execute(Command("contribution/add", {"id": "c1", "text": text}, phone))
    if not core.state.contributions["c1"].spans:  # "Daan!" alone: as if the full check had found it
        item = {"target": "contribution", "id": "c1", "text": text, "spans": [[0, 4, "name"]]}
        core.execute(Command("moderation/screen", {"items": [item]}, Actor("system")))
    core.execute(Command("contribution/redact", {"id": "c1", "lang": "nl"}))  # the facilitator's app is Dutch
    c = core.state.contributions["c1"]
    assert (c.text, c.visible) == (redacted, True)
