"""Two checks on HTTP before the pages answer: the Host a browser asked for, and methods that carry a body.

Host: a page from another site can point its own name at the laptop (DNS rebinding) and then talk to the hub as
if it were the same site, Origin and all. Such a request names that other site in its Host, so only the laptop's
own addresses, its own names and the host of `--public-url` are answered.

Methods: the kiosk answers GET and HEAD. The websockets parser closes a request with a body (POST, PUT) without a
word; the hub reads the request line first and answers 405 itself, reading what the client still sends before it
closes, so the answer is not lost to a reset.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urlsplit

ANSWERED = (b"GET", b"HEAD")
RECHECK_AFTER = 30.0  # seconds before an address found not to be the laptop's is tried again (a new network)


def request_method(first: bytes) -> bytes | None:
    """The method of an HTTP request from its first bytes, None when the request line is not all there yet or
    the bytes are not HTTP at all."""
    line, found, _ = first.partition(b"\r\n")
    if not found:
        return None
    parts = line.split(b" ")
    if len(parts) != 3 or not parts[2].startswith(b"HTTP/1."):
        return None
    return parts[0]


def host_name(header: str) -> str:
    """The host of a Host header, without its port, lowercase; an IPv6 address without brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """The hosts this kiosk answers to: its addresses (any the laptop can bind to), its names, `--public-url`'s."""

    def __init__(self, public_url: str | None = None) -> None:
        names = {"localhost"}
        try:
            own = socket.gethostname().lower()
        except OSError:
            own = ""
        if own:
            names |= {own, f"{own}.local", own.split(".")[0], f"{own.split('.')[0]}.local"}
        if public_url:
            public = urlsplit(public_url).hostname
            if public:
                names.add(public.lower())
        self.names = frozenset(names)
        self._own: set[str] = set()
        self._not_own: dict[str, float] = {}

    def allows(self, header: str | None) -> bool:
        """Whether a request with this Host may be answered; a request without one is no browser's."""
        if header is None:
            return True
        host = host_name(header)
        if host in self.names:
            return True
        try:
            address = ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            return False  # a name this laptop does not go by
        return address.is_loopback or self._is_own(str(address), address.version)

    def _is_own(self, address: str, version: int) -> bool:
        if address in self._own:
            return True
        checked = self._not_own.get(address)
        if checked is not None and time.monotonic() - checked < RECHECK_AFTER:
            return False
        family = socket.AF_INET6 if version == 6 else socket.AF_INET
        try:
            with socket.socket(family, socket.SOCK_STREAM) as probe:
                probe.bind((address, 0))  # only an address of this laptop can be bound to
        except OSError:
            if len(self._not_own) > 1000:
                self._not_own.clear()
            self._not_own[address] = time.monotonic()
            return False
        self._own.add(address)
        return True
