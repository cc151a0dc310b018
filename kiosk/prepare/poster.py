"""The poster for the evening: the join QR code and room code, and the Wi-Fi QR code when there is a network.

It exists only on the evening (the room code is made when the evening starts). One language leads (the kiosk's,
or any page language asked for), Dutch or English under it, and a line in every other language the pages speak,
so a parent who reads none of the two still knows what the codes are for.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.agenda.details import logo_data_uri
from kiosk.agenda.model import Agenda
from kiosk.catalog import Catalog, Sentence, catalog, languages
from kiosk.prepare.page import a4_document, letterhead
from kiosk.prepare.qr import Wifi, qr_svg
from kiosk.printing.direction import bdi

SPACE = "\u2423"  # OPEN BOX: a space in a password, visible on paper
ONE_LINE = (
    24  # a password up to this long stays on one line; a longer one wraps at any character, never at a space
)


@dataclass(frozen=True)
class PosterFacts:
    """What the poster shows; `wifi` carries a password, so a poster is never logged or stored."""

    title: str
    join_url: str
    room: str
    wifi: Wifi | None = None
    school: str = ""
    logo: str | None = None


def poster_languages(lang: str, folder: Path | None = None) -> tuple[str, str, list[str]]:
    """The leading language, the one under it (Dutch, or English on a Dutch poster) and the others with a line."""
    second = "en" if lang == "nl" else "nl"
    others = [
        code
        for code in languages(folder)
        if code not in (lang, second) and catalog(code, folder).has_own("poster.")
    ]
    return lang, second, others


def _both(first: Catalog, second: Catalog, key: str, tag: str, css: str = "", **params: object) -> str:
    main = html.escape(first(key, **params))
    other = html.escape(second(key, **params))
    attrs = f' class="{css}"' if css else ""
    return (
        f'<{tag}{attrs}>{main}</{tag}><p class="second" lang="{second.lang}" dir="{second.dir}">{other}</p>'
    )


def address(join_url: str) -> str:
    """What a parent types in a browser to reach the phone page without the code in it: '192.168.1.20:8765'."""
    parts = urlsplit(join_url)
    return parts.netloc + (parts.path.rsplit("/", 1)[0] if parts.path.count("/") > 1 else "")


def shown_password(password: str) -> str:
    """The password as HTML with its spaces visible (␣), so nobody types a space too few or too many."""
    cells = "".join(
        f'<span class="space" title=" ">{SPACE}</span>' if char == " " else html.escape(char)
        for char in password
    )
    css = "password" if len(password) <= ONE_LINE else "password long"
    return f'<strong class="{css}" dir="ltr">{cells}</strong>'


def _others(others: list[str], facts: PosterFacts) -> str:
    """One line in every other language: what the poster is, and the two steps."""
    lines = []
    for code in others:
        t = catalog(code)
        steps = (
            f"{t('poster.wifi_step')} · {t('poster.join_step')}"
            if facts.wifi is not None
            else t("poster.join_only")
        )
        lines.append(
            f'<li lang="{code}" dir="{t.dir}"><strong>{html.escape(t("poster.title"))}</strong> '
            f"{html.escape(steps)}</li>"
        )
    return f'<ul class="languages">{"".join(lines)}</ul>' if lines else ""


def render_poster(facts: PosterFacts, lang: str = "nl", folder: Path | None = None) -> str:
    """One A4 page to print and hang at the door and on the tables."""
    lead, under, others = poster_languages(lang, folder)
    first, second = catalog(lead, folder), catalog(under, folder)
    typed = first("poster.type_code", address="\x00")
    before, _, after = html.escape(typed).partition("\x00")
    join = (
        qr_svg(facts.join_url, first("display.qr_alt"))
        + f'<p class="facts-line">{before}<bdi class="url" dir="ltr">{html.escape(address(facts.join_url))}</bdi>'
        + f"{after}</p>"
        + f'<p class="code" dir="ltr">{html.escape(facts.room)}</p>'
    )
    if facts.wifi is None:
        steps = f'<div class="steps"><div class="step single">{_both(first, second, "poster.join_only", "h2")}{join}</div></div>'
    else:
        network = (
            qr_svg(facts.wifi.payload, first("display.wifi_alt"))
            + f'<p class="facts-line">{html.escape(first("poster.network"))}: '
            + f'<strong class="network">{bdi(facts.wifi.name, first.dir)}</strong></p>'
        )
        if facts.wifi.password:
            network += (
                f'<p class="facts-line">{html.escape(first("poster.password"))}: '
                f"{shown_password(facts.wifi.password)}</p>"
            )
            if " " in facts.wifi.password:
                network += f'<p class="legend">{html.escape(first("poster.space", space=SPACE))}</p>'
        steps = (
            f'<div class="steps"><div class="step">{_both(first, second, "poster.wifi_step", "h2")}{network}</div>'
            f'<div class="step">{_both(first, second, "poster.join_step", "h2")}{join}</div></div>'
        )
    sheet = (
        letterhead(facts.school, facts.logo, first.dir)
        + _both(first, second, "poster.title", "h1")
        + steps
        + _both(first, second, "poster.anonymous", "p", "anonymous")
        + _others(others, facts)
        + f'<p class="evening">{bdi(facts.title, first.dir)}</p>'
    )
    title = first("poster.page_title", title=facts.title)
    return a4_document(lang=first.lang, title=title, sheets=[sheet], kind="poster", direction=first.dir)


def evening_poster(agenda: Agenda, join_url: str, room: str, wifi: Wifi | None, lang: str = "nl") -> str:
    """The poster of a running evening, with the agenda's school and logo."""
    logo = logo_data_uri(agenda.logo_file())
    facts = PosterFacts(agenda.title, join_url, room, wifi, agenda.details.school, logo)
    return render_poster(facts, lang)


class PosterNotWritten(Sentence):
    """The poster file could not be written; the message says why and what to do."""


def write_poster(path: Path, poster_html: str) -> Path:
    """The poster as HTML, or as PDF when the file ends in .pdf."""
    from kiosk.printing.pdf import PdfUnavailable, html_to_pdf

    try:
        if path.suffix.lower() == ".pdf":
            path.write_bytes(html_to_pdf(poster_html))
        else:
            path.write_text(poster_html, encoding="utf-8")
    except PdfUnavailable as exc:
        raise PosterNotWritten("printing.poster_no_pdf", problem=exc) from exc
    except OSError as exc:
        raise PosterNotWritten("printing.poster_not_written", path=path, problem=exc.strerror) from exc
    return path
