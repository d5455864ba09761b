"""Accounts, sessions, API tokens and per-case sharing for the web application: all of their SQL.

Passwords and token secrets arrive here already hashed (``onward.web.auth`` hashes them); this module
only stores and finds rows. Access to a case is a row in ``case_shares``: no row, no case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from onward.errors import ConflictError, NotFoundError
from onward.store.engine import Store
from onward.store.tables_web import web_sessions, web_tokens, web_users


class LastAdminError(ConflictError):
    """The change would leave no active admin: 409."""


class Role(StrEnum):
    """What a user may do: admins manage accounts and read the audit trail; viewers only read."""

    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    password_hash: str
    role: Role
    active: bool
    created_at: dt.datetime


class TokenScope(StrEnum):
    """What an API token may do: read (safe requests only), write (also change cases), admin (also
    manage accounts and read the audit trail). Never more than its account's role allows."""

    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


@dataclass(frozen=True)
class ApiToken:
    id: str
    user_id: int
    name: str
    secret_hash: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    scope: TokenScope
    expires_at: dt.datetime | None


@dataclass(frozen=True)
class Share:
    case_id: str
    username: str
    granted_by: str
    granted_at: dt.datetime


def as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _user(row: Row[Any]) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        password_hash=row.password_hash,
        role=Role(row.role),
        active=bool(row.active),
        created_at=as_utc(row.created_at),
    )


# -- users -------------------------------------------------------------------------------------------


def add_user(store: Store, username: str, *, display_name: str, password_hash: str, role: Role) -> User:
    """Create an account; a taken username is a conflict, never a silent overwrite."""
    try:
        with store.transaction() as connection:
            connection.execute(
                insert(web_users).values(
                    username=username,
                    display_name=display_name,
                    password_hash=password_hash,
                    role=role.value,
                    active=True,
                    created_at=store.clock(),
                )
            )
    except IntegrityError as exc:
        raise ConflictError(f"a user named {username!r} already exists", hint="choose another username") from exc
    return get_user(store, username)


def find_user(store: Store, username: str) -> User | None:
    with store.read() as connection:
        row = connection.execute(select(web_users).where(web_users.c.username == username)).first()
    return None if row is None else _user(row)


def get_user(store: Store, username: str) -> User:
    user = find_user(store, username)
    if user is None:
        raise NotFoundError(f"no user named {username!r}", hint="`onward user list` shows the accounts")
    return user


def user_by_id(connection: Connection, user_id: int) -> User | None:
    row = connection.execute(select(web_users).where(web_users.c.id == user_id)).first()
    return None if row is None else _user(row)


def list_users(store: Store) -> list[User]:
    with store.read() as connection:
        return [_user(row) for row in connection.execute(select(web_users).order_by(web_users.c.username))]


def update_user(
    store: Store,
    username: str,
    *,
    active: bool | None = None,
    role: Role | None = None,
    password_hash: str | None = None,
    display_name: str | None = None,
) -> User:
    """Change an account; disabling it or changing its password also ends its sessions and revokes its tokens."""
    user = get_user(store, username)
    values: dict[str, object] = {}
    if active is not None:
        values["active"] = active
    if role is not None:
        values["role"] = role.value
    if password_hash is not None:
        values["password_hash"] = password_hash
    if display_name is not None:
        values["display_name"] = display_name
    with store.serial_writes, store.transaction() as connection:
        if user.role is Role.ADMIN and (active is False or (role is not None and role is not Role.ADMIN)):
            _keep_an_admin(connection, user)
        if values:
            connection.execute(update(web_users).where(web_users.c.id == user.id).values(**values))
        if active is False or password_hash is not None:
            # Sessions end and tokens are revoked for good: enabling the account again revives neither.
            connection.execute(delete(web_sessions).where(web_sessions.c.user_id == user.id))
            connection.execute(
                update(web_tokens)
                .where(web_tokens.c.user_id == user.id, web_tokens.c.revoked_at.is_(None))
                .values(revoked_at=store.clock())
            )
    return get_user(store, username)


