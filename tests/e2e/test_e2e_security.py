"""End to end in headless chromium: a `javascript:` source address is refused beside its field and
never becomes a live link; the Content-Security-Policy stops script injected into a page, whether
an inline <script> or a `javascript:` link slipped into the markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Server, admin_page

playwright_sync = pytest.importorskip("playwright.sync_api")

HOSTILE = "javascript:fetch('/api/users').then(r => r.text()).then(t => document.title = t)"


@pytest.fixture(scope="module")
def page(server: Server) -> Iterator[playwright_sync.Page]:
    with admin_page(server, with_example=True) as page:
        yield page


def test_a_script_address_for_a_source_is_refused_and_never_a_link(
    server: Server, page: playwright_sync.Page, screenshots: Path
) -> None:
    page.goto(f"{server.url}/cases/ablyazov/edit/sources/0")
    page.get_by_label("URL").fill(HOSTILE)
    page.get_by_role("button", name="Save").click()
    error = page.locator("#e-url")
    assert error.is_visible()
    assert "http:// or https://" in error.inner_text()
    page.screenshot(path=str(screenshots / "60-script-url-refused.png"), full_page=True)
    page.goto(f"{server.url}/cases/ablyazov")
    assert page.locator("a[href^='javascript' i]").count() == 0
    page.goto(f"{server.url}/cases/ablyazov/edit/sources/0")
    page.get_by_label("URL").fill("https://example.org/letter")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"{server.url}/cases/ablyazov?flash=*")
    assert page.locator("a[href='https://example.org/letter']").count() == 1  # a web address stays a link
    assert page.locator("a[href^='javascript' i]").count() == 0


def test_the_policy_blocks_script_injected_into_a_page(server: Server, page: playwright_sync.Page) -> None:
    page.goto(f"{server.url}/cases/ablyazov")
    outcome = page.evaluate(
        """() => new Promise(resolve => {
            const violations = [];
            document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));
            const script = document.createElement('script');
            script.textContent = 'window.__injected = true';
            document.body.appendChild(script);
            const link = document.createElement('a');
            link.href = 'javascript:window.__clicked = true';
            link.textContent = 'source';
            document.body.appendChild(link);
            link.click();
            setTimeout(() => resolve({
                injected: window.__injected === true,
                clicked: window.__clicked === true,
                violations,
            }), 500);
        })"""
    )
    assert outcome["injected"] is False
    assert outcome["clicked"] is False
    assert any(v.startswith("script-src") for v in outcome["violations"]), outcome


def test_the_delete_confirmation_still_asks_without_inline_script(server: Server, page: playwright_sync.Page) -> None:
    page.goto(f"{server.url}/cases/ablyazov")
    asked: list[str] = []

    def decline(dialog: playwright_sync.Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.get_by_role("button", name="Delete case").click()
    assert asked == ["Delete this case?"]
    page.goto(f"{server.url}/cases/ablyazov")
    assert page.get_by_role("heading", level=1).is_visible()  # declined: the case is still there
