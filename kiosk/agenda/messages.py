"""What is wrong with an agenda file, by error code, and what `kiosk check` says: `agenda.` in the catalog."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.catalog import FULL_LANGUAGES, catalog, fill


def render_error(code: str, params: Mapping[str, object], lang: str) -> str:
    """The message for an error code in `lang` (English when the language lacks it).

    A code no catalog knows is shown as it is: an error made with a plain sentence still reads well.
    """
    words = catalog(lang if lang in FULL_LANGUAGES else "en")
    template = words.get(f"agenda.{code}")
    return code if template is None else fill(template, params)


def count(code: str, n: int, lang: str) -> str:
    """The plural form of `code` for `n` ("1 blok", "9 blokken"), with `{n}` filled in."""
    words = catalog(lang if lang in FULL_LANGUAGES else "en")
    return words.plural(f"agenda.{code}", n)
