"""End to end in headless chromium: the review queue's fold-out forms. An editor corrects a proposal's
fields (a bad state code is refused beside its field, then accepted corrected), merges another proposal
into a known incident chosen among the candidates (an unknown id refused beside its field), works both
forms from the keyboard alone; a viewer is offered neither and is refused if posting anyway."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import ADMIN_PASSWORD, CHROMIUM, CHROMIUM_ARGS, ONWARD, Server

playwright_sync = pytest.importorskip("playwright.sync_api")

# One short document per proposal, each retelling the transfer the fixture letter reports (Ukraine,
# February 2006, eleven asylum seekers returned to Uzbekistan), worded so the extractor proposes one incident
# from each; the quote each proposal rests on is how the tests find it on the page. A proposal always names
# both states, so the ones to correct name the wrong destination.
DOCUMENTS = {
    "wrong-destination.txt": "Eleven asylum seekers were forcibly returned from Ukraine to Russia.\n",
    "same-transfer.txt": "Ukraine forcibly returned eleven Uzbek asylum seekers to Uzbekistan in 2006.\n",
    "keyboard-correct.txt": (
        "In February 2006 the authorities of Ukraine forcibly returned 11 asylum seekers to Russia.\n"
    ),
    "keyboard-merge.txt": "Ukraine deported eleven asylum seekers to Russia.\n",
}
TO_CORRECT = "Eleven asylum seekers were forcibly returned from Ukraine to Russia"
TO_MERGE = "Ukraine forcibly returned eleven Uzbek asylum seekers to Uzbekistan"
TO_CORRECT_BY_KEYBOARD = "Ukraine forcibly returned 11 asylum seekers to Russia"
TO_MERGE_BY_KEYBOARD = "Ukraine deported eleven asylum seekers to Russia"
KNOWN_INCIDENT = "ua-uz-2006-02"  # in the shipped knowledge base (data/curated)
LAPTOP = {"width": 1366, "height": 768}
TAB_LIMIT = 200  # more Tab presses than the queue has stops: reaching none of them fails the test


def _onward(server: Server, *args: str) -> None:
    subprocess.run([*ONWARD, *args], env=server.env, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def queued(server: Server, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The four proposals in the queue, and an editor and a viewer account."""
    folder = tmp_path_factory.mktemp("review-documents")
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    _onward(server, "ingest", *(str(folder / name) for name in DOCUMENTS))
    _onward(server, "extract", "--all")
    _onward(server, "user", "add", "bruno", "--role", "editor", "--name", "Bruno Keller")
    _onward(server, "user", "add", "vera", "--role", "viewer", "--name", "Vera Sokolova")


@pytest.fixture(scope="module")
def browser(server: Server, queued: None) -> Iterator[playwright_sync.Browser]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _signed_in(server: Server, browser: playwright_sync.Browser, username: str) -> Iterator[playwright_sync.Page]:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{server.url}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)  # every account here was given the same password
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{server.url}/cases")
    yield page
    context.close()


@pytest.fixture(scope="module")
def editor(server: Server, browser: playwright_sync.Browser) -> Iterator[playwright_sync.Page]:
    yield from _signed_in(server, browser, "bruno")


@pytest.fixture(scope="module")
def viewer(server: Server, browser: playwright_sync.Browser) -> Iterator[playwright_sync.Page]:
    yield from _signed_in(server, browser, "vera")


def _proposal(page: playwright_sync.Page, quote: str) -> playwright_sync.Locator:
    article = page.locator("article.proposal", has=page.locator("blockquote", has_text=quote))
    assert article.count() == 1, quote
    return article


def _proposal_id(article: playwright_sync.Locator) -> int:
    labelled_by = article.get_attribute("aria-labelledby")
    assert labelled_by is not None
    return int(labelled_by.removeprefix("proposal-"))


def _document_id(article: playwright_sync.Locator) -> str:
    """The proposal's document, which the knowledge base cites as the source of what it accepted."""
    passage_id = article.locator("p.muted code").inner_text()
    return passage_id.rsplit(".", 1)[0]


def _tab_to(page: playwright_sync.Page, target: playwright_sync.Locator) -> None:
    """Press Tab until ``target`` has the keyboard focus."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {target}")


def _focused_id(page: playwright_sync.Page) -> str:
    found: str = page.evaluate("document.activeElement.id")
    return found


def _kb_row(page: playwright_sync.Page, server: Server, state: str, incident_id: str) -> playwright_sync.Locator:
    """The knowledge base page's row for one incident, among the transfers to ``state``."""
    page.goto(f"{server.url}/kb?state={state}")
    row = page.locator("tr", has=page.locator("code", has_text=re.compile(rf"^{re.escape(incident_id)}$")))
    assert row.count() == 1, incident_id
    return row


