"""Who may see which case, and how often someone tried a password: the access half of the web store.

A case is visible to a user only through a row in ``case_shares``; every case route of the web
application asks ``can_access`` before it reads anything, and answers 404 when it is false.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, func, insert, select

from onward.errors import NotFoundError
from onward.store.engine import Store
from onward.store.tables import cases
from onward.store.tables_web import case_shares, login_attempts, web_sessions, web_users
from onward.store.web import Share, User, as_utc


def share_case(store: Store, case_id: str, user: User, *, granted_by: str) -> bool:
    """Give ``user`` access to a case; returns False when they already had it."""
    with store.transaction() as connection:
        if connection.execute(select(cases.c.id).where(cases.c.id == case_id)).first() is None:
            raise NotFoundError(f"no case with id {case_id!r}")
        exists = connection.execute(
            select(case_shares.c.case_id).where(case_shares.c.case_id == case_id, case_shares.c.user_id == user.id)
        ).first()
        if exists is not None:
            return False
        connection.execute(
            insert(case_shares).values(
                case_id=case_id, user_id=user.id, granted_by=granted_by, granted_at=store.clock()
            )
        )
    return True


def unshare_case(store: Store, case_id: str, user: User) -> bool:
    with store.transaction() as connection:
        result = connection.execute(
            delete(case_shares).where(case_shares.c.case_id == case_id, case_shares.c.user_id == user.id)
        )
    return result.rowcount == 1


def can_access(store: Store, user: User, case_id: str) -> bool:
    query = select(case_shares.c.case_id).where(case_shares.c.case_id == case_id, case_shares.c.user_id == user.id)
    with store.read() as connection:
        return connection.execute(query).first() is not None


def owner_of(store: Store, case_id: str) -> str | None:
    """The username of the case's owner: the account that created it in the web application, whose
    share of it was therefore granted by itself. None for a case created from the command line."""
    query = (
        select(web_users.c.username)
        .join(case_shares, case_shares.c.user_id == web_users.c.id)
        .where(case_shares.c.case_id == case_id, case_shares.c.granted_by == web_users.c.username)
    )
    with store.read() as connection:
        row = connection.execute(query).first()
    return None if row is None else str(row.username)


def accessible_case_ids(store: Store, user: User) -> set[str]:
    with store.read() as connection:
        rows = connection.execute(select(case_shares.c.case_id).where(case_shares.c.user_id == user.id))
        return {row.case_id for row in rows}


def shares_of(store: Store, case_id: str) -> list[Share]:
    query = (
        select(case_shares.c.case_id, web_users.c.username, case_shares.c.granted_by, case_shares.c.granted_at)
        .join(web_users, web_users.c.id == case_shares.c.user_id)
        .where(case_shares.c.case_id == case_id)
        .order_by(web_users.c.username)
    )
    with store.read() as connection:
        return [Share(r.case_id, r.username, r.granted_by, as_utc(r.granted_at)) for r in connection.execute(query)]


def record_login_attempt(store: Store, username: str, ip: str, *, success: bool) -> None:
    with store.transaction() as connection:
        connection.execute(insert(login_attempts).values(at=store.clock(), username=username, ip=ip, success=success))


def recent_failures(store: Store, username: str, ip: str, *, since: dt.datetime) -> tuple[int, int]:
    """Failed logins since ``since``: (for this username, from this address)."""
    failed = and_(login_attempts.c.success.is_(False), login_attempts.c.at >= since)
    with store.read() as connection:
        by_user = connection.execute(
            select(func.count()).where(failed, login_attempts.c.username == username)
        ).scalar_one()
        by_ip = connection.execute(select(func.count()).where(failed, login_attempts.c.ip == ip)).scalar_one()
    return int(by_user), int(by_ip)


def forget_attempts(store: Store, *, before: dt.datetime) -> int:
    with store.transaction() as connection:
        result = connection.execute(delete(login_attempts).where(login_attempts.c.at < before))
    return int(result.rowcount)


def forget_expired_sessions(store: Store) -> int:
    """Remove sessions past their expiry (live ones are removed at sign-out or on sight when expired)."""
    with store.transaction() as connection:
        result = connection.execute(delete(web_sessions).where(web_sessions.c.expires_at <= store.clock()))
    return int(result.rowcount)
