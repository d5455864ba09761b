"""Defences that every response carries: a strict Content-Security-Policy and the headers beside it,
and the Jinja filter that keeps a stored link from ever running script.

A source's ``url`` is typed by whoever edits a case; rendered as a live link, ``javascript:…`` would
run in the browser of the next reader (an administrator, say) with their session. Input validation
(``onward.model.base.WebUrl``) refuses such addresses; ``web_url`` is the second line for anything
stored before that check existed. The policy forbids inline script and inline style, so that markup
slipped past both still cannot run: page behaviour lives in ``/static/onward.js``, layout in
``/static/onward.css``.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi.openapi.docs import get_swagger_ui_html
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onward.drafting.render_html import STYLE_SHEET
from onward.model.base import is_web_url

DOCS_PATH = "/api/docs"


def web_url(value: object) -> str | None:
    """``value`` when it is an http(s) address, else None: the template then shows it as plain text."""
    return value.strip() if isinstance(value, str) and is_web_url(value) else None


def _sha256_source(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def page_policy() -> str:
    """The policy of every page: nothing inline but the draft preview's own style sheet (by its hash)."""
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            f"style-src 'self' {_sha256_source(STYLE_SHEET)}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    )


def docs_policy(openapi_url: str, title: str) -> str:
    """The interactive API reference (Swagger UI from its CDN, as FastAPI serves it): its one inline
    script is allowed by hash; it shows no stored data, so its inline styles are tolerated there only."""
    html = bytes(get_swagger_ui_html(openapi_url=openapi_url, title=title).body).decode("utf-8")
    inline: list[str] = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    hashes = " ".join(_sha256_source(body) for body in inline)
    cdn = "https://cdn.jsdelivr.net"
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {cdn} {hashes}",
            f"style-src {cdn} 'unsafe-inline'",
            "img-src 'self' data: https://fastapi.tiangolo.com",
            "connect-src 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    """ASGI middleware adding the policy, ``nosniff``, framing and referrer rules to every response."""

    def __init__(self, app: ASGIApp, *, page_policy: str, docs_policy: str) -> None:
        self.app = app
        self.page_policy = page_policy
        self.docs_policy = docs_policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.docs_policy if scope["path"] == DOCS_PATH else self.page_policy

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "same-origin"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
            await send(message)

        await self.app(scope, receive, with_headers)
