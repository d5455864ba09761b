"""Schema migrations with Alembic, run from code (``onward init``), one branch per area."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from onward.store.engine import Store


def _config(store: Store) -> Config:
    config = Config()
    config.set_main_option("script_location", "onward.store:migrations")
    config.attributes["engine"] = store.engine
    return config


def upgrade(store: Store) -> list[str]:
    """Bring the schema to the newest revision of every branch; returns the heads now applied."""
    config = _config(store)
    command.upgrade(config, "heads")
    return current_heads(store)


def current_heads(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        return sorted(context.get_current_heads())


def expected_heads(store: Store) -> list[str]:
    return sorted(ScriptDirectory.from_config(_config(store)).get_heads())


def is_current(store: Store) -> bool:
    return current_heads(store) == expected_heads(store)
