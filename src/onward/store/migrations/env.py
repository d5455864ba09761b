"""Alembic environment: the engine comes from ``onward.store.migrate`` through the config."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from onward.store.tables import metadata

config = context.config
engine = config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
