"""Each phone receives the evening in its own language only (plus the agenda's original), never all translations."""

from __future__ import annotations

import json

from hubclient import Peer

from kiosk.core.events import Command
from kiosk.hub.server import Hub
from tests.hub.conftest import Join, in_dialogue
from tests.hub.test_theme_tables import divided, joined_host, room_of

LANGS = ("nl", "en", "tr", "ar", "pl", "uk")
# One word of the second question in each language, to see who received what.
SECOND = {
    "en": "What are the school's experiences?",
    "tr": "Okulun deneyimleri neler?",
    "ar": "ما هي تجارب المدرسة؟",
    "pl": "Jakie są doświadczenia szkoły?",
    "uk": "Який досвід має школа?",
}


async def phones_in_every_language(join: Join) -> dict[str, Peer]:
    return {lang: await join("phone", device=f"phone-{lang}-words", lang=lang) for lang in LANGS}


def frames_since(peer: Peer, start: int) -> str:
    return json.dumps(peer.seen[start:], ensure_ascii=False)


async def test_a_phone_gets_the_question_in_its_language_and_no_other(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phones = await phones_in_every_language(join)
    marks = {lang: (len(phone.seen), phone.received_bytes) for lang, phone in phones.items()}
    second = hub.core.agenda.blocks[hub.core.state.current].prompts[1]
    hub.core.execute(Command("prompt/open", {"prompt": second.id}))
    sizes = {}
    for lang, phone in phones.items():
        view = await phone.state(lambda v: v["prompt"] is not None and v["prompt"]["id"] == second.id)
        prompt = view["prompt"]
        assert prompt["text"] == "Wat zijn de ervaringen van school?"  # the original is always there
        assert prompt["translations"] == ({lang: SECOND[lang]} if lang != "nl" else {})
        received = frames_since(phone, marks[lang][0])
        assert all(text not in received for other, text in SECOND.items() if other != lang), (lang, received)
        sizes[lang] = phone.received_bytes - marks[lang][1]
    print("bytes per phone for the next question:", sizes)
    # A translation costs about its own length, not every language's.
    for lang in LANGS[1:]:
        assert sizes[lang] - sizes["nl"] < 3 * len(SECOND[lang].encode()) + 60, sizes


async def test_the_block_title_comes_in_the_phones_language(hub: Hub, join: Join) -> None:
    phones = await phones_in_every_language(join)
    in_dialogue(hub.core)
    expected = {"en": "Dialogue", "tr": "Sohbet", "ar": "حوار", "pl": "Rozmowa", "uk": "Діалог"}
    for lang, phone in phones.items():
        view = await phone.state(lambda v: v["block"]["title"] == "Dialoog")
        assert view["block"].get("translations", {}) == ({lang: expected[lang]} if lang != "nl" else {})


async def test_a_phone_that_switches_language_gets_the_new_texts_and_its_card(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    phone = await join("phone", device="phone-switcher", lang="nl")
    assert phone.view["prompt"]["translations"] == {}
    assert (await phone.command("device/join", ref="switch", lang="pl", role="parent"))["type"] == "ack"
    view = await phone.state(lambda v: v["prompt"]["translations"] != {})
    assert view["prompt"]["translations"] == {"pl": "Jakie są doświadczenia rodziców?"}
    assert hub.core.state.devices["phone-switcher"].lang == "pl"
    # The theme card at its table comes in Polish too, and the hub's errors speak Polish.
    tables = next(b.index for b in hub.core.agenda.blocks if b.kind == "tables")
    hub.core.execute(Command("block/jump", {"index": tables}))
    hub.core.execute(Command("tables/assign", {"count": 1}))
    mine = await phone.next("mine/update", lambda m: m["table"] is not None)
    theme = mine["table"]["theme"]
    assert set(theme["translations"]) == {"pl"} and theme["translations"]["pl"]["title"]
    error = await phone.command("contribution/add", ref="late", id="c-late", text="Za późno")
    assert error["message"] == "To pytanie jest zamknięte."


async def test_a_language_the_agenda_does_not_speak_shares_the_original_stream(hub: Hub, join: Join) -> None:
    in_dialogue(hub.core)
    dutch = await join("phone", device="phone-dutch-01", lang="nl")
    german = await join("phone", device="phone-german-1", lang="de")
    assert hub.publisher.stream_of(hub.publisher.registry.by_device["phone-dutch-01"].copy().pop()) is (
        hub.publisher.stream_of(hub.publisher.registry.by_device["phone-german-1"].copy().pop())
    )
    assert german.view["prompt"] == dutch.view["prompt"]


async def test_a_table_host_gets_the_card_in_every_language_its_page_may_switch_to(
    hub: Hub, join: Join
) -> None:
    remote = await join("remote")
    await room_of(join, parents=2, staff=1)
    tables = await divided(remote, 1)
    _, update = await joined_host(hub, tables["list"][0]["host"])
    theme = update["table"]["theme"]
    assert set(theme["translations"]) == {"en", "tr", "ar", "pl", "uk"}
    assert theme["translations"]["tr"]["title"] == "Devam ve devamsızlık"


async def test_the_projector_gets_the_block_title_in_every_language_for_its_own_switch(
    hub: Hub, join: Join
) -> None:
    display = await join("display")
    in_dialogue(hub.core)
    view = await display.state(lambda v: v["block"]["title"] == "Dialoog")
    assert view["block"]["translations"] == {
        "en": "Dialogue",
        "tr": "Sohbet",
        "ar": "حوار",
        "pl": "Rozmowa",
        "uk": "Діалог",
    }
