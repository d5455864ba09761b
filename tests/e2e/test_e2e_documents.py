"""End to end in headless chromium: upload a document with its provenance from the Documents page, ask for
its transfers to be proposed, and find them waiting in the review queue."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Server, admin_page

playwright_sync = pytest.importorskip("playwright.sync_api")
LETTER = ROOT / "tests" / "fixtures" / "evidence" / "letter.txt"


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[playwright_sync.Page]:
    with admin_page(server) as page:
        yield page


def test_upload_a_document_and_review_what_it_describes(
    server: Server, page: playwright_sync.Page, screenshots: Path, tmp_path: Path
) -> None:
    # The fixture letter with a line of its own, so that it is a new document whatever ran before.
    upload = tmp_path / "letter-upload.txt"
    upload.write_text(LETTER.read_text(encoding="utf-8") + f"\nUpload test {uuid.uuid4().hex}.\n", encoding="utf-8")
    page.get_by_role("link", name="Documents").click()
    page.wait_for_url(f"{server.url}/documents")
    page.get_by_label(re.compile(r"^File\b")).set_input_files(str(upload))
    page.get_by_label(re.compile(r"^Date\b")).fill("2015-13")
    page.get_by_role("button", name="Add", exact=True).click()
    assert page.locator("#e-date").is_visible()  # a month 13 is refused beside the field
    assert page.get_by_label(re.compile(r"^Date\b")).get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(screenshots / "50-documents-error.png"), full_page=True)

    page.get_by_label(re.compile(r"^File\b")).set_input_files(str(upload))  # a browser never keeps a file
    page.get_by_label(re.compile(r"^Title\b")).fill("Letter on transfers (test fixture)")
    page.get_by_label(re.compile(r"^Date\b")).fill("2015-03")
    page.get_by_label("Propose the transfers it describes for review").check()
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(re.compile(r".*/documents\?flash=added-1-[1-9]\d*$"))
    page.screenshot(path=str(screenshots / "51-documents.png"), full_page=True)
    assert page.get_by_role("cell", name="Letter on transfers (test fixture)").first.is_visible()
    page.get_by_role("link", name=re.compile(r"^[1-9]\d*$")).click()
    page.wait_for_url(f"{server.url}/review")
    assert page.get_by_text("Letter on transfers (test fixture)").first.is_visible()
