"""The store: the only package that speaks SQL. SQLite by default, PostgreSQL for teams."""

import onward.store.tables_evidence  # declares the evidence tables (documents, passages, review)
import onward.store.tables_kb  # declares the knowledge-base tables on the shared metadata
import onward.store.tables_web  # noqa: F401  (declares the web accounts, sharing and audit tables)
from onward.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
