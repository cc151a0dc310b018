"""The evening's practical details in an agenda: dates, moments before and after it, and the school's logo file."""

from __future__ import annotations

import base64
import re
from datetime import date
from pathlib import Path

from kiosk.agenda.model import Moment

_MONTH_NAMES = (
    ("januari", "january", "jan"),
    ("februari", "february", "feb"),
    ("maart", "march", "mrt", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("augustus", "august", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
# Monday first, as date.weekday() counts.
WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("maandag", "monday", "ma", "mon"),
    ("dinsdag", "tuesday", "di", "tue"),
    ("woensdag", "wednesday", "wo", "wed"),
    ("donderdag", "thursday", "do", "thu"),
    ("vrijdag", "friday", "vr", "fri"),
    ("zaterdag", "saturday", "za", "sat"),
    ("zondag", "sunday", "zo", "sun"),
)
_NUMBER_WORDS = {
    "een": 1, "één": 1, "1": 1, "one": 1, "a": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "twaalf": 12, "twelve": 12,
}  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})$")
_LOOKS_LIKE_A_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_BEFORE = re.compile(
    r"^(?P<n>\S+)\s+(?P<unit>weken|week|dagen|dag|weeks|days|day)\s+"
    r"(?:vooraf|van\s+tevoren|ervoor|voor\s+de\s+avond|before(?:\s+the\s+evening)?|ahead)$"
)
_AFTER = re.compile(
    r"^(?P<n>\S+)\s+(?P<unit>weken|week|dagen|dag|weeks|days|day)\s+"
    r"(?:na\s+de\s+avond|erna|daarna|nadien|later|after(?:\s+the\s+evening)?)$"
)
_EVENING = {
    "op de avond",
    "de avond zelf",
    "tijdens de avond",
    "on the evening",
    "the evening itself",
    "on the day",
}
_DAY_BEFORE = {"de dag ervoor", "de dag vooraf", "the day before"}
_DAY_AFTER = {"de dag erna", "de dag na de avond", "the day after", "the day after the evening"}

LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}
MAX_LOGO_BYTES = 2 * 1024 * 1024


class DetailProblem(ValueError):
    """A detail that cannot be used: an error code of kiosk.agenda.messages and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_date(text: str) -> date:
    """`2026-10-14`, `14-10-2026`, `14 oktober 2026` or `woensdag 14 oktober 2026` as a date.

    A weekday written before the date must be the date's own: a wrong weekday on an invitation is a classic.
    """
    value = " ".join(text.replace(",", " ").split()).lower()
    weekday: int | None = None
    first, _, rest = value.partition(" ")
    for number, names in enumerate(WEEKDAYS):
        if first in names and rest:
            weekday, value = number, rest
            break
    parts: tuple[int, int, int] | None = None
    if match := _ISO.match(value):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif match := _DAY_FIRST.match(value):
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif (match := _WRITTEN.match(value)) and match[2] in MONTHS:
        parts = (int(match[3]), MONTHS[match[2]], int(match[1]))
    if parts is None:
        raise DetailProblem("date_unreadable", text=text)
    try:
        day = date(*parts)
    except ValueError:
        raise DetailProblem("date_does_not_exist", text=text) from None
    if weekday is not None and day.weekday() != weekday:
        actual = WEEKDAYS[day.weekday()]
        raise DetailProblem("date_wrong_weekday", text=text, nl=actual[0], en=actual[1].capitalize())
    return day


def days_before(when: str) -> int | None:
    """How many days before the evening a moment like `6 weken vooraf` or `op de avond` is; negative after it
    (`2 weken na de avond` is -14); None for free text."""
    value = " ".join(when.lower().split())
    if value in _EVENING:
        return 0
    if value in _DAY_BEFORE:
        return 1
    if value in _DAY_AFTER:
        return -1
    sign, match = 1, _BEFORE.match(value)
    if match is None:
        sign, match = -1, _AFTER.match(value)
    if match is None or match["n"] not in _NUMBER_WORDS and not match["n"].isdigit():
        return None
    amount = int(match["n"]) if match["n"].isdigit() else _NUMBER_WORDS[match["n"]]
    return sign * (amount * 7 if match["unit"].startswith("we") else amount)


def parse_moment(text: str) -> Moment:
    """A date or a moment counted from the evening, for the invitation and the letter (no free text: the parents'
    pages speak six languages, and a date reads the same in each)."""
    counted = days_before(text)
    if counted is not None:
        return Moment(text, "", counted)
    if not looks_like_a_date(text) and not any(ch.isdigit() for ch in text):
        raise DetailProblem("moment_unreadable", text=text)
    return Moment(text, parse_date(text).isoformat())


def looks_like_a_date(text: str) -> bool:
    """Digits with dashes, slashes or dots: meant as a date, so a wrong one is an error, not free text."""
    return bool(_LOOKS_LIKE_A_DATE.match(text.strip()))


def logo_problem(path: Path) -> DetailProblem | None:
    """Why a logo file cannot go on the invitation and the letter, or None when it can."""
    suffix = path.suffix.lower()
    if suffix not in LOGO_TYPES:
        return DetailProblem("logo_not_image_name")
    if not path.exists():
        return DetailProblem("logo_missing")
    if not path.is_file():
        return DetailProblem("logo_folder")
    try:
        size = path.stat().st_size
        head = path.read_bytes()[:4096] if size <= MAX_LOGO_BYTES else b""
    except OSError as exc:
        return DetailProblem("logo_unreadable", reason=exc.strerror or exc)
    if size > MAX_LOGO_BYTES:
        return DetailProblem("logo_too_big", kib=size // 1024, mib=MAX_LOGO_BYTES // 1024 // 1024)
    if image_type(head) != LOGO_TYPES[suffix]:
        return DetailProblem("logo_wrong_inside", type=suffix[1:].upper())
    return None


def image_type(head: bytes) -> str | None:
    """The media type of an image from its first bytes; None when it is none of PNG, JPEG or SVG."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml", b"<!--", b"<!doctype svg")) and b"<svg" in head.lower():
        return "image/svg+xml"
    return None


def logo_data_uri(path: str) -> str | None:
    """The logo file as a `data:` URI for a self-contained page; None when it is missing or not an image."""
    if not path:
        return None
    file = Path(path)
    if logo_problem(file) is not None:
        return None
    data = file.read_bytes()
    kind = image_type(data[:4096])
    if kind is None:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
