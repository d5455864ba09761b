"""End to end in headless chromium: sign in, create a case from the example case file, edit it with a
mistake shown beside its field, check the YAML, read the audit trail, switch to French, export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ADMIN_PASSWORD, CHROMIUM, CHROMIUM_ARGS, ROOT, Server

playwright_sync = pytest.importorskip("playwright.sync_api")
EXAMPLE = ROOT / "examples" / "ablyazov" / "case.yaml"


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[playwright_sync.Page]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


def test_sign_in(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases")
    assert "/login" in page.url
    page.screenshot(path=str(screenshots / "01-login.png"), full_page=True)
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/cases")
    assert page.get_by_role("heading", name="Cases").is_visible()


def test_skip_link_is_first_in_focus_order(server: Server, page: playwright_sync.Page) -> None:
    page.goto(f"{server.url}/cases")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"


def test_create_a_case_from_the_example_file(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases")
    page.get_by_label("Case file (YAML)").set_input_files(str(EXAMPLE))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url(f"{server.url}/cases/ablyazov?flash=created")
    assert page.get_by_text("Case created.").is_visible()
    assert page.get_by_role("heading", name="Extradition of Mukhtar Ablyazov from France").is_visible()
    page.screenshot(path=str(screenshots / "02-case.png"), full_page=True)
    page.goto(f"{server.url}/cases")
    page.screenshot(path=str(screenshots / "03-case-list.png"), full_page=True)


def test_a_mistake_is_shown_beside_its_field(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/edit")
    page.get_by_label("Custodial state").fill("FRA")
    page.get_by_role("button", name="Save").click()
    error = page.locator("#e-custodial_state")
    assert error.is_visible()
    assert "FRA" in error.inner_text()
    assert page.get_by_label("Custodial state").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(screenshots / "04-edit-error.png"), full_page=True)
    page.get_by_label("Custodial state").fill("FR")
    page.get_by_label("Title").fill("Extradition of Mukhtar Ablyazov from France (edited)")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{server.url}/cases/ablyazov?flash=updated")
    assert page.get_by_text("Case saved.").is_visible()


def test_yaml_editor_checks_in_place(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/yaml")
    editor = page.get_by_label("The whole case file (YAML)")
    editor.fill(re.sub(r"^as_of: .*$", "as_of: 2015-05-32", editor.input_value(), flags=re.MULTILINE))
    page.get_by_role("button", name="Check").click()
    problems = page.locator("#problems")
    problems.locator("li.problem").first.wait_for()
    assert "as_of" in problems.inner_text()
    page.screenshot(path=str(screenshots / "05-yaml-check.png"), full_page=True)
    page.screenshot(path=str(screenshots / "05-yaml-check.png"), full_page=True)


def test_audit_trail_and_french(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/admin/audit")
    assert page.get_by_text("The chain of hashes is intact").is_visible()
    page.screenshot(path=str(screenshots / "06-audit.png"), full_page=True)
    page.get_by_role("link", name="Français").click()
    page.goto(f"{server.url}/cases/ablyazov")
    assert page.get_by_role("heading", name="Demandes d'extradition").is_visible()
    page.screenshot(path=str(screenshots / "07-case-fr.png"), full_page=True)
    page.get_by_role("link", name="English").click()


def test_search_evidence_and_attach_a_hit(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/evidence")
    page.get_by_label("Search the documents").fill('"asylum seekers"')
    page.get_by_role("button", name="Search").click()
    first = page.locator("li.hit").first
    assert first.locator("mark").first.inner_text().lower() == "asylum seekers"
    first.get_by_label("Why it matters (optional)").fill("returns of asylum seekers from Ukraine")
    first.get_by_role("button", name="Attach to the case").click()
    assert page.get_by_text("Passage attached to the case.").is_visible()
    page.screenshot(path=str(screenshots / "08-evidence.png"), full_page=True)


def test_accept_a_proposed_incident(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/review")
    proposals = page.locator("article.proposal")
    count = proposals.count()
    assert count >= 1
    page.screenshot(path=str(screenshots / "09-review.png"), full_page=True)
    proposals.first.get_by_role("button", name="Accept").click()
    assert page.get_by_text("Decision recorded").is_visible()
    assert page.locator("article.proposal").count() == count - 1


def test_assess_and_see_the_chain_graph(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/assessment", timeout=120_000)
    graph = page.locator("figure.graph svg").first
    assert graph.is_visible()
    assert graph.locator("rect[fill='#fbe0e0']").count() == 1  # the persecuting state, highlighted
    assert page.locator("figure.map svg").is_visible()
    page.screenshot(path=str(screenshots / "10-assessment.png"))
    edge = graph.locator("a").first
    target = edge.get_attribute("href")
    assert target is not None
    edge.locator("text").click()  # the arrow's probability label is part of the link
    assert page.locator(target).is_visible()
    assert page.locator(f"{target} .edge-body").is_visible()
    assert page.url.endswith(target)
    page.screenshot(path=str(screenshots / "12-edge-evidence.png"))


def test_download_the_letter_as_docx(
    server: Server, page: playwright_sync.Page, screenshots: Path, tmp_path: Path
) -> None:
    page.goto(f"{server.url}/cases/ablyazov/draft", timeout=120_000)
    assert page.locator("iframe").is_visible()
    page.screenshot(path=str(screenshots / "11-drafting.png"), full_page=True)
    with page.expect_download(timeout=120_000) as download_info:
        page.get_by_role("link", name="Word (DOCX)").click()
    download = download_info.value
    assert download.suggested_filename == "ablyazov-open_letter-en.docx"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.read_bytes()[:2] == b"PK"


def test_export_downloads_the_case_file(server: Server, page: playwright_sync.Page, tmp_path: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export YAML").click()
    target = tmp_path / "export.yaml"
    download_info.value.save_as(target)
    assert "custodial_state: FR" in target.read_text(encoding="utf-8")
