"""`kiosk bench --names`: a corpus in every page language with parts held out from tuning, a table per language,
and one script that measures this checkout (or an older one) the same way."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from kiosk.bench.names import HELD_OUT, LANGS, Sentence, load_corpus, table_lines, targets_met
from kiosk.bench.names_run import run_checkout, this_checkout


def test_the_corpus_has_forty_sentences_per_language_half_of_them_clean_and_a_held_out_part() -> None:
    corpus = load_corpus()
    for lang in LANGS:
        mine = [s for s in corpus if s.lang == lang]
        personal = sum(s.personal for s in mine)
        assert len(mine) >= 40 and personal >= 20 and len(mine) - personal >= 20, lang
        held_out = Counter((s.personal, s.part) for s in mine if s.part in HELD_OUT)
        assert all(held_out[(label, part)] >= 8 for label in (True, False) for part in HELD_OUT), lang
    assert len({s.text for s in corpus}) == len(corpus), "a sentence twice"


def test_the_table_has_a_row_per_language_and_the_targets_name_what_is_missed() -> None:
    corpus = [
        Sentence(part, personal, lang, "made up", f"{lang} {part} {personal} {n}")
        for lang in LANGS
        for part in ("A", "B", "C")
        for personal in (True, False)
        for n in range(2)
    ]
    held = [s.personal or s.lang == "tr" for s in corpus]  # everything with a name; Turkish clean ones too
    run = {"full": ["name" if h else None for h in held], "rules": ["name" if h else None for h in held]}
    lines = table_lines(corpus, {"before": run, "after": run}, "full")
    assert [line.split()[0] for line in lines[2:]] == [*LANGS, "all"]
    cells = lines[4].split("%")  # tr: held out and tuned, personal and clean, before and after: all held
    assert [c.split()[-2] for c in cells[:-1]] == ["4/4", "4/4", "4/4", "4/4", "2/2", "2/2", "2/2", "2/2"]
    assert targets_met(corpus, run) == ["tr: full check holds 100% of clean answers (<= 5%)"]


def test_the_bench_script_measures_a_checkout_in_a_process_of_its_own() -> None:
    rows = [asdict(s) for s in load_corpus() if s.part == "A"][:8]
    result = run_checkout(this_checkout(), rows, rate=200.0, seconds=0, rounds=1)
    assert len(result["rules"]) == len(result["full"]) == len(rows)
    assert result["full"][0] == "name"  # "Mijn naam is Fatima de Jong ..."
    assert result["detect_ms"]["p50"] > 0 and "send_phase" not in result
