"""Cases in the store: imported from case files, versioned, every change logged."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select, update

from onward.errors import ConflictError, NotFoundError
from onward.model.case import Case
from onward.store import changelog
from onward.store.engine import Store
from onward.store.tables import cases


class ImportOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportResult:
    case_id: str
    outcome: ImportOutcome
    version: int
    changes: list[changelog.FieldChange]


@dataclass(frozen=True)
class CaseSummary:
    id: str
    title: str
    version: int
    updated_at: dt.datetime
    updated_by: str


def _document(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json")


def content_hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def save_case(store: Store, case: Case, *, actor: str, expected_version: int | None = None) -> ImportResult:
    """Create or update a case in one transaction; importing identical content changes nothing.

    ``expected_version`` enables optimistic locking: the write is refused if someone saved a newer
    version since the caller read it.
    """
    document = _document(case)
    digest = content_hash(document)
    now = store.clock()
    with store.transaction() as connection:
        row = connection.execute(select(cases).where(cases.c.id == case.id)).first()
        if row is None:
            connection.execute(
                insert(cases).values(
                    id=case.id,
                    title=case.title,
                    document=document,
                    content_hash=digest,
                    version=1,
                    created_at=now,
                    updated_at=now,
                    updated_by=actor,
                )
            )
            changelog.record(
                connection,
                at=now,
                actor=actor,
                action="create",
                entity="case",
                entity_id=case.id,
                summary=f"created case {case.id!r}",
                changes=[],
            )
            return ImportResult(case.id, ImportOutcome.CREATED, 1, [])
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(
                f"case {case.id!r} was changed by {row.updated_by} (now version {row.version}, "
                f"you edited version {expected_version})",
                hint="reload the case, reapply your changes and save again",
            )
        if row.content_hash == digest:
            return ImportResult(case.id, ImportOutcome.UNCHANGED, row.version, [])
        changes = changelog.diff(row.document, document)
        version = row.version + 1
        result = connection.execute(
            update(cases)
            .where(cases.c.id == case.id, cases.c.version == row.version)
            .values(
                title=case.title,
                document=document,
                content_hash=digest,
                version=version,
                updated_at=now,
                updated_by=actor,
            )
        )
        if result.rowcount != 1:
            raise ConflictError(f"case {case.id!r} was changed concurrently", hint="retry")
        changelog.record(
            connection,
            at=now,
            actor=actor,
            action="update",
            entity="case",
            entity_id=case.id,
            summary=f"updated case {case.id!r} to version {version} ({len(changes)} fields)",
            changes=changes,
        )
        return ImportResult(case.id, ImportOutcome.UPDATED, version, changes)


def get_case(store: Store, case_id: str) -> tuple[Case, int]:
    """The stored case and its version; ``NotFoundError`` when no case has that id."""
    with store.read() as connection:
        row = connection.execute(select(cases.c.document, cases.c.version).where(cases.c.id == case_id)).first()
    if row is None:
        raise NotFoundError(f"no case with id {case_id!r}", hint="`onward case list` shows the stored cases")
    return Case.model_validate(row.document), row.version


def list_cases(store: Store) -> list[CaseSummary]:
    query = select(cases.c.id, cases.c.title, cases.c.version, cases.c.updated_at, cases.c.updated_by)
    with store.read() as connection:
        rows = connection.execute(query.order_by(cases.c.id)).all()
    return [CaseSummary(r.id, r.title, r.version, r.updated_at, r.updated_by) for r in rows]


def delete_case(store: Store, case_id: str, *, actor: str) -> None:
    with store.transaction() as connection:
        row = connection.execute(select(cases.c.document).where(cases.c.id == case_id)).first()
        if row is None:
            raise NotFoundError(f"no case with id {case_id!r}")
        connection.execute(delete(cases).where(cases.c.id == case_id))
        changelog.record(
            connection,
            at=store.clock(),
            actor=actor,
            action="delete",
            entity="case",
            entity_id=case_id,
            summary=f"deleted case {case_id!r}",
            changes=[changelog.FieldChange("<document>", row.document, None)],
        )
