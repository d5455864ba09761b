"""The web application's tables: accounts, sessions, API tokens, per-case sharing and the audit trail.

Case files about people facing extradition are sensitive: who may see a case is recorded here
(``case_shares``), and every read, change, export and login lands in ``audit_log``, an append-only
table whose rows are chained by SHA-256 so that an edited or deleted row breaks the chain.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from onward.store.tables import SerialId, metadata

web_users = Table(
    "web_users",
    metadata,
    Column("id", SerialId, primary_key=True, autoincrement=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(10), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    # SHA-256 of the random session key: a copy of the database does not hand out live sessions.
    Column("key_hash", String(64), primary_key=True),
    Column("user_id", SerialId, ForeignKey("web_users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("ip", String(64), nullable=False),
)

web_tokens = Table(
    "web_tokens",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("user_id", SerialId, ForeignKey("web_users.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_used_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    # read, write or admin: what the token may do, never more than its account's role allows.
    Column("scope", String(10), nullable=False, server_default="write"),
    Column("expires_at", DateTime(timezone=True), nullable=True),
)

case_shares = Table(
    "case_shares",
    metadata,
    Column("case_id", String(120), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", SerialId, ForeignKey("web_users.id", ondelete="CASCADE"), nullable=False),
    Column("granted_by", String(200), nullable=False),
    Column("granted_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("case_id", "user_id"),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("username", String(200), nullable=False),
    Column("ip", String(64), nullable=False),
    Column("success", Boolean, nullable=False),
    Index("ix_login_attempts_at", "at"),
)

login_throttle = Table(
    "login_throttle",
    metadata,
    # "<username>\n<address>" for one account from one address, "\n<address>" for an address.
    Column("key", String(300), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("window_start", DateTime(timezone=True), nullable=False),
    # How often this key was locked in a row: each lock lasts twice as long as the one before.
    Column("lockouts", Integer, nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", SerialId, primary_key=True, autoincrement=True),
    # ISO 8601 UTC text, so the hashed value is exactly what is stored on every backend.
    Column("at", String(40), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("case_id", String(120), nullable=True),
    Column("ip", String(64), nullable=False),
    Column("detail", JSON, nullable=False),
    # UNIQUE: two writers racing on the same predecessor cannot fork the chain; the loser retries.
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_log_case_id", "case_id"),
)
