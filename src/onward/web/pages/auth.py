"""The login form, signing out, and the language switch."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from onward.store import web as web_store
from onward.web import audit
from onward.web.access import SESSION_COOKIE, optional_principal
from onward.web.auth import (
    LoginRefusedError,
    TooManyAttemptsError,
    authenticate,
    forget_stale,
    sha256,
    start_session,
)
from onward.web.context import client_ip, web_context
from onward.web.i18n import LANGUAGE_COOKIE, LANGUAGES
from onward.web.pages.render import redirect, render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only local paths: a login link must not bounce the user to another site."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/cases"


@router.get("/")
def home() -> Response:
    return redirect("/cases")


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", next=_safe_next(next), error=None, username="")


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/cases",
) -> Response:
    context = web_context(request)
    settings = context.settings
    try:
        user = authenticate(context.store, username, password, ip=client_ip(request), policy=context.login_policy)
    except (LoginRefusedError, TooManyAttemptsError) as refused:
        audit.record(request, username or "-", audit.Action.LOGIN_FAILED, reason=type(refused).__name__)
        status = 429 if isinstance(refused, TooManyAttemptsError) else 401
        return render(
            request, "login.html", status_code=status, next=_safe_next(next), error=refused.message, username=username
        )
    forget_stale(context.store, history=dt.timedelta(days=settings.login_history_days))
    key = start_session(context.store, user, ip=client_ip(request), hours=settings.session_hours)
    audit.record(request, user.username, audit.Action.LOGIN, via="password")
    response = redirect(_safe_next(next))
    response.set_cookie(
        SESSION_COOKIE,
        context.signer.session_cookie(key),
        max_age=settings.session_hours * 3600,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="lax",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    caller = optional_principal(request)
    if caller is not None and caller.via == "session":
        web_store.end_session(web_context(request).store, sha256(caller.binding))
        audit.record(request, caller.actor, audit.Action.LOGOUT)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang/{language}")
def switch_language(request: Request, language: str, next: str | None = None) -> Response:
    """Remember the interface language chosen with the switch in the page header."""
    response = redirect(_safe_next(next))
    if language in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            language,
            max_age=365 * 86400,
            samesite="lax",
            secure=web_context(request).settings.cookie_secure,
        )
    return response