def _keep_an_admin(connection: Connection, user: User) -> None:
    """Refuse to demote or disable the last active admin: nobody could manage the accounts after.

    The admins' rows are locked (PostgreSQL) so that two admins demoting each other at once cannot
    both succeed; on SQLite the store's writer lock does the same.
    """
    query = select(web_users.c.id).where(web_users.c.role == Role.ADMIN.value, web_users.c.active.is_(True))
    others = [row.id for row in connection.execute(query.with_for_update()) if row.id != user.id]
    if user.active and not others:
        raise LastAdminError(
            f"{user.username!r} is the last active admin: demoting or disabling them would leave nobody to "
            "manage the accounts",
            hint="make another account admin first",
        )


# -- sessions ----------------------------------------------------------------------------------------


def add_session(store: Store, key_hash: str, user_id: int, *, expires_at: dt.datetime, ip: str) -> None:
    with store.transaction() as connection:
        connection.execute(
            insert(web_sessions).values(
                key_hash=key_hash, user_id=user_id, created_at=store.clock(), expires_at=expires_at, ip=ip
            )
        )


def session_user(store: Store, key_hash: str) -> User | None:
    """The active user of a live session; expired sessions are removed on sight."""
    with store.read() as connection:
        row = connection.execute(select(web_sessions).where(web_sessions.c.key_hash == key_hash)).first()
        if row is None:
            return None
        if as_utc(row.expires_at) <= store.clock():
            end_session(store, key_hash)
            return None
        user = user_by_id(connection, row.user_id)
    return user if user is not None and user.active else None


def end_session(store: Store, key_hash: str) -> None:
    with store.transaction() as connection:
        connection.execute(delete(web_sessions).where(web_sessions.c.key_hash == key_hash))


# -- API tokens --------------------------------------------------------------------------------------


def _token(row: Row[Any]) -> ApiToken:
    last = row.last_used_at
    revoked = row.revoked_at
    expires = row.expires_at
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        secret_hash=row.secret_hash,
        created_at=as_utc(row.created_at),
        last_used_at=None if last is None else as_utc(last),
        revoked_at=None if revoked is None else as_utc(revoked),
        scope=TokenScope(row.scope),
        expires_at=None if expires is None else as_utc(expires),
    )


def add_token(
    store: Store,
    token_id: str,
    user_id: int,
    *,
    name: str,
    secret_hash: str,
    scope: TokenScope,
    expires_at: dt.datetime | None,
) -> ApiToken:
    with store.transaction() as connection:
        connection.execute(
            insert(web_tokens).values(
                id=token_id,
                user_id=user_id,
                name=name,
                secret_hash=secret_hash,
                created_at=store.clock(),
                scope=scope.value,
                expires_at=expires_at,
            )
        )
        row = connection.execute(select(web_tokens).where(web_tokens.c.id == token_id)).one()
    return _token(row)


def find_token(store: Store, token_id: str) -> ApiToken | None:
    with store.read() as connection:
        row = connection.execute(select(web_tokens).where(web_tokens.c.id == token_id)).first()
    return None if row is None else _token(row)


def token_used(store: Store, token_id: str) -> None:
    with store.transaction() as connection:
        connection.execute(update(web_tokens).where(web_tokens.c.id == token_id).values(last_used_at=store.clock()))


def list_tokens(store: Store, user_id: int) -> list[ApiToken]:
    query = select(web_tokens).where(web_tokens.c.user_id == user_id).order_by(web_tokens.c.created_at)
    with store.read() as connection:
        return [_token(row) for row in connection.execute(query)]


def revoke_token(store: Store, token_id: str, user_id: int) -> None:
    with store.transaction() as connection:
        result = connection.execute(
            update(web_tokens)
            .where(web_tokens.c.id == token_id, web_tokens.c.user_id == user_id, web_tokens.c.revoked_at.is_(None))
            .values(revoked_at=store.clock())
        )
    if result.rowcount != 1:
        raise NotFoundError(f"no active token {token_id!r} of yours")
