"""Backup and restore: a consistent snapshot of the whole store in one portable archive.

The archive (``.tar.gz``) holds one JSON-lines file per table, rows in primary-key order, and a
``manifest.json`` with the format version, the backend it came from, the schema revision, and each
table's row count and SHA-256. The snapshot is consistent: on SQLite it is taken with SQLite's
online backup API (a page-by-page copy that a concurrent writer cannot tear); on PostgreSQL every
table is read inside one ``REPEATABLE READ`` read-only transaction, which sees a single moment.

The search index is not a table SQLAlchemy knows (a contentless FTS5 table on SQLite, a ``tsvector``
column on PostgreSQL) and is not saved: a restore rebuilds it from the passages' text with the
tokenizer the caller passes in (``onward.evidence.text.index_text``, a layer above this one), so a
backup restores on either backend.

A restore checks everything before it writes: the manifest, every checksum and row count, the
schema revision, and the audit trail's hash chain; it refuses a store that already holds data
unless told to replace it (never one with an audit trail, which the database keeps append-only), and
writes all of it in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Date, DateTime, Integer, Table, create_engine, func, select, text

from onward.errors import ConflictError, InputError, StoreError
from onward.store.engine import Store
from onward.store.evidence import tsvector_literal
from onward.store.migrate import current_heads
from onward.store.tables import metadata
from onward.store.tables_evidence import FTS_TABLE, TSVECTOR_COLUMN, evidence_passages
from onward.store.tables_web import audit_log
from onward.store.web_audit import GENESIS, entry_hash, verify_chain

FORMAT = "onward-backup"
VERSION = 1
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class BackupReport:
    """What a backup or restore covered: rows per table, the schema revision, and where the archive is."""

    path: Path
    dialect: str
    schema_revision: list[str]
    rows: dict[str, int]
    audit_entries: int


def tables() -> list[Table]:
    """Every table, parents before children (the order a restore inserts in).

    ``onward.store`` imports every area's table module, so a table added later is backed up too.
    """
    return list(metadata.sorted_tables)


# --- values to and from JSON -----------------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _decoder(table: Table) -> dict[str, type]:
    kinds: dict[str, type] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            kinds[column.name] = dt.datetime
        elif isinstance(column.type, Date):
            kinds[column.name] = dt.date
    return kinds


def _decode(row: dict[str, Any], kinds: dict[str, type]) -> dict[str, Any]:
    for name, kind in kinds.items():
        value = row.get(name)
        if isinstance(value, str) and kind is dt.date:
            row[name] = dt.date.fromisoformat(value)
        elif isinstance(value, str):
            moment = dt.datetime.fromisoformat(value)
            # SQLite keeps no offset; every time Onward stores is UTC (``utc_now``), so say so for PostgreSQL.
            row[name] = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return row


def dump_rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """The table's rows as JSON-ready dicts, in primary-key order."""
    order = list(table.primary_key.columns) or list(table.columns)
    for row in connection.execute(select(table).order_by(*order)):
        yield {key: _encode(value) for key, value in row._mapping.items()}


# --- backup ----------------------------------------------------------------------------------------------------


def backup(store: Store, target: Path) -> BackupReport:
    """Write a consistent snapshot of ``store`` to ``target`` (a ``.tar.gz``), replacing it only when complete."""
    if not store.is_initialised():
        raise StoreError("the store is not initialised: there is nothing to back up", hint="run `onward init`")
    revision = current_heads(store)
    with tempfile.TemporaryDirectory(prefix="onward-backup-") as folder:
        work = Path(folder)
        if store.dialect == "sqlite":
            copy = work / "snapshot.sqlite3"
            _sqlite_snapshot(store, copy)
            engine = create_engine(f"sqlite:///{copy}")
            try:
                with engine.connect() as connection:
                    counts = _write_tables(connection, work)
            finally:
                engine.dispose()
        else:
            with store.read() as connection:
                snapshot = connection.execution_options(isolation_level="REPEATABLE READ")
                with snapshot.begin():
                    snapshot.exec_driver_sql("SET TRANSACTION READ ONLY")
                    counts = _write_tables(snapshot, work)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": store.clock().isoformat(),
            "dialect": store.dialect,
            "schema_revision": revision,
            "tables": counts,
        }
        partial = target.with_name(target.name + ".partial")
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True).encode())
            for name in counts:
                archive.add(work / f"{name}.jsonl", arcname=f"tables/{name}.jsonl")
        partial.replace(target)
    rows = {name: entry["rows"] for name, entry in counts.items()}
    return BackupReport(target, store.dialect, revision, rows, rows.get(audit_log.name, 0))


def _sqlite_snapshot(store: Store, copy: Path) -> None:
    with store.read() as connection:
        source = connection.connection.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(copy)
        try:
            source.backup(destination)
        finally:
            destination.close()


def _write_tables(connection: Connection, folder: Path) -> dict[str, dict[str, Any]]:
    return {
        table.name: _write_lines(folder / f"{table.name}.jsonl", dump_rows(connection, table)) for table in tables()
    }


def _write_lines(path: Path, rows: Iterator[dict[str, Any]]) -> dict[str, Any]:
    digest = hashlib.sha256()
    count = 0
    with path.open("wb") as sink:
        for row in rows:
            line = json.dumps(row, ensure_ascii=False, sort_keys=True).encode() + b"\n"
            digest.update(line)
            sink.write(line)
            count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


# --- restore ---------------------------------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile, source: Path) -> dict[str, Any]:
    member = _member(archive, MANIFEST, source)
    try:
        manifest = json.loads(member.read())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: the backup's manifest is not valid JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(f"{source}: not an Onward backup (its manifest does not say {FORMAT!r})")
    if manifest.get("version") != VERSION:
        raise InputError(f"{source}: backup format version {manifest.get('version')!r}; this Onward reads {VERSION}")
    return manifest


