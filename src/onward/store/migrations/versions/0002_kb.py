"""Knowledge base: sources and statements with provenance.

Revision ID: 0002_kb
Revises: 0001_cases
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_kb"
down_revision: str | None = "0001_cases"
branch_labels: str | Sequence[str] | None = ("kb",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kb_sources",
        sa.Column("id", sa.String(120), nullable=False),
        sa.Column("publisher", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("date_latest", sa.Date, nullable=True),
        sa.Column("verification", sa.String(20), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_sources"),
    )
    op.create_table(
        "kb_statements",
        sa.Column("id", sa.String(24), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("property", sa.String(120), nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("dataset", sa.String(120), nullable=False),
        sa.Column("verification", sa.String(20), nullable=False),
        sa.Column("known_latest", sa.Date, nullable=True),
        sa.Column("valid_latest", sa.Date, nullable=True),
        sa.Column("supersedes", sa.String(24), nullable=True),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("loaded_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_statements"),
        sa.ForeignKeyConstraint(["source"], ["kb_sources.id"], name="fk_kb_statements_source_kb_sources"),
    )
    op.create_index("ix_kb_statements_subject", "kb_statements", ["subject", "property"])
    op.create_index("ix_kb_statements_property", "kb_statements", ["property"])
    op.create_index("ix_kb_statements_dataset", "kb_statements", ["dataset"])
    op.create_index("ix_kb_statements_source", "kb_statements", ["source"])
    op.create_index("ix_kb_statements_supersedes", "kb_statements", ["supersedes"])


def downgrade() -> None:
    for name in ("supersedes", "source", "dataset", "property", "subject"):
        op.drop_index(f"ix_kb_statements_{name}", table_name="kb_statements")
    op.drop_table("kb_statements")
    op.drop_table("kb_sources")
