"""All SQL of the knowledge base: insert sources and statements in batches, read them "as of" a date.

The as-of rule lives here, once, as a SQL condition: a statement is known at ``as_of`` when the
first of its ``known_from``, its source's date and its ``valid_from`` — each taken as its latest
possible day — is on or before ``as_of`` (or when it has no date at all, like a state's name).
A statement is superseded at ``as_of`` when another statement known at ``as_of`` names it in
``supersedes``: a correction resting on a later source does not rewrite what an earlier reader could
see. A correction citing the *same* source hides the old statement at every date: it fixes how we
read that document (a typo, a misread date), and the misreading was never knowledge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, insert, or_, select, update
from sqlalchemy.sql.selectable import NamedFromClause

from onward.model.dates import PartialDate
from onward.model.source import Source
from onward.model.statement import Statement
from onward.store.tables_kb import kb_sources, kb_statements

# Keeps each IN (…) list and each multi-row INSERT well under SQLite's and PostgreSQL's parameter limits.
BATCH_SIZE = 500


@dataclass(frozen=True)
class StoredStatement:
    """A statement as the KB holds it: its content id, and who loaded it when."""

    id: str
    statement: Statement
    loaded_at: dt.datetime
    loaded_by: str
    source_date: PartialDate | None


@dataclass(frozen=True)
class StoredSource:
    source: Source
    added_at: dt.datetime
    added_by: str
    updated_at: dt.datetime
    updated_by: str


def _latest(date: PartialDate | None) -> dt.date | None:
    return date.latest() if date is not None else None


def _hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def source_documents(connection: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored documents of the sources among ``ids``."""
    found: dict[str, dict[str, Any]] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), BATCH_SIZE):
        chunk = wanted[start : start + BATCH_SIZE]
        query = select(kb_sources.c.id, kb_sources.c.document).where(kb_sources.c.id.in_(chunk))
        found.update({row.id: row.document for row in connection.execute(query)})
    return found


def insert_source(connection: Connection, source: Source, *, at: dt.datetime, actor: str) -> None:
    document = source.model_dump(mode="json")
    connection.execute(
        insert(kb_sources).values(
            id=source.id,
            publisher=source.publisher,
            title=source.title,
            date_latest=_latest(source.date),
            verification=source.verification.value,
            document=document,
            content_hash=_hash(document),
            added_at=at,
            added_by=actor,
            updated_at=at,
            updated_by=actor,
        )
    )


def update_source(connection: Connection, source: Source, *, at: dt.datetime, actor: str) -> None:
    """Replace a source's description (a corrected title or date); the change log keeps the old one."""
    document = source.model_dump(mode="json")
    connection.execute(
        update(kb_sources)
        .where(kb_sources.c.id == source.id)
        .values(
            publisher=source.publisher,
            title=source.title,
            date_latest=_latest(source.date),
            verification=source.verification.value,
            document=document,
            content_hash=_hash(document),
            updated_at=at,
            updated_by=actor,
        )
    )


