"""The poster for the evening: the join QR code and room code, and the Wi-Fi QR code when there is a network.

It exists only on the evening (the room code is made when the evening starts). Dutch first with English under
it, or the other way round when the kiosk speaks English.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from kiosk.agenda.details import logo_data_uri
from kiosk.agenda.model import Agenda
from kiosk.catalog import Catalog, Sentence, catalog
from kiosk.prepare.page import a4_document, letterhead
from kiosk.prepare.qr import Wifi, qr_svg


@dataclass(frozen=True)
class PosterFacts:
    """What the poster shows; `wifi` carries a password, so a poster is never logged or stored."""

    title: str
    join_url: str
    room: str
    wifi: Wifi | None = None
    school: str = ""
    logo: str | None = None


def _both(first: Catalog, second: Catalog, key: str, tag: str, css: str = "", **params: object) -> str:
    main = html.escape(first(key, **params))
    other = html.escape(second(key, **params))
    attrs = f' class="{css}"' if css else ""
    return f'<{tag}{attrs}>{main}</{tag}><p class="second" lang="{second.lang}">{other}</p>'


def render_poster(facts: PosterFacts, lang: str = "nl") -> str:
    """One A4 page to print and hang at the door and on the tables."""
    first = catalog(lang)
    second = catalog("en" if lang != "en" else "nl")
    join = (
        qr_svg(facts.join_url, first("display.qr_alt"))
        + f'<p class="facts-line">{html.escape(first("poster.or_go_to"))}</p>'
        + f'<p class="url">{html.escape(facts.join_url.split("://", 1)[-1])}</p>'
        + f'<p class="facts-line">{html.escape(first("poster.room_code"))}</p>'
        + f'<p class="code">{html.escape(facts.room)}</p>'
    )
    if facts.wifi is None:
        steps = f'<div class="steps"><div class="step single">{_both(first, second, "poster.join_only", "h2")}{join}</div></div>'
    else:
        network = (
            qr_svg(facts.wifi.payload, first("display.wifi_alt"))
            + f'<p class="facts-line">{html.escape(first("poster.network"))}: <strong>{html.escape(facts.wifi.name)}</strong></p>'
        )
        if facts.wifi.password:
            network += (
                f'<p class="facts-line">{html.escape(first("poster.password"))}: '
                f"<strong>{html.escape(facts.wifi.password)}</strong></p>"
            )
        steps = (
            f'<div class="steps"><div class="step">{_both(first, second, "poster.wifi_step", "h2")}{network}</div>'
            f'<div class="step">{_both(first, second, "poster.join_step", "h2")}{join}</div></div>'
        )
    sheet = (
        letterhead(facts.school, facts.logo)
        + _both(first, second, "poster.title", "h1")
        + steps
        + _both(first, second, "poster.anonymous", "p", "anonymous")
        + f'<p class="evening">{html.escape(facts.title)}</p>'
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
