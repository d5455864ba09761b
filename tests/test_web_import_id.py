"""Importing a case whose id is taken: the answer says only that the id is unavailable, whether or not
the caller may see the case holding it, and offers a free id to import under instead ("import as id")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.store import Store
from onward.store import cases as case_store
from tests.webhelpers import Web, example_text, import_example, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    import_example(web)  # held by the editor, shared with the viewer, hidden from the outsider
    return web


def _upload(web: Web, who: str, **data: str) -> tuple[int, str]:
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    response = web.browser(who).post("/cases/import", data={"csrf_token": web.csrf(who), **data}, files=files)
    return response.status_code, response.text


def test_a_hidden_case_id_is_unavailable_with_a_free_id_offered(web: Web) -> None:
    status, html = _upload(web, "outsider")
    assert status == 409
    error = re.search(r'<p class="field-error" id="e-as_id" role="alert">([^<]+)</p>', html)
    assert error is not None
    assert re.fullmatch(
        "id: the case id &#39;ablyazov&#39; is not available "
        r"\(import the case under another id, e.g. &#39;ablyazov-[0-9a-f]{6}&#39;\)",
        error.group(1),
    )
    assert "exists" not in error.group(1)
    assert re.search(r'<input type="text" id="as_id" name="as_id" value="ablyazov-[0-9a-f]{6}"', html)
    assert "Mukhtar" in html  # the file's text stays in the form, ready to send again
    assert case_store.get_case(web.store, "ablyazov")[1] == 1


def test_the_answer_is_the_same_for_a_case_the_caller_can_see(web: Web) -> None:
    hidden = web.api("outsider").post("/api/cases", json=_document(web))
    visible = web.api("editor").post("/api/cases", json=_document(web))
    assert hidden.status_code == visible.status_code == 409
    assert hidden.json()["message"] == visible.json()["message"]
    assert hidden.json()["message"] == "id: the case id 'ablyazov' is not available"
    assert re.search(r"'ablyazov-[0-9a-f]{6}'", hidden.json()["hint"])


def test_import_under_the_offered_id(web: Web) -> None:
    status, _ = _upload(web, "outsider", as_id="ablyazov-2")
    assert status == 303
    case, version = case_store.get_case(web.store, "ablyazov-2")
    assert (case.id, version) == ("ablyazov-2", 1)
    assert web.api("outsider").get("/api/cases/ablyazov-2").status_code == 200
    assert web.api("outsider").get("/api/cases/ablyazov").status_code == 404
    status, html = _upload(web, "editor")  # the holder re-imports: an update, not a conflict
    assert status == 303
    status, html = _upload(web, "viewer", as_id="x")
    assert status == 403
    status, html = _upload(web, "outsider")
    assert status == 409
    offered = re.search(r'value="(ablyazov-[0-9a-f]{6})"', html)
    assert offered is not None  # a random free one, never "the next number", which would count hidden cases


def test_a_bad_import_id_is_explained_beside_the_field(web: Web) -> None:
    status, html = _upload(web, "outsider", as_id="not an id!")
    assert status == 422
    error = re.search(r'<p class="field-error" id="e-as_id" role="alert">([^<]+)</p>', html)
    assert error is not None
    assert error.group(1).startswith("as_id: expected an id of letters, digits")
    assert 'aria-describedby="e-as_id"' in html


def test_api_import_as_another_id(web: Web) -> None:
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    taken = web.api("outsider").post("/api/cases/import", files=files)
    assert taken.status_code == 409
    assert taken.json()["error"] == "conflict"
    assert re.search(r"'ablyazov-[0-9a-f]{6}'", taken.json()["hint"])
    moved = web.api("outsider").post("/api/cases/import", params={"as_id": "ablyazov-2"}, files=files)
    assert moved.status_code == 200
    assert moved.json()["id"] == "ablyazov-2"
    bad = web.api("outsider").post("/api/cases/import", params={"as_id": "a b"}, files=files)
    assert bad.status_code == 422
    assert bad.json()["message"].startswith("as_id:")


def _document(web: Web) -> dict[str, object]:
    document = web.api("editor").get("/api/cases/ablyazov").json()["case"]
    assert isinstance(document, dict)
    return document
