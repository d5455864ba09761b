"""Migration 0005_web_security on a store that already holds accounts and tokens: tokens issued
before it keep working with the write scope (not admin), and the migration goes down and up again."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import insert, select, text

from onward.store import Store
from onward.store.migrate import _config, upgrade
from onward.store.tables_web import web_tokens


def test_tokens_issued_before_get_the_write_scope_and_the_migration_reverses(store: Store) -> None:
    command.downgrade(_config(store), "0004_web")
    now = dt.datetime.now(dt.UTC)
    with store.transaction() as connection:
        connection.execute(
            text(
                "INSERT INTO web_users (username, display_name, password_hash, role, active, created_at) "
                "VALUES ('old', 'Old', 'x', 'admin', true, :now)"
            ),
            {"now": now},
        )
        user_id = connection.execute(text("SELECT id FROM web_users WHERE username = 'old'")).scalar_one()
        connection.execute(
            text(
                "INSERT INTO web_tokens (id, user_id, name, secret_hash, created_at) "
                "VALUES ('t1', :user, 'old script', :hash, :now)"
            ),
            {"user": user_id, "hash": "0" * 64, "now": now},
        )
    upgrade(store)
    with store.read() as connection:
        row = connection.execute(select(web_tokens.c.scope, web_tokens.c.expires_at)).one()
    assert (row.scope, row.expires_at) == ("write", None)
    with store.transaction() as connection:
        connection.execute(
            insert(web_tokens).values(
                id="t2", user_id=user_id, name="new", secret_hash="1" * 64, created_at=now, scope="read"
            )
        )
