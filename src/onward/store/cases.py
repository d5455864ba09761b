"""Cases in the store: imported from case files, versioned, every change logged."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, insert, select, update

from onward.errors import ConfigurationError, ConflictError, NotFoundError, StoreError
from onward.model.case import Case
from onward.store import changelog, sealing
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


SENSITIVE_TITLE = "(sensitive case)"
REDACTED = "[encrypted]"


def _opened(store: Store, case_id: str, stored: dict[str, Any]) -> dict[str, Any]:
    """The stored document, unsealed if the case is sensitive."""
    return sealing.unseal(stored, store.keyring, case_id) if sealing.is_sealed(stored) else stored


def _stored_form(store: Store, case: Case, document: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
    """What the database keeps of ``case``: document, title and content digest (sealed when sensitive)."""
    if not case.sensitive:
        return document, case.title, content_hash(document)
    if store.keyring is None:
        raise ConfigurationError(
            f"case {case.id!r} is marked sensitive, and this installation has no key file to encrypt it with",
            hint="create one with `onward keys add FILE` and set ONWARD_KEY_FILE to it",
        )
    sealed = sealing.seal(document, store.keyring, case.id)
    return sealed, SENSITIVE_TITLE, sealing.keyed_digest(document, store.keyring)


def _logged(changes: list[changelog.FieldChange], sensitive: bool) -> list[changelog.FieldChange]:
    """The change log of a sensitive case names the fields that changed, never their values."""
    if not sensitive:
        return changes
    return [changelog.FieldChange(c.path, REDACTED, REDACTED) for c in changes]


def content_hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def save_case(store: Store, case: Case, *, actor: str, expected_version: int | None = None) -> ImportResult:
    """Create or update a case in one transaction; importing identical content changes nothing.

    ``expected_version`` enables optimistic locking: the write is refused if someone saved a newer
    version since the caller read it.
    """
    document = _document(case)
    stored, title, digest = _stored_form(store, case, document)
    now = store.clock()
    with store.transaction() as connection:
        row = connection.execute(select(cases).where(cases.c.id == case.id)).first()
        if row is None:
            connection.execute(
                insert(cases).values(
                    id=case.id,
                    title=title,
                    document=stored,
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
        was_sealed = sealing.is_sealed(row.document)
        changes = changelog.diff(_opened(store, case.id, row.document), document)
        version = row.version + 1
        result = connection.execute(
            update(cases)
            .where(cases.c.id == case.id, cases.c.version == row.version)
            .values(
                title=title,
                document=stored,
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
            changes=_logged(changes, case.sensitive or was_sealed),
        )
        return ImportResult(case.id, ImportOutcome.UPDATED, version, changes)


def get_case(store: Store, case_id: str) -> tuple[Case, int]:
    """The stored case and its version; ``NotFoundError`` when no case has that id."""
    with store.read() as connection:
        row = connection.execute(select(cases.c.document, cases.c.version).where(cases.c.id == case_id)).first()
    if row is None:
        raise NotFoundError(f"no case with id {case_id!r}", hint="`onward case list` shows the stored cases")
    return Case.model_validate(_opened(store, case_id, row.document)), row.version


def list_cases(store: Store) -> list[CaseSummary]:
    """Every stored case; a sensitive case shows its title only where the key ring opens it."""
    query = select(cases.c.id, cases.c.title, cases.c.version, cases.c.updated_at, cases.c.updated_by)
    with store.read() as connection:
        rows = connection.execute(query.order_by(cases.c.id)).all()
    return [CaseSummary(r.id, _title(store, r.id, r.title), r.version, r.updated_at, r.updated_by) for r in rows]


def _title(store: Store, case_id: str, title: str) -> str:
    if title != SENSITIVE_TITLE or store.keyring is None:
        return title
    with store.read() as connection:
        stored = connection.execute(select(cases.c.document).where(cases.c.id == case_id)).scalar_one()
    try:
        return f"{_opened(store, case_id, stored).get('title', title)} {SENSITIVE_TITLE}"
    except (ConfigurationError, StoreError):
        return title


def rewrap_sensitive(store: Store, *, actor: str) -> int:
    """Re-wrap every sensitive case's data key with the key ring's current master key; how many changed."""
    if store.keyring is None:
        raise ConfigurationError("no key file: set ONWARD_KEY_FILE", hint="`onward keys add FILE` creates one")
    changed = 0
    with store.transaction() as connection:
        for row in connection.execute(select(cases.c.id, cases.c.document)).all():
            if not sealing.is_sealed(row.document):
                continue
            rewrapped = sealing.rewrap(row.document, store.keyring, row.id)
            if rewrapped is not row.document:
                connection.execute(update(cases).where(cases.c.id == row.id).values(document=rewrapped))
                changed += 1
        if changed:
            changelog.record(
                connection,
                at=store.clock(),
                actor=actor,
                action="rotate",
                entity="case",
                entity_id="*",
                summary=f"re-wrapped {changed} sensitive cases' data keys with master key {store.keyring.current}",
                changes=[],
            )
    return changed


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