def test_a_viewer_is_offered_neither_form(server: Server, viewer: playwright_sync.Page, screenshots: Path) -> None:
    viewer.goto(f"{server.url}/review")
    article = _proposal(viewer, TO_MERGE)
    assert article.is_visible()  # a viewer reads the queue
    assert "pending" in article.inner_text()
    assert viewer.locator("details.review-edit, details.review-merge").count() == 0
    for name in ("Accept", "Accept with changes", "Merge", "Reject"):
        assert viewer.get_by_role("button", name=name, exact=True).count() == 0
    article.screenshot(path=str(screenshots / "30-review-viewer.png"))
    # Posting anyway, with a valid token, is refused for the role and changes nothing.
    token = viewer.locator("header form input[name=csrf_token]").get_attribute("value")
    assert token
    proposal_id = _proposal_id(article)
    refused = viewer.request.post(
        f"{server.url}/review/{proposal_id}/merge", form={"csrf_token": token, "into": KNOWN_INCIDENT}
    )
    assert refused.status == 403
    assert "editor" in refused.text()
    viewer.reload()
    assert "pending" in _proposal(viewer, TO_MERGE).inner_text()


def test_correct_the_fields_with_a_mistake_shown_beside_its_field(
    server: Server, editor: playwright_sync.Page, screenshots: Path
) -> None:
    editor.goto(f"{server.url}/review")
    article = _proposal(editor, TO_CORRECT)
    proposal_id = _proposal_id(article)
    assert "UA → RU" in article.locator("h2").inner_text()  # the destination the reviewer corrects
    correction = article.locator("details.review-edit")
    assert correction.get_attribute("open") is None  # folded until asked for
    correction.locator("summary", has_text="Correct the fields").click()
    to_state = correction.get_by_label("To (state code)")
    assert to_state.is_visible()
    assert to_state.input_value() == "RU"
    assert correction.get_by_label("From (state code)").input_value() == "UA"
    to_state.fill("XX")
    article.screenshot(path=str(screenshots / "31-review-correct-open.png"))
    correction.get_by_role("button", name="Accept with changes").click()

    # Refused (422): the same proposal's form comes back open, the message beside the field, the typed value kept.
    article = _proposal(editor, TO_CORRECT)
    correction = article.locator("details.review-edit")
    assert correction.get_attribute("open") is not None
    error = editor.locator(f"#e-{proposal_id}-to_state")
    assert error.is_visible()
    assert "'XX' is not an ISO 3166-1 alpha-2 state code" in error.inner_text()
    to_state = correction.get_by_label("To (state code)")
    assert to_state.input_value() == "XX"
    assert to_state.get_attribute("aria-invalid") == "true"
    assert to_state.get_attribute("aria-describedby") == f"e-{proposal_id}-to_state"
    assert editor.locator("p.field-error").count() == 1  # nothing else was wrong
    assert "pending" in article.inner_text()
    error.scroll_into_view_if_needed()
    article.screenshot(path=str(screenshots / "32-review-correct-error.png"))

    to_state.fill("UZ")
    correction.get_by_role("button", name="Accept with changes").click()
    editor.wait_for_url(f"{server.url}/review?flash=accepted-{proposal_id}")
    assert editor.get_by_text(f"Decision recorded: proposal {proposal_id} accepted.").is_visible()
    assert editor.locator("blockquote", has_text=TO_CORRECT).count() == 0  # no longer pending

    editor.goto(f"{server.url}/review?status=accepted")
    assert "accepted" in _proposal(editor, TO_CORRECT).inner_text()
    # The incident entered the knowledge base with the corrected destination, cited to its document.
    document_id = _document_id(_proposal(editor, TO_CORRECT))
    row = _kb_row(editor, server, "UZ", f"ua-uz-p{proposal_id}")
    assert "to_state: UZ" in row.inner_text()
    assert "from_state: UA" in row.inner_text()
    assert document_id in row.inner_text()


