"""The HTTP side of the hub: the static pages, the QR code, and the Origin check before a WebSocket opens."""

from __future__ import annotations

import email.utils
import http
import io
import json
import logging
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from kiosk.catalog import FULL_LANGUAGES, Catalog, catalog, offered
from kiosk.hub.http_cache import FOR_GOOD, REVALIDATE, Representation, compressible, negotiate
from kiosk.hub.http_guard import HostCheck
from kiosk.hub.page_bundle import Assembled, BundleError, assemble, catalog_bytes, digest

WS_PATH = "/ws"
LANGUAGES_PATH = "/languages.json"
SERVICE_WORKER = "/sw.js"  # at the root, so that it may serve the pages under /
PAGES = {
    "/": "phone.html",
    "/join": "phone.html",
    "/display": "display.html",
    "/remote": "remote.html",
    "/host": "host.html",
}
CSP = (
    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
}

log = logging.getLogger("kiosk.hub")

MAX_NAME = 200  # longer file names are not ours; the file system would refuse them with an error anyway


def respond(
    status: int,
    body: bytes,
    content_type: str,
    *,
    page: bool = False,
    head: bool = False,
    cache: str = "no-store",
    csp: str = CSP,
    extra: Iterable[tuple[str, str]] = (),
) -> Response:
    """A complete response; built by hand because `Headers[...] = ...` appends rather than replaces.

    `head`: the answer to a HEAD request, with the headers of the full answer and no body. `cache`: its
    Cache-Control; `extra`: more headers (a validator, the encoding). A 304 carries no length and no body.
    """
    described = [] if status == 304 else [("Content-Length", str(len(body))), ("Content-Type", content_type)]
    headers = Headers(
        [
            ("Date", email.utils.formatdate(usegmt=True)),
            ("Connection", "close"),
            *described,
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", cache),
            *extra,
        ]
    )
    if page:
        headers["Content-Security-Policy"] = csp
        headers["X-Frame-Options"] = "DENY"
    if status == 405:
        headers["Allow"] = "GET, HEAD"
    phrase = http.HTTPStatus(status).phrase
    return Response(status, phrase, headers, b"" if head else body)


def plain(status: int, sentence: str, *, head: bool = False) -> Response:
    return respond(status, sentence.encode(), "text/plain; charset=utf-8", head=head)


def words_for(request: Request, default: str) -> Catalog:
    """The words of a plain answer: the browser's first language when the kiosk speaks it fully, else the kiosk's."""
    accept = (request.headers.get_all("Accept-Language") or [""])[0]
    first = accept.split(",")[0].split(";")[0].strip().lower().split("-")[0]
    return catalog(first if first in FULL_LANGUAGES else default)


def static_file(web_dir: Path, relative: str) -> Path | None:
    """The file under web_dir that a URL path names, or None when it would leave web_dir, is hidden or absurd."""
    if len(relative) > MAX_NAME:
        return None
    parts = unquote(relative).split("/")
    if any(p in ("", ".", "..") or p.startswith(".") or "\\" in p or "\0" in p for p in parts):
        return None
    try:
        root = web_dir.resolve()
        candidate = root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return None
    except (OSError, ValueError):  # a name too long for the file system, or one it cannot encode
        return None
    return candidate


@lru_cache(maxsize=128)
def _file_representation(path: Path, mtime_ns: int, size: int, content_type: str) -> Representation:
    """A static file as it goes out (a catalog: its pages' part only); read again when the file changes."""
    body = catalog_bytes(path) if path.parent.name == "i18n" and path.suffix == ".json" else path.read_bytes()
    return Representation.of(body, compressible(content_type))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under the pages' folder with its change time and size: a page is put together again when
    one of them changes."""
    found = []
    for path in sorted(folder.rglob("*")):
        try:
            stat = path.stat()
        except OSError:
            continue
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@lru_cache(maxsize=8)
def _assembled(web_dir: Path, name: str, stamp: object) -> tuple[Assembled, Representation] | None:
    try:
        page = assemble(web_dir, name, CSP)
    except (OSError, UnicodeError, BundleError) as problem:
        log.warning("The page %s goes out as separate files: %s", name, problem)
        return None
    return page, Representation.of(page.body)


def qr_svg(url: str) -> bytes:
    """The URL as an SVG QR code, made with qrcode's own SVG writer (no Pillow)."""
    import qrcode  # type: ignore[import-untyped]
    from qrcode.image.svg import SvgPathImage  # type: ignore[import-untyped]

    image = qrcode.make(url, image_factory=SvgPathImage, border=2)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()


def single_header(request: Request, name: str) -> str | None:
    """A header that may appear once; ValueError when a request repeats it (a browser never does)."""
    values = request.headers.get_all(name)
    if len(values) > 1:
        raise ValueError(name)
    return values[0] if values else None


