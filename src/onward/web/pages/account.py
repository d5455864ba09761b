"""The reader's own account: change the password, create and revoke API tokens for scripts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from onward.errors import InputError
from onward.store import web as web_store
from onward.store.web import TokenScope
from onward.web import audit
from onward.web.access import Caller, require_session
from onward.web.auth import SCOPES_OF_ROLE, Principal, issue_token, new_password_hash, password_matches
from onward.web.context import web_context
from onward.web.pages.render import redirect, render

router = APIRouter(include_in_schema=False)


def _page(request: Request, caller: Principal, *, status_code: int = 200, **values: object) -> Response:
    tokens = web_store.list_tokens(web_context(request).store, caller.user.id)
    values.setdefault("errors", {})
    scopes = [s.value for s in SCOPES_OF_ROLE[caller.user.role]]
    return render(request, "account.html", status_code=status_code, tokens=tokens, scopes=scopes, **values)


@router.get("/account")
def account(request: Request, caller: Caller) -> Response:
    return _page(request, caller)


@router.post("/account/tokens")
def create_token(
    request: Request,
    caller: Caller,
    name: Annotated[str, Form(max_length=200)] = "",
    scope: Annotated[str, Form(max_length=10)] = TokenScope.READ.value,
    days: Annotated[str, Form(max_length=4)] = "",
) -> Response:
    """A token for a script: read-only unless asked otherwise, never above the reader's role."""
    require_session(caller, "create API tokens")
    try:
        chosen = TokenScope(scope) if scope in {s.value for s in TokenScope} else None
        if chosen is None:
            raise InputError(f"scope: expected read, write or admin, found {scope!r}")
        lifetime = int(days) if days.strip().isdigit() else None
        secret, token = issue_token(web_context(request).store, caller.user, name, scope=chosen, days=lifetime)
    except InputError as error:
        field, _, message = error.message.partition(": ")
        return _page(request, caller, status_code=422, errors={field: message})
    audit.record(
        request, caller.actor, audit.Action.TOKEN_CREATE, token=token.id, name=token.name, scope=token.scope.value
    )
    return _page(request, caller, new_token=secret)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: str, caller: Caller) -> Response:
    web_store.revoke_token(web_context(request).store, token_id, caller.user.id)
    audit.record(request, caller.actor, audit.Action.TOKEN_REVOKE, token=token_id)
    return redirect("/account")


@router.post("/account/password")
def change_password(
    request: Request,
    caller: Caller,
    current: Annotated[str, Form(max_length=1000)] = "",
    new: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """A new password; every session of the account ends, so the reader signs in again."""
    if not password_matches(caller.user.password_hash, current):
        return _page(request, caller, status_code=422, errors={"current": "the current password is wrong"})
    try:
        password_hash = new_password_hash(new, username=caller.actor)
    except InputError as error:
        return _page(request, caller, status_code=422, errors={"new": error.message.removeprefix("password: ")})
    web_store.update_user(web_context(request).store, caller.actor, password_hash=password_hash)
    audit.record(request, caller.actor, audit.Action.USER_UPDATE, user=caller.actor, password="changed")
    return redirect("/login")
