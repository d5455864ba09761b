"""Counting login attempts atomically, per account and address and per address, with backoff.

Each attempt is counted *before* its password is checked, in one transaction that locks the counters
(``SELECT … FOR UPDATE`` on PostgreSQL; the store's writer lock and SQLite's single writer otherwise),
so forty simultaneous guesses cannot all slip under the limit: only the first ``limit`` are checked.
A key over its limit is locked; each further lock of the same key lasts twice as long as the last
(at most a day). Counting by (account, address) means a guesser elsewhere cannot lock the real user
out of their own address; the per-address key bounds one address guessing many accounts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from onward.store.engine import Store
from onward.store.tables_web import login_throttle
from onward.store.web import as_utc

LONGEST_LOCK = dt.timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    """At most ``attempts`` failed logins per window for one key."""

    key: str
    attempts: int


def account_key(username: str, address: str) -> str:
    return f"{username}\n{address}"


def address_key(address: str) -> str:
    return f"\n{address}"


def _ensure_row(connection: Connection, key: str, now: dt.datetime) -> None:
    values = {"key": key, "failures": 0, "window_start": now, "lockouts": 0, "locked_until": None}
    if connection.dialect.name == "postgresql":
        connection.execute(postgresql.insert(login_throttle).values(**values).on_conflict_do_nothing())
    else:
        connection.execute(sqlite.insert(login_throttle).values(**values).on_conflict_do_nothing())


def reserve(store: Store, limits: Sequence[Limit], *, window: dt.timedelta) -> dt.datetime | None:
    """Count one attempt against every key; None when it may be checked, else when to try again."""
    now = store.clock()
    with store.serial_writes, store.transaction() as connection:
        rows = {}
        for limit in limits:
            _ensure_row(connection, limit.key, now)
            query = select(login_throttle).where(login_throttle.c.key == limit.key).with_for_update()
            rows[limit.key] = connection.execute(query).one()
        locks = [as_utc(r.locked_until) for r in rows.values() if r.locked_until is not None]
        if any(until > now for until in locks):
            return max(until for until in locks if until > now)
        refused_until: dt.datetime | None = None
        for limit in limits:
            row = rows[limit.key]
            fresh = as_utc(row.window_start) <= now - window
            failures = (0 if fresh else row.failures) + 1
            values: dict[str, object] = {"failures": failures, "window_start": now if fresh else row.window_start}
            if failures > limit.attempts:
                lockouts = row.lockouts + 1
                until = now + min(window * 2 ** (lockouts - 1), LONGEST_LOCK)
                values = {"failures": 0, "window_start": now, "lockouts": lockouts, "locked_until": until}
                refused_until = until if refused_until is None else max(refused_until, until)
            connection.execute(update(login_throttle).where(login_throttle.c.key == limit.key).values(**values))
    return refused_until


def succeeded(store: Store, account: str, address: str) -> None:
    """A correct password: the account's counter and backoff start again; the address's attempt is
    taken back (it was counted before the check)."""
    with store.serial_writes, store.transaction() as connection:
        connection.execute(delete(login_throttle).where(login_throttle.c.key == account))
        connection.execute(
            update(login_throttle)
            .where(login_throttle.c.key == address, login_throttle.c.failures > 0)
            .values(failures=login_throttle.c.failures - 1)
        )


def forget(store: Store, *, before: dt.datetime) -> int:
    """Drop counters idle since ``before`` and no longer locked; returns how many."""
    with store.serial_writes, store.transaction() as connection:
        result = connection.execute(
            delete(login_throttle).where(
                login_throttle.c.window_start < before,
                or_(login_throttle.c.locked_until.is_(None), login_throttle.c.locked_until < before),
            )
        )
    return int(result.rowcount)
