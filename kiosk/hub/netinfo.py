"""Which address phones should use to reach this laptop, found without sending any traffic."""

from __future__ import annotations

import errno
import ipaddress
import socket
from urllib.parse import urlsplit

from kiosk.catalog import FULL_LANGUAGES, Catalog, catalog

# Connecting a UDP socket only picks a route and a source address; no packet leaves the laptop.
_PROBES = ("10.255.255.255", "192.168.255.255", "172.31.255.255")


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def lan_address() -> str:
    """The laptop's LAN address; the hostname's address when there is no route; else 127.0.0.1."""
    for probe in _PROBES:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                address = str(sock.getsockname()[0])
        except OSError:
            continue
        if _usable(address):
            return address
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        address = ""
    return address if _usable(address) else "127.0.0.1"


def base_url(host: str, port: int, public_url: str | None) -> str:
    """The address pages are reached at, without a trailing slash."""
    if public_url:
        return public_url.rstrip("/")
    if host in ("0.0.0.0", "::", ""):
        host = lan_address()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def url_origin(url: str) -> str:
    """`scheme://host[:port]` of a URL, as a browser sends it in Origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


# The facilitator reads these lines in the kiosk's language: `hub.network.` and `hub.bind.` in the catalog.
def _words(lang: str) -> Catalog:
    return catalog(lang if lang in FULL_LANGUAGES else "en")


def network_hint(
    base: str, port: int, public_url: str | None, listen_host: str = "0.0.0.0", lang: str = "nl"
) -> str:
    """One line telling the facilitator which network phones must be on, in `lang` (nl or en)."""
    words = _words(lang)
    if listen_host.startswith("127.") or listen_host in ("localhost", "::1"):
        return words("hub.network.local", host=listen_host)
    if public_url:
        return words("hub.network.public", base=base)
    host = urlsplit(base).hostname or "127.0.0.1"
    if host.startswith("127."):
        return words("hub.network.none", port=port)
    return words("hub.network.lan", host=host, port=port)


_BIND_PROBLEMS = {errno.EADDRINUSE: "in_use", errno.EACCES: "needs_rights", errno.EADDRNOTAVAIL: "no_address"}


def bind_problem(exc: OSError, host: str, port: int, lang: str = "nl") -> str:
    """Why the hub cannot listen, and what to do, in `lang` (nl or en)."""
    problem = _BIND_PROBLEMS.get(exc.errno or 0, "other")
    return _words(lang)(
        f"hub.bind.{problem}", port=port, next=port + 1, host=host, reason=exc.strerror or exc
    )
