"""Opening the store: one SQLAlchemy engine on SQLite (the embedded default) or PostgreSQL."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from onward.errors import ConfigurationError, InputError, StoreError
from onward.store.sealing import KeyRing

_QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by statement_timeout

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Store:
    """A database holding cases, the knowledge base and evidence; every write goes through ``transaction``."""

    engine: Engine
    clock: Clock = field(default=utc_now)
    keyring: KeyRing | None = None
    """Master keys that open sensitive cases (``store.sealing``); None where the installation has none."""
    # Held by writers that must append after the very latest row (the audit chain), so that threads of
    # one process queue instead of racing; across processes the database's own locks do the same.
    serial_writes: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: everything in the block is committed together or not at all."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except OperationalError as exc:
            raise StoreError(f"the database refused the operation: {exc.orig}") from exc

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except OperationalError as exc:
            raise StoreError(f"the database could not be read: {exc.orig}") from exc

    @contextlib.contextmanager
    def bounded_read(self, seconds: float, what: str) -> Iterator[Connection]:
        """A read the database abandons after ``seconds``, raising an ``InputError`` that ``what`` is too expensive.

        PostgreSQL gets ``statement_timeout`` for this transaction only; SQLite has no timeout, so a
        progress handler (called every few thousand virtual-machine steps) interrupts it at the deadline.
        """
        with self.read() as connection:
            try:
                if self.dialect == "postgresql":
                    with connection.begin():
                        milliseconds = str(max(1, int(seconds * 1000)))
                        connection.execute(
                            text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": milliseconds}
                        )
                        yield connection
                    return
                raw = connection.connection.driver_connection
                assert raw is not None  # an open connection always has its sqlite3 connection
                deadline = time.monotonic() + seconds
                raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
                try:
                    yield connection
                finally:
                    raw.set_progress_handler(None, 0)
            except OperationalError as exc:
                code = getattr(exc.orig, "sqlstate", None)
                if code == _QUERY_CANCELED or "interrupted" in str(exc.orig):
                    raise InputError(
                        f"{what} is too expensive: the database gave up after {seconds:g} s",
                        hint="use fewer or longer prefixes (deport* rather than d*), or fewer alternatives",
                    ) from exc
                raise

    def is_initialised(self) -> bool:
        try:
            return inspect(self.engine).has_table("alembic_version")
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot reach the database: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; safe with WAL
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600, in a 0700 folder when we create it):
    it holds case files about people and the accounts' password hashes. SQLite gives its -wal and -shm
    files the same permissions."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    elif path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
        path.chmod(0o600)


def open_store(url: str, *, schema: str | None = None, clock: Clock = utc_now, keyring: KeyRing | None = None) -> Store:
    """Open (without migrating) the store at ``url``; ``schema`` selects a PostgreSQL schema."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(f"not a database URL: {url!r}", hint="e.g. sqlite:///path/onward.sqlite3") from exc
    backend = parsed.get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_file(Path(parsed.database).expanduser())
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        if schema:
            connect_args["options"] = f"-csearch_path={schema}"
    else:
        raise ConfigurationError(f"unsupported database {backend!r}", hint="use sqlite:/// or postgresql://")
    try:
        engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except (ArgumentError, ImportError) as exc:
        raise ConfigurationError(f"cannot use database URL {url!r}: {exc}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return Store(engine=engine, clock=clock, keyring=keyring)
