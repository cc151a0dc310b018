"""The facilitator's network hint speaks the kiosk's language: Dutch first, English on request."""

from __future__ import annotations

import pytest

from kiosk.core.session import SessionCore
from kiosk.hub.netinfo import network_hint
from kiosk.hub.server import Hub


def test_dutch_hint_names_the_address_the_hotspot_and_the_port() -> None:
    hint = network_hint("http://192.168.1.20:8765", 8765, None)
    assert hint == (
        "Telefoons moeten op hetzelfde netwerk zitten als deze laptop (adres 192.168.1.20). Lukt verbinden "
        "niet? Zet de hotspot van de laptop aan, of sta poort 8765 toe in de firewall."
    )


def test_english_hint_says_the_same_in_english() -> None:
    hint = network_hint("http://192.168.1.20:9000", 9000, None, lang="en")
    assert hint.startswith("Phones must be on the same network as this laptop (address 192.168.1.20).")
    assert "hotspot" in hint and "port 9000" in hint


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Deze laptop heeft geen netwerkadres: telefoons kunnen niet verbinden."),
        ("en", "This laptop has no network address: phones cannot connect."),
    ],
)
def test_a_laptop_without_network_hears_what_to_do_in_its_language(lang: str, expected: str) -> None:
    assert network_hint("http://127.0.0.1:8765", 8765, None, lang=lang).startswith(expected)


def test_a_public_address_is_named_in_both_languages() -> None:
    url = "https://kiosk.school.example"
    assert network_hint(url, 443, url).startswith(f"Telefoons bereiken deze kiosk op {url};")
    assert network_hint(url, 443, url, lang="en").startswith(f"Phones reach this kiosk at {url};")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "De kiosk luistert alleen op 127.0.0.1, dus telefoons kunnen niet verbinden"),
        ("en", "The kiosk listens on 127.0.0.1 only, so phones cannot connect"),
    ],
)
async def test_running_hub_warns_in_its_language_when_it_listens_on_this_laptop_only(
    evening: SessionCore, lang: str, expected: str
) -> None:
    hub = Hub(evening, host="127.0.0.1", port=0, lang=lang)
    await hub.start()
    try:
        assert hub.network_hint().startswith(expected)
    finally:
        await hub.stop()
