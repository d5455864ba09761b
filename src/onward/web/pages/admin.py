"""Administration pages: accounts (add, change role, disable) and the audit trail with its chain check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from onward.errors import ConflictError, InputError
from onward.store import web as web_store
from onward.store import web_audit
from onward.store.web import Role
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.auth import check_username, new_password_hash
from onward.web.context import web_context
from onward.web.pages.render import redirect, render

router = APIRouter(include_in_schema=False)
ROLES = [role.value for role in Role]


def _users_page(request: Request, *, status_code: int = 200, **values: object) -> Response:
    users = web_store.list_users(web_context(request).store)
    values.setdefault("errors", {})
    values.setdefault("entered", {})
    return render(request, "admin_users.html", status_code=status_code, users=users, roles=ROLES, **values)


@router.get("/admin/users")
def users(request: Request, caller: Caller) -> Response:
    require_role(caller, Role.ADMIN)
    return _users_page(request)


@router.post("/admin/users")
def add_user(
    request: Request,
    caller: Caller,
    username: Annotated[str, Form(max_length=80)] = "",
    display_name: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=10)] = "viewer",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    require_role(caller, Role.ADMIN)
    entered = {"username": username, "display_name": display_name, "role": role}
    errors: dict[str, str] = {}
    try:
        check_username(username.strip())
    except InputError as error:
        errors["username"] = error.message.removeprefix("username: ")
    if role not in ROLES:
        errors["role"] = f"one of {', '.join(ROLES)}"
    try:
        password_hash = new_password_hash(password, username=username.strip())
    except InputError as error:
        errors["password"] = error.message.removeprefix("password: ")
    if errors:
        return _users_page(request, status_code=422, errors=errors, entered=entered)
    try:
        user = web_store.add_user(
            web_context(request).store,
            username.strip(),
            display_name=display_name.strip() or username.strip(),
            password_hash=password_hash,
            role=Role(role),
        )
    except ConflictError as error:
        return _users_page(request, status_code=409, errors={"username": error.message}, entered=entered)
    audit.record(request, caller.actor, audit.Action.USER_ADD, user=user.username, role=user.role.value)
    return redirect("/admin/users")


@router.post("/admin/users/{username}")
def update_user(
    request: Request,
    username: str,
    caller: Caller,
    role: Annotated[str, Form(max_length=10)] = "",
    active: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    """Change a user's role or enable/disable the account (disabling ends its sessions at once)."""
    require_role(caller, Role.ADMIN)
    new_role = Role(role) if role in ROLES else None
    new_active = {"true": True, "false": False}.get(active)
    if username == caller.actor and (new_active is False or (new_role and new_role is not Role.ADMIN)):
        raise InputError("you cannot disable or demote your own account; ask another admin")
    web_store.update_user(web_context(request).store, username, role=new_role, active=new_active)
    audit.record(request, caller.actor, audit.Action.USER_UPDATE, user=username, role=role or None, active=new_active)
    return redirect("/admin/users")


@router.get("/admin/audit")
def audit_trail(request: Request, caller: Caller, case_id: str | None = None, limit: int = 300) -> Response:
    require_role(caller, Role.ADMIN)
    store = web_context(request).store
    check = web_audit.verify_chain(store)
    entries = web_audit.entries(store, case_id=case_id or None, limit=max(1, min(limit, 5000)))
    audit.record(request, caller.actor, audit.Action.AUDIT_READ, case=case_id or None)
    return render(request, "admin_audit.html", entries=entries, check=check, case_id=case_id or "")
