"""The evening's poster and its Wi-Fi code over HTTP, for whoever holds the projector's or the remote's link.

`/poster` is the printable A4 poster (join QR, room code, Wi-Fi QR), `/poster?lang=tr` the same led by another page
language; `/wifi.svg` and `/wifi.json` give the
projector's join screen the Wi-Fi code and the network's name. The password is in the code by design, so these
answer only to the projector's and the remote's tokens, are never cached, and nothing here logs a request.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

from websockets.http11 import Request, Response

from kiosk.hub.pages import plain, respond, words_for
from kiosk.prepare.poster import poster_languages
from kiosk.prepare.qr import Wifi, qr_svg

POSTER_PATHS = ("/poster", "/wifi.svg", "/wifi.json")


class PosterPages:
    """Answers the poster's paths; `poster` renders the poster's HTML when asked (it is small and rare)."""

    def __init__(
        self, tokens: tuple[str, ...], wifi: Wifi | None, poster: Callable[[str], str], lang: str = "nl"
    ) -> None:
        self.lang = lang
        self.tokens = tokens
        self.wifi = wifi
        self.poster = poster

    def _known(self, token: str) -> bool:
        """Compared in constant time, with every token: how long it takes tells nothing about either."""
        given = token.encode("utf-8", "surrogateescape")
        return any([hmac.compare_digest(given, known.encode()) for known in self.tokens])  # noqa: C419

    def answer(self, request: Request) -> Response | None:
        """A response for the poster's paths, None for any other path."""
        parts = urlsplit(request.path)
        if parts.path not in POSTER_PATHS:
            return None
        token = parse_qs(parts.query).get("token", [""])[0]
        if not self._known(token):
            return plain(403, words_for(request, self.lang)("hub.http.bad_link"))
        if parts.path == "/poster":
            asked = parse_qs(parts.query).get("lang", [""])[0]
            lang = asked if asked in poster_languages(self.lang)[2] + [self.lang, "nl", "en"] else self.lang
            # The page carries its own Content-Security-Policy (inline style only, no scripts, data: images).
            return respond(200, self.poster(lang).encode("utf-8"), "text/html; charset=utf-8")
        if self.wifi is None:
            return plain(404, words_for(request, self.lang)("hub.http.no_wifi"))
        if parts.path == "/wifi.json":
            return respond(200, json.dumps({"name": self.wifi.name}).encode("utf-8"), "application/json")
        return respond(200, qr_svg(self.wifi.payload, self.wifi.name).encode("utf-8"), "image/svg+xml")
