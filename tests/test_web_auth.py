"""Accounts, sessions, CSRF, roles, API tokens and the login rate limit of the web application."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from onward.store import Store
from onward.store import web as web_store
from onward.store.tables_web import web_sessions, web_tokens, web_users
from tests.webhelpers import PASSWORD, Web, client_for, csrf_of, import_example, login, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path)


def test_login_sets_a_secure_httponly_samesite_cookie_and_signs_out(web: Web) -> None:
    client = client_for(web.app)
    response = login(client, "editor")
    assert response.status_code == 303
    assert response.headers["location"] == "/cases"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "secure" in cookie
    assert "samesite=lax" in cookie
    assert client.get("/cases").status_code == 200
    token = csrf_of(client.get("/cases").text)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get("/cases").headers["location"].startswith("/login")


def test_wrong_password_is_refused_with_one_message_for_every_cause(web: Web) -> None:
    wrong = login(client_for(web.app), "editor", "not the password")
    unknown = login(client_for(web.app), "nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "wrong username or password" in wrong.text
    assert "wrong username or password" in unknown.text


def test_login_is_rate_limited_per_user(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path, login_failures_per_user=3)
    for _ in range(3):
        assert login(client_for(web.app), "viewer", "guess guess guess").status_code == 401
    blocked = login(client_for(web.app), "viewer", PASSWORD)
    assert blocked.status_code == 429
    assert "too many failed logins" in blocked.text
    assert login(client_for(web.app), "editor", PASSWORD).status_code == 303


def test_passwords_sessions_and_tokens_are_stored_hashed(web: Web) -> None:
    web.browser("editor")
    with web.store.read() as connection:
        password_hash = connection.execute(select(web_users.c.password_hash)).scalars().first()
        session_keys = connection.execute(select(web_sessions.c.key_hash)).scalars().all()
        token_hashes = connection.execute(select(web_tokens.c.secret_hash)).scalars().all()
    assert password_hash is not None
    assert password_hash.startswith("$argon2id$")
    assert PASSWORD not in password_hash
    cookie = web.browser("editor").cookies["onward_session"]
    assert all(len(key) == 64 and key not in cookie for key in session_keys)
    assert all(secret.split("_")[2] not in token_hashes for secret in web.tokens.values())


def test_a_form_without_its_csrf_token_is_refused(web: Web) -> None:
    browser = web.browser("editor")
    files = {"file": ("case.yaml", b"onward: 1\n", "application/yaml")}
    assert browser.post("/cases/import", files=files).status_code == 403
    assert browser.post("/cases/import", data={"csrf_token": "forged"}, files=files).status_code == 403
    other = csrf_of(web.browser("viewer").get("/account").text)  # a valid token of another session
    assert browser.post("/cases/import", data={"csrf_token": other}, files=files).status_code == 403
    assert browser.post("/api/tokens", json={"name": "x"}).status_code == 403
    assert (
        browser.post("/api/tokens", json={"name": "x"}, headers={"X-CSRF-Token": web.csrf("editor")}).status_code == 201
    )


def test_the_login_form_itself_needs_its_token(web: Web) -> None:
    client = client_for(web.app)
    response = client.post("/login", data={"username": "editor", "password": PASSWORD})
    assert response.status_code == 403


def test_api_tokens_authenticate_and_revoked_ones_do_not(web: Web) -> None:
    api = web.api("editor")
    assert api.get("/api/me").json()["username"] == "editor"
    headers = {"X-CSRF-Token": web.csrf("editor")}
    created = web.browser("editor").post("/api/tokens", json={"name": "nightly export"}, headers=headers)
    assert created.status_code == 201
    secret, token_id = created.json()["token"], created.json()["id"]
    script = client_for(web.app)
    script.headers["Authorization"] = f"Bearer {secret}"
    assert script.get("/api/me").status_code == 200
    assert token_id in {t["id"] for t in api.get("/api/tokens").json()}
    assert "token" not in api.get("/api/tokens").json()[0]
    assert api.delete(f"/api/tokens/{token_id}").status_code == 204
    assert script.get("/api/me").status_code == 401
    assert api.delete(f"/api/tokens/{token_id}").status_code == 404


def test_unauthenticated_requests_get_401_or_the_login_form(web: Web) -> None:
    anonymous = client_for(web.app)
    assert anonymous.get("/api/cases").status_code == 401
    assert anonymous.get("/api/cases").headers["www-authenticate"] == "Bearer"
    bad = client_for(web.app)
    bad.headers["Authorization"] = "Bearer onw_000000000000_nope"
    assert bad.get("/api/me").status_code == 401
    assert anonymous.get("/cases/ablyazov").headers["location"] == "/login?next=/cases/ablyazov"


def test_login_redirects_only_to_local_paths(web: Web) -> None:
    client = client_for(web.app)
    token = csrf_of(client.get("/login").text)
    data = {"username": "editor", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"}
    assert client.post("/login", data=data).headers["location"] == "/cases"


def test_disabling_a_user_ends_their_session_and_tokens(web: Web) -> None:
    browser = web.browser("viewer")
    assert browser.get("/cases").status_code == 200
    response = web.api("admin").patch("/api/users/viewer", json={"active": False})
    assert response.status_code == 200
    assert response.json()["active"] is False
    assert browser.get("/cases").status_code == 303
    assert web.api("viewer").get("/api/me").status_code == 401
    assert login(client_for(web.app), "viewer").status_code == 401


def test_roles_viewer_reads_editor_edits_admin_manages(web: Web) -> None:
    import_example(web)
    viewer, editor = web.api("viewer"), web.api("editor")
    document = viewer.get("/api/cases/ablyazov").json()
    assert viewer.put("/api/cases/ablyazov", json=document).status_code == 403
    assert viewer.delete("/api/cases/ablyazov").status_code == 403
    assert viewer.put("/api/cases/ablyazov/shares/outsider").status_code == 403
    assert viewer.get("/api/cases/ablyazov/export").status_code == 200
    assert editor.get("/api/users").status_code == 403
    assert editor.get("/api/audit").status_code == 403
    assert web.api("admin").get("/api/users").status_code == 200
    new_user = {"username": "dana", "password": "another long password", "role": "editor"}
    assert editor.post("/api/users", json=new_user).status_code == 403
    assert web.api("admin").post("/api/users", json=new_user).status_code == 201
    assert web.api("admin").post("/api/users", json=new_user).status_code == 409
    assert web_store.get_user(web.store, "dana").role.value == "editor"


def test_short_passwords_are_refused(web: Web) -> None:
    response = web.api("admin").post("/api/users", json={"username": "eve", "password": "short"})
    assert response.status_code == 422
    assert "password" in response.text
