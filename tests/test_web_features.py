"""The pages over the other libraries: evidence search and attach, the review queue, the
knowledge-base browser, the assessment with its chain graph and tile map, and drafting downloads.

Documents come from the evidence tests' own fixture letter; proposals from the real extractor.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from onward.evidence.extract import extract_incidents
from onward.evidence.ingest import ingest
from onward.evidence.proposals import run_extraction
from onward.store import Store, evidence_review, web_audit
from tests.webhelpers import Web, import_example, make_web

LETTER = Path(__file__).parent / "fixtures" / "evidence" / "letter.txt"


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    import_example(web)
    shutil.copyfile(LETTER, tmp_path / "letter.txt")
    ingest(store, [tmp_path / "letter.txt"], actor="researcher")
    return web


def test_search_highlights_matches_and_attaches_a_hit(web: Web) -> None:
    browser = web.browser("editor")
    page = browser.get("/cases/ablyazov/evidence", params={"q": "asylum seekers", "country": "", "years": ""})
    assert page.status_code == 200
    assert "<mark>asylum</mark>" in page.text
    passage = re.search(r'name="passage_id" value="([^"]+)"', page.text)
    assert passage is not None
    data = {"csrf_token": web.csrf("editor"), "passage_id": passage.group(1), "note": "returns of asylum seekers"}
    attached = browser.post("/cases/ablyazov/evidence/attach", data=data)
    assert attached.status_code == 303
    links = evidence_review.links(web.store, kind="case", target="ablyazov")
    assert [(link.passage_id, link.actor) for link in links] == [(passage.group(1), "editor")]
    assert web_audit.entries(web.store, case_id="ablyazov")[0].action == "case.attach"
    again = browser.post("/cases/ablyazov/evidence/attach", data=data)
    assert again.headers["location"].endswith("flash=already")


def test_search_mistakes_are_shown_beside_their_fields(web: Web) -> None:
    page = web.browser("viewer").get("/cases/ablyazov/evidence", params={"q": "NOT Russia", "years": "20x"})
    assert page.status_code == 422
    assert 'id="e-years"' in page.text
    assert web.browser("viewer").get("/cases/ablyazov/evidence", params={"q": "NOT Russia"}).status_code == 422
    assert "Attach to the case" not in web.browser("viewer").get("/cases/ablyazov/evidence?q=asylum").text


def test_review_queue_accepts_and_rejects(web: Web) -> None:
    report = run_extraction(web.store, extract_incidents, actor="researcher")
    assert report.new_ids
    first, *rest = report.new_ids
    queue = web.browser("viewer").get("/review")
    assert f"#{first}" in queue.text
    assert "Accept" not in queue.text
    refused = web.browser("viewer").post(f"/review/{first}/accept", data={"csrf_token": web.csrf("viewer")})
    assert refused.status_code == 403
    editor = web.browser("editor")
    accepted = editor.post(f"/review/{first}/accept", data={"csrf_token": web.csrf("editor")})
    assert accepted.status_code == 303
    assert evidence_review.get_proposal(web.store, first).status == "accepted"
    assert web_audit.entries(web.store)[0].action == "review.accept"
    if rest:
        data = {"csrf_token": web.csrf("editor"), "reason": "not a transfer"}
        assert editor.post(f"/review/{rest[0]}/reject", data=data).status_code == 303
        assert evidence_review.get_proposal(web.store, rest[0]).status == "rejected"
    assert editor.post(f"/review/{first}/accept", data={"csrf_token": web.csrf("editor")}).status_code in (409, 422)


def test_knowledge_base_browser_validates_its_inputs(web: Web) -> None:
    browser = web.browser("viewer")
    assert browser.get("/kb").status_code == 200
    page = browser.get("/kb", params={"state": "KZ", "as_of": "2015-05-18"})
    assert page.status_code == 200
    assert "Kazakhstan (KZ)" in page.text
    bad = browser.get("/kb", params={"state": "KAZ", "as_of": "2015-13-01"})
    assert bad.status_code == 422
    assert 'id="e-kb-state"' in bad.text
    assert 'id="e-kb-as-of"' in bad.text


def test_assessment_page_draws_the_chain_graph_and_the_tile_map(web: Web) -> None:
    page = web.browser("viewer").get("/cases/ablyazov/assessment")
    assert page.status_code == 200
    assert page.text.count('<svg xmlns="http://www.w3.org/2000/svg"') >= 3  # the map and one graph per destination
    assert "Removal to" in page.text
    assert "Tile map" in page.text
    assert 'fill="#fbe0e0"' in page.text  # the persecuting state is highlighted
    for anchor in re.findall(r'<a href="#(edge-[A-Z]{2}-[A-Z]{2}-[A-Z]{2})"', page.text):
        assert f'id="{anchor}"' in page.text
    bad = web.browser("viewer").get("/cases/ablyazov/assessment", params={"as_of": "2015-02-30"})
    assert bad.status_code == 422
    assert 'id="as-of-error"' in bad.text


def test_drafting_previews_and_downloads_every_format(web: Web) -> None:
    browser = web.browser("viewer")
    page = browser.get("/cases/ablyazov/draft")
    assert page.status_code == 200
    assert "<iframe" in page.text
    assert 'sandbox=""' in page.text
    docx = browser.get("/cases/ablyazov/draft/open_letter.docx")
    assert docx.status_code == 200
    assert docx.content[:2] == b"PK"
    assert 'filename="ablyazov-open_letter-en.docx"' in docx.headers["content-disposition"]
    assert browser.get("/cases/ablyazov/draft/brief.md?lang=fr").status_code == 200
    assert browser.get("/cases/ablyazov/draft/open_letter.exe").status_code == 404
    assert browser.get("/cases/ablyazov/draft/poem.md").status_code == 404
    exports = [e for e in web_audit.entries(web.store, case_id="ablyazov") if e.action == "case.export"]
    assert {e.detail["format"] for e in exports} == {"docx", "md"}


def test_assessment_api_returns_the_engine_result(web: Web) -> None:
    response = web.api("viewer").get("/api/cases/ablyazov/assessment", params={"hops": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["case"] == "ablyazov"
    assert body["hops"] == 2
    assert {d["state"] for d in body["destinations"]} == {"RU", "UA"}
    bad = web.api("viewer").get("/api/cases/ablyazov/assessment", params={"as_of": "2015-13"})
    assert bad.status_code == 422
    assert "as_of" in bad.json()["message"]
    assert web.api("outsider").get("/api/cases/ablyazov/assessment").status_code == 404
