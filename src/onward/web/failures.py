"""Errors at the HTTP edge: one clear message per deliberate error, and never a stack trace.

``OnwardError`` subclasses map to status codes (404 not found — also for cases not shared with
the caller —, 409 conflicting edit, 422 invalid input, 401/403 access, 429 too many logins,
503 database unavailable). Anything else is a bug: it is logged with its traceback under a short
error id, and the browser sees only a generic page quoting that id.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from onward.errors import (
    CaseFileError,
    ConfigurationError,
    ConflictError,
    InputError,
    NotFoundError,
    OnwardError,
    StoreError,
)
from onward.web.access import CsrfRejectedError, ForbiddenError, NotAuthenticatedError
from onward.web.auth import TooManyAttemptsError
from onward.web.pages.render import redirect, render
from onward.web.uploads import UnsupportedUploadError, UploadTooLargeError

log = logging.getLogger("onward.web")

_STATUS: list[tuple[type[OnwardError], int, str]] = [
    (NotAuthenticatedError, 401, "not_authenticated"),
    (ForbiddenError, 403, "forbidden"),
    (CsrfRejectedError, 403, "csrf"),
    (TooManyAttemptsError, 429, "too_many_attempts"),
    (NotFoundError, 404, "not_found"),
    (ConflictError, 409, "conflict"),
    (UploadTooLargeError, 413, "too_large"),
    (UnsupportedUploadError, 415, "unsupported_media_type"),
    (CaseFileError, 422, "invalid_case_file"),
    (InputError, 422, "invalid_input"),
    (StoreError, 503, "store_unavailable"),
    (ConfigurationError, 500, "configuration"),
]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def status_of(error: OnwardError) -> tuple[int, str]:
    for kind, status, name in _STATUS:
        if isinstance(error, kind):
            return status, name
    return 400, "error"


def _onward_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, OnwardError)
    status, kind = status_of(error)
    if isinstance(error, NotAuthenticatedError) and not _is_api(request):
        return redirect(f"/login?next={request.url.path}")
    if _is_api(request):
        body: dict[str, Any] = {"error": kind, "message": error.message}
        if error.hint:
            body["hint"] = error.hint
        if isinstance(error, CaseFileError):
            body["problems"] = [vars(problem) for problem in error.problems]
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse(body, status_code=status, headers=headers)
    return render(request, "error.html", status_code=status, status=status, message=error.message, hint=error.hint)


def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _is_api(request):
        return JSONResponse({"error": "http", "message": str(error.detail)}, status_code=error.status_code)
    message = "page not found" if error.status_code == 404 else str(error.detail)
    return render(request, "error.html", status_code=error.status_code, status=error.status_code, message=message)


def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        {"field": ".".join(str(part) for part in problem["loc"]), "message": problem["msg"]}
        for problem in error.errors()
    ]
    if _is_api(request):
        return JSONResponse({"error": "invalid_input", "message": "invalid request", "problems": problems}, 422)
    text = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return render(request, "error.html", status_code=422, status=422, message=text)


def _unexpected(request: Request, error: Exception) -> Response:
    error_id = secrets.token_hex(4)
    log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=error)
    message = f"an unexpected error occurred (error id {error_id}); it has been logged"
    if _is_api(request):
        return JSONResponse({"error": "internal", "message": message, "error_id": error_id}, status_code=500)
    try:
        return render(request, "error.html", status_code=500, status=500, message=message, error_id=error_id)
    except Exception:  # the page itself failed (e.g. the database is down): plain text, still no trace
        log.exception("error %s: the error page could not be rendered", error_id)
        return PlainTextResponse(message, status_code=500)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(OnwardError, _onward_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
