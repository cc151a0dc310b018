"""`kiosk export --for parents` and `kiosk actions` on a real data folder: the letter, its PDF and CSV, links,
overdue actions, and the next letter that says what changed."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.agenda.parser import load_agenda
from kiosk.cli import main
from kiosk.core.events import Actor, Command
from kiosk.core.session import start_session
from kiosk.core.store import open_event_log
from kiosk.resources import default_agenda_path
from tests.conftest import FakeClock

PARENT = Actor("phone", device="ouder-telefoon-0001")
TEACHER = Actor("phone", device="docent-telefoon-0002")
OTHER = Actor("phone", device="andere-telefoon-0003")
EVENING = 1_790_000_000.0  # 21 September 2026
PNG = (  # a 1x1 PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def school_agenda(folder: Path) -> Path:
    """The shipped evening with the school's details and logo, as a school would write them."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.png").write_bytes(PNG)
    text = (
        default_agenda_path()
        .read_text(encoding="utf-8")
        .replace(
            "start: 19:00\n",
            "start: 19:00\nschool: OBS De Driehoek\ndatum: 2026-09-21\nplaats: Aula\n"
            "contact: ouderconsulent@driehoek.nl\nlogo: logo.png\n",
        )
    )
    path = folder / "avond.md"
    path.write_text(text, encoding="utf-8")
    return path


def stored_evening(data: Path, agenda: Path) -> str:
    clock = FakeClock(EVENING)
    log = open_event_log(data)
    core = start_session(log, load_agenda(agenda), clock)
    for actor, role in ((PARENT, "parent"), (TEACHER, "staff"), (OTHER, "parent")):
        core.execute(Command("device/join", {"role": role}, actor))
    core.execute(Command("block/jump", {"index": 3}))
    said = [
        ("c1", PARENT, "Bel ons ook als het goed gaat"),
        ("c2", TEACHER, "Doe dit elk jaar!"),
        ("c3", OTHER, '=HYPERLINK("http://x")'),
        ("c4", PARENT, "Meneer Jansen belt nooit terug"),  # held: names a person
    ]
    for cid, actor, text in said:
        core.execute(Command("contribution/add", {"id": cid, "text": text}, actor))
    for cid in ("c1", "c2", "c3"):
        core.execute(Command("contribution/approve", {"id": cid}))
    core.execute(Command("keypoint/add", {"text": "Ook goed nieuws delen", "sources": ["c1"]}))
    core.execute(Command("block/jump", {"index": 8}))
    for actor, value, comment in ((PARENT, 4, "Mail me: jan@example.org"), (TEACHER, 5, ""), (OTHER, 2, "")):
        core.execute(Command("response/set", {"prompt": "b9-q1", "value": value, "comment": comment}, actor))
    core.execute(
        Command("action/add", {"what": "Positief belrondje", "owner": "mentoren", "due": "2026-10-01"})
    )
    clock.advance(3600)
    core.execute(Command("session/finish"))
    assert core.info is not None
    log.close()
    return core.info.id


@pytest.fixture
def evening(tmp_path: Path) -> tuple[list[str], Path]:
    agenda = school_agenda(tmp_path / "school")
    stored_evening(tmp_path / "data", agenda)
    return ["--data-dir", str(tmp_path / "data")], tmp_path


