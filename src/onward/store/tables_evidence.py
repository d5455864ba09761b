"""Evidence tables: ingested documents, their passages with locators, extractor proposals, review decisions.

A HRW letter ingested from a PDF is one ``evidence_documents`` row (identified by the SHA-256 of its
bytes, so ingesting it again changes nothing) and one ``evidence_passages`` row per paragraph, each
with the locator a citation needs (page, paragraph, character span). The extractor's proposals wait
in ``evidence_proposals`` until a person decides; every decision is a new row of
``evidence_decisions``, which is never updated or deleted. ``evidence_links`` attach a passage to a
case or to a knowledge-base statement as evidence.

The full-text index is not declared here, because it exists in a different form on each backend and
SQLAlchemy cannot describe either: an FTS5 virtual table on SQLite, a ``tsvector`` column with a GIN
index on PostgreSQL. Migration ``0003_evidence`` creates the one that fits; ``SEARCH_INDEX_NAMES``
lists them so that a schema comparison can leave them out deliberately.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from onward.store.tables import SerialId, metadata

FTS_TABLE = "evidence_passage_fts"
TSVECTOR_COLUMN = "search_vector"
TSVECTOR_INDEX = "ix_evidence_passages_search_vector"
# FTS5 keeps its index in shadow tables named after the virtual table.
SEARCH_INDEX_NAMES = frozenset(
    {FTS_TABLE, TSVECTOR_COLUMN, TSVECTOR_INDEX}
    | {f"{FTS_TABLE}_{shadow}" for shadow in ("data", "idx", "content", "docsize", "config")}
)

evidence_documents = Table(
    "evidence_documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_id", String(120), nullable=False),
    Column("path", Text, nullable=False),
    Column("format", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("publisher", Text, nullable=True),
    Column("date", String(10), nullable=True),
    Column("url", Text, nullable=True),
    Column("language", String(10), nullable=True),
    Column("country", String(2), nullable=True),
    Column("verification", String(20), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("char_count", BigInteger, nullable=False),
    Column("passage_count", Integer, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("ingested_by", String(200), nullable=False),
    Index("ix_evidence_documents_source_id", "source_id"),
)

evidence_passages = Table(
    "evidence_passages",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    Column("id", String(60), nullable=False, unique=True),
    Column("document_id", String(40), ForeignKey("evidence_documents.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("page", Integer, nullable=True),
    Column("paragraph", Integer, nullable=True),
    Column("line", Integer, nullable=True),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("country", String(2), nullable=True),
    Column("year", Integer, nullable=True),
    # Every state the passage names or is about, as " UA RU UZ ": a filter, read only with LIKE '% UA %'.
    Column("states", String(800), nullable=False),
    Column("meta", JSON, nullable=False),
    Index("ix_evidence_passages_document_id", "document_id", "ordinal"),
    Index("ix_evidence_passages_country", "country", "year"),
)

evidence_proposals = Table(
    "evidence_proposals",
    metadata,
    Column("id", SerialId, primary_key=True, autoincrement=True),
    Column("passage_id", String(60), ForeignKey("evidence_passages.id"), nullable=False),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("extractor", String(120), nullable=False),
    Column("incident", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Index("ix_evidence_proposals_passage_id", "passage_id"),
    Index("ix_evidence_proposals_status", "status"),
)

evidence_decisions = Table(
    "evidence_decisions",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    Column("proposal_id", SerialId, ForeignKey("evidence_proposals.id"), nullable=False),
    Column("action", String(20), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("edits", JSON, nullable=False),
    Column("reason", Text, nullable=True),
    Column("incident_id", String(120), nullable=True),
    Column("statements", JSON, nullable=False),
    Index("ix_evidence_decisions_proposal_id", "proposal_id"),
)

evidence_links = Table(
    "evidence_links",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    Column("passage_id", String(60), ForeignKey("evidence_passages.id"), nullable=False),
    Column("target_kind", String(20), nullable=False),
    Column("target_id", String(200), nullable=False),
    Column("note", Text, nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    UniqueConstraint("passage_id", "target_kind", "target_id"),
    Index("ix_evidence_links_target", "target_kind", "target_id"),
)
