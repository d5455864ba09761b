"""``/api/me``, ``/api/users`` and ``/api/tokens``: the caller, the accounts (admins) and API tokens."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from onward.store import web as web_store
from onward.store.web import ApiToken, Role, User
from onward.web import audit
from onward.web.access import Caller, require_role, require_session
from onward.web.api.schemas import NewTokenOut, TokenIn, TokenOut, UserIn, UserOut, UserPatch
from onward.web.auth import check_username, issue_token, new_password_hash
from onward.web.context import web_context

router = APIRouter(prefix="/api", tags=["accounts"])


def user_out(user: User) -> UserOut:
    return UserOut(
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        active=user.active,
        created_at=user.created_at,
    )


def token_out(token: ApiToken) -> TokenOut:
    return TokenOut(
        id=token.id,
        name=token.name,
        scope=token.scope,
        created_at=token.created_at,
        expires_at=token.expires_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


@router.get("/me", response_model=UserOut)
def me(caller: Caller) -> UserOut:
    """The account making the request."""
    return user_out(caller.user)


@router.get("/users", response_model=list[UserOut])
def list_users(request: Request, caller: Caller) -> list[UserOut]:
    require_role(caller, Role.ADMIN)
    return [user_out(u) for u in web_store.list_users(web_context(request).store)]


@router.post("/users", response_model=UserOut, status_code=201)
def add_user(request: Request, body: UserIn, caller: Caller) -> UserOut:
    """Create an account (admins only)."""
    require_role(caller, Role.ADMIN)
    user = web_store.add_user(
        web_context(request).store,
        check_username(body.username),
        display_name=body.display_name or body.username,
        password_hash=new_password_hash(body.password, username=body.username),
        role=body.role,
    )
    audit.record(request, caller.actor, audit.Action.USER_ADD, user=user.username, role=user.role.value)
    return user_out(user)


@router.patch("/users/{username}", response_model=UserOut)
def update_user(request: Request, username: str, body: UserPatch, caller: Caller) -> UserOut:
    """Change an account's role, display name, or disable it (admins only); disabling ends its sessions."""
    require_role(caller, Role.ADMIN)
    user = web_store.update_user(
        web_context(request).store, username, active=body.active, role=body.role, display_name=body.display_name
    )
    changes = body.model_dump(exclude_none=True, mode="json")
    audit.record(request, caller.actor, audit.Action.USER_UPDATE, user=user.username, **changes)
    return user_out(user)


@router.get("/tokens", response_model=list[TokenOut])
def list_tokens(request: Request, caller: Caller) -> list[TokenOut]:
    """The caller's API tokens (their secrets are never shown again)."""
    return [token_out(t) for t in web_store.list_tokens(web_context(request).store, caller.user.id)]


@router.post("/tokens", response_model=NewTokenOut, status_code=201)
def create_token(request: Request, body: TokenIn, caller: Caller) -> NewTokenOut:
    """A new API token for the caller; send it as ``Authorization: Bearer <token>``.

    Only a signed-in person may create one (a token cannot mint tokens); its scope may not exceed
    the caller's role, and ``days`` makes it expire.
    """
    require_session(caller, "create API tokens")
    store = web_context(request).store
    secret, token = issue_token(store, caller.user, body.name, scope=body.scope, days=body.days)
    audit.record(
        request, caller.actor, audit.Action.TOKEN_CREATE, token=token.id, name=token.name, scope=token.scope.value
    )
    return NewTokenOut(token=secret, **token_out(token).model_dump())


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(request: Request, token_id: str, caller: Caller) -> Response:
    web_store.revoke_token(web_context(request).store, token_id, caller.user.id)
    audit.record(request, caller.actor, audit.Action.TOKEN_REVOKE, token=token_id)
    return Response(status_code=204)
