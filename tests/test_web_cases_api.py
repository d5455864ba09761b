"""The case endpoints of the REST API: create, import, read, edit with optimistic locking, export,
history, validation, delete, and the limits on uploads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.store import Store
from tests.webhelpers import Web, example_text, import_example, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path, max_upload_bytes=20_000)


def test_import_creates_then_updates_and_lists_only_shared_cases(web: Web) -> None:
    import_example(web)
    editor = web.api("editor")
    assert [c["id"] for c in editor.get("/api/cases").json()] == ["ablyazov"]
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    again = editor.post("/api/cases/import", files=files).json()
    assert again == {"id": "ablyazov", "outcome": "unchanged", "version": 1, "changed_fields": []}
    assert web.api("outsider").get("/api/cases").json() == []


def test_get_and_edit_with_the_current_version(web: Web) -> None:
    import_example(web)
    editor = web.api("editor")
    body = editor.get("/api/cases/ablyazov").json()
    assert body["version"] == 1
    assert body["case"]["custodial_state"] == "FR"
    body["case"]["title"] = "Extradition of M. Ablyazov"
    saved = editor.put("/api/cases/ablyazov", json=body)
    assert saved.status_code == 200
    assert saved.json()["version"] == 2
    assert saved.json()["changed_fields"] == ["title"]
    history = editor.get("/api/cases/ablyazov/history").json()
    assert [h["action"] for h in history] == ["create", "update"]
    assert history[1]["actor"] == "editor"


def test_a_stale_edit_is_refused_with_409_and_changes_nothing(web: Web) -> None:
    import_example(web)
    editor, admin = web.api("editor"), web.api("admin")
    assert editor.put("/api/cases/ablyazov/shares/admin").status_code == 200
    mine = editor.get("/api/cases/ablyazov").json()
    theirs = admin.get("/api/cases/ablyazov").json()
    theirs["case"]["title"] = "their title"
    assert admin.put("/api/cases/ablyazov", json=theirs).status_code == 200
    mine["case"]["title"] = "my title"
    conflict = editor.put("/api/cases/ablyazov", json=mine)
    assert conflict.status_code == 409
    assert conflict.json()["error"] == "conflict"
    assert "admin" in conflict.json()["message"]
    assert "reload" in conflict.json()["hint"]
    assert editor.get("/api/cases/ablyazov").json()["case"]["title"] == "their title"


def test_invalid_documents_report_every_located_problem(web: Web) -> None:
    import_example(web)
    editor = web.api("editor")
    body = editor.get("/api/cases/ablyazov").json()
    body["case"]["custodial_state"] = "XX"
    body["case"]["proposed_destinations"] = ["DE"]
    response = editor.put("/api/cases/ablyazov", json=body)
    assert response.status_code == 422
    paths = {p["path"] for p in response.json()["problems"]}
    assert "custodial_state" in paths
    assert any(p.startswith("proposed_destinations") for p in paths)


def test_the_id_of_a_stored_case_cannot_change(web: Web) -> None:
    import_example(web)
    body = web.api("editor").get("/api/cases/ablyazov").json()
    body["case"]["id"] = "renamed"
    response = web.api("editor").put("/api/cases/ablyazov", json=body)
    assert response.status_code == 422
    assert "cannot change" in response.json()["message"]


def test_create_from_json_and_refuse_a_taken_id(web: Web) -> None:
    import_example(web)
    document = web.api("editor").get("/api/cases/ablyazov").json()["case"]
    document["id"] = "copy"
    created = web.api("outsider").post("/api/cases", json=document)
    assert created.status_code == 201
    assert created.json()["outcome"] == "created"
    assert web.api("outsider").get("/api/cases/copy").status_code == 200
    document["id"] = "ablyazov"
    assert web.api("outsider").post("/api/cases", json=document).status_code == 409
    assert web.api("viewer").post("/api/cases", json=document | {"id": "mine"}).status_code == 403


def test_validate_reports_problems_without_storing(web: Web) -> None:
    text = example_text().replace("custodial_state: FR", "custodial_state: FRA")
    response = web.api("viewer").post("/api/validate", json={"yaml": text, "file": "draft.yaml"})
    assert response.status_code == 200
    result = response.json()
    assert result["valid"] is False
    problem = next(p for p in result["problems"] if p["path"] == "custodial_state")
    assert problem["file"] == "draft.yaml"
    assert problem["line"] == text.splitlines().index("custodial_state: FRA") + 1
    assert web.api("viewer").post("/api/validate", json={"yaml": example_text()}).json()["valid"] is True
    assert web.api("viewer").get("/api/cases").json() == []


def test_export_returns_the_case_file(web: Web) -> None:
    import_example(web)
    response = web.api("viewer").get("/api/cases/ablyazov/export")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    assert 'filename="ablyazov.yaml"' in response.headers["content-disposition"]
    assert "custodial_state: FR" in response.text
    check = web.api("viewer").post("/api/validate", json={"yaml": response.text}).json()
    assert check["valid"] is True


def test_delete_removes_the_case_and_its_shares(web: Web) -> None:
    import_example(web)
    assert web.api("editor").delete("/api/cases/ablyazov").status_code == 204
    assert web.api("editor").get("/api/cases/ablyazov").status_code == 404
    assert web.api("viewer").get("/api/cases").json() == []


def test_uploads_are_limited_in_size_and_type(web: Web) -> None:
    editor = web.api("editor")
    big = b"# " + b"x" * 30_000 + b"\n"
    too_big = editor.post("/api/cases/import", files={"file": ("case.yaml", big, "application/yaml")})
    assert too_big.status_code == 413
    huge = b"x" * 200_000
    refused_early = editor.post("/api/cases/import", files={"file": ("case.yaml", huge, "application/yaml")})
    assert refused_early.status_code == 413
    wrong_name = editor.post("/api/cases/import", files={"file": ("case.exe", b"onward: 1", "application/yaml")})
    assert wrong_name.status_code == 415
    wrong_type = editor.post("/api/cases/import", files={"file": ("case.yaml", b"onward: 1", "image/png")})
    assert wrong_type.status_code == 415
    not_utf8 = editor.post("/api/cases/import", files={"file": ("case.yaml", b"\xff\xfe\x00", "text/yaml")})
    assert not_utf8.status_code == 415
    assert "UTF-8" in not_utf8.json()["message"]
    broken = editor.post("/api/cases/import", files={"file": ("case.yaml", b"id: [unclosed", "text/yaml")})
    assert broken.status_code == 422
    assert broken.json()["problems"][0]["file"] == "case.yaml"


def test_a_body_without_length_is_counted_as_it_arrives(web: Web) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b"x" * 10_000

    response = web.api("editor").post("/api/validate", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