def event_count(data: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    capsys.readouterr()
    assert main(["sessions", *data]) == 0
    return int(capsys.readouterr().out.splitlines()[1].split()[5])


def action_id(data: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["actions", *data]) == 0
    return capsys.readouterr().out.splitlines()[1].split()[0]


def test_the_letter_greets_parents_and_has_no_stray_backslash(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = evening
    assert main(["export", *data, "--for", "parents", "--date", "2026-09-28"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "# Na de ouderavond: wat we hoorden en wat we doen\n\nOBS De Driehoek · 28 september 2026\n"
    )
    assert (
        "Beste ouders en verzorgers," in out
        and "Er deden 3 telefoons mee (2 van ouders en 1 van school)." in out
    )
    assert "1. Ook goed nieuws delen *(1× genoemd)*" in out
    assert (
        "Heeft u vragen of ideeën, ook als u er niet bij was? Neem contact op met ouderconsulent@driehoek.nl."
        in out
    )
    assert "Meneer Jansen" not in out and "jan@example.org" not in out and "telefoon-000" not in out
    assert main(["export", *data, "--format", "md"]) == 0
    assert "- Doe dit elk jaar!" in capsys.readouterr().out  # the team's record, without a backslash


def test_letter_files_are_remembered_and_the_next_letter_says_what_changed(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, tmp_path = evening
    before = event_count(data, capsys)
    assert main(["export", *data, "--for", "parents"]) == 0  # a preview on the screen is not a letter sent
    assert event_count(data, capsys) == before
    first = tmp_path / "brief-1.md"
    assert main(["export", *data, "--for", "parents", "-o", str(first), "--date", "2026-09-28"]) == 0
    assert event_count(data, capsys) == before + 1
    assert main(["export", *data, "--for", "parents", "-o", str(first), "--lang", "en"]) == 0
    assert event_count(data, capsys) == before + 1  # the same letter in English is the same letter
    action = action_id(data, capsys)
    assert (
        main(["actions", *data, "--update", action, "--status", "done", "--note", "Alle ouders gebeld"]) == 0
    )
    second = tmp_path / "brief-2.md"
    assert main(["export", *data, "--for", "parents", "-o", str(second), "--date", "2026-11-02"]) == 0
    text = second.read_text(encoding="utf-8")
    assert "## Wat er veranderde sinds onze brief van 28 september 2026" in text
    assert "- Positief belrondje: van gepland naar afgerond. Alle ouders gebeld" in text
    assert "Sinds onze brief" not in first.read_text(encoding="utf-8")


def test_actions_link_to_key_points_and_answers_and_flag_what_is_overdue(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = evening
    assert main(["actions", *data, "--heard"]) == 0
    heard = capsys.readouterr().out
    assert "Ook goed nieuws delen" in heard and "Doe dit elk jaar!" in heard and "Meneer Jansen" not in heard
    point_ref = next(line.split()[0] for line in heard.splitlines() if "Ook goed nieuws" in line)
    action = action_id(data, capsys)
    assert (
        main(
            [
                "actions",
                *data,
                "--update",
                action,
                "--link",
                point_ref,
                "--link",
                "c2",
                "--today",
                "2026-12-02",
            ]
        )
        == 0
    )
    listing = capsys.readouterr().out
    assert "Positief belrondje  [TE LAAT]" in listing
    assert (
        "hoort bij kernpunt „Ook goed nieuws delen”" in listing
        and "hoort bij antwoord „Doe dit elk jaar!”" in listing
    )
    assert "1 actie is te laat: uiterlijk vóór 2026-12-02" in listing
    assert main(["actions", *data, "--today", "2026-12-02", "--lang", "en"]) == 0
    listing = capsys.readouterr().out
    assert "Positief belrondje  [OVERDUE]" in listing
    assert (
        'answers key point "Ook goed nieuws delen"' in listing
        and 'answers answer "Doe dit elk jaar!"' in listing
    )
    assert "1 action is overdue: due before 2026-12-02" in listing
    assert main(["actions", *data, "--today", "2026-09-30"]) == 0
    assert "TE LAAT" not in capsys.readouterr().out
    assert main(["export", *data, "--for", "parents", "--date", "2026-12-02"]) == 0
    letter = capsys.readouterr().out
    assert "stand: gepland · **later dan gepland**" in letter
    assert "1. Ook goed nieuws delen *(1× genoemd)*" in letter  # the key point once, among what we heard
    assert "Dit gaat over punt 1 van wat we hoorden.\n\nUit de zaal:\n\n- „Doe dit elk jaar!”" in letter
    assert main(["actions", *data, "--update", action, "--unlink", "c2"]) == 0
    assert 'answer "Doe dit elk jaar!"' not in capsys.readouterr().out


def test_a_link_to_nothing_known_is_refused_and_nothing_is_stored(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = evening
    before = event_count(data, capsys)
    action = action_id(data, capsys)
    assert (
        main(["actions", *data, "--update", action, "--status", "done", "--link", "c4"]) == 1
    )  # held: not approved
    assert "Er is geen kernpunt, goedgekeurd antwoord of goedgekeurde vraag „c4”" in capsys.readouterr().err
    assert main(["actions", *data, "--add", "Iets", "--link", "zzzz"]) == 1
    assert event_count(data, capsys) == before


def test_the_letter_finds_the_logo_from_another_folder_and_says_so_when_it_is_gone(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, tmp_path = evening
    monkeypatch.chdir("/")
    html_file = tmp_path / "brief.html"
    assert main(["export", *data, "--for", "parents", "--format", "html", "-o", str(html_file)]) == 0
    assert '<img class="logo" src="data:image/png;base64,' in html_file.read_text(encoding="utf-8")
    (tmp_path / "school" / "logo.png").unlink()
    assert main(["export", *data, "--for", "parents", "--format", "html", "-o", str(html_file)]) == 0
    assert "kan niet gelezen worden; de brief heeft er geen" in capsys.readouterr().err
    assert 'class="logo"' not in html_file.read_text(encoding="utf-8")


def test_the_letter_is_not_json(evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    data, _ = evening
    assert main(["export", *data, "--for", "parents", "--format", "json"]) == 1
    assert "JSON is het verslag voor het team" in capsys.readouterr().err


def read_csv(path: Path, delimiter: str) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())  # a spreadsheet opens the accents right
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_of_answers_and_ratings_for_the_school_has_no_identity(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, tmp_path = evening
    team, parents = tmp_path / "team.csv", tmp_path / "ouders.csv"
    assert main(["export", *data, "--format", "csv", "-o", str(team)]) == 0
    assert (
        main(["export", *data, "--format", "csv", "--for", "parents", "-o", str(parents), "--lang", "en"])
        == 0
    )
    rows = read_csv(team, ";")
    answers = {r["antwoord"]: r for r in rows if r["soort"] == "open"}
    assert answers["Bel ons ook als het goed gaat"]["status"] == "goedgekeurd"
    assert answers["Meneer Jansen belt nooit terug"]["status"] == "wachtend"  # the team keeps the full record
    assert answers['\'=HYPERLINK("http://x")']["rol"] == "ouder"  # a formula stays text
    ratings = [r for r in rows if r["soort"] == "cijfer"]
    assert [r["cijfer"] for r in ratings] == ["2", "4", "5"]  # by value, never in the order phones came in
    assert "Mail me: jan@example.org" in {r["opmerking"] for r in ratings}
    raw = team.read_text(encoding="utf-8") + parents.read_text(encoding="utf-8")
    assert "telefoon-000" not in raw and "device" not in raw
    english = read_csv(parents, ",")
    assert {r["answer"] for r in english if r["kind"] == "open"} == {
        "Bel ons ook als het goed gaat",
        "Doe dit elk jaar!",
        '\'=HYPERLINK("http://x")',
    }
    assert all(r["comment"] == "" for r in english)  # rating comments were never reviewed
    assert {r["question"] for r in english if r["kind"] == "rating"} == {
        "What did you think of this evening?"
    }


def test_the_letter_and_the_record_print_to_pdf(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    data, tmp_path = evening
    letter, record = tmp_path / "brief.pdf", tmp_path / "verslag.pdf"
    assert main(["export", *data, "--for", "parents", "--format", "pdf", "-o", str(letter)]) == 0
    assert main(["export", *data, "--format", "pdf", "-o", str(record), "--lang", "en"]) == 0
    reader = PdfReader(letter)
    text = "".join(page.extract_text() for page in reader.pages)
    assert 1 <= len(reader.pages) <= 2
    assert "Na de ouderavond" in text and "Wat u zei, wat wij doen" in text and "OBS De Driehoek" in text
    assert "Meneer Jansen" not in text
    assert any("/XObject" in str(page.get("/Resources", {})) for page in reader.pages)  # the logo is in it
    assert "What we heard" in "".join(page.extract_text() for page in PdfReader(record).pages)


def run_export(tmp_path: Path, data: list[str], *, preamble: str) -> subprocess.CompletedProcess[str]:
    script = f"{preamble}\nimport sys\nfrom kiosk.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    args = ["export", *data, "--for", "parents", "--format", "pdf", "-o", str(tmp_path / "x.pdf")]
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_without_weasyprint_pdf_gets_a_sentence_not_a_traceback(evening: tuple[list[str], Path]) -> None:
    data, tmp_path = evening
    result = run_export(tmp_path, data, preamble="import sys\nsys.modules['weasyprint'] = None")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "Voor PDF is WeasyPrint nodig, en dat is niet geïnstalleerd: pip install weasyprint" in result.stderr
    )
    assert not (tmp_path / "x.pdf").exists()


def test_without_pango_pdf_names_the_debian_packages(evening: tuple[list[str], Path]) -> None:
    data, tmp_path = evening
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text(
        "raise OSError(\"cannot load library 'libgobject-2.0-0': libgobject-2.0-0: cannot open shared object "
        'file: No such file or directory")\n',
        encoding="utf-8",
    )
    result = run_export(tmp_path, data, preamble=f"import sys\nsys.path.insert(0, {str(fake)!r})")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "kan zijn systeembibliotheken niet laden (cannot load library 'libgobject-2.0-0'" in result.stderr
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in result.stderr


def test_a_pdf_is_not_written_to_a_terminal(evening: tuple[list[str], Path]) -> None:
    data, _ = evening
    script = "import sys\nfrom kiosk.cli import main\nsys.stdout.isatty = lambda: True\nsys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", script, "export", *data, "--format", "pdf"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "schrijf hem naar een bestand met -o" in result.stderr


def test_a_letter_exported_while_a_kiosk_runs_the_evening_is_handed_to_that_kiosk(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.commands import stored_changes
    from kiosk.core.handover import Handover
    from kiosk.core.hold import EveningHold
    from kiosk.core.session import resume_session
    from kiosk.core.store import DB_NAME

    data, tmp_path = evening
    monkeypatch.setattr(stored_changes, "HANDOVER_WAIT", 0.3)  # the "kiosk" below looks only once it is asked
    folder = tmp_path / "data"
    log = open_event_log(folder)
    info = log.sessions()[0]
    running = resume_session(log, info, lambda source, path: load_agenda(Path(path)))
    hold = EveningHold.take(folder, info.id)  # as `kiosk serve` holds the evening it runs
    assert hold is not None
    try:
        before = event_count(data, capsys)
        letter = tmp_path / "brief.md"
        assert main(["export", *data, "--for", "parents", "-o", str(letter), "--lang", "en"]) == 0
        err = capsys.readouterr().err
        assert "the kiosk running this evening remembers it as sent as soon as it can" in err
        assert letter.read_text(encoding="utf-8").startswith("# ")
        assert event_count(data, capsys) == before  # nothing written beside the running kiosk
        handover = Handover(folder / DB_NAME)
        assert handover.take_in(running) == 1  # what the running kiosk does every second
        handover.close()
        assert len(running.state.letters) == 1
        assert event_count(data, capsys) == before + 1
    finally:
        hold.release()
        log.close()


def test_exports_are_private_to_their_owner_like_the_database(
    evening: tuple[list[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, tmp_path = evening
    for audience, name in (("team", "verslag.md"), ("parents", "brief.html")):
        target = tmp_path / name
        target.write_text("older export, readable by all")
        target.chmod(0o644)
        assert (
            main(["export", *data, "--for", audience, "--format", target.suffix[1:], "-o", str(target)]) == 0
        )
        assert target.stat().st_mode & 0o777 == 0o600, name
