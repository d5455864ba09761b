"""The knowledge base's tables: the sources facts rest on, and the statements themselves.

A statement row keeps the whole validated ``Statement`` as a JSON document (the record is defined
once, in ``onward.model.statement``) beside the few columns that queries filter on. Rows are only
ever inserted: a correction is a new row whose ``supersedes`` names the old one, so the history of
every fact stays in the table. Dates are kept twice: as written (``2012-10``, with its precision)
inside the document, and as their latest possible day in ``*_latest`` columns, which is what an
"as of" query compares (a source published "in 2016" is only known on 31 December 2016).
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, ForeignKey, Index, String, Table, Text

from onward.store.tables import metadata

kb_sources = Table(
    "kb_sources",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("publisher", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("date_latest", Date, nullable=True),
    Column("verification", String(20), nullable=False),
    Column("document", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("added_by", String(200), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(200), nullable=False),
)

kb_statements = Table(
    "kb_statements",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("subject", String(200), nullable=False),
    Column("property", String(120), nullable=False),
    Column("source", String(120), ForeignKey("kb_sources.id"), nullable=False),
    Column("dataset", String(120), nullable=False),
    Column("verification", String(20), nullable=False),
    Column("known_latest", Date, nullable=True),
    Column("valid_latest", Date, nullable=True),
    Column("supersedes", String(24), nullable=True),
    Column("document", JSON, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("loaded_by", String(200), nullable=False),
    Index("ix_kb_statements_subject", "subject", "property"),
    Index("ix_kb_statements_property", "property"),
    Index("ix_kb_statements_dataset", "dataset"),
    Index("ix_kb_statements_source", "source"),
    Index("ix_kb_statements_supersedes", "supersedes"),
)
