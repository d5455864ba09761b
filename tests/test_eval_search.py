"""``onward eval search``: nDCG@10 on judged queries, before and after word forms, on a fictional corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.eval.search import JudgedQuery, evaluate_search, load_corpus, ndcg_at, read_judged
from onward.store import Store
from tests.clihelpers import run_cli

PASSAGES = [
    ("g1", "AA", "Fictional Ruritania extradited a blogger to Freedonia in 2019."),
    ("g2", "AA", "Fictional Ruritania handed over two students to Freedonia."),
    ("g3", "BB", "The fictional harvest of 2019 was poor."),
]


def _gold(folder: Path) -> Path:
    path = folder / "gold.jsonl"
    lines = [
        {"passage_id": pid, "year": 2019, "iso2c": "FR", "country": "Fiction", "text": text, "incidents": []}
        for pid, _, text in PASSAGES
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_ndcg_at_ten() -> None:
    assert ndcg_at(["a", "b"], frozenset({"a"})) == 1.0
    assert ndcg_at(["b", "a"], frozenset({"a"})) == pytest.approx(1 / 1.584962500721156)
    assert ndcg_at([], frozenset({"a"})) == 0.0


def test_word_forms_find_what_the_words_as_written_miss(store: Store, tmp_path: Path) -> None:
    load_corpus(store, _gold(tmp_path))
    judged = [JudgedQuery("q1", "extradition Freedonia", frozenset({"g1", "g2"}))]
    before = evaluate_search(store, judged, expand=False)
    after = evaluate_search(store, judged, expand=True)
    assert before.ndcg == 0.0
    assert after.ndcg == 1.0


def test_bad_query_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "queries.jsonl"
    path.write_text('{"id": "q1", "query": "x", "relevant": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"queries.jsonl:2"):
        read_judged(path)


def test_cli_prints_both_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"id": "q1", "query": "extradition", "relevant": ["g1", "g2"]}) + "\n")
    result = run_cli(capsys, "eval", "search", str(_gold(tmp_path)), "--queries", str(queries), "--format", "json")
    assert result.code == 0, result.err
    body = json.loads(result.out)
    assert body["sqlite"]["before"]["ndcg@10"] == 0.0
    assert body["sqlite"]["after"]["ndcg@10"] == 1.0
