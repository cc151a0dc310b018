"""Every printed page in every language, as PNG images to look at: the kit, the posters, the letter and the record.

    .venv/bin/python scripts/render_pages.py OUT_DIR [--only invitation,poster,...] [--engine chromium|weasyprint|both]

Each page is printed to A4 PDF by Debian's Chromium (what a school gets from "print" in a browser) and by
WeasyPrint (what `kiosk prepare` and `kiosk export --format pdf` write), and each PDF page is rendered to a PNG
with pypdfium2 (the `dev` extra). It prints one line per file: name, engine, pages. The example evening is
the shipped agenda with a school's details, and a stored evening with answers in several languages, questions
answered now and later, actions with owners and dates.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kiosk.catalog import languages
from scripts.example_evening import (
    example_agenda,
    example_letters,
    example_posters,
    example_record,
)

KINDS = ("invitation", "checklist", "cards", "poster", "letter", "record")


def pages(out: Path, only: set[str]) -> Iterator[tuple[str, str]]:
    """(name, html) of every page to render."""
    from kiosk.agenda.parser import load_agenda
    from kiosk.prepare.kit import build_kit

    agenda = load_agenda(example_agenda(out / "school"))
    kit = build_kit(agenda)
    for name, page in kit.pages.items():
        kind = (
            "invitation"
            if name.startswith("uitnodiging")
            else "cards"
            if name.startswith("tafel")
            else "checklist"
        )
        if kind in only:
            yield name.removesuffix(".html"), page
    if "poster" in only:
        yield from example_posters(agenda, languages())
    if "letter" in only or "record" in only:
        data = out / "data"
        if "letter" in only:
            yield from example_letters(data, agenda)
        if "record" in only:
            yield from example_record(data, agenda)


def chromium_pdf(browser: object, page_html: str, folder: Path, name: str) -> bytes:
    path = folder / f"{name}.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        return bytes(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    finally:
        page.close()


def to_png(pdf: bytes, stem: Path) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-not-found]

    document = pdfium.PdfDocument(io.BytesIO(pdf))
    for number, page in enumerate(document, 1):
        page.render(scale=1.25).to_pil().save(f"{stem}-{number}.png")
    return len(document)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", default=",".join(KINDS))
    parser.add_argument("--engine", choices=("chromium", "weasyprint", "both"), default="both")
    args = parser.parse_args()
    only = set(args.only.split(","))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    engines = ("chromium", "weasyprint") if args.engine == "both" else (args.engine,)
    from playwright.sync_api import sync_playwright

    from kiosk.printing.pdf import html_to_pdf

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for name, page_html in pages(out, only):
            for engine in engines:
                if engine == "chromium":
                    pdf = chromium_pdf(browser, page_html, out, name)
                else:
                    pdf = html_to_pdf(page_html)
                (out / f"{name}.{engine}.pdf").write_bytes(pdf)
                count = to_png(pdf, out / f"{name}.{engine}")
                print(f"{name:<28} {engine:<10} {count} page{'s' if count != 1 else ''}")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
