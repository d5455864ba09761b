"""The store: the only package that speaks SQL. SQLite by default, PostgreSQL for teams."""

from onward.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
