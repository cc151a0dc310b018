"""HTML to PDF with WeasyPrint (the `pdf` extra), with a sentence instead of a traceback when it cannot run.

WeasyPrint is an extra, not a core dependency: it needs Pango from the system, which pip cannot install,
and the evening itself never needs it. Without it every page still prints to PDF from a browser.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.catalog import Sentence

INSTALL = "pip install weasyprint"
SYSTEM_LIBRARIES = "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


class PdfUnavailable(Sentence):
    """No PDF can be made here; the message says what to install, and that a browser prints the HTML too."""


def _weasyprint() -> Any:
    try:
        import weasyprint  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise PdfUnavailable("printing.pdf_missing", command=INSTALL) from None
    except OSError as exc:  # WeasyPrint is there, but Pango or one of its libraries is not
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PdfUnavailable("printing.pdf_libraries", problem=first, command=SYSTEM_LIBRARIES) from None
    return weasyprint


def pdf_available() -> bool:
    """Whether html_to_pdf can run here."""
    try:
        _weasyprint()
    except PdfUnavailable:
        return False
    return True


def html_to_pdf(html: str) -> bytes:
    """A self-contained HTML page (its own CSS, images as data: URIs) as PDF; nothing is fetched from outside."""
    weasyprint = _weasyprint()
    # Unsupported CSS (for screens only) is no news for the user; real failures still raise.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    pdf: bytes = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf
