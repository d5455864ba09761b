"""The HTML pages: case list and import, overview, the structured form and the YAML editor with
located problems, optimistic-lock conflicts, administration, French, and error pages without traces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.store import Store, web_audit
from tests.webhelpers import Web, client_for, example_text, import_example, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path, max_upload_bytes=50_000)


def _form(web: Web, who: str, page: str) -> dict[str, str | list[str]]:
    """The fields of the page's edit form as a browser would submit them unchanged."""
    html = web.browser(who).get(page).text
    fields: dict[str, str | list[str]] = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    fields.update(re.findall(r'<input type="text" id="f-\w+" name="(\w+)" value="([^"]*)"', html))
    fields["profile"] = re.findall(r'name="profile" value="(\w+)" checked', html)
    language = re.search(r'<option value="(\w+)" selected>', html)
    fields["language"] = language.group(1) if language else ""
    return fields


def test_import_through_the_page_then_overview(web: Web) -> None:
    browser = web.browser("editor")
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    response = browser.post("/cases/import", data={"csrf_token": web.csrf("editor")}, files=files)
    assert response.status_code == 303
    assert response.headers["location"] == "/cases/ablyazov?flash=created"
    page = browser.get("/cases/ablyazov?flash=created")
    assert page.status_code == 200
    assert "Case created." in page.text
    assert "Mukhtar Ablyazov" in page.text
    assert "Kazakhstan (KZ)" in page.text
    assert 'href="#content"' in page.text
    assert "ablyazov" in browser.get("/cases").text


def test_pasted_case_file_with_problems_lists_them(web: Web) -> None:
    text = example_text().replace("custodial_state: FR", "custodial_state: FRANCE")
    response = web.browser("editor").post("/cases/import", data={"csrf_token": web.csrf("editor"), "text": text})
    assert response.status_code == 422
    assert "custodial_state" in response.text
    assert "problems found" in response.text


def test_structured_form_shows_problems_next_to_their_fields(web: Web) -> None:
    import_example(web)
    data = _form(web, "editor", "/cases/ablyazov/edit")
    data.update({"custodial_state": "ZZ", "as_of": "2015-02-30"})
    response = web.browser("editor").post("/cases/ablyazov/edit", data=data)
    assert response.status_code == 422
    for field in ("custodial_state", "as_of"):
        block = re.search(rf'<div id="e-{field}">(.*?)</div>', response.text, re.S)
        assert block is not None, field
        assert "field-error" in block.group(1)
    assert 'aria-invalid="true"' in response.text
    assert web.api("editor").get("/api/cases/ablyazov").json()["version"] == 1


def test_structured_form_saves(web: Web) -> None:
    import_example(web)
    data = _form(web, "editor", "/cases/ablyazov/edit")
    data["title"] = "Ablyazov: extradition from France"
    response = web.browser("editor").post("/cases/ablyazov/edit", data=data)
    assert response.status_code == 303
    saved = web.api("editor").get("/api/cases/ablyazov").json()
    assert saved["version"] == 2
    assert saved["case"]["title"] == "Ablyazov: extradition from France"
    assert saved["case"]["proposed_destinations"] == ["RU", "UA"]


def test_concurrent_form_edits_do_not_overwrite_each_other(web: Web) -> None:
    import_example(web)
    stale = _form(web, "editor", "/cases/ablyazov/edit")
    body = web.api("editor").get("/api/cases/ablyazov").json()
    body["case"]["title"] = "saved first"
    assert web.api("editor").put("/api/cases/ablyazov", json=body).status_code == 200
    stale["title"] = "saved second"
    response = web.browser("editor").post("/cases/ablyazov/edit", data=stale)
    assert response.status_code == 409
    assert "Someone else saved this case" in response.text
    assert 'value="saved second"' in response.text
    assert web.api("editor").get("/api/cases/ablyazov").json()["case"]["title"] == "saved first"


def test_yaml_editor_shows_problems_beside_their_lines(web: Web) -> None:
    import_example(web)
    text = example_text().replace("custodial_state: FR", "custodial_state: XX")
    line = text.splitlines().index("custodial_state: XX") + 1
    data = {"csrf_token": web.csrf("editor"), "version": "1", "text": text, "action": "save"}
    response = web.browser("editor").post("/cases/ablyazov/yaml", data=data)
    assert response.status_code == 422
    assert re.search(rf'<div class="line bad" id="line-{line}">', response.text)
    fragment = web.browser("editor").post(
        "/cases/ablyazov/yaml", data=data | {"action": "check"}, headers={"HX-Request": "true"}
    )
    assert fragment.text.lstrip().startswith('<div id="problems"')
    assert f"line {line}" in fragment.text.replace("</a>", "").replace('">', " ")


def test_yaml_editor_saves_and_detects_conflicts(web: Web) -> None:
    import_example(web)
    text = example_text().replace("title: Extradition of Mukhtar Ablyazov from France", "title: New title")
    data = {"csrf_token": web.csrf("editor"), "version": "1", "text": text, "action": "save"}
    assert web.browser("editor").post("/cases/ablyazov/yaml", data=data).status_code == 303
    again = web.browser("editor").post("/cases/ablyazov/yaml", data=data | {"text": text + "\nnote: later\n"})
    assert again.status_code == 409
    assert "Someone else saved this case" in again.text


def test_viewer_sees_but_cannot_edit(web: Web) -> None:
    import_example(web)
    viewer = web.browser("viewer")
    page = viewer.get("/cases/ablyazov")
    assert page.status_code == 200
    assert "/cases/ablyazov/edit" not in page.text
    assert viewer.get("/cases/ablyazov/edit").status_code == 403
    assert "New case from a case file" not in viewer.get("/cases").text


def test_sharing_from_the_page_validates_the_username(web: Web) -> None:
    import_example(web)
    browser = web.browser("editor")
    bad = browser.post("/cases/ablyazov/share", data={"csrf_token": web.csrf("editor"), "username": "nobody"})
    assert bad.status_code == 200
    assert 'id="share-error"' in bad.text
    good = browser.post("/cases/ablyazov/share", data={"csrf_token": web.csrf("editor"), "username": "outsider"})
    assert good.status_code == 303
    assert web.api("outsider").get("/api/cases/ablyazov").status_code == 200


def test_admin_pages(web: Web) -> None:
    import_example(web)
    admin = web.browser("admin")
    assert "outsider" in admin.get("/admin/users").text
    bad = admin.post("/admin/users", data={"csrf_token": web.csrf("admin"), "username": "x y", "password": "short"})
    assert bad.status_code == 422
    assert 'id="ue-username"' in bad.text
    assert 'id="ue-password"' in bad.text
    made = admin.post(
        "/admin/users",
        data={
            "csrf_token": web.csrf("admin"),
            "username": "fatima",
            "password": "a fine long password",
            "role": "editor",
        },
    )
    assert made.status_code == 303
    disabled = admin.post("/admin/users/fatima", data={"csrf_token": web.csrf("admin"), "active": "false"})
    assert disabled.status_code == 303
    audit_page = admin.get("/admin/audit?case_id=ablyazov")
    assert "The chain of hashes is intact" in audit_page.text
    assert "case.create" in audit_page.text
    assert web.browser("editor").get("/admin/users").status_code == 403


def test_account_page_creates_and_revokes_tokens(web: Web) -> None:
    browser = web.browser("viewer")
    page = browser.post("/account/tokens", data={"csrf_token": web.csrf("viewer"), "name": "my script"})
    secret = re.search(r'<code id="new-token">([^<]+)</code>', page.text)
    assert secret is not None
    script = client_for(web.app)
    script.headers["Authorization"] = f"Bearer {secret.group(1)}"
    assert script.get("/api/me").json()["username"] == "viewer"


def test_french_interface(web: Web) -> None:
    import_example(web)
    browser = web.browser("viewer")
    switched = browser.get("/lang/fr?next=/cases/ablyazov")
    assert switched.status_code == 303
    page = browser.get("/cases/ablyazov")
    assert '<html lang="fr">' in page.text
    assert "Demandes d'extradition" in page.text or "Demandes d&#39;extradition" in page.text
    assert "Kazakhstan (KZ)" in page.text
    assert "Qui a accès" in page.text
    by_header = client_for(web.app).get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert "Se connecter" in by_header.text


def test_unknown_pages_and_errors_show_no_traceback(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = web.browser("editor")
    missing = browser.get("/no/such/page")
    assert missing.status_code == 404
    assert "Traceback" not in missing.text

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_audit, "entries", broken)
    failed = web.browser("admin").get("/admin/audit")
    assert failed.status_code == 500
    assert "secret internal detail" not in failed.text
    assert "Traceback" not in failed.text
    assert re.search(r"Error id: <code>[0-9a-f]{8}</code>", failed.text)
    api = web.api("admin").get("/api/audit")
    assert api.status_code == 500
    assert set(api.json()) == {"error", "message", "error_id"}