def _member(archive: tarfile.TarFile, name: str, source: Path) -> IO[bytes]:
    try:
        member = archive.extractfile(name)
    except KeyError:
        member = None
    if member is None:
        raise InputError(f"{source}: the backup has no {name}; it is incomplete or not an Onward backup")
    return member


def _load_table(archive: tarfile.TarFile, source: Path, name: str, expected: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of one table file, after checking its SHA-256 and row count against the manifest."""
    data = _member(archive, f"tables/{name}.jsonl", source).read()
    if hashlib.sha256(data).hexdigest() != expected.get("sha256"):
        raise InputError(f"{source}: tables/{name}.jsonl does not match its checksum; the backup is damaged")
    rows = [json.loads(line) for line in data.splitlines() if line]
    if len(rows) != expected.get("rows"):
        raise InputError(f"{source}: tables/{name}.jsonl holds {len(rows)} rows, the manifest says {expected['rows']}")
    return rows


def check_audit_chain(rows: list[dict[str, Any]], source: Path) -> None:
    """Re-hash the backed-up audit trail; a restore never installs a trail that was tampered with."""
    previous = GENESIS
    for row in sorted(rows, key=lambda r: int(r["seq"])):
        fields = (row["at"], row["actor"], row["action"], row["case_id"], row["ip"], row["detail"])
        if row["prev_hash"] != previous or row["hash"] != entry_hash(row["prev_hash"], *fields):
            raise InputError(
                f"{source}: the audit trail in the backup is broken at entry {row['seq']}; nothing was restored",
                hint="restore an earlier backup, or investigate the tampering",
            )
        previous = row["hash"]


def restore(store: Store, source: Path, *, index_words: Callable[[str], str], force: bool = False) -> BackupReport:
    """Replace the (empty, unless ``force``) store's content with the backup at ``source``.

    ``index_words`` turns a passage's text into the words the search index holds.
    """
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with block below
    except (OSError, tarfile.TarError) as exc:
        raise InputError(f"{source}: cannot read the backup ({exc})") from exc
    with archive:
        manifest = read_manifest(archive, source)
        revision = current_heads(store) if store.is_initialised() else []
        if revision != manifest.get("schema_revision"):
            raise InputError(
                f"{source}: the backup is of schema {manifest.get('schema_revision')}; this store is at {revision}",
                hint="run `onward init` on an empty store with the Onward version that made the backup",
            )
        counts = manifest.get("tables", {})
        missing = [t.name for t in tables() if t.name not in counts]
        if missing:
            raise InputError(f"{source}: the backup has no rows for {', '.join(missing)}")
        loaded = {name: _load_table(archive, source, name, counts[name]) for name in [*counts]}
    check_audit_chain(loaded.get(audit_log.name, []), source)
    with store.transaction() as connection:
        held = {t.name: int(connection.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables()}
        if held.get(audit_log.name):
            # The database itself keeps the audit trail append-only; a restore never erases one.
            raise ConflictError(
                f"the store already has an audit trail ({held[audit_log.name]} entries), which cannot be replaced",
                hint="restore into a new, empty store (`onward init` with another database URL)",
            )
        if any(held.values()) and not force:
            busy = ", ".join(f"{name} ({count})" for name, count in held.items() if count)
            raise ConflictError(
                f"the store already holds data: {busy}",
                hint="restore into an empty store, or pass --force to replace it",
            )
        _clear(connection, store.dialect)
        for table in tables():
            kinds = _decoder(table)
            rows = [_decode(row, kinds) for row in loaded[table.name]]
            if rows:
                connection.execute(table.insert(), rows)
        _rebuild_index(connection, store.dialect, loaded[evidence_passages.name], index_words)
        if store.dialect == "postgresql":
            _advance_sequences(connection)
    check = verify_chain(store)  # the trail as stored now, read back the way `onward audit verify` reads it
    if not check.intact:
        raise StoreError(f"the restored audit trail does not verify at entry {check.broken_at}: {check.problem}")
    restored = {name: len(found) for name, found in loaded.items()}
    return BackupReport(source, str(manifest.get("dialect")), revision, restored, check.entries)


def _clear(connection: Connection, dialect: str) -> None:
    if dialect == "sqlite":
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")  # contentless
    for table in reversed(tables()):
        connection.execute(table.delete())


def _rebuild_index(
    connection: Connection, dialect: str, passages: list[dict[str, Any]], index_words: Callable[[str], str]
) -> None:
    if not passages:
        return
    if dialect == "sqlite":
        entries = [(row["seq"], index_words(row["text"])) for row in passages]
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (?, ?)", entries)
        return
    statement = text(f"UPDATE evidence_passages SET {TSVECTOR_COLUMN} = CAST(:vector AS tsvector) WHERE seq = :seq")
    vectors = [{"seq": row["seq"], "vector": tsvector_literal(index_words(row["text"]))} for row in passages]
    connection.execute(statement, vectors)


def _advance_sequences(connection: Connection) -> None:
    """Rows came with their own serial numbers; the next ones PostgreSQL hands out must follow them."""
    for table in tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer) or keys[0].autoincrement is False:
            continue
        column = keys[0].name
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"), {"table": table.name, "column": column}
        ).scalar_one()
        if sequence is None:
            continue
        connection.execute(
            text(f"SELECT setval(:sequence, coalesce(max({column}), 1), max({column}) IS NOT NULL) FROM {table.name}"),
            {"sequence": sequence},
        )
