"""Read a knowledge-base export (JSON lines or CSV) back into the store, all or nothing, idempotently.

A colleague's ``kb.jsonl`` is checked line by line before anything is written: a statement whose
``id`` no longer matches its content (someone edited the value by hand), a bad date, an unknown
field — each is reported with its line, and the import is refused. A clean file is loaded in one
transaction, dataset by dataset, through the same loader as every importer; importing it twice
changes nothing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from onward.errors import CaseFileError, InputError, Problem
from onward.kb.export import CSV_COLUMNS, HEADER_RECORD
from onward.kb.loader import LoadReport, load_into
from onward.model.source import Source
from onward.model.statement import Statement
from onward.store import Store
from onward.yamldoc.jsondoc import load_json
from onward.yamldoc.problems import dotted


@dataclass
class _Parsed:
    sources: list[Source] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _validation_problems(file: str, line: int, exc: ValidationError) -> list[Problem]:
    return [
        Problem(
            file,
            line,
            None,
            dotted([p for p in error["loc"] if isinstance(p, str | int)]),
            error["msg"].removeprefix("Value error, "),
            found=repr(error.get("input"))[:60] if error["type"] != "missing" else None,
        )
        for error in exc.errors(include_url=False)
    ]


def _add_record(parsed: _Parsed, file: str, line: int, record: dict[str, Any]) -> None:
    kind = record.pop("record", None)
    try:
        if kind == "source":
            parsed.sources.append(Source.model_validate(record))
        elif kind == "statement":
            claimed = record.pop("id", None)
            statement = Statement.model_validate(record)
            if claimed and claimed != statement.content_id():
                parsed.problems.append(
                    Problem(
                        file,
                        line,
                        None,
                        "id",
                        "the statement's content does not match its id (was it edited?)",
                        expected=statement.content_id(),
                        found=str(claimed),
                        hint="to correct a fact, add a new statement that supersedes it; or drop the id",
                    )
                )
                return
            parsed.statements.append(statement)
        else:
            parsed.problems.append(
                Problem(file, line, None, "record", "unknown record type", expected="source or statement", found=kind)
            )
    except ValidationError as exc:
        parsed.problems.extend(_validation_problems(file, line, exc))


def _jsonl_records(path: Path, parsed: _Parsed) -> Iterator[tuple[int, dict[str, Any]]]:
    file = str(path)
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                record = load_json(text)
            except json.JSONDecodeError as exc:
                parsed.problems.append(Problem(file, number, exc.colno, "", f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(record, dict):
                parsed.problems.append(
                    Problem(file, number, 1, "", "expected a JSON object", found=type(record).__name__)
                )
                continue
            if number == 1 and record.get("record") != HEADER_RECORD:
                raise InputError(
                    f"{file}: line 1 is not an Onward knowledge-base header",
                    hint='files written by `onward kb export --format jsonl` start with {"record": "onward-kb", …}',
                )
            if record.get("record") != HEADER_RECORD:
                yield number, record


def _csv_value(column: str, text: str) -> Any:
    if text == "":
        return None
    if column == "value":
        return json.loads(text)
    return text


def _csv_records(path: Path, parsed: _Parsed) -> Iterator[tuple[int, dict[str, Any]]]:
    file = str(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(
                f"{file}: not an Onward knowledge-base CSV: missing columns {', '.join(missing)}",
                hint="files written by `onward kb export --format csv` have them",
            )
        for row in reader:
            number = reader.line_num
            try:
                values = {k: _csv_value(k, v or "") for k, v in row.items() if k is not None}
            except json.JSONDecodeError as exc:
                parsed.problems.append(
                    Problem(file, number, None, "value", "not a JSON value", expected='e.g. 11, "UA"', found=str(exc))
                )
                continue
            if values.get("record") == "source":
                record = {"record": "source", "id": values["source"]}
                record |= {k.removeprefix("source_"): v for k, v in values.items() if k.startswith("source_")}
            else:
                record = {k: v for k, v in values.items() if not k.startswith("source_")}
            yield number, {k: v for k, v in record.items() if v is not None}


def read_kb_file(path: Path) -> tuple[list[Source], list[Statement]]:
    """Sources and statements of an export; ``CaseFileError`` lists every located problem."""
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: is a folder, expected a file")
    parsed = _Parsed()
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", ".ndjson"):
        raise InputError(f"{path}: expected a .jsonl or .csv file written by `onward kb export`", hint=None)
    records = _csv_records(path, parsed) if suffix == ".csv" else _jsonl_records(path, parsed)
    for number, record in records:
        _add_record(parsed, str(path), number, record)
    if parsed.problems:
        raise CaseFileError(str(path), parsed.problems)
    return parsed.sources, parsed.statements


def import_kb_file(store: Store, path: Path, *, actor: str) -> list[LoadReport]:
    """Load an export into the store in one transaction; one report per dataset, in file order."""
    sources, statements = read_kb_file(path)
    at = store.clock()
    reports: list[LoadReport] = []
    with store.transaction() as connection:
        if not statements:
            reports.append(load_into(connection, at, dataset="import", sources=sources, statements=[], actor=actor))
        for index, (dataset, run) in enumerate(groupby(statements, key=lambda s: s.dataset)):
            given = sources if index == 0 else []
            reports.append(load_into(connection, at, dataset=dataset, sources=given, statements=run, actor=actor))
    return _merged(reports)


def _merged(reports: list[LoadReport]) -> list[LoadReport]:
    merged: dict[str, LoadReport] = {}
    for report in reports:
        before = merged.get(report.dataset)
        if before is None:
            merged[report.dataset] = report
            continue
        merged[report.dataset] = LoadReport(
            dataset=report.dataset,
            sources_added=before.sources_added + report.sources_added,
            sources_updated=before.sources_updated + report.sources_updated,
            sources_unchanged=before.sources_unchanged + report.sources_unchanged,
            statements_added=before.statements_added + report.statements_added,
            statements_unchanged=before.statements_unchanged + report.statements_unchanged,
            duplicates_in_input=before.duplicates_in_input + report.duplicates_in_input,
            statements_differing=before.statements_differing + report.statements_differing,
        )
    return list(merged.values())
