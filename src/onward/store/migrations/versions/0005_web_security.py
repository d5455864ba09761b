"""Web security: login throttling per (user, address), API token scopes and expiry, and an audit
trail that PostgreSQL also refuses to TRUNCATE.

Revision ID: 0005_web_security
Revises: 0004_web
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_web_security"
down_revision: str | None = "0004_web"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Row triggers do not fire on TRUNCATE; a statement trigger does (the function is 0004_web's).
_PG_NO_TRUNCATE = (
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
)


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lockouts", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_login_throttle"),
    )
    with op.batch_alter_table("web_tokens") as batch:
        batch.add_column(sa.Column("scope", sa.String(10), nullable=False, server_default="write"))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_NO_TRUNCATE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    with op.batch_alter_table("web_tokens") as batch:
        batch.drop_column("expires_at")
        batch.drop_column("scope")
    op.drop_table("login_throttle")
