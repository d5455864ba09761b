"""A real web application over a real store, with accounts of every role, for the web tests."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from onward.store import Store
from onward.store import web as web_store
from onward.store.web import Role
from onward.web.app import create_app
from onward.web.auth import SCOPES_OF_ROLE, hash_password, issue_token
from onward.web.settings import WebSettings

with warnings.catch_warnings():
    # Starlette asks for the "httpx2" fork for its test client; the locked httpx works the same here.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

PASSWORD = "a long test password"
ROLES = {"admin": Role.ADMIN, "editor": Role.EDITOR, "viewer": Role.VIEWER, "outsider": Role.EDITOR}
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def web_settings(tmp_path: Path, **overrides: Any) -> WebSettings:
    values: dict[str, Any] = {"secret_key": "test-secret-key-" + "x" * 32, "data_dir": tmp_path, "actor": "test"}
    values.update(overrides)
    return WebSettings(**values)


def client_for(app: FastAPI) -> TestClient:
    return TestClient(app, base_url="https://testserver", raise_server_exceptions=False, follow_redirects=False)


def csrf_of(html: str) -> str:
    found = CSRF_FIELD.search(html)
    assert found is not None, "the page has no CSRF token"
    return found.group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> httpx.Response:
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


@dataclass
class Web:
    """The application, its store, and for each role a signed-in browser and an API token."""

    app: FastAPI
    store: Store
    tmp_path: Path
    tokens: dict[str, str] = field(default_factory=dict)
    browsers: dict[str, TestClient] = field(default_factory=dict)

    def api(self, who: str) -> TestClient:
        client = client_for(self.app)
        client.headers["Authorization"] = f"Bearer {self.tokens[who]}"
        return client

    def browser(self, who: str) -> TestClient:
        if who not in self.browsers:
            client = client_for(self.app)
            assert login(client, who).status_code == 303
            self.browsers[who] = client
        return self.browsers[who]

    def csrf(self, who: str) -> str:
        return csrf_of(self.browser(who).get("/account").text)


def make_web(store: Store, tmp_path: Path, **overrides: Any) -> Web:
    app = create_app(web_settings(tmp_path, **overrides), store)
    web = Web(app=app, store=store, tmp_path=tmp_path)
    password_hash = hash_password(PASSWORD)
    for name, role in ROLES.items():
        user = web_store.add_user(store, name, display_name=name.title(), password_hash=password_hash, role=role)
        web.tokens[name] = issue_token(store, user, "tests", scope=SCOPES_OF_ROLE[role][-1])[0]
    return web


def example_text() -> str:
    return (Path(__file__).resolve().parents[1] / "examples" / "ablyazov" / "case.yaml").read_text(encoding="utf-8")


def import_example(web: Web, who: str = "editor") -> None:
    """The example case, created by ``who`` and shared with the viewer (never with the outsider)."""
    files = {"file": ("case.yaml", example_text().encode(), "application/yaml")}
    response = web.api(who).post("/api/cases/import", files=files)
    assert response.status_code == 200, response.text
    assert web.api(who).put("/api/cases/ablyazov/shares/viewer").status_code == 200
