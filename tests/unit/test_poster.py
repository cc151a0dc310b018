"""The poster: every page language, a password that reads exactly as it must be typed, and an address to type."""

from __future__ import annotations

import re

from kiosk.prepare.poster import PosterFacts, address, render_poster, shown_password
from kiosk.prepare.qr import Wifi

JOIN = "http://192.168.1.20:8765/join?room=K7QX2"


def test_a_space_in_the_password_is_visible_and_never_a_place_to_break() -> None:
    shown = shown_password("koffie en thee")
    assert " " not in re.sub(r"<[^>]*>", "", shown) and shown.count("\u2423") == 2
    assert 'class="password"' in shown  # short enough for one line: it does not wrap at all
    assert 'class="password long"' in shown_password("x" * 40)  # a long one wraps, at any character
    poster = render_poster(PosterFacts("Avond", JOIN, "K7QX2", Wifi("Gast", "koffie en thee")))
    assert "\u2423 is een spatie" in poster
    assert "is een spatie" not in render_poster(PosterFacts("Avond", JOIN, "K7QX2", Wifi("Gast", "koffie12")))


def test_the_address_to_type_leads_to_the_page_that_asks_for_the_code() -> None:
    assert address(JOIN) == "192.168.1.20:8765"
    assert address("https://school.example/kiosk/join?room=K7QX2") == "school.example/kiosk"
    poster = render_poster(PosterFacts("Avond", JOIN, "K7QX2"))
    assert "Geen camera? Ga naar <bdi" in poster and ">192.168.1.20:8765</bdi> en typ deze code:" in poster
    assert '<p class="code" dir="ltr">K7QX2</p>' in poster and "room=K7QX2</" not in poster


def test_an_english_poster_has_dutch_under_it_and_a_dutch_one_english() -> None:
    english = render_poster(PosterFacts("Avond", JOIN, "K7QX2"), "en")
    assert (
        "<h1>Join in with your phone</h1>" in english
        and 'lang="nl" dir="ltr">Doe mee met je telefoon' in english
    )
    arabic = render_poster(PosterFacts("Avond", JOIN, "K7QX2"), "ar")
    assert '<html lang="ar" dir="rtl">' in arabic and 'lang="nl" dir="ltr">Doe mee met je telefoon' in arabic
    assert '<li lang="en" dir="ltr"><strong>Join in with your phone</strong>' in arabic
