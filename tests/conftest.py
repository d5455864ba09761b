"""Fixtures shared by every test: a real store on SQLite and on PostgreSQL, the CLI, the example case.

The PostgreSQL run uses the server named by ``ONWARD_TEST_POSTGRES_URL`` (default: the local
server's ``test`` database) in a schema of its own, dropped afterwards. Where no server answers,
those tests are skipped with a visible notice, unless ``ONWARD_REQUIRE_POSTGRES=1`` (set by CI),
in which case they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from onward.store import Store, open_store
from onward.store.migrate import upgrade

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_CASE = ROOT / "examples" / "ablyazov" / "case.yaml"
SHARED = ROOT.parent / "shared"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

_pg_state: dict[str, str | None] = {}


def postgres_url() -> str:
    return os.environ.get("ONWARD_TEST_POSTGRES_URL", DEFAULT_PG_URL)


def _postgres_unavailable() -> str | None:
    """Why PostgreSQL cannot be used (None when it can); checked once per run."""
    if "reason" not in _pg_state:
        try:
            engine = sa.create_engine(postgres_url(), connect_args={"connect_timeout": 3})
            with engine.connect() as connection:
                connection.execute(sa.text("select 1"))
            engine.dispose()
            _pg_state["reason"] = None
        except Exception as exc:
            _pg_state["reason"] = f"PostgreSQL not reachable at {postgres_url()}: {type(exc).__name__}"
    return _pg_state["reason"]


def pytest_report_header(config: pytest.Config) -> str:
    reason = _postgres_unavailable()
    if reason is None:
        return f"PostgreSQL: {postgres_url()}"
    if os.environ.get("ONWARD_REQUIRE_POSTGRES") == "1":
        return f"PostgreSQL REQUIRED but unavailable: {reason}"
    return f"NOTICE: {reason}; PostgreSQL tests will be SKIPPED"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reason = _postgres_unavailable()
    if reason is not None and os.environ.get("ONWARD_REQUIRE_POSTGRES") != "1":
        terminalreporter.write_sep("!", f"NOTICE: {reason}; the PostgreSQL run was skipped", yellow=True)


@pytest.fixture(scope="session")
def postgres_schema_url() -> tuple[str, str]:
    reason = _postgres_unavailable()
    if reason is not None:
        if os.environ.get("ONWARD_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason} (ONWARD_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    return postgres_url(), f"onward_test_{uuid.uuid4().hex[:12]}"


def _drop_schema(schema: str) -> None:
    engine = sa.create_engine(postgres_url())
    with engine.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def make_store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of an empty, migrated database of its own on ``backend``; dropped afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'onward.sqlite3'}"
        store = open_store(url)
        upgrade(store)
        store.close()
        yield url
        return
    base_url, base = request.getfixturevalue("postgres_schema_url")
    schema = f"{base}_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(base_url)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    url = f"{base_url}?options=-csearch_path%3D{schema}"
    try:
        store = open_store(url)
        upgrade(store)
        store.close()
        yield url
    finally:
        _drop_schema(schema)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a migrated, empty store on each backend in turn."""
    yield from make_store_url(request.param, tmp_path, request)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A migrated, empty store on each backend in turn."""
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def example_case_path() -> Path:
    return EXAMPLE_CASE


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` for tests that read real data at run time; skipped with a notice when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"NOTICE: {SHARED} is absent; tests that read the shared data were skipped")
    return SHARED
