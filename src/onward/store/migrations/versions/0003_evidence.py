"""Evidence: documents, passages with locators, the full-text index, proposals, decisions, links.

The full-text index takes the form each backend offers: an FTS5 virtual table on SQLite (the
``ascii`` tokenizer, because Onward hands it already-normalised words; contentless, because the text
is kept once, in ``evidence_passages``), and a ``tsvector`` column with a GIN index on PostgreSQL.

Revision ID: 0003_evidence
Revises: 0001_cases
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_evidence"
down_revision: str | None = "0001_cases"
branch_labels: str | Sequence[str] | None = ("evidence",)
depends_on: str | Sequence[str] | None = None

_serial = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _documents() -> None:
    op.create_table(
        "evidence_documents",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_id", sa.String(120), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("publisher", sa.Text, nullable=True),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("language", sa.String(10), nullable=True),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("verification", sa.String(20), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("char_count", sa.BigInteger, nullable=False),
        sa.Column("passage_count", sa.Integer, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_documents"),
        sa.UniqueConstraint("content_hash", name="uq_evidence_documents_content_hash"),
    )
    op.create_index("ix_evidence_documents_source_id", "evidence_documents", ["source_id"])
    op.create_table(
        "evidence_passages",
        sa.Column("seq", _serial, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(60), nullable=False),
        sa.Column("document_id", sa.String(40), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("paragraph", sa.Integer, nullable=True),
        sa.Column("line", sa.Integer, nullable=True),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("country", sa.String(2), nullable=True),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("states", sa.String(800), nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_evidence_passages"),
        sa.UniqueConstraint("id", name="uq_evidence_passages_id"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["evidence_documents.id"], name="fk_evidence_passages_document_id_evidence_documents"
        ),
    )
    op.create_index("ix_evidence_passages_document_id", "evidence_passages", ["document_id", "ordinal"])
    op.create_index("ix_evidence_passages_country", "evidence_passages", ["country", "year"])


def _review() -> None:
    op.create_table(
        "evidence_proposals",
        sa.Column("id", _serial, primary_key=True, autoincrement=True),
        sa.Column("passage_id", sa.String(60), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("extractor", sa.String(120), nullable=False),
        sa.Column("incident", sa.JSON, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence_proposals"),
        sa.UniqueConstraint("fingerprint", name="uq_evidence_proposals_fingerprint"),
        sa.ForeignKeyConstraint(
            ["passage_id"], ["evidence_passages.id"], name="fk_evidence_proposals_passage_id_evidence_passages"
        ),
    )
    op.create_index("ix_evidence_proposals_passage_id", "evidence_proposals", ["passage_id"])
    op.create_index("ix_evidence_proposals_status", "evidence_proposals", ["status"])
    op.create_table(
        "evidence_decisions",
        sa.Column("seq", _serial, primary_key=True, autoincrement=True),
        sa.Column("proposal_id", _serial, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("edits", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("incident_id", sa.String(120), nullable=True),
        sa.Column("statements", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_evidence_decisions"),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["evidence_proposals.id"], name="fk_evidence_decisions_proposal_id_evidence_proposals"
        ),
    )
    op.create_index("ix_evidence_decisions_proposal_id", "evidence_decisions", ["proposal_id"])
    op.create_table(
        "evidence_links",
        sa.Column("seq", _serial, primary_key=True, autoincrement=True),
        sa.Column("passage_id", sa.String(60), nullable=False),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_evidence_links"),
        sa.UniqueConstraint(
            "passage_id", "target_kind", "target_id", name="uq_evidence_links_passage_id_target_kind_target_id"
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"], ["evidence_passages.id"], name="fk_evidence_links_passage_id_evidence_passages"
        ),
    )
    op.create_index("ix_evidence_links_target", "evidence_links", ["target_kind", "target_id"])


def _search_index() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE evidence_passages ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''")
        op.execute("CREATE INDEX ix_evidence_passages_search_vector ON evidence_passages USING gin (search_vector)")
    else:
        op.execute("CREATE VIRTUAL TABLE evidence_passage_fts USING fts5(tokens, content='', tokenize='ascii')")


def upgrade() -> None:
    _documents()
    _review()
    _search_index()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_evidence_passages_search_vector")
    else:
        op.execute("DROP TABLE IF EXISTS evidence_passage_fts")
    for table in ("evidence_links", "evidence_decisions", "evidence_proposals", "evidence_passages"):
        op.drop_table(table)
    op.drop_table("evidence_documents")