def existing_statement_ids(connection: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored documents of the statements among ``ids`` (one query per batch)."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = list(ids[start : start + BATCH_SIZE])
        query = select(kb_statements.c.id, kb_statements.c.document).where(kb_statements.c.id.in_(chunk))
        found.update({row.id: row.document for row in connection.execute(query)})
    return found


def _document(statement: Statement, at: dt.datetime) -> dict[str, Any]:
    document = statement.model_dump(mode="json")
    if document.get("asserted_at") is None:  # when the fact was entered, if its loader did not say
        document["asserted_at"] = at.isoformat()
    return document


def insert_statements(
    connection: Connection, statements: Sequence[tuple[str, Statement]], *, at: dt.datetime, actor: str
) -> None:
    """Insert new statements with one multi-row INSERT per batch (no per-row round trips)."""
    rows = [
        {
            "id": content_id,
            "subject": s.subject,
            "property": s.property,
            "source": s.source,
            "dataset": s.dataset,
            "verification": s.verification.value,
            "known_latest": _latest(s.known_from),
            "valid_latest": _latest(s.valid_from),
            "supersedes": s.supersedes,
            "document": _document(s, at),
            "loaded_at": at,
            "loaded_by": actor,
        }
        for content_id, s in statements
    ]
    for start in range(0, len(rows), BATCH_SIZE):
        connection.execute(insert(kb_statements), rows[start : start + BATCH_SIZE])


def _known_at(statement: NamedFromClause, source: NamedFromClause, as_of: dt.date) -> ColumnElement[bool]:
    # known_from, else the source's publication date, else the start of validity (Statement.is_known_at).
    known = func.coalesce(statement.c.known_latest, source.c.date_latest, statement.c.valid_latest)
    return or_(known.is_(None), known <= as_of)


def _visible_query(as_of: dt.date | None, include_superseded: bool) -> Select[Any]:
    query = select(
        kb_statements.c.id,
        kb_statements.c.document,
        kb_statements.c.loaded_at,
        kb_statements.c.loaded_by,
        kb_sources.c.document.label("source_document"),
    ).join(kb_sources, kb_sources.c.id == kb_statements.c.source)
    if as_of is not None:
        query = query.where(_known_at(kb_statements, kb_sources, as_of))
    if not include_superseded:
        correction = kb_statements.alias("correction")
        correction_source = kb_sources.alias("correction_source")
        condition = [correction.c.supersedes == kb_statements.c.id]
        if as_of is not None:
            # A correction hides the old statement once it is known — or always, when it cites the same
            # source: then it fixes how we read that document (a typo, a wrong date), wrong at every date.
            same_source = correction.c.source == kb_statements.c.source
            condition.append(or_(same_source, _known_at(correction, correction_source, as_of)))
        query = query.where(
            ~exists(
                select(correction.c.id)
                .select_from(correction.join(correction_source, correction_source.c.id == correction.c.source))
                .where(and_(*condition))
            )
        )
    return query


def select_statements(
    connection: Connection,
    *,
    as_of: dt.date | None,
    subjects: Sequence[str] | None = None,
    subject_prefix: str | None = None,
    properties: Sequence[str] | None = None,
    dataset: str | None = None,
    include_superseded: bool = False,
) -> list[StoredStatement]:
    """Statements matching the filters, known at ``as_of`` (all of them when ``as_of`` is None)."""
    query = _visible_query(as_of, include_superseded)
    if subject_prefix is not None:
        query = query.where(kb_statements.c.subject.startswith(subject_prefix, autoescape=True))
    if properties is not None:
        query = query.where(kb_statements.c.property.in_(list(properties)))
    if dataset is not None:
        query = query.where(kb_statements.c.dataset == dataset)
    query = query.order_by(
        kb_statements.c.subject, kb_statements.c.property, kb_statements.c.loaded_at, kb_statements.c.id
    )
    if subjects is None:
        return [_stored(row) for row in connection.execute(query)]
    found: list[StoredStatement] = []
    wanted = sorted(set(subjects))
    for start in range(0, len(wanted), BATCH_SIZE):
        chunk = wanted[start : start + BATCH_SIZE]
        found.extend(_stored(row) for row in connection.execute(query.where(kb_statements.c.subject.in_(chunk))))
    return found


def iter_all_statements(connection: Connection, *, as_of: dt.date | None = None) -> Iterator[StoredStatement]:
    """Every statement loaded (known at ``as_of`` if given), superseded ones included, in load order (for exports).

    Load order keeps each corrected statement before its correction, so an export re-imports cleanly.
    """
    order = (kb_statements.c.loaded_at, kb_statements.c.dataset, kb_statements.c.id)
    query = _visible_query(as_of, include_superseded=True).order_by(*order)
    for row in connection.execution_options(yield_per=BATCH_SIZE).execute(query):
        yield _stored(row)


def _stored(row: Any) -> StoredStatement:
    source_date = row.source_document.get("date")
    return StoredStatement(
        id=row.id,
        statement=Statement.model_validate(row.document),
        loaded_at=row.loaded_at,
        loaded_by=row.loaded_by,
        source_date=PartialDate.parse(source_date) if source_date else None,
    )


def select_sources(
    connection: Connection, *, as_of: dt.date | None = None, ids: Sequence[str] | None = None
) -> list[StoredSource]:
    """Sources (published by ``as_of`` when given; an undated source is always visible), ordered by id."""
    query = select(kb_sources).order_by(kb_sources.c.id)
    if as_of is not None:
        query = query.where(or_(kb_sources.c.date_latest.is_(None), kb_sources.c.date_latest <= as_of))
    if ids is not None:
        query = query.where(kb_sources.c.id.in_(list(ids)))
    return [
        StoredSource(
            source=Source.model_validate(row.document),
            added_at=row.added_at,
            added_by=row.added_by,
            updated_at=row.updated_at,
            updated_by=row.updated_by,
        )
        for row in connection.execute(query)
    ]


def count_statements(connection: Connection, *, dataset: str | None = None) -> int:
    query = select(func.count()).select_from(kb_statements)
    if dataset is not None:
        query = query.where(kb_statements.c.dataset == dataset)
    return int(connection.execute(query).scalar_one())


def dataset_counts(connection: Connection) -> dict[str, int]:
    """How many statements each dataset has loaded (for ``kb build`` and ``kb sources``)."""
    query = select(kb_statements.c.dataset, func.count()).group_by(kb_statements.c.dataset)
    return {row[0]: int(row[1]) for row in connection.execute(query)}


def citation_counts(connection: Connection, *, as_of: dt.date | None = None) -> dict[str, int]:
    """How many statements (known at ``as_of``, corrections included) cite each source."""
    query = (
        select(kb_statements.c.source, func.count())
        .join(kb_sources, kb_sources.c.id == kb_statements.c.source)
        .group_by(kb_statements.c.source)
    )
    if as_of is not None:
        query = query.where(_known_at(kb_statements, kb_sources, as_of))
    return {row[0]: int(row[1]) for row in connection.execute(query)}


def corrections_of(connection: Connection, statement_id: str) -> list[tuple[str, dict[str, Any]]]:
    """The statements that name ``statement_id`` in ``supersedes``, with their documents."""
    query = select(kb_statements.c.id, kb_statements.c.document).where(kb_statements.c.supersedes == statement_id)
    return [(row.id, row.document) for row in connection.execute(query.order_by(kb_statements.c.id))]


def revision(connection: Connection) -> str:
    """A short token that changes whenever statements are loaded or sources are added or corrected.

    Statements are only ever inserted (a correction or retraction is a new row), so their count, latest
    load time and largest content id change with every load; a corrected source changes its
    ``updated_at``. Cached analyses keyed by this token are never served after the knowledge base moved.
    """
    statements = connection.execute(
        select(func.count(), func.max(kb_statements.c.loaded_at), func.max(kb_statements.c.id)).select_from(
            kb_statements
        )
    ).one()
    sources = connection.execute(select(func.count(), func.max(kb_sources.c.updated_at)).select_from(kb_sources)).one()
    parts = [str(part) for part in (*statements, *sources)]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]
