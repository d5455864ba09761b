"""The audit trail's SQL: append an entry chained to the previous one by SHA-256, read, and verify.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting or
reordering any row breaks every hash after it; ``verify_chain`` names the first broken entry. The
database also refuses UPDATE and DELETE on the table (triggers in migration 0004_web).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from onward.errors import StoreError
from onward.store.engine import Store
from onward.store.tables_web import audit_log

GENESIS = "0" * 64
_APPEND_ATTEMPTS = 20
# The advisory lock that queues writers of the chain on PostgreSQL (any fixed 64-bit number unique to it).
AUDIT_LOCK_KEY = 0x6F6E77617564  # "onwaud"


@dataclass(frozen=True)
class AuditEntry:
    """One recorded event: who did what to which case, when, from which address."""

    seq: int
    at: str
    actor: str
    action: str
    case_id: str | None
    ip: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainCheck:
    """The result of re-hashing the whole trail: intact, or the first entry that does not match."""

    entries: int
    intact: bool
    broken_at: int | None
    problem: str | None
    head: str


def entry_hash(prev_hash: str, at: str, actor: str, action: str, case_id: str | None, ip: str, detail: Any) -> str:
    body = {"at": at, "actor": actor, "action": action, "case_id": case_id, "ip": ip, "detail": detail}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append(
    store: Store,
    *,
    actor: str,
    action: str,
    ip: str,
    case_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry at the head of the chain; a concurrent writer makes us retry, never fork."""
    payload = dict(detail or {})
    at = _timestamp(store.clock())
    for _ in range(_APPEND_ATTEMPTS):
        try:
            with store.serial_writes, store.transaction() as connection:
                _wait_for_the_chain(connection)
                head = connection.execute(select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
                prev = GENESIS if head is None else head.hash
                digest = entry_hash(prev, at, actor, action, case_id, ip, payload)
                connection.execute(
                    insert(audit_log).values(
                        at=at,
                        actor=actor,
                        action=action,
                        case_id=case_id,
                        ip=ip,
                        detail=payload,
                        prev_hash=prev,
                        hash=digest,
                    )
                )
                row = connection.execute(select(audit_log).where(audit_log.c.hash == digest)).one()
            return _entry(row)
        except IntegrityError:
            continue  # another entry took this place in the chain first: chain onto it instead
    raise StoreError("could not append to the audit trail: too many concurrent writers")


def _wait_for_the_chain(connection: Connection) -> None:
    """Queue behind any other writer of the chain until this transaction ends.

    Readers of a case each append an entry; without a queue, 32 simultaneous reads race for the same
    head and most of them lose. On PostgreSQL a transaction-scoped advisory lock queues writers of
    every server process; on SQLite the store's process lock (taken by the caller) does, and SQLite
    itself admits one writer at a time across processes.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})


def _entry(row: Row[Any]) -> AuditEntry:
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=row.action,
        case_id=row.case_id,
        ip=row.ip,
        detail=row.detail,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def entries(
    store: Store, *, case_id: str | None = None, actor: str | None = None, limit: int | None = None
) -> list[AuditEntry]:
    """Entries newest first, optionally only those about one case or by one person."""
    query = select(audit_log).order_by(audit_log.c.seq.desc())
    if case_id is not None:
        query = query.where(audit_log.c.case_id == case_id)
    if actor is not None:
        query = query.where(audit_log.c.actor == actor)
    if limit is not None:
        query = query.limit(limit)
    with store.read() as connection:
        return [_entry(row) for row in connection.execute(query)]


def hash_at(store: Store, seq: int) -> str | None:
    """The hash of entry ``seq``, or None when there is no such entry."""
    with store.read() as connection:
        row = connection.execute(select(audit_log.c.hash).where(audit_log.c.seq == seq)).first()
    return None if row is None else str(row.hash)


def seq_of(store: Store, digest: str) -> int | None:
    """The position of the entry whose hash is ``digest``, or None when no entry has it."""
    with store.read() as connection:
        row = connection.execute(select(audit_log.c.seq).where(audit_log.c.hash == digest)).first()
    return None if row is None else int(row.seq)


def head(store: Store) -> tuple[int, int, str]:
    """(the last entry's seq, the number of entries, the head hash); (0, 0, GENESIS) when empty."""
    with store.read() as connection:
        row = connection.execute(select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc())).first()
        count = connection.execute(select(func.count()).select_from(audit_log)).scalar_one()
    return (0, 0, GENESIS) if row is None else (int(row.seq), int(count), str(row.hash))


def verify_chain(store: Store) -> ChainCheck:
    """Re-hash every entry in order; report the first whose link or content does not match."""
    previous = GENESIS
    count = 0
    with store.read() as connection:
        for row in connection.execute(select(audit_log).order_by(audit_log.c.seq)):
            count += 1
            if row.prev_hash != previous:
                problem = "does not follow the entry before it (an entry was removed, inserted or reordered)"
                return ChainCheck(count, False, row.seq, problem, previous)
            expected = entry_hash(row.prev_hash, row.at, row.actor, row.action, row.case_id, row.ip, row.detail)
            if row.hash != expected:
                return ChainCheck(count, False, row.seq, "its content was changed after it was written", previous)
            previous = row.hash
    return ChainCheck(count, True, None, None, previous)
