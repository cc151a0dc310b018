"""One self-contained A4 HTML document: its stylesheet inside, images as data: URIs, no scripts, nothing fetched."""

from __future__ import annotations

import html
from importlib.resources import files

from kiosk.printing.direction import ISOLATE_CSS, bdi

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def kit_stylesheet() -> str:
    return files("kiosk.prepare").joinpath("kit.css").read_text(encoding="utf-8") + ISOLATE_CSS


def a4_document(
    *, lang: str, title: str, sheets: list[str] | list[tuple[str, str]], kind: str, direction: str = "ltr"
) -> str:
    """Sheets (already escaped HTML, or (class, HTML) for a sheet of its own kind) as one document; each sheet
    prints on its own page(s)."""
    classed = [sheet if isinstance(sheet, tuple) else ("", sheet) for sheet in sheets]
    body = "\n".join(
        f'<section class="{html.escape(" ".join(c for c in ("sheet", kind, extra) if c))}">\n{sheet}\n</section>'
        for extra, sheet in classed
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}" dir="{html.escape(direction)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{kit_stylesheet()}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def letterhead(school: str, logo: str | None, direction: str = "ltr") -> str:
    """The logo on one side and the school's name on the other; nothing when the agenda has neither."""
    if not school and not logo:
        return ""
    image = (
        f'<img class="logo" src="{html.escape(logo)}" alt="{html.escape(school or "logo")}">' if logo else ""
    )
    name = f'<p class="school">{bdi(school, direction)}</p>' if school else ""
    return f'<header class="letterhead">{image}{name}</header>'
