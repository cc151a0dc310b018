"""`kiosk prepare`'s output: the evening's kit as HTML files (and PDFs when WeasyPrint is here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.agenda.details import logo_data_uri
from kiosk.agenda.model import Agenda
from kiosk.catalog import catalog, languages
from kiosk.prepare.checklist import render_checklist
from kiosk.prepare.invitation import render_invitation
from kiosk.prepare.table_cards import card_languages, render_table_cards, untranslated
from kiosk.prepare.words import word


@dataclass
class Kit:
    """The files of the kit by name, and what the school should know about them."""

    pages: dict[str, str] = field(default_factory=dict)  # file name -> HTML
    notes: list[str] = field(default_factory=list)


def build_kit(
    agenda: Agenda, langs: list[str] | None = None, i18n: Path | None = None, lang: str = "nl"
) -> Kit:
    """Every page of the kit; a language whose file has no invitation texts yet is skipped with a note.

    `i18n` is the folder of the pages' message files (default: participant_web/i18n); `lang` that of the notes.
    """
    kit = Kit()
    logo = logo_data_uri(agenda.logo_file())
    if agenda.details.logo and logo is None:
        kit.notes.append(word(lang, "note_logo", file=agenda.logo_file()))
    details = agenda.details
    written = {
        "school": details.school,
        "datum": details.date,
        "start": agenda.start_time,
        "plaats": details.place,
        "aanmelden": details.signup,
        "aanmelden-voor": details.signup_by.day(details.date),
    }
    missing = [name for name, value in written.items() if not value]
    if missing:
        kit.notes.append(word(lang, "note_missing", missing=", ".join(missing)))
    codes = langs or languages(i18n)
    for code in codes:
        messages = catalog(code, i18n)
        if not messages.has_own("invite."):
            kit.notes.append(word(lang, "note_no_invitation", code=code))
            continue
        kit.pages[f"uitnodiging-{code}.html"] = render_invitation(agenda, messages, logo)
    kit.pages["voorbereiding.html"] = render_checklist(agenda, logo)
    for code in card_languages(agenda, codes):
        name = "tafelkaarten.html" if code == agenda.language else f"tafelkaarten-{code}.html"
        kit.pages[name] = render_table_cards(agenda, code)
        if missing_themes := untranslated(agenda, code):
            kit.notes.append(
                word(lang, "note_card_untranslated", code=code, themes=", ".join(missing_themes))
            )
    if not agenda.preparation:
        kit.notes.append(word(lang, "note_no_preparation"))
    return kit


def write_kit(kit: Kit, folder: Path, to_pdf: Callable[[str], bytes] | None) -> list[Path]:
    """Write each page as .html, and as .pdf when `to_pdf` is given; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, page in kit.pages.items():
        path = folder / name
        path.write_text(page, encoding="utf-8")
        written.append(path)
        if to_pdf is not None:
            pdf = path.with_suffix(".pdf")
            pdf.write_bytes(to_pdf(page))
            written.append(pdf)
    return written
