"""Answers a browser may keep: a validator (ETag), gzip when the browser takes it, and how long to keep them.

Three hundred phones load the pages over one access point, and reload or come back to them all evening. Pages
and unversioned files are kept and asked about again (`no-cache`): an unchanged one costs a `304` of a few
hundred bytes. A file asked for with its content hash (`?v=<hash>`, as the pages ask for catalogs) never
changes under that URL and is kept for good.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache

from websockets.http11 import Request

from kiosk.hub.page_bundle import digest

REVALIDATE = "no-cache"
FOR_GOOD = "public, max-age=31536000, immutable"
MIN_GZIP = 200  # smaller answers gain nothing from gzip's header and trailer


@dataclass(frozen=True)
class Representation:
    """A body with its gzipped form (None when not worth it) and its content hash."""

    body: bytes
    gzipped: bytes | None = field(repr=False)
    tag: str

    @classmethod
    def of(cls, body: bytes, compressible: bool = True) -> Representation:
        return _represent(body, compressible)


@lru_cache(maxsize=64)
def _represent(body: bytes, compressible: bool) -> Representation:
    packed = gzip.compress(body, 9, mtime=0) if compressible and len(body) >= MIN_GZIP else None
    if packed is not None and len(packed) >= len(body):
        packed = None
    return Representation(body, packed, digest(body))


def compressible(content_type: str) -> bool:
    return content_type.startswith("text/") or content_type.split(";")[0] in (
        "application/json",
        "image/svg+xml",
        "text/javascript",
    )


def takes_gzip(request: Request) -> bool:
    """Whether the browser said it takes gzip (and did not refuse it with q=0)."""
    for value in request.headers.get_all("Accept-Encoding"):
        for item in value.split(","):
            name, _, params = item.strip().partition(";")
            if name.strip().lower() in ("gzip", "*"):
                q = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
                try:
                    return float(q) > 0
                except ValueError:
                    return True
    return False


def _asked_tags(request: Request) -> set[str]:
    tags: set[str] = set()
    for value in request.headers.get_all("If-None-Match"):
        for item in value.split(","):
            tags.add(item.strip().removeprefix("W/"))
    return tags


def negotiate(request: Request, representation: Representation) -> tuple[int, bytes, list[tuple[str, str]]]:
    """The status (200 or 304), the body to send and the headers that describe it."""
    packed = representation.gzipped if takes_gzip(request) else None
    tag = f'"{representation.tag}-gz"' if packed is not None else f'"{representation.tag}"'
    headers = [("ETag", tag), ("Vary", "Accept-Encoding")]
    asked = _asked_tags(request)
    if tag in asked or "*" in asked:
        return 304, b"", headers
    if packed is not None:
        headers.append(("Content-Encoding", "gzip"))
        return 200, packed, headers
    return 200, representation.body, headers
