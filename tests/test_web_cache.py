"""Assessments and drafts are computed once per state of what they depend on, and never served stale.

Calls to the engine, the drafter and the renderer are counted through the names ``onward.web.analysis``
calls them by; each part of the key is changed in turn (the case, the knowledge base, the date, the
document's type, language and format) and must give a fresh result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from onward.evidence import review
from onward.evidence.ingest import ingest
from onward.evidence.proposals import run_extraction
from onward.store import Store
from onward.store import kb as kb_store
from onward.web import analysis
from onward.web.cache import ResultCache
from tests.evidencehelpers import copy_fixture, returns_from_ukraine
from tests.webhelpers import Web, import_example, make_web

ASSESSMENT = "/cases/ablyazov/assessment"


class Calls:
    """How many times each counted function ran."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.counts[name] = self.counts.get(name, 0) + 1
            return function(*args, **kwargs)

        return counted

    def __getitem__(self, name: str) -> int:
        return self.counts.get(name, 0)


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    import_example(web)
    return web


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    calls = Calls()
    for name in ("assess", "draft", "render"):
        monkeypatch.setattr(analysis, name, calls.wrap(name, getattr(analysis, name)))
    return calls


def _edit_title(web: Web, title: str) -> None:
    body = web.api("editor").get("/api/cases/ablyazov").json()
    body["case"]["title"] = title
    assert web.api("editor").put("/api/cases/ablyazov", json=body).status_code == 200


def _revision(store: Store) -> str:
    with store.read() as connection:
        return kb_store.revision(connection)


def test_the_cache_keeps_the_most_recently_used_entries() -> None:
    cache = ResultCache(max_entries=2)
    computed: list[str] = []

    def compute(key: str) -> Callable[[], str]:
        def run() -> str:
            computed.append(key)
            return key.upper()

        return run

    assert cache.get_or_compute("a", compute("a")) == "A"
    assert cache.get_or_compute("b", compute("b")) == "B"
    assert cache.get_or_compute("a", compute("a")) == "A"  # kept; now the most recent
    assert cache.get_or_compute("c", compute("c")) == "C"  # "b" goes
    assert cache.get_or_compute("a", compute("a")) == "A"
    assert cache.get_or_compute("b", compute("b")) == "B"
    assert computed == ["a", "b", "c", "b"]
    assert len(cache) == 2
    with pytest.raises(ValueError, match="at least one entry"):
        ResultCache(max_entries=0)


def test_a_second_view_does_not_assess_again(web: Web, calls: Calls) -> None:
    viewer = web.browser("viewer")
    first = viewer.get(ASSESSMENT)
    assert first.status_code == 200
    assert calls["assess"] == 1
    again = viewer.get(ASSESSMENT)
    assert again.status_code == 200
    assert calls["assess"] == 1
    api = web.api("viewer").get("/api/cases/ablyazov/assessment")  # the same key: the same result
    assert api.status_code == 200
    assert calls["assess"] == 1
    assert web.api("viewer").get("/api/cases/ablyazov/assessment", params={"hops": 2}).status_code == 200
    assert calls["assess"] == 2


def test_another_date_is_assessed_afresh(web: Web, calls: Calls) -> None:
    api = web.api("viewer")
    at_case_date = api.get("/api/cases/ablyazov/assessment").json()
    earlier = api.get("/api/cases/ablyazov/assessment", params={"as_of": "2014-01-01"}).json()
    assert calls["assess"] == 2
    assert earlier["as_of"] == "2014-01-01"
    assert earlier["as_of"] != at_case_date["as_of"]
    assert api.get("/api/cases/ablyazov/assessment", params={"as_of": "2014-01-01"}).json() == earlier
    assert calls["assess"] == 2


