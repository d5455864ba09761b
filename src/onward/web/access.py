"""Who is asking and what they may see: the request-level guards every route depends on.

A user sees a case only when it is shared with them; for anyone else the case does not exist —
every page and endpoint answers 404, exactly as for an id that names nothing, so that not even the
existence of a file on a given person leaks. Unsafe requests made with a browser session must carry
the session's CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from onward.errors import NotFoundError, OnwardError
from onward.model.case import Case
from onward.store import cases as case_store
from onward.store import web_access
from onward.store.web import Role, TokenScope
from onward.web import audit
from onward.web.auth import Principal, session_principal, token_principal
from onward.web.context import web_context

SESSION_COOKIE = "onward_session"
PRE_SESSION_COOKIE = "onward_pre"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class NotAuthenticatedError(OnwardError):
    """No valid session or token: the API answers 401, pages send the browser to the login form."""


class ForbiddenError(OnwardError):
    """Signed in, but the role does not allow this (e.g. a viewer editing a case): 403."""


class CsrfRejectedError(OnwardError):
    """An unsafe request from a browser session without its CSRF token: 403."""


def optional_principal(request: Request) -> Principal | None:
    """The caller, from ``Authorization: Bearer onw_…`` or the session cookie; cached per request."""
    if hasattr(request.state, "principal"):
        cached = request.state.principal
        return cached if isinstance(cached, Principal) else None
    context = web_context(request)
    found: Principal | None = None
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        found = token_principal(context.store, header[7:].strip())
        if found is None:
            raise NotAuthenticatedError("the API token is unknown, revoked, or its account is disabled")
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        key = context.signer.session_key(cookie) if cookie else None
        found = session_principal(context.store, key) if key else None
    request.state.principal = found
    return found


def principal(request: Request) -> Principal:
    """The signed-in caller; 401 (API) or a redirect to the login form (pages) otherwise."""
    found = optional_principal(request)
    if found is None:
        raise NotAuthenticatedError("sign in first (or send an API token as 'Authorization: Bearer …')")
    return found


def csrf_binding(request: Request) -> str | None:
    """What a CSRF token is bound to: the session key, or the pre-session nonce on the login form."""
    found = optional_principal(request)
    if found is not None and found.via == "session":
        return found.binding
    return request.cookies.get(PRE_SESSION_COOKIE)


async def csrf_guard(request: Request) -> AsyncIterator[None]:
    """Refuse an unsafe request from a browser whose CSRF token is missing or wrong (tokens are exempt).

    A form parsed here is closed once the response is sent (its uploaded files are temporary files).
    """
    form: FormData | None = None
    try:
        if request.method not in SAFE_METHODS:
            form = await _check_csrf(request)
        yield
    finally:
        if form is not None:
            await form.close()


async def _check_csrf(request: Request) -> FormData | None:
    found = optional_principal(request)
    if found is not None and found.via == "token":
        if found.scope is TokenScope.READ:
            raise ForbiddenError("this API token has the read scope: it may only read")
        return None
    binding = csrf_binding(request)
    if binding is None and found is None and request.url.path != "/login":
        return None  # not signed in: the route's own guard answers 401 or sends the browser to log in
    token = request.headers.get("x-csrf-token")
    form: FormData | None = None
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form(max_part_size=web_context(request).settings.max_upload_bytes)
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    if binding is None or token is None or not web_context(request).signer.csrf_valid(token, binding):
        if form is not None:
            await form.close()
        raise CsrfRejectedError("the form expired or did not come from this site; reload the page and try again")
    return form


def require_role(caller: Principal, *roles: Role) -> None:
    """403 unless the caller has one of ``roles``; admin work by API token also needs the admin scope."""
    if not caller.has_role(*roles):
        allowed = " or ".join(role.value for role in roles)
        raise ForbiddenError(f"this needs the {allowed} role; you are {caller.user.role.value}")
    if caller.via == "token" and Role.EDITOR not in roles and caller.scope is not TokenScope.ADMIN:
        raise ForbiddenError("this needs an API token with the admin scope")


def require_session(caller: Principal, doing: str) -> None:
    """Some things only a person signed in with their password may do (a token must not mint tokens)."""
    if caller.via != "session":
        raise ForbiddenError(f"only a signed-in person may {doing}, not an API token")


def ensure_access(request: Request, caller: Principal, case_id: str) -> None:
    """404 — never 403 — for a case that is not shared with the caller."""
    if not web_access.can_access(web_context(request).store, caller.user, case_id):
        raise NotFoundError(f"no case with id {case_id!r}")


def read_case(request: Request, caller: Principal, case_id: str) -> tuple[Case, int]:
    """The case and its version, after the access check; the read is recorded in the audit trail."""
    ensure_access(request, caller, case_id)
    case, version = case_store.get_case(web_context(request).store, case_id)
    audit.record(request, caller.actor, audit.Action.CASE_READ, case_id=case_id, version=version)
    return case, version


Caller = Annotated[Principal, Depends(principal)]
"""A route parameter for the signed-in caller."""
