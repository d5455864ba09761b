"""The knowledge base's incidents and judgments found by the same queries as the passages (fictional fixtures)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from onward.evidence.knowledge_search import search_knowledge
from onward.evidence.query import matches, parse_query
from onward.evidence.text import query_words
from onward.kb.view import KnowledgeView
from onward.store import Store
from tests.clihelpers import run_cli
from tests.kbhelpers import fact, load, source

INCIDENT = "incident:fixture-ua-uz"
JUDGMENT = "judgment:99999/99"


def _load(store: Store) -> None:
    sources = [source("fixture-report", "2010-05"), source("fixture-judgment", "2014-03-01")]
    statements = [
        fact(INCIDENT, "kind", "deportation", "fixture-report"),
        fact(INCIDENT, "from_state", "UA", "fixture-report"),
        fact(INCIDENT, "to_state", "UZ", "fixture-report"),
        fact(INCIDENT, "date", "2009-02", "fixture-report"),
        fact(INCIDENT, "description", "Ten asylum seekers were sent back by bus (fictional).", "fixture-report"),
        fact(JUDGMENT, "case_name", "Fixture v. Ruritania (fictional)", "fixture-judgment"),
        fact(JUDGMENT, "respondent", "RU", "fixture-judgment"),
        fact(JUDGMENT, "destination", "TJ", "fixture-judgment"),
        fact(JUDGMENT, "judgment_date", "2014-03-01", "fixture-judgment"),
        fact(JUDGMENT, "removal", "extradition", "fixture-judgment"),
    ]
    load(store, sources, statements)


def test_incidents_and_judgments_match_the_query_language(store: Store) -> None:
    _load(store)
    view = KnowledgeView(store, as_of=dt.date(2020, 1, 1))
    assert [h.id for h in search_knowledge(view, "deported Uzbekistan")] == ["fixture-ua-uz"]
    assert [h.id for h in search_knowledge(view, '"asylum seekers" ukraine')] == ["fixture-ua-uz"]
    assert [h.id for h in search_knowledge(view, "extradited Tajikistan")] == ["99999/99"]
    assert search_knowledge(view, "deported NOT Uzbekistan") == []
    assert [h.kind for h in search_knowledge(view, "Ukraine OR Tajikistan")] == ["incident", "judgment"]
    assert [h.id for h in search_knowledge(view, "Tajikistan", countries=["UA"])] == []
    hit = search_knowledge(view, "Tajikistan")[0]
    assert hit.title == "Fixture v. Ruritania (fictional)"
    assert hit.sources == ("fixture-judgment",)


def test_nothing_published_after_the_date_is_found(store: Store) -> None:
    _load(store)
    assert search_knowledge(KnowledgeView(store, as_of=dt.date(2012, 1, 1)), "Tajikistan") == []


def test_the_cli_lists_knowledge_beside_passages(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from onward.store import open_store

    store = open_store(store_url)
    _load(store)
    store.close()
    result = run_cli(capsys, "--database-url", store_url, "search", "deported", "--format", "json")
    assert result.code == 0, result.err
    body = json.loads(result.out)
    assert [k["id"] for k in body["knowledge"]] == ["fixture-ua-uz"]


def test_matches_is_the_query_language() -> None:
    words = query_words("Russia extradited two asylum seekers to Uzbekistan")
    assert matches(parse_query("extradition uzbekistan"), words)
    assert matches(parse_query('"asylum seekers" NOT kazakhstan'), words)
    assert not matches(parse_query('"extradition"'), words)
    assert not matches(parse_query("extradited -russia"), words)
