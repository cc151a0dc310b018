"""The letter to parents as one self-contained, print-ready A4 HTML page: letterhead with logo, then the text."""

from __future__ import annotations

import html
from datetime import tzinfo
from importlib.resources import files

from kiosk.catalog import catalog, format_date
from kiosk.printing.direction import ISOLATE_CSS, bdi, isolates_to_html
from kiosk.report.letter import ParentLetter
from kiosk.report.letter_md import letter_body
from kiosk.report.letter_words import say
from kiosk.report.render_html import markdown_to_html, stylesheet

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def letter_stylesheet() -> str:
    """The report's stylesheet with the letter's own rules after it."""
    return (
        stylesheet() + files("kiosk.report").joinpath("letter.css").read_text(encoding="utf-8") + ISOLATE_CSS
    )


def render_letter_html(letter: ParentLetter, tz: tzinfo | None = None) -> str:
    """The letter as one HTML document: no scripts, nothing fetched, the logo inside as a data: URI; right to left
    in Arabic, with every value from the school or the room in its own direction."""
    lang = letter.lang
    direction = catalog(lang).dir
    title = html.escape(say(lang, "title"))
    logo = (
        f'<img class="logo" src="{html.escape(letter.logo)}" alt="{html.escape(letter.school or "logo")}">'
        if letter.logo
        else ""
    )
    school = f'<p class="school">{bdi(letter.school, direction)}</p>' if letter.school else ""
    dateline = html.escape(format_date(letter.written_at, lang, tz))
    body = isolates_to_html(markdown_to_html("\n".join(letter_body(letter, tz)) + "\n"), direction)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{letter_stylesheet()}</style>\n</head>\n"
        '<body class="letter">\n<main>\n'
        f'<header class="letterhead">{logo}<div class="sender">{school}'
        f'<p class="dateline">{dateline}</p></div></header>\n'
        f"<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n"
    )
