"""Rendering a page: the template, the reader's language, the signed-in user and a CSRF token.

Every page form carries ``csrf_token``; htmx requests send the same token as ``X-CSRF-Token``
(set once on ``<body hx-headers>``). Visitors who are not signed in get a pre-session nonce cookie
so that the login form is protected too.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from onward.web.access import PRE_SESSION_COOKIE, NotAuthenticatedError, csrf_binding, optional_principal
from onward.web.context import web_context
from onward.web.i18n import LANGUAGE_COOKIE, choose_language, format_moment, translator


def language_of(request: Request) -> str:
    return choose_language(request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language"))


def render(request: Request, template: str, *, status_code: int = 200, **values: Any) -> HTMLResponse:
    """The page ``template`` filled with ``values``, in the reader's language."""
    context = web_context(request)
    language = language_of(request)
    try:
        caller = optional_principal(request)
    except NotAuthenticatedError:  # a bad API token on a page request: render as signed out
        caller = None
    binding = csrf_binding(request) if caller is not None else request.cookies.get(PRE_SESSION_COOKIE)
    new_nonce = None
    if binding is None:
        new_nonce = binding = secrets.token_urlsafe(24)
    html = context.templates.get_template(template).render(
        request=request,
        _=translator(language),
        lang=language,
        when=lambda moment: format_moment(moment, language),
        user=caller.user if caller else None,
        csrf=context.signer.csrf_token(binding),
        htmx=context.htmx,
        **values,
    )
    response = HTMLResponse(html, status_code=status_code)
    if new_nonce is not None:
        response.set_cookie(
            PRE_SESSION_COOKIE,
            new_nonce,
            httponly=True,
            secure=context.settings.cookie_secure,
            samesite="strict",
        )
    return response


def redirect(url: str) -> RedirectResponse:
    """After a successful POST, send the browser to a page it can reload safely (303 See Other)."""
    return RedirectResponse(url, status_code=303)
