"""QR codes for print and the projector: the join link, and a Wi-Fi network that a phone joins by scanning."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import qrcode  # type: ignore[import-untyped]
from qrcode.constants import ERROR_CORRECT_M  # type: ignore[import-untyped]

# The characters the Wi-Fi QR format (ZXing's WIFI: scheme, as phones' cameras read it) escapes with a backslash.
_WIFI_SPECIAL = re.compile(r'([\\;,:"])')
_UNESCAPED_COLON = re.compile(r"(?<!\\):")
MIN_WPA, MAX_WPA = 8, 63


class WifiProblem(ValueError):
    """A --wifi value that would print a code no phone can use; the message says why."""


@dataclass(frozen=True)
class Wifi:
    """The hall's network: its name and password (empty for an open network). Never logged or exported."""

    name: str
    password: str = ""

    def __repr__(self) -> str:
        return f"Wifi(name={self.name!r}, password={'***' if self.password else ''!r})"

    @property
    def payload(self) -> str:
        """The text of the Wi-Fi QR code: `WIFI:S:NAME;T:WPA;P:PASSWORD;;`, special characters escaped."""
        name, password = (_WIFI_SPECIAL.sub(r"\\\1", text) for text in (self.name, self.password))
        if not password:
            return f"WIFI:S:{name};T:nopass;;"
        return f"WIFI:S:{name};T:WPA;P:{password};;"


def parse_wifi(value: str) -> Wifi:
    """`NAME:PASSWORD` (split at the first colon; `\\:` is a colon in the name), or `NAME` for an open network."""
    parts = _UNESCAPED_COLON.split(value, maxsplit=1)
    name = parts[0].replace("\\:", ":")
    password = parts[1] if len(parts) > 1 else ""
    if not name.strip():
        raise WifiProblem('--wifi needs the network\'s name first, like --wifi "School-gast:geheim123"')
    if len(name.encode("utf-8")) > 32:
        raise WifiProblem(f"the network name '{name}' is longer than a Wi-Fi name can be (32 bytes)")
    if password and not MIN_WPA <= len(password) <= MAX_WPA:
        raise WifiProblem(
            f"a WPA password has {MIN_WPA} to {MAX_WPA} characters; the one given has {len(password)}"
        )
    return Wifi(name, password)


def qr_svg(data: str, label: str, *, css_class: str = "qr") -> str:
    """`data` as an inline SVG QR code: black on white, the quiet zone included, crisp at any size."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4)
    code.add_data(data)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < size and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return (
        f'<svg class="{html.escape(css_class)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'role="img" aria-label="{html.escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>'
    )
