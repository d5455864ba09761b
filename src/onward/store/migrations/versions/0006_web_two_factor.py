"""Two-factor sign-in: each account's TOTP secret and the SHA-256 hashes of its unused recovery codes.

Revision ID: 0006_web_two_factor
Revises: 0005_web_security
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_web_two_factor"
down_revision: str | None = "0005_web_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("web_users") as batch:
        batch.add_column(sa.Column("totp_secret", sa.Text, nullable=True))
        batch.add_column(sa.Column("recovery_codes", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("web_users") as batch:
        batch.drop_column("recovery_codes")
        batch.drop_column("totp_secret")
