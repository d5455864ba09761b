"""Stored links and the browser's defences: only http(s) addresses are accepted or rendered as links,
and every response carries a Content-Security-Policy without inline script, plus nosniff, framing
and referrer rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from onward.evidence.sourcemeta import SourceMeta
from onward.model.source import Source
from onward.store import Store
from onward.web.security import web_url
from tests.webhelpers import Web, client_for, import_example, make_web

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "onward" / "web" / "pages" / "templates"
HOSTILE = [
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<script>1</script>",
    "/relative",
]


@pytest.fixture
def web(store: Store, tmp_path: Path) -> Web:
    return make_web(store, tmp_path)


@pytest.mark.parametrize("url", HOSTILE)
def test_a_source_address_must_be_http_or_https(url: str) -> None:
    with pytest.raises(ValidationError, match="expected a web address starting with http:// or https://"):
        Source(id="s", publisher="p", title="t", url=url)
    with pytest.raises(ValidationError, match="http:// or https://"):
        SourceMeta(url=url)
    assert (
        Source(id="s", publisher="p", title="t", url="https://www.hrw.org/report").url == "https://www.hrw.org/report"
    )


@pytest.mark.parametrize("url", HOSTILE)
def test_the_template_filter_renders_only_web_addresses_as_links(url: str) -> None:
    assert web_url(url) is None
    assert web_url("http://example.org/a?b=c") == "http://example.org/a?b=c"
    assert web_url(None) is None


def test_a_case_source_with_a_script_address_is_refused_with_its_location(web: Web) -> None:
    import_example(web)
    body = web.api("editor").get("/api/cases/ablyazov").json()
    body["case"]["sources"][0]["url"] = "javascript:fetch('/api/users')"
    response = web.api("editor").put("/api/cases/ablyazov", json=body)
    assert response.status_code == 422
    problem = response.json()["problems"][0]
    assert problem["path"].endswith("url")
    assert "http:// or https://" in problem["message"]
    assert "javascript" not in web.browser("viewer").get("/cases/ablyazov").text.lower()


def test_an_upload_with_a_script_address_as_provenance_is_refused_beside_the_field(web: Web) -> None:
    form = {"csrf_token": web.csrf("editor"), "url": "javascript:alert(1)", "title": "A report"}
    response = web.browser("editor").post("/documents", data=form, files={"file": ("a.txt", b"text", "text/plain")})
    assert response.status_code == 422
    assert "http:// or https://" in response.text


def test_every_response_carries_a_strict_policy_and_the_headers_beside_it(web: Web) -> None:
    import_example(web)
    responses = [
        client_for(web.app).get("/login"),
        web.browser("editor").get("/cases/ablyazov"),
        web.api("editor").get("/api/cases"),
        client_for(web.app).get("/static/onward.css"),
        client_for(web.app).get("/no-such-page"),
    ]
    for response in responses:
        policy = response.headers["content-security-policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'"
        assert "unsafe-inline" not in policy
        assert directives["frame-ancestors"] == "'none'"
        assert directives["default-src"] == "'none'"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"


def test_no_template_holds_inline_script_handlers_or_styles() -> None:
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\sstyle=", text), template.name
        assert not re.search(r"\son[a-z]+=", text), template.name
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text), template.name