def test_merge_into_a_candidate_after_an_unknown_id_is_refused(
    server: Server, editor: playwright_sync.Page, screenshots: Path
) -> None:
    editor.goto(f"{server.url}/review")
    article = _proposal(editor, TO_MERGE)
    proposal_id = _proposal_id(article)
    document_id = _document_id(article)
    merge = article.locator("details.review-merge")
    merge.locator("summary", has_text="Merge into an existing incident").click()
    candidates = merge.get_by_role("group", name="Known incidents most likely the same")
    assert candidates.is_visible()
    listed = candidates.get_by_role("radio")
    assert listed.count() >= 1
    assert KNOWN_INCIDENT in [listed.nth(i).get_attribute("value") for i in range(listed.count())]
    article.screenshot(path=str(screenshots / "33-review-merge-open.png"))

    merge.get_by_label("or an incident id").fill("ua-uz-2006-13")
    merge.get_by_role("button", name="Merge", exact=True).click()
    article = _proposal(editor, TO_MERGE)
    merge = article.locator("details.review-merge")
    assert merge.get_attribute("open") is not None
    error = editor.locator(f"#e-into-{proposal_id}")
    assert error.is_visible()
    assert "no incident 'ua-uz-2006-13' in the knowledge base" in error.inner_text()
    typed = merge.get_by_label("or an incident id")
    assert typed.input_value() == "ua-uz-2006-13"
    assert typed.get_attribute("aria-invalid") == "true"
    assert typed.get_attribute("aria-describedby") == f"e-into-{proposal_id}"
    error.scroll_into_view_if_needed()
    article.screenshot(path=str(screenshots / "34-review-merge-error.png"))

    typed.fill("")  # a typed id would win over the choice
    merge.get_by_role("radio", name=re.compile(rf"^{re.escape(KNOWN_INCIDENT)} ")).check()
    merge.get_by_role("button", name="Merge", exact=True).click()
    editor.wait_for_url(f"{server.url}/review?flash=merged-{proposal_id}")
    assert editor.get_by_text(f"Decision recorded: proposal {proposal_id} merged.").is_visible()
    assert editor.locator("blockquote", has_text=TO_MERGE).count() == 0

    editor.goto(f"{server.url}/review?status=merged")
    assert "merged" in _proposal(editor, TO_MERGE).inner_text()
    editor.screenshot(path=str(screenshots / "35-review-merged.png"))
    # The known incident now cites this document too; no new incident was made.
    assert document_id in _kb_row(editor, server, "UZ", KNOWN_INCIDENT).inner_text()
    assert editor.locator("code", has_text=re.compile(rf"-p{proposal_id}$")).count() == 0


def test_correct_the_fields_with_the_keyboard_only(
    server: Server, editor: playwright_sync.Page, screenshots: Path
) -> None:
    editor.goto(f"{server.url}/review")
    article = _proposal(editor, TO_CORRECT_BY_KEYBOARD)
    proposal_id = _proposal_id(article)
    correction = article.locator("details.review-edit")
    _tab_to(editor, correction.locator("summary"))
    editor.keyboard.press("Enter")
    assert correction.get_attribute("open") is not None
    # The form's fields follow its summary in the focus order: kind, status, from, to.
    for name in ("kind", "status", "from_state", "to_state"):
        editor.keyboard.press("Tab")
        assert _focused_id(editor) == f"f-{proposal_id}-{name}"
    editor.keyboard.press("Control+a")  # the proposed destination, replaced
    editor.keyboard.type("UZ")
    article.screenshot(path=str(screenshots / "36-review-keyboard-correct.png"))
    _tab_to(editor, correction.get_by_role("button", name="Accept with changes"))
    editor.keyboard.press("Space")
    editor.wait_for_url(f"{server.url}/review?flash=accepted-{proposal_id}")
    row = _kb_row(editor, server, "UZ", f"ua-uz-2006-02-p{proposal_id}")
    assert "to_state: UZ" in row.inner_text()


def test_merge_with_the_keyboard_only(server: Server, editor: playwright_sync.Page, screenshots: Path) -> None:
    editor.goto(f"{server.url}/review")
    article = _proposal(editor, TO_MERGE_BY_KEYBOARD)
    proposal_id = _proposal_id(article)
    merge = article.locator("details.review-merge")
    _tab_to(editor, merge.locator("summary"))
    editor.keyboard.press("Space")
    assert merge.get_attribute("open") is not None
    # Into the list of candidates: none is chosen yet, so Tab lands on the first; Space chooses it.
    editor.keyboard.press("Tab")
    first = merge.get_by_role("radio").first
    assert first.evaluate("element => element === document.activeElement")
    editor.keyboard.press("Space")
    assert first.is_checked()
    chosen = first.get_attribute("value")
    assert chosen
    article.screenshot(path=str(screenshots / "37-review-keyboard-merge.png"))
    editor.keyboard.press("Tab")
    assert _focused_id(editor) == f"into-{proposal_id}"  # the whole list is one stop; then the id field
    editor.keyboard.press("Tab")
    assert editor.evaluate("document.activeElement.textContent") == "Merge"
    editor.keyboard.press("Enter")
    editor.wait_for_url(f"{server.url}/review?flash=merged-{proposal_id}")
    editor.goto(f"{server.url}/review?status=merged")
    document_id = _document_id(_proposal(editor, TO_MERGE_BY_KEYBOARD))
    assert document_id in _kb_row(editor, server, "UA", chosen).inner_text()