def origin_allowed(request: Request, public_origin: str | None) -> bool:
    """Same origin as the Host the browser asked, or the public URL's; clients without Origin are no browser.

    Raises ValueError when Host or Origin comes twice.
    """
    origin = single_header(request, "Origin")
    host = (single_header(request, "Host") or "").lower()
    if origin is None:
        return True
    origin = origin.lower()
    allowed = {f"http://{host}", f"https://{host}"} if host else set()
    if public_origin:
        allowed.add(public_origin)
    return origin in allowed


class Pages:
    """Answers every HTTP request that is not the WebSocket."""

    def __init__(
        self,
        web_dir: Path | None,
        join_url: str,
        public_origin: str | None,
        extra: Callable[[Request], Response | None] | None = None,
        lang: str = "nl",
        hosts: HostCheck | None = None,
    ) -> None:
        self.lang = lang  # of the sentences, for a browser that asks for no language the kiosk speaks
        self.web_dir = web_dir
        self.public_origin = public_origin
        self._qr = qr_svg(join_url)
        self._extra = extra  # more routes (the poster's), asked before the static pages
        self._hosts = hosts  # None: any Host (a test's pages)

    def answer(self, request: Request) -> Response | None:
        """None lets the WebSocket handshake go on; a Response ends the request."""
        head = request.method == "HEAD"
        words = words_for(request, self.lang)
        if request.method not in ("GET", "HEAD"):
            return plain(405, words("hub.http.method"))
        try:
            origin_ok = origin_allowed(request, self.public_origin)
        except ValueError as doubled:
            return plain(400, words("hub.http.twice", header=doubled), head=head)
        if self._hosts is not None and not self._hosts.allows(single_header(request, "Host")):
            return plain(421, words("hub.http.host"), head=head)  # another site's name: DNS rebinding
        path = urlsplit(request.path).path
        if path == WS_PATH:
            if head:
                return plain(405, words("hub.http.ws_get"))
            if not origin_ok:
                return plain(403, words("hub.http.origin"))
            return None
        if path == "/qr.svg":
            return respond(200, self._qr, "image/svg+xml", head=head)
        if path == LANGUAGES_PATH:
            return self._languages(request, head)
        if self._extra is not None and (extra := self._extra(request)) is not None:
            return extra
        if path in PAGES:
            return self._page(request, PAGES[path], words, head)
        if path == SERVICE_WORKER:
            return self._file(request, "sw.js", words, page=False, head=head)
        if path.startswith("/static/"):
            return self._file(request, path[len("/static/") :], words, page=False, head=head)
        return plain(404, words("hub.http.no_page"), head=head)

    def _languages(self, request: Request, head: bool) -> Response:
        """The languages the pages speak, from the catalog files present: a new language is one file."""
        listed = offered(self.web_dir / "i18n") if self.web_dir is not None else []
        body = json.dumps(listed, ensure_ascii=False).encode()
        status, body, extra = negotiate(request, Representation.of(body))
        return respond(status, body, "application/json", head=head, cache=REVALIDATE, extra=extra)

    def _page(self, request: Request, name: str, words: Catalog, head: bool) -> Response:
        """A page put together in one answer (page_bundle); its separate files when that cannot be done."""
        if self.web_dir is None:
            return plain(404, words("hub.http.missing", name=name), head=head)
        made = _assembled(self.web_dir, name, _stamp(self.web_dir))
        if made is None:
            return self._file(request, name, words, page=True, head=head)
        page, representation = made
        status, body, extra = negotiate(request, representation)
        content_type = CONTENT_TYPES[".html"]
        return respond(
            status, body, content_type, page=True, head=head, cache=REVALIDATE, csp=page.csp, extra=extra
        )

    def _file(self, request: Request, relative: str, words: Catalog, *, page: bool, head: bool) -> Response:
        found = static_file(self.web_dir, relative) if self.web_dir is not None else None
        name = relative if len(relative) <= MAX_NAME else "asked for"
        if found is None:
            return plain(404, words("hub.http.missing", name=name), head=head)
        content_type = CONTENT_TYPES.get(found.suffix.lower(), "application/octet-stream")
        try:
            stat = found.stat()
            representation = _file_representation(found, stat.st_mtime_ns, stat.st_size, content_type)
        except OSError:
            return plain(404, words("hub.http.unreadable", name=name), head=head)
        # Asked for by its content hash: that URL never changes, so it may be kept for good.
        version = parse_qs(urlsplit(request.path).query).get("v", [""])[0]
        cache = FOR_GOOD if version and version == digest(representation.body) else REVALIDATE
        status, body, extra = negotiate(request, representation)
        page = page or found.suffix.lower() == ".html"
        return respond(status, body, content_type, page=page, head=head, cache=cache, extra=extra)
