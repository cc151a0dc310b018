"""The aftercare report: golden Markdown and HTML, user text kept literal, no device ids, no empty surprises."""

from __future__ import annotations

import json
import os
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.report.aftercare import AftercareReport, build_report
from kiosk.report.export_json import report_to_json
from kiosk.report.render_html import markdown_to_html, render_html
from kiosk.report.render_md import escape_md, render_markdown
from tests.conftest import FakeClock
from tests.unit.test_report_scenario import (
    EVERY_PHONE,
    MARKDOWN,
    PARENTS,
    SCRIPT,
    Evening,
    follow_up,
    report_agenda,
    run,
    scripted_evening,
)

GOLDEN = Path(__file__).parent.parent / "golden"


def report_of(evening: Evening, lang: str = "nl") -> AftercareReport:
    assert evening.core.info is not None
    return build_report(evening.stored_state(), created_at=evening.core.info.created_at, lang=lang)


def assert_golden(name: str, text: str) -> None:
    # Regenerate after an intended change with: UPDATE_GOLDEN=1 python -m pytest tests/unit/test_report_render.py
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8")


class _Text(HTMLParser):
    """The text and the tags of an HTML document, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@pytest.fixture
def updated_evening(tmp_path: Path) -> Evening:
    evening = scripted_evening(tmp_path)
    follow_up(evening)
    return evening


def test_markdown_report_matches_the_golden_file(updated_evening: Evening) -> None:
    assert_golden("aftercare.nl.md", render_markdown(report_of(updated_evening), UTC))


def test_english_markdown_report_matches_the_golden_file(updated_evening: Evening) -> None:
    assert_golden("aftercare.en.md", render_markdown(report_of(updated_evening, "en"), UTC))


def test_html_report_matches_the_golden_file(updated_evening: Evening) -> None:
    assert_golden("aftercare.nl.html", render_html(report_of(updated_evening), UTC))


def test_report_of_the_evening_itself_has_no_update_line(tmp_path: Path) -> None:
    markdown = render_markdown(report_of(scripted_evening(tmp_path)), UTC)
    assert "Avond van 21 september 2026." in markdown
    assert "bijgewerkt op" not in markdown and "Wat jullie zeiden, wat wij deden" not in markdown
    assert "Sinds de avond van 21 september 2026 is er nog niets bijgewerkt." in markdown


def test_script_and_markdown_from_a_parent_come_out_as_literal_text(tmp_path: Path) -> None:
    html = render_html(report_of(scripted_evening(tmp_path)))
    page = parsed(html)
    assert "script" not in page.tags and "a" not in page.tags and "b" not in page.tags
    assert "<script>" not in html and "<b>" not in html
    text = "".join(page.text)
    assert SCRIPT in text and MARKDOWN in text and "<b>te lang</b>" in text
    markdown = render_markdown(report_of(scripted_evening(tmp_path / "again")))
    assert r"\*\*bold\*\* \[link](http://x)" in markdown
    assert r"\<script>alert(1)\</script>" in markdown


def test_key_point_with_underscores_is_not_turned_into_emphasis(tmp_path: Path) -> None:
    page = parsed(render_html(report_of(scripted_evening(tmp_path))))
    assert "em" in page.tags  # the report's own annotations use emphasis ...
    assert "Het rooster moet _rustiger_" in "".join(page.text)  # ... but a key point's underscores stay


def test_no_device_id_appears_in_any_export(updated_evening: Evening) -> None:
    state = updated_evening.stored_state()
    assert state.devices and all(phone.device in state.devices for phone in EVERY_PHONE)
    for lang in ("nl", "en"):
        report = report_of(updated_evening, lang)
        exports = [render_markdown(report), render_html(report), json.dumps(report_to_json(report))]
        for text in exports:
            for device in state.devices:
                assert device not in text
            assert "-device-" not in text  # every phone id of the script holds this, so no part of one leaks


def test_json_export_is_plain_data_with_counts(updated_evening: Evening) -> None:
    data = json.loads(json.dumps(report_to_json(report_of(updated_evening))))
    assert data["attendance"] == {"parent": 5, "staff": 2, "unknown": 1}
    assert data["contribution_count"] == 8
    dialogue = data["blocks"][0]
    assert dialogue["title"] == "Dialoog" and dialogue["heard"][0]["groups"][0]["tag"] == "Communicatie"
    rating = data["blocks"][1]["ratings"][0]
    assert (rating["count"], rating["average"], rating["distribution"]) == (
        4,
        3.75,
        {"1": 0, "2": 1, "3": 0, "4": 2, "5": 1},
    )
    assert rating["comments_held"] == 1 and "jan@example.org" not in json.dumps(data)
    assert data["blocks"][1]["choices"][0]["options"] == [
        {"option": "ja", "count": 2},
        {"option": "misschien", "count": 1},
        {"option": "nee", "count": 0},
    ]
    assert data["changes"] == {"added": 1, "updated": 1, "done": 1}
    assert data["questions"] == {
        "asked": 3,
        "answered_now": 1,
        "later": [{"text": "Komt er dit jaar weer een schoolfeest?", "votes": 2}],
        "later_not_approved": 1,
        "approved": [
            {
                "text": "Komt er dit jaar weer een schoolfeest?",
                "votes": 2,
                "answer": "later",
                "owner": "",
                "due": None,
                "written_in": None,
                "rendering": None,
            },
            {
                "text": "Hoe laat begint de les na de herfstvakantie?",
                "votes": 0,
                "answer": "now",
                "owner": "",
                "due": None,
                "written_in": None,
                "rendering": None,
            },
        ],
        "not_approved": 1,
    }
    assert "Jansen" not in json.dumps(data["questions"])


def test_report_of_an_evening_with_no_contributions(tmp_path: Path) -> None:
    log = open_event_log(tmp_path)
    core = start_session(log, report_agenda(), FakeClock())
    assert core.info is not None
    report = build_report(core.state, created_at=core.info.created_at, lang="nl")
    markdown = render_markdown(report, UTC)
    assert report.contribution_count == 0 and report.changes is None
    assert "Er deed geen telefoon mee" in markdown
    assert markdown.count("Niets gedeeld.") == 2  # both open questions, said plainly
    assert "Geen antwoorden." in markdown and "Nog geen acties vastgelegd." in markdown
    assert "Thematafels" not in markdown  # no theme tables were held
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>") and "@media print" in html


def test_theme_table_outcomes_come_from_the_tables_rules(tmp_path: Path) -> None:
    report = report_of(scripted_evening(tmp_path))
    assert [(t.number, t.theme, t.points) for t in report.tables] == [
        (
            1,
            "Communicatie met ouders",
            ("Vaker positief bellen, niet alleen bij problemen", "Een *app* voor korte berichten"),
        ),
        (2, "Rooster en planning", ("Wijzigingen een week vooraf",)),
    ]
    markdown = render_markdown(report)
    assert (
        "### Tafel 2: Rooster en planning" in markdown and r"- Een \*app\* voor korte berichten" in markdown
    )


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80))
def test_any_escaped_text_renders_back_to_itself(text: str) -> None:
    html = markdown_to_html(f"- {escape_md(text, '  ')}\n")
    page = parsed(html)
    assert set(page.tags) <= {"ul", "li", "br"}
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    assert " ".join("".join(page.text).split()) == " ".join(" ".join(lines).split())


MARKUP_HEAVY = st.text(alphabet="*_[]()<>&!#`\\-+=~.:;1 a\n\t\u00a0\u2028é", max_size=60)


@given(MARKUP_HEAVY)
def test_text_full_of_markdown_characters_renders_back_to_itself(text: str) -> None:
    for markdown in (f"- {escape_md(text, '  ')}\n", f"{escape_md(text)}\n"):
        page = parsed(markdown_to_html(markdown))
        assert set(page.tags) <= {"ul", "li", "br", "p"}
        lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
        assert " ".join("".join(page.text).split()) == " ".join(" ".join(lines).split())


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Doe dit elk jaar!", "Doe dit elk jaar!"),
        ("Ik <3 de mentor & de koffie", "Ik <3 de mentor & de koffie"),
        ("5 * 3 = 15, snake_case en 1.5 uur", "5 * 3 = 15, snake_case en 1.5 uur"),
        ("C:\\Users\\school", "C:\\Users\\school"),
        ("*vet* en _schuin_", "\\*vet\\* en \\_schuin\\_"),
        ("<b>te lang</b> &amp; [link](x)", "\\<b>te lang\\</b> \\&amp; \\[link](x)"),
        ("1. eerst", "1\\. eerst"),
        ("# kop", "\\# kop"),
        ("#1 van de klas", "#1 van de klas"),
        ("- lijst", "\\- lijst"),
        ("-5 graden", "-5 graden"),
        ("---", "\\---"),
        ("> citaat", "\\> citaat"),
    ],
)
def test_escapes_go_only_where_markdown_would_read_markup(text: str, markdown: str) -> None:
    assert escape_md(text) == markdown


def test_the_team_record_has_every_question_the_room_saw_with_its_answer(tmp_path: Path) -> None:
    evening = scripted_evening(tmp_path, finish=False)
    core = evening.core
    run(core, "question/add", PARENTS[4], id="v4", text="Kan de mentor vaker mailen?")
    run(core, "question/approve", id="v4")  # approved, never marked
    run(core, "action/link", id=evening.ids["gesprek"], questions=["v1"])
    report = build_report(core.state, created_at=0, lang="nl")
    markdown = render_markdown(report)
    section = markdown.split("## Vragen aan de school", 1)[1].split("\n## ", 1)[0]
    assert "### Beantwoord in de zaal\n\n- Hoe laat begint de les na de herfstvakantie?" in section
    assert "- Komt er dit jaar weer een schoolfeest? *(2 stemmen, wie: directie)*" in section
    assert "### Nog niet gemarkeerd als beantwoord\n\n- Kan de mentor vaker mailen?" in section
    assert "Jansen" not in section and "1 vraag wacht nog op de gespreksleider" in section
