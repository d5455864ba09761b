"""The append-only change log: who changed what, when, field by field. Rows are never updated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from onward.store.tables import change_log


@dataclass(frozen=True)
class FieldChange:
    path: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ChangeEntry:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    summary: str
    changes: list[FieldChange]


def diff(before: Any, after: Any, path: str = "") -> list[FieldChange]:
    """Field-level differences between two JSON documents, as dotted paths (``requests[1].received``)."""
    if isinstance(before, dict) and isinstance(after, dict):
        changes: list[FieldChange] = []
        for key in list(before) + [k for k in after if k not in before]:
            sub = f"{path}.{key}" if path else str(key)
            changes.extend(diff(before.get(key), after.get(key), sub))
        return changes
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [c for i, (b, a) in enumerate(zip(before, after, strict=True)) for c in diff(b, a, f"{path}[{i}]")]
    if before == after:
        return []
    return [FieldChange(path or "<document>", before, after)]


def record(
    connection: Connection,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    summary: str,
    changes: list[FieldChange],
) -> None:
    connection.execute(
        insert(change_log).values(
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            summary=summary,
            changes=[{"path": c.path, "before": c.before, "after": c.after} for c in changes],
        )
    )


def entries(
    connection: Connection, *, entity: str | None = None, entity_id: str | None = None, limit: int | None = None
) -> list[ChangeEntry]:
    query = select(change_log).order_by(change_log.c.seq)
    if entity is not None:
        query = query.where(change_log.c.entity == entity)
    if entity_id is not None:
        query = query.where(change_log.c.entity_id == entity_id)
    if limit is not None:
        query = query.limit(limit)
    return [
        ChangeEntry(
            seq=row.seq,
            at=row.at,
            actor=row.actor,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            summary=row.summary,
            changes=[FieldChange(c["path"], c["before"], c["after"]) for c in row.changes],
        )
        for row in connection.execute(query)
    ]
