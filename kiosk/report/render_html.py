"""The aftercare report as one self-contained HTML file: the Markdown rendered with raw HTML off."""

from __future__ import annotations

import html
from datetime import tzinfo
from importlib.resources import files

from markdown_it import MarkdownIt

from kiosk.report.aftercare import AftercareReport
from kiosk.report.render_md import render_markdown
from kiosk.report.texts import label

# No scripts, no outside resources: the file is mailed and opened anywhere, and user text stays text.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def stylesheet() -> str:
    """The report's embedded stylesheet, print rules included."""
    return files("kiosk.report").joinpath("print.css").read_text(encoding="utf-8")


def markdown_to_html(markdown: str) -> str:
    """CommonMark to an HTML fragment; raw HTML in the source is shown as text, never run."""
    return str(MarkdownIt("commonmark", {"html": False}).render(markdown))


def render_html(report: AftercareReport, tz: tzinfo | None = None) -> str:
    """The whole report as one HTML document with its stylesheet inside."""
    body = markdown_to_html(render_markdown(report, tz))
    title = html.escape(label(report.lang, "title", title=report.agenda_title))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(report.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
