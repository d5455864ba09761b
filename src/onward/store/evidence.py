"""Documents and passages in the store, each document written whole or not at all.

Ingesting Freedom House's 2019 report on Ukraine writes its document row, its passages and their
full-text index entries in one transaction: an ingest killed halfway leaves every document either
complete or absent, and rerunning it picks up where it stopped, because a document whose content
hash is already stored is skipped. The index holds the words Onward normalised in Python
(``Passage.tokens``): SQLite's FTS5 table receives them as they are, PostgreSQL as a ``tsvector``
literal with the same positions, so both backends index exactly the same words.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from onward.errors import NotFoundError
from onward.model.evidence import EvidenceDocument, IndexedPassage, StoredPassage
from onward.store.engine import Store
from onward.store.tables_evidence import FTS_TABLE, evidence_documents, evidence_passages

# PostgreSQL keeps positions up to 16,383; later words keep the last position (passages are split earlier).
_MAX_POSITION = 16383


def tsvector_literal(tokens: str) -> str:
    """``"asylum seeker asylum"`` → ``'asylum':1,3 'seeker':2``: the words and positions FTS5 also sees."""
    positions: dict[str, list[int]] = {}
    for position, word in enumerate(tokens.split(), start=1):
        positions.setdefault(word, []).append(min(position, _MAX_POSITION))
    return " ".join(f"'{word}':{','.join(map(str, sorted(set(places))))}" for word, places in positions.items())


def has_document(store: Store, content_hash: str) -> bool:
    """True when a document with these exact bytes was ingested before."""
    with store.read() as connection:
        query = select(evidence_documents.c.id).where(evidence_documents.c.content_hash == content_hash)
        return connection.execute(query).first() is not None


def stored_hashes(store: Store) -> set[str]:
    """Content hashes of every stored document: one query instead of one per file of a large ingest."""
    with store.read() as connection:
        return set(connection.execute(select(evidence_documents.c.content_hash)).scalars())


def _document_row(
    document: EvidenceDocument, passages: Sequence[IndexedPassage], at: dt.datetime, actor: str
) -> dict[str, Any]:
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "source_id": document.source_id,
        "path": document.path,
        "format": document.format,
        "title": document.title,
        "publisher": document.publisher,
        "date": document.date,
        "url": document.url,
        "language": document.language,
        "country": document.country,
        "verification": document.verification,
        "size_bytes": document.size_bytes,
        "char_count": sum(len(p.passage.text) for p in passages),
        "passage_count": len(passages),
        "meta": document.meta,
        "ingested_at": at,
        "ingested_by": actor,
    }


def passage_id(document_id: str, ordinal: int) -> str:
    """A passage's stable id: its document and its position, e.g. ``doc-3f9a1c2b7d4e6f01.12``."""
    return f"{document_id}.{ordinal}"


_PASSAGE_COLUMNS = (
    "seq, id, document_id, ordinal, text, locator, page, paragraph, line, char_start, char_end, country, year, "
    "states, meta"
)


def _passage_row(document_id: str, indexed: IndexedPassage) -> tuple[Any, ...]:
    """The values of ``_PASSAGE_COLUMNS`` after ``seq``, ``meta`` as JSON text."""
    p = indexed.passage
    states = f" {' '.join(indexed.states)} " if indexed.states else ""
    where = (p.locator, p.page, p.paragraph, p.line, p.char_start, p.char_end, indexed.country, indexed.year)
    return (f"{document_id}.{p.ordinal}", document_id, p.ordinal, p.text, *where, states, json.dumps(p.meta))


