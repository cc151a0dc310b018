"""Which address phones should use to reach this laptop, found without sending any traffic."""

from __future__ import annotations

import errno
import ipaddress
import socket
from urllib.parse import urlsplit

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


# The facilitator reads this line in the kiosk's language; English for any language without its own words.
_HINTS: dict[str, dict[str, str]] = {
    "nl": {
        "local": "De kiosk luistert alleen op {host}, dus telefoons kunnen niet verbinden; laat --host weg "
        "zodat ze dat wel kunnen.",
        "public": "Telefoons bereiken deze kiosk op {base}; controleer voor de avond dat dit adres op een "
        "telefoon opent.",
        "none": "Deze laptop heeft geen netwerkadres: telefoons kunnen niet verbinden. Maak verbinding met "
        "de schoolwifi of zet de hotspot van de laptop aan en start opnieuw; sta poort {port} toe in de firewall.",
        "lan": "Telefoons moeten op hetzelfde netwerk zitten als deze laptop (adres {host}). Lukt verbinden "
        "niet? Zet de hotspot van de laptop aan, of sta poort {port} toe in de firewall.",
    },
    "en": {
        "local": "The kiosk listens on {host} only, so phones cannot connect; leave out --host to let them.",
        "public": "Phones reach this kiosk at {base}; check that this address opens on a phone before the "
        "evening.",
        "none": "This laptop has no network address: phones cannot connect. Join the school wifi or switch on "
        "the laptop's hotspot, then restart; allow port {port} in the firewall.",
        "lan": "Phones must be on the same network as this laptop (address {host}). If they cannot connect: "
        "switch on the laptop's hotspot, or allow port {port} in the firewall.",
    },
}


def network_hint(
    base: str, port: int, public_url: str | None, listen_host: str = "0.0.0.0", lang: str = "nl"
) -> str:
    """One line telling the facilitator which network phones must be on, in `lang` (nl or en)."""
    words = _HINTS.get(lang, _HINTS["en"])
    if listen_host.startswith("127.") or listen_host in ("localhost", "::1"):
        return words["local"].format(host=listen_host)
    if public_url:
        return words["public"].format(base=base)
    host = urlsplit(base).hostname or "127.0.0.1"
    if host.startswith("127."):
        return words["none"].format(port=port)
    return words["lan"].format(host=host, port=port)


_BIND_PROBLEMS = {
    "nl": {
        errno.EADDRINUSE: "Poort {port} is al in gebruik: misschien draait er al een kiosk. Stop die, of geef "
        "--port {next} mee.",
        errno.EACCES: "Poort {port} vraagt beheerdersrechten; kies een poort boven 1024, zoals --port 8765.",
        errno.EADDRNOTAVAIL: "Deze laptop heeft geen adres {host}; laat --host weg om op alle netwerken te luisteren.",
        0: "Kan niet luisteren op {host}:{port} ({reason}); probeer een andere --port.",
    },
    "en": {
        errno.EADDRINUSE: "Port {port} is already in use: another kiosk may be running. Stop it, or pass "
        "--port {next}.",
        errno.EACCES: "Port {port} needs administrator rights; pass a port above 1024, such as --port 8765.",
        errno.EADDRNOTAVAIL: "This laptop has no address {host}; leave out --host to listen on all networks.",
        0: "Cannot listen on {host}:{port} ({reason}); try another --port.",
    },
}


def bind_problem(exc: OSError, host: str, port: int, lang: str = "nl") -> str:
    """Why the hub cannot listen, and what to do, in `lang` (nl or en)."""
    words = _BIND_PROBLEMS.get(lang, _BIND_PROBLEMS["en"])
    template = words.get(exc.errno or 0, words[0])
    return template.format(port=port, next=port + 1, host=host, reason=exc.strerror or exc)