def test_an_edited_case_is_assessed_and_drafted_afresh(web: Web, calls: Calls) -> None:
    viewer = web.browser("viewer")
    assert viewer.get(ASSESSMENT).status_code == 200
    assert viewer.get("/cases/ablyazov/draft/open_letter.md").status_code == 200
    assert (calls["assess"], calls["draft"]) == (1, 1)
    _edit_title(web, "A title changed after the first view")
    assert viewer.get(ASSESSMENT).status_code == 200
    assert calls["assess"] == 2
    assert viewer.get("/cases/ablyazov/draft/open_letter.md").status_code == 200
    assert (calls["assess"], calls["draft"]) == (2, 2)  # the draft reused the fresh assessment
    as_of = web.api("editor").get("/api/cases/ablyazov").json()
    as_of["case"]["as_of"] = "2016-01-31"
    assert web.api("editor").put("/api/cases/ablyazov", json=as_of).status_code == 200
    result = web.api("viewer").get("/api/cases/ablyazov/assessment").json()
    assert result["as_of"] == "2016-01-31"
    assert calls["assess"] == 3


def test_a_review_decision_that_adds_statements_gives_fresh_results(
    web: Web, calls: Calls, store: Store, tmp_path: Path
) -> None:
    viewer = web.browser("viewer")
    assert viewer.get(ASSESSMENT).status_code == 200
    ingest(store, [copy_fixture("letter.txt", tmp_path)], actor="researcher")
    (proposal_id,) = run_extraction(store, returns_from_ukraine, actor="researcher").new_ids
    before = _revision(store)
    assert _revision(store) == before  # reading changes nothing
    assert viewer.get(ASSESSMENT).status_code == 200
    assert calls["assess"] == 1  # evidence ingested and queued: the knowledge base has not moved
    editor = web.browser("editor")
    accepted = editor.post(f"/review/{proposal_id}/accept", data={"csrf_token": web.csrf("editor")})
    assert accepted.status_code == 303
    assert _revision(store) != before
    assert viewer.get(ASSESSMENT).status_code == 200
    assert calls["assess"] == 2


def test_a_rejected_proposal_leaves_the_results_cached(web: Web, calls: Calls, store: Store, tmp_path: Path) -> None:
    ingest(store, [copy_fixture("letter.txt", tmp_path)], actor="researcher")
    (proposal_id,) = run_extraction(store, returns_from_ukraine, actor="researcher").new_ids
    assert web.browser("viewer").get(ASSESSMENT).status_code == 200
    review.reject(store, proposal_id, actor="editor", reason="not a transfer")
    assert web.browser("viewer").get(ASSESSMENT).status_code == 200
    assert calls["assess"] == 1


def _without_csrf(html: str) -> str:
    html = re.sub(r'"X-CSRF-Token": "[^"]*"', '"X-CSRF-Token": ""', html)
    return re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token" value=""', html)


def test_drafts_are_kept_per_type_language_and_format(web: Web, calls: Calls) -> None:
    viewer = web.browser("viewer")
    page = viewer.get("/cases/ablyazov/draft")
    assert page.status_code == 200
    assert (calls["assess"], calls["draft"], calls["render"]) == (1, 1, 1)  # the preview is the html render
    # The page's CSRF token is signed with the second it was issued: compare everything else.
    assert _without_csrf(viewer.get("/cases/ablyazov/draft").text) == _without_csrf(page.text)
    assert (calls["draft"], calls["render"]) == (1, 1)
    markdown = viewer.get("/cases/ablyazov/draft/open_letter.md")
    assert viewer.get("/cases/ablyazov/draft/open_letter.md").content == markdown.content
    assert (calls["draft"], calls["render"]) == (1, 2)
    french = viewer.get("/cases/ablyazov/draft/open_letter.md", params={"lang": "fr"})
    assert french.content != markdown.content
    assert (calls["draft"], calls["render"]) == (2, 3)
    brief = viewer.get("/cases/ablyazov/draft/brief.md")
    assert brief.content != markdown.content
    assert (calls["assess"], calls["draft"], calls["render"]) == (1, 3, 4)
