"""Rules on accounts and cases: usernames and password strength, the last admin, the case owner's
rights, and ids offered on import that say nothing about hidden cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.store import Store, web_access, web_audit
from onward.store import cases as case_store
from onward.store import web as web_store
from onward.store.web import LastAdminError
from tests.clihelpers import run_cli
from tests.webhelpers import Web, example_text, import_example, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path)


@pytest.mark.parametrize("username", ["", "../../etc<script>", "a b", "-dash", "x" * 65, "amina@example.org"])
def test_usernames_follow_the_naming_rule_everywhere(web: Web, username: str) -> None:
    body = {"username": username, "password": "correct horse battery staple", "role": "viewer"}
    assert web.api("admin").post("/api/users", json=body).status_code == 422
    assert web_store.find_user(web.store, username) is None


def test_the_cli_refuses_a_bad_username_with_the_rule(
    web: Web, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, store_url: str
) -> None:
    monkeypatch.setenv("ONWARD_DATABASE_URL", store_url)
    monkeypatch.setenv("ONWARD_NEW_PASSWORD", "correct horse battery staple")
    for bad in ["", "../../etc<script>"]:
        result = run_cli(capsys, "user", "add", bad)
        assert result.code == 2
        assert "letters, digits" in result.err
    assert run_cli(capsys, "user", "add", "j.doe_2-x").code == 0


@pytest.mark.parametrize(
    ("password", "why"),
    [("aaaaaaaaaa", "too easy to guess"), ("newcomer42", "contain the username"), ("password12345", "too easy")],
)
def test_weak_passwords_are_refused(web: Web, password: str, why: str) -> None:
    body = {"username": "newcomer42", "password": password, "role": "viewer"}
    response = web.api("admin").post("/api/users", json=body)
    assert response.status_code == 422
    assert why in response.json()["message"]
    body["password"] = "xnewcomer42x tail words"
    assert "contain the username" in web.api("admin").post("/api/users", json=body).json()["message"]
    body["password"] = "correct horse battery staple"
    assert web.api("admin").post("/api/users", json=body).status_code == 201


def test_the_last_admin_cannot_be_demoted_or_disabled(web: Web) -> None:
    for change in ({"role": "editor"}, {"active": False}):
        response = web.api("admin").patch("/api/users/admin", json=change)
        assert response.status_code == 409
        assert "last active admin" in response.json()["message"]
    with pytest.raises(LastAdminError):
        web_store.update_user(web.store, "admin", active=False)
    assert web.api("admin").patch("/api/users/editor", json={"role": "admin"}).status_code == 200
    assert web.api("admin").patch("/api/users/admin", json={"role": "editor"}).status_code == 200
    headers = {"X-CSRF-Token": web.csrf("editor")}  # now the only admin, signed in (its token is write-only)
    assert web.browser("editor").patch("/api/users/editor", json={"active": False}, headers=headers).status_code == 409


def test_only_the_owner_or_an_admin_may_revoke_the_owner_or_delete(web: Web, store: Store) -> None:
    import_example(web)  # created by the editor: the owner
    assert web.api("editor").put("/api/cases/ablyazov/shares/outsider").status_code == 200
    assert web_access.owner_of(store, "ablyazov") == "editor"
    assert web.api("outsider").delete("/api/cases/ablyazov/shares/editor").status_code == 403
    assert web.api("outsider").delete("/api/cases/ablyazov").status_code == 403
    assert web.api("outsider").delete("/api/cases/ablyazov/shares/viewer").status_code == 200
    assert web.api("editor").put("/api/cases/ablyazov/shares/admin").status_code == 200
    assert web.api("admin").delete("/api/cases/ablyazov").status_code == 204


def test_the_owner_may_delete_their_case(web: Web) -> None:
    import_example(web)
    assert web.api("editor").delete("/api/cases/ablyazov").status_code == 204


def test_the_offered_id_is_random_and_says_nothing_about_hidden_ids(web: Web) -> None:
    import_example(web)
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    hidden = web.api("editor").post("/api/cases/import", params={"as_id": "ablyazov-2"}, files=files)
    assert hidden.status_code == 200  # a second case the outsider cannot see
    offers = set()
    for _ in range(3):
        refused = web.api("outsider").post("/api/cases/import", files=files)
        assert refused.status_code == 409
        found = re.search(r"'(ablyazov-[0-9a-f]{6})'", refused.json()["hint"])
        assert found is not None, refused.json()["hint"]
        offers.add(found.group(1))
    assert len(offers) == 3
    taken = {summary.id for summary in case_store.list_cases(web.store)}
    assert not offers & taken
    refusals = [e for e in web_audit.entries(web.store, actor="outsider") if e.action == "case.id_refused"]
    assert [e.detail["wanted"] for e in refusals] == ["ablyazov"] * 3
