from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from onward.schemas import PUBLISHED, schema_text
from onward.store import Store
from onward.store.tables import metadata
from onward.store.tables_evidence import SEARCH_INDEX_NAMES

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "docs" / "schema"


def test_published_json_schemas_are_current() -> None:
    for name, model in PUBLISHED.items():
        committed = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(model), f"docs/schema/{name}.schema.json is stale: run `onward schema`"


def test_migrations_match_table_definitions(store: Store) -> None:
    with store.engine.connect() as connection:
        # The full-text index (FTS5 table / tsvector column) is per backend and not describable in SQLAlchemy:
        # the evidence migration creates it, so the comparison leaves exactly those names out.
        skip = {"include_name": lambda name, _type, _parents: name not in SEARCH_INDEX_NAMES}
        context = MigrationContext.configure(connection, opts={"compare_type": True, **skip})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_migrated_store_has_every_table(store: Store) -> None:
    names = set(sa.inspect(store.engine).get_table_names())
    assert set(metadata.tables) <= names