def _write_sqlite(connection: Connection, written: Sequence[tuple[EvidenceDocument, Sequence[IndexedPassage]]]) -> None:
    """Passages and their FTS5 entries through the driver's ``executemany``, with row ids chosen here.

    The transaction holds SQLite's write lock from its first insert, so ``max(seq) + 1`` onwards is
    free; a concurrent writer that got there first makes the insert fail, and the batch is retried.
    Skipping SQLAlchemy's per-row parameter processing halves the cost of writing a large corpus.
    """
    first = int(connection.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM evidence_passages").scalar_one()) + 1
    indexed = [(document.id, p) for document, passages in written for p in passages]
    rows = [(seq, *_passage_row(d, p)) for seq, (d, p) in enumerate(indexed, start=first)]
    placeholders = ", ".join("?" * (len(_PASSAGE_COLUMNS.split(","))))
    connection.exec_driver_sql(f"INSERT INTO evidence_passages ({_PASSAGE_COLUMNS}) VALUES ({placeholders})", rows)
    entries = [(seq, p.tokens) for seq, (_, p) in enumerate(indexed, start=first)]
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (?, ?)", entries)


def _write_postgresql(
    connection: Connection, written: Sequence[tuple[EvidenceDocument, Sequence[IndexedPassage]]]
) -> None:
    """Passages with their ``tsvector`` (the same words and positions FTS5 receives) in one statement."""
    names = [name.strip() for name in _PASSAGE_COLUMNS.split(",")][1:]  # seq is the database's
    values = [f"CAST(:{name} AS json)" if name == "meta" else f":{name}" for name in names]
    statement = (
        f"INSERT INTO evidence_passages ({', '.join(names)}, search_vector) "
        f"VALUES ({', '.join(values)}, CAST(:search_vector AS tsvector))"
    )
    rows = [
        {**dict(zip(names, _passage_row(d.id, p), strict=True)), "search_vector": tsvector_literal(p.tokens)}
        for d, passages in written
        for p in passages
    ]
    connection.execute(text(statement), rows)


def insert_documents(
    store: Store, batch: Sequence[tuple[EvidenceDocument, Sequence[IndexedPassage]]], *, actor: str
) -> list[bool]:
    """Write whole documents (each with its passages and index entries) in one transaction.

    Returns, per document, whether it was added (False: the same content was already stored). A
    commit costs a disk flush, so a large ingest writes a few hundred documents per transaction;
    each document is still all there or not at all. Should another ingest store one of them at the
    same moment, the batch is rolled back and retried one document at a time.
    """
    at = store.clock()
    try:
        with store.transaction() as connection:
            hashes = [document.content_hash for document, _ in batch]
            query = select(evidence_documents.c.content_hash).where(evidence_documents.c.content_hash.in_(hashes))
            stored = set(connection.execute(query).scalars())
            fresh = [(d, p) for d, p in batch if d.content_hash not in stored]
            if fresh:
                rows = [_document_row(d, p, at, actor) for d, p in fresh]
                connection.execute(insert(evidence_documents), rows)
                if any(passages for _, passages in fresh):
                    write = _write_postgresql if connection.dialect.name == "postgresql" else _write_sqlite
                    write(connection, fresh)
    except IntegrityError:
        if len(batch) == 1:
            return [False]  # stored by a concurrent ingest between our check and our insert
        return [insert_documents(store, [one], actor=actor)[0] for one in batch]
    return [document.content_hash not in stored for document, _ in batch]


def insert_document(
    store: Store, document: EvidenceDocument, passages: Sequence[IndexedPassage], *, actor: str
) -> bool:
    """Write one document, its passages and their index entries atomically; False if it was already stored."""
    return insert_documents(store, [(document, passages)], actor=actor)[0]


def stored_passage(row: Row[Any]) -> StoredPassage:
    """A result row of ``passage_columns()`` as a ``StoredPassage``."""
    return StoredPassage(
        id=row.id,
        document_id=row.document_id,
        source_id=row.source_id,
        document_title=row.title,
        publisher=row.publisher,
        document_date=row.date,
        text=row.text,
        locator=row.locator,
        char_start=row.char_start,
        char_end=row.char_end,
        page=row.page,
        paragraph=row.paragraph,
        country=row.country,
        year=row.year,
        states=tuple(row.states.split()),
        meta=row.meta,
    )


def passage_columns() -> list[Any]:
    """The columns a ``StoredPassage`` is read from (passage and document), for every query that returns one."""
    p, d = evidence_passages.c, evidence_documents.c
    return [
        *(p.seq, p.id, p.document_id, p.text, p.locator, p.char_start, p.char_end, p.page, p.paragraph),
        *(p.country, p.year, p.states, p.meta, d.source_id, d.title, d.publisher, d.date),
    ]


def get_passage(store: Store, identifier: str) -> StoredPassage:
    """A stored passage by id; ``NotFoundError`` names the id when there is none."""
    query = (
        select(*passage_columns())
        .select_from(evidence_passages.join(evidence_documents))
        .where(evidence_passages.c.id == identifier)
    )
    with store.read() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise NotFoundError(f"no passage with id {identifier!r}", hint="`onward search QUERY` shows passage ids")
    return stored_passage(row)


def document_passages(store: Store, document_id: str | None = None) -> list[StoredPassage]:
    """The passages of one document (or of every document), in document order."""
    query = select(*passage_columns()).select_from(evidence_passages.join(evidence_documents))
    if document_id is not None:
        query = query.where(evidence_passages.c.document_id == document_id)
    with store.read() as connection:
        rows = connection.execute(query.order_by(evidence_passages.c.seq)).all()
    return [stored_passage(row) for row in rows]


def list_documents(store: Store) -> list[Row[Any]]:
    """Every ingested document with its provenance and counts, oldest first."""
    with store.read() as connection:
        return list(connection.execute(select(evidence_documents).order_by(evidence_documents.c.ingested_at)).all())


def counts(store: Store) -> tuple[int, int]:
    """How many documents and passages the store holds."""
    with store.read() as connection:
        documents = connection.execute(select(func.count()).select_from(evidence_documents)).scalar_one()
        passages = connection.execute(select(func.count()).select_from(evidence_passages)).scalar_one()
    return int(documents), int(passages)


def get_document(store: Store, document_id: str) -> Row[Any]:
    """An ingested document's row (provenance, counts); ``NotFoundError`` when there is none."""
    with store.read() as connection:
        row = connection.execute(select(evidence_documents).where(evidence_documents.c.id == document_id)).first()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}", hint="`onward evidence documents` lists them")
    return row
