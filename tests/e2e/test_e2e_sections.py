"""End to end in headless chromium: add an assurance to a case through its form, see a bad date refused
beside its field, correct it, save, and find the assurance on the case page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Server, admin_page

playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[playwright_sync.Page]:
    """A signed-in browser on a server holding the example case."""
    with admin_page(server, with_example=True) as page:
        yield page


def test_add_an_assurance_with_a_date_corrected(server: Server, page: playwright_sync.Page, screenshots: Path) -> None:
    page.goto(f"{server.url}/cases/ablyazov/edit")
    page.locator("#sec-requests").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "20-case-sections.png"), full_page=True)
    page.get_by_role("link", name="Add an assurance").click()
    page.wait_for_url(f"{server.url}/cases/ablyazov/edit/assurances/new")
    page.get_by_label(re.compile(r"^Id\b")).fill("ua-no-onward-transfer")
    page.get_by_label("Giving state").fill("UA")
    page.get_by_label(re.compile(r"^Date\b")).fill("2014-02-30")
    page.get_by_label("Promise 1").select_option("no_onward_transfer")
    page.get_by_label("Wording 1").fill("no surrender to a third state")
    page.get_by_label("Source 1").select_option("hrw-2015-05-18")
    page.get_by_role("button", name="Save").click()

    error = page.locator("#e-date")
    assert error.is_visible()
    assert "has no day 30" in error.inner_text()
    assert page.get_by_label(re.compile(r"^Date\b")).get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Wording 1").input_value() == "no surrender to a third state"  # input kept
    page.screenshot(path=str(screenshots / "21-assurance-date-error.png"), full_page=True)

    page.get_by_label(re.compile(r"^Date\b")).fill("2014-02")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{server.url}/cases/ablyazov?flash=updated#h-assurances")
    assert page.get_by_text("Case saved.").is_visible()
    row = page.locator("tr", has_text="ua-no-onward-transfer")
    assert row.is_visible()
    assert "no surrender to a third state" in row.inner_text()
    assert "2014-02" in row.inner_text()
    page.screenshot(path=str(screenshots / "22-assurance-added.png"), full_page=True)
