"""The documents page: the list of ingested documents and the upload that ingests one, with provenance,
proposes its transfers for review if asked, and refuses wrong formats, sizes and provenance beside the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.store import Store, evidence_review, web_audit
from onward.store import evidence as evidence_store
from tests.evidencehelpers import FIXTURES
from tests.webhelpers import Web, make_web

LETTER = (FIXTURES / "letter.txt").read_bytes()


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path, max_upload_bytes=50_000)


def _upload(web: Web, name: str, data: bytes, who: str = "editor", **fields: str) -> tuple[int, str]:
    form = {"csrf_token": web.csrf(who), **fields}
    response = web.browser(who).post("/documents", data=form, files={"file": (name, data, "text/plain")})
    return response.status_code, response.headers.get("location", response.text)


def test_an_upload_is_ingested_with_its_provenance_and_its_transfers_proposed(web: Web) -> None:
    status, location = _upload(
        web, "letter.txt", LETTER, title="A letter", publisher="An NGO", date="2015-03", verification="partial"
    )
    assert status == 303
    (document,) = evidence_store.list_documents(web.store)
    assert (document.title, document.publisher, document.date, document.verification) == (
        "A letter",
        "An NGO",
        "2015-03",
        "partial",
    )
    assert location == "/documents?flash=added-1-0"  # not asked to propose anything
    assert evidence_review.list_proposals(web.store, status="pending", limit=10) == []
    page = web.browser("viewer").get(f"/documents?flash={location.split('=')[1]}").text
    assert "Document added" in page
    assert document.id in page

    status, location = _upload(web, "letter.txt", LETTER, extract="yes")  # the same bytes: nothing changes
    assert location == "/documents?flash=unchanged-0-0"
    assert len(evidence_store.list_documents(web.store)) == 1
    actions = [entry.action for entry in web_audit.entries(web.store, actor="editor")]
    assert actions.count("document.ingest") == 2


def test_asked_to_the_extractor_proposes_the_transfers_for_review(web: Web) -> None:
    status, location = _upload(web, "letter.txt", LETTER, extract="yes")
    assert status == 303
    proposals = evidence_review.list_proposals(web.store, status="pending", limit=100)
    assert proposals
    assert location == f"/documents?flash=added-1-{len(proposals)}"
    page = web.browser("editor").get(location).text
    assert 'incidents proposed for review: <a href="/review">' in page


def test_wrong_format_size_and_provenance_are_explained_beside_their_fields(web: Web) -> None:
    status, html = _upload(web, "photo.tiff", b"II*\x00")
    assert status == 415
    assert "not a format Onward reads" in html
    assert 'aria-describedby="e-file"' in html
    status, html = _upload(web, "big.txt", b"word " * 20_000)
    assert status == 413
    assert "larger than the limit" in html
    status, html = _upload(web, "letter.txt", LETTER, date="2015-02-30", country="KAZ", title="kept")
    assert status == 422
    assert 'id="e-date"' in html
    assert 'id="e-country"' in html
    assert 'value="kept"' in html  # what the reader typed stays in the form
    status, html = _upload(web, "empty.md", b"  \n\n")
    assert status == 422
    assert "empty.md: no text found" in html
    assert evidence_store.list_documents(web.store) == []


def test_viewers_see_the_list_but_cannot_upload(web: Web) -> None:
    page = web.browser("viewer").get("/documents").text
    assert "No document has been ingested yet." in page
    assert 'action="/documents"' not in page
    status, _ = _upload(web, "letter.txt", LETTER, who="viewer")
    assert status == 403
    assert evidence_store.list_documents(web.store) == []
