"""A user without access to a case gets 404 for it on every case route, generated from the route table.

The matrix is built from the application itself, so a case route added later is covered without
editing this file: every method of every path that names ``{case_id}``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from onward.store import Store
from onward.web.app import API_ROUTERS, PAGE_ROUTERS
from tests.webhelpers import Web, import_example, make_web

# Bodies that would be valid if the caller had access, so that only access decides the answer.
_VALID_FORMS = {
    "/cases/{case_id}/edit": {"version": "1", "title": "x"},
    "/cases/{case_id}/yaml": {"version": "1", "text": "x: 1", "action": "check"},
    "/cases/{case_id}/share": {"username": "viewer"},
    "/cases/{case_id}/unshare": {"username": "viewer"},
    "/cases/{case_id}/evidence/attach": {"passage_id": "no-such-passage"},
}
_PATH_VALUES = {"{username}": "viewer", "{kind}": "open_letter", "{fmt}": "md", "{section}": "sources", "{index}": "0"}


def case_routes(web: Web) -> list[tuple[str, str]]:
    """Every (method, path) of the application that names a case."""
    routes = []
    for router in API_ROUTERS + PAGE_ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute) and "{case_id}" in route.path:
                routes.extend((method, route.path) for method in sorted(route.methods - {"HEAD"}))
    return routes


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    web = make_web(store, tmp_path)
    import_example(web)
    return web


def _call(web: Web, who: str, method: str, path: str, case_id: str) -> int:
    url = path.replace("{case_id}", case_id)
    for placeholder, value in _PATH_VALUES.items():
        url = url.replace(placeholder, value)
    if path.startswith("/api/"):
        client = web.api(who)
        body = {"version": 1, "case": {}} if method == "PUT" and path == "/api/cases/{case_id}" else None
        return client.request(method, url, json=body).status_code
    client = web.browser(who)
    data = dict(_VALID_FORMS.get(path, {}))
    if method == "POST":
        data["csrf_token"] = web.csrf(who)
    return client.request(method, url, data=data or None).status_code


def test_the_matrix_covers_pages_and_api(web: Web) -> None:
    routes = case_routes(web)
    assert any(path.startswith("/api/") for _, path in routes)
    assert any(not path.startswith("/api/") for _, path in routes)
    assert len(routes) >= 15


def test_no_access_is_404_on_every_case_route(web: Web) -> None:
    answers = {(method, path): _call(web, "outsider", method, path, "ablyazov") for method, path in case_routes(web)}
    assert {key: code for key, code in answers.items() if code != 404} == {}


def test_no_access_looks_exactly_like_no_such_case(web: Web) -> None:
    hidden = web.api("outsider").get("/api/cases/ablyazov")
    missing = web.api("outsider").get("/api/cases/no-such-case")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["error"] == missing.json()["error"] == "not_found"
    assert web.api("outsider").get("/api/cases").json() == []
    assert "ablyazov" not in web.browser("outsider").get("/cases").text


def test_with_access_the_same_routes_answer(web: Web) -> None:
    for method, path in case_routes(web):
        if method == "GET":
            code = _call(web, "editor", method, path, "ablyazov")
            assert code == 200, (method, path, code)


def test_sharing_grants_and_withdrawing_removes_access(web: Web) -> None:
    outsider = web.api("outsider")
    assert outsider.get("/api/cases/ablyazov").status_code == 404
    assert web.api("editor").put("/api/cases/ablyazov/shares/outsider").status_code == 200
    assert outsider.get("/api/cases/ablyazov").status_code == 200
    assert {s["username"] for s in outsider.get("/api/cases/ablyazov/shares").json()} == {
        "editor",
        "viewer",
        "outsider",
    }
    assert web.api("editor").delete("/api/cases/ablyazov/shares/outsider").status_code == 200
    assert outsider.get("/api/cases/ablyazov").status_code == 404
