"""The small parts that make every size work: folding the status, breaking links, cutting questions apart."""

from __future__ import annotations

from rich.text import Text

from kiosk.tui.i18n import Translator
from kiosk.tui.widgets.column_fit import distinct_labels, share_widths
from kiosk.tui.widgets.evening_status import Fact, fold, render_lines
from kiosk.tui.widgets.link_text import link_lines

URL = "http://192.168.178.123:8765/join?room=K7QPM"


def status_facts() -> list[Fact]:
    return [
        Fact(Text("20:05:00"), 0),
        Fact(Text("loopt"), 0, "  "),
        Fact(Text("gepland einde 21:15"), 1),
        Fact(Text("verwacht einde 21:18"), 1),
        Fact(Text("3 min achter"), 1),
        Fact(Text("aangemeld: 6 ouders, 2 school"), 2),
        Fact(Text("verbonden: 6 ouders, 2 school, 1 beamer"), 2),
        Fact(Text("Deelnemen met de telefoon:"), 3),
        Fact(Text(URL), 3, " "),
        Fact(Text("Kamercode: K7QPM"), 3),
    ]


def test_the_status_stacks_when_there_is_room_and_folds_when_there_is_not() -> None:
    roomy = render_lines(fold(status_facts(), 120, 9)).plain.splitlines()
    assert roomy[0] == "20:05:00  loopt" and roomy[1] == "gepland einde 21:15"  # one fact a line
    grouped = render_lines(fold(status_facts(), 120, 7)).plain.splitlines()
    assert grouped[1] == "gepland einde 21:15 · verwacht einde 21:18 · 3 min achter" and len(grouped) <= 7
    narrow = render_lines(fold(status_facts(), 54, 5)).plain.splitlines()
    assert all(len(line) <= 54 for line in narrow)
    assert any(URL in line for line in narrow) and any("Kamercode: K7QPM" in line for line in narrow)
    assert "loopt" in narrow[0]  # the timer's state stays on the first line


def test_a_link_breaks_between_its_parts_never_inside_the_room_code() -> None:
    assert link_lines(URL, 60) == [URL]
    assert link_lines(URL, 30) == ["http://192.168.178.123:8765/", "join?room=K7QPM"]
    for width in range(8, 50):
        assert any(line.endswith("room=K7QPM") for line in link_lines(URL, width))
        assert "".join(link_lines(URL, width)) == URL


def test_questions_that_start_alike_never_look_the_same_however_narrow() -> None:
    texts = ["Wat zijn de ervaringen van de ouders?", "Wat zijn de ervaringen van school?", "Wat gaat goed?"]
    for width in range(8, 40):
        labels = distinct_labels(texts, width)
        assert len(set(labels.values())) == 3, (width, labels)
        assert all(len(label) <= width for label in labels.values())
    assert distinct_labels(texts, 60) == {text: text for text in texts}


def test_columns_share_the_width_by_weight_within_their_limits() -> None:
    widths = share_widths(100, {"count": 2}, {"group": (2, 10, 48), "text": (3, 16, 400)})
    assert widths == {"count": 2, "group": 39, "text": 59}
    wide = share_widths(400, {"count": 2}, {"group": (2, 10, 48), "text": (3, 16, 400)})
    assert wide["group"] == 48 and sum(wide.values()) == 400
    narrow = share_widths(20, {"count": 2}, {"group": (2, 10, 48), "text": (3, 16, 400)})
    assert narrow["group"] == 10 and narrow["text"] == 16  # never below their minimum


def test_counts_say_one_or_many_in_both_languages() -> None:
    nl, en = Translator("nl"), Translator("en")
    assert [nl.plural("count.points", n) for n in (0, 1, 2)] == ["0 punten", "1 punt", "2 punten"]
    assert [nl.plural("count.parent", n) for n in (1, 3)] == ["1 ouder", "3 ouders"]
    assert [en.plural("count.people", n) for n in (1, 3)] == ["1 person", "3 people"]
    assert nl.plural("count.staff", 1) == "1 school"  # a word without a plural of its own
