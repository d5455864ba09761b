"""Export the knowledge base as JSON lines or CSV — every source and statement, corrections included.

A team that keeps its KB on PostgreSQL can hand a colleague the whole of it as one file
(``onward kb export --format jsonl -o kb.jsonl``) and the colleague's ``onward kb import-file``
rebuilds it exactly; with ``--as-of`` only what was known on that date is written. FollowTheMoney
entities for Aleph and OpenSanctions are written by ``onward.kb.ftm``.

JSON lines: a header ``{"record": "onward-kb", "version": 1, …}``, then one ``{"record": "source", …}``
per source, then one ``{"record": "statement", "id": <content id>, …}`` per statement, in load order.
CSV: one row per source (``record`` = ``source``, fields prefixed ``source_``) then one per
statement; ``value`` holds the value as JSON (``11``, ``"UA"``, ``{"lang": "fr", "text": "…"}``).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from onward.errors import InputError
from onward.kb.ftm import export_ftm
from onward.model.source import Source
from onward.model.statement import Statement
from onward.store import Store
from onward.store import kb as kb_store

FORMAT_VERSION = 1
HEADER_RECORD = "onward-kb"
SOURCE_FIELDS = list(Source.model_fields)
STATEMENT_FIELDS = [name for name in Statement.model_fields if name != "source"]
CSV_COLUMNS = [
    "record",
    "id",
    *STATEMENT_FIELDS,
    "source",
    *(f"source_{name}" for name in SOURCE_FIELDS if name != "id"),
]


class ExportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    FTM = "ftm"


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: ExportFormat
    sources: int
    statements: int
    entities: int = 0


def _snapshot(store: Store, as_of: dt.date | None) -> tuple[list[Source], list[tuple[str, Statement]]]:
    with store.read() as connection:
        statements = [(s.id, s.statement) for s in kb_store.iter_all_statements(connection, as_of=as_of)]
        sources = [s.source for s in kb_store.select_sources(connection, as_of=as_of)]
        cited = {s.source for _, s in statements} - {s.id for s in sources}
        if cited:  # a fact known before its source's date (known_from) still needs its source
            sources += [s.source for s in kb_store.select_sources(connection, ids=sorted(cited))]
    return sorted(sources, key=lambda s: s.id), statements


def _jsonl_lines(
    sources: list[Source], statements: list[tuple[str, Statement]], as_of: dt.date | None
) -> Iterator[str]:
    header = {"record": HEADER_RECORD, "version": FORMAT_VERSION, "as_of": as_of.isoformat() if as_of else None}
    yield json.dumps(header, ensure_ascii=False)
    for source in sources:
        yield json.dumps({"record": "source", **source.model_dump(mode="json")}, ensure_ascii=False)
    for content_id, statement in statements:
        document = {"record": "statement", "id": content_id, **statement.model_dump(mode="json")}
        yield json.dumps(document, ensure_ascii=False)


def csv_row_of_source(source: Source) -> dict[str, Any]:
    data = source.model_dump(mode="json")
    return {"record": "source", "source": data.pop("id"), **{f"source_{k}": v for k, v in data.items()}}


def csv_row_of_statement(content_id: str, statement: Statement) -> dict[str, Any]:
    data = statement.model_dump(mode="json")
    data["value"] = json.dumps(data["value"], ensure_ascii=False)
    return {"record": "statement", "id": content_id, **data}


def _write_csv(out: TextIO, sources: list[Source], statements: list[tuple[str, Statement]]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="raise")
    writer.writeheader()
    for source in sources:
        writer.writerow(csv_row_of_source(source))
    for content_id, statement in statements:
        writer.writerow(csv_row_of_statement(content_id, statement))


def export_kb(store: Store, path: Path, format: ExportFormat, *, as_of: dt.date | None = None) -> ExportReport:
    """Write the knowledge base (known at ``as_of``, or all of it) to ``path`` in ``format``."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a file name")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder")
    if format is ExportFormat.FTM:
        counts = export_ftm(store, path, as_of=as_of or store.clock().date())
        return ExportReport(path, format, counts.sources, counts.statements, counts.entities)
    sources, statements = _snapshot(store, as_of)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as out:
        if format is ExportFormat.JSONL:
            for line in _jsonl_lines(sources, statements, as_of):
                out.write(line + "\n")
        else:
            _write_csv(out, sources, statements)
    tmp.replace(path)
    return ExportReport(path, format, len(sources), len(statements))
