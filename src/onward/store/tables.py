"""The foundation's tables: cases as validated documents, and the append-only change log.

Other areas (knowledge base, evidence, web) declare their tables on the same ``metadata`` in
their own modules under ``onward.store`` and their own Alembic branch.
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, Index, Integer, MetaData, String, Table, Text

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# BigInteger autoincrement that SQLite also numbers (it only does so for INTEGER PRIMARY KEY).
SerialId = BigInteger().with_variant(Integer(), "sqlite")

cases = Table(
    "cases",
    metadata,
    Column("id", String(120), primary_key=True),
    Column("title", Text, nullable=False),
    Column("document", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(200), nullable=False),
)

change_log = Table(
    "change_log",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("entity", String(60), nullable=False),
    Column("entity_id", String(200), nullable=False),
    Column("summary", Text, nullable=False),
    Column("changes", JSON, nullable=False),
    Index("ix_change_log_entity", "entity", "entity_id"),
)
