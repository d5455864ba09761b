"""API tokens: only a signed-in person mints them; scopes read / write / admin within the role;
expiry; and they die for good when the password changes or the account is disabled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.store import Store
from onward.store import web as web_store
from onward.store.web import TokenScope
from onward.web.auth import issue_token, new_password_hash
from tests.webhelpers import Web, client_for, csrf_of, import_example, make_web


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path)


def _token(web: Web, who: str, scope: TokenScope, days: int | None = None) -> str:
    return issue_token(web.store, web_store.get_user(web.store, who), "script", scope=scope, days=days)[0]


def test_a_token_cannot_mint_tokens(web: Web) -> None:
    response = web.api("admin").post("/api/tokens", json={"name": "child", "scope": "admin"})
    assert response.status_code == 403
    assert "not an API token" in response.json()["message"]
    headers = {"X-CSRF-Token": web.csrf("editor")}
    made = web.browser("editor").post("/api/tokens", json={"name": "mine", "scope": "write"}, headers=headers)
    assert made.status_code == 201
    assert made.json()["scope"] == "write"


def test_a_scope_above_the_role_is_refused(web: Web) -> None:
    headers = {"X-CSRF-Token": web.csrf("viewer")}
    response = web.browser("viewer").post("/api/tokens", json={"name": "x", "scope": "write"}, headers=headers)
    assert response.status_code == 422
    assert "scope" in response.json()["message"]
    with pytest.raises(InputError, match="scope"):
        _token(web, "editor", TokenScope.ADMIN)


def test_a_read_token_only_reads(web: Web) -> None:
    import_example(web)
    reader = client_for(web.app)
    reader.headers["Authorization"] = f"Bearer {_token(web, 'editor', TokenScope.READ)}"
    document = reader.get("/api/cases/ablyazov")
    assert document.status_code == 200
    assert reader.put("/api/cases/ablyazov", json=document.json()).status_code == 403
    assert reader.delete("/api/cases/ablyazov").status_code == 403


def test_admin_work_needs_the_admin_scope(web: Web) -> None:
    writer = client_for(web.app)
    writer.headers["Authorization"] = f"Bearer {_token(web, 'admin', TokenScope.WRITE)}"
    assert writer.get("/api/users").status_code == 403
    assert writer.get("/api/audit").status_code == 403
    assert web.api("admin").get("/api/users").status_code == 200  # the fixtures' admin token has the admin scope


def test_an_expired_token_is_refused(web: Web) -> None:
    now = [web.store.clock()]
    web.store.clock = lambda: now[0]
    script = client_for(web.app)
    script.headers["Authorization"] = f"Bearer {_token(web, 'editor', TokenScope.READ, days=1)}"
    assert script.get("/api/me").status_code == 200
    now[0] += dt.timedelta(days=1, seconds=1)
    assert script.get("/api/me").status_code == 401


def test_tokens_die_on_password_change_and_stay_dead_after_disable_and_enable(web: Web) -> None:
    editor_token = client_for(web.app)
    editor_token.headers["Authorization"] = f"Bearer {web.tokens['editor']}"
    web_store.update_user(
        web.store, "editor", password_hash=new_password_hash("another fine passphrase here", username="editor")
    )
    assert editor_token.get("/api/me").status_code == 401
    viewer_token = client_for(web.app)
    viewer_token.headers["Authorization"] = f"Bearer {web.tokens['viewer']}"
    assert web.api("admin").patch("/api/users/viewer", json={"active": False}).status_code == 200
    assert web.api("admin").patch("/api/users/viewer", json={"active": True}).status_code == 200
    assert viewer_token.get("/api/me").status_code == 401
    assert all(
        t.revoked_at is not None for t in web_store.list_tokens(web.store, web_store.get_user(web.store, "viewer").id)
    )


def test_the_account_page_creates_read_tokens_by_default(web: Web) -> None:
    browser = web.browser("editor")
    page = browser.get("/account").text
    assert 'name="scope"' in page
    response = browser.post("/account/tokens", data={"csrf_token": csrf_of(page), "name": "export", "days": "30"})
    assert response.status_code == 200
    token = web_store.list_tokens(web.store, web_store.get_user(web.store, "editor").id)[-1]
    assert (token.scope, token.expires_at is not None) == (TokenScope.READ, True)
