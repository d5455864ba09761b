"""JSON lines (optionally gzipped): each line a passage, grouped into documents, located by line number.

Freedom House's *Freedom in the World* texts come as one line per passage with ``year``,
``country``, ``iso2c``, ``item``, ``sub_item`` and the text in ``detail``. Each country-year report
becomes one document ("Ukraine 2019"), so re-ingesting after a new year adds only the new
reports; the passage keeps the other fields as metadata and takes its state and year from
``iso2c`` and ``year``. Other corpora follow the same rule: the text is in ``text``, ``detail``,
``body`` or ``content``; consecutive lines are grouped by ``document_id`` / ``doc_id`` / ``id``,
else by state and year, else the file is one document. Documents are read one after the other,
so a corpus of any size is ingested in bounded memory. A line that is not JSON, or has no text, is reported and
skipped.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from onward.errors import InputError
from onward.evidence.paragraphs import Span, paragraphs
from onward.evidence.readers.base import READ_LIMITS, PassageBuilder, ReadDocument, ReadLimits, over_limit
from onward.yamldoc.jsondoc import load_json

_TEXT_FIELDS = ("text", "detail", "body", "content")
_DOCUMENT_FIELDS = ("document_id", "doc_id", "id")
_COUNTRY_FIELDS = ("iso2c", "iso2", "country_code", "country")
_MAX_REPORTED = 10


_CHUNK = 1024 * 1024


def _lines(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> Iterator[bytes]:
    """The file's lines, decompressed as they are read: a 10× corpus never sits in memory uncompressed.

    Decompressed a block at a time (what is whole before a damaged part is kept) and split in C:
    reading line by line through ``GzipFile`` costs more than parsing the JSON. A gzip bomb is
    stopped at ``max_stream_bytes`` unpacked, and a line (say a gigabyte of zeros without a
    newline) at ``max_line_bytes``.
    """
    if data[:2] != b"\x1f\x8b":
        for line in data.split(b"\n"):
            if len(line) > limits.max_line_bytes:
                raise over_limit(path, "the length of a line in bytes", limits.max_line_bytes, len(line))
            yield line.rstrip(b"\r")
        return
    stream = gzip.GzipFile(fileobj=io.BytesIO(data))
    rest = b""
    unpacked = 0
    try:
        while chunk := stream.read1(_CHUNK):
            unpacked += len(chunk)
            if unpacked > limits.max_stream_bytes:
                raise over_limit(path, "the unpacked size in bytes", limits.max_stream_bytes)
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            if len(rest) > limits.max_line_bytes:
                raise over_limit(path, "the length of a line in bytes", limits.max_line_bytes)
            for line in lines:
                if len(line) > limits.max_line_bytes:
                    raise over_limit(path, "the length of a line in bytes", limits.max_line_bytes, len(line))
                yield line.rstrip(b"\r")
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: damaged gzip file ({exc})") from exc
    if rest:
        yield rest.rstrip(b"\r")


def _country(record: dict[str, Any]) -> str | None:
    for name in _COUNTRY_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and len(value) == 2 and value.isalpha():
            return value.upper()
    return None


def _year(record: dict[str, Any]) -> int | None:
    value = record.get("year")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) == 4:
        return int(value)
    return None


def _group(record: dict[str, Any], country: str | None, year: int | None) -> str:
    for name in _DOCUMENT_FIELDS:
        if record.get(name) is not None:
            return str(record[name])
    if country is not None or year is not None:
        return " ".join(str(part) for part in (record.get("country") or country, year) if part is not None)
    return ""


def _locator(record: dict[str, Any], line: int, span: Span) -> str:
    where = f"line {line}" if span.parts == 1 else f"line {line}, part {span.part} of {span.parts}"
    section = record.get("sub_item") or record.get("item") or record.get("section")
    return f"{section} ({where})" if section else where


def read(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> Iterator[ReadDocument]:
    """Documents one at a time, each made of consecutive lines with the same group (a report's lines)."""
    warnings: list[str] = []
    skipped = 0
    produced = False
    key: str | None = None
    group: list[_Line] = []
    for number, raw in enumerate(_lines(path, data, limits), start=1):
        if number > limits.max_lines:
            raise over_limit(path, "the number of lines", limits.max_lines)
        if not raw.strip():
            continue
        try:
            record = load_json(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            record, reason = None, f"not JSON ({exc.msg if isinstance(exc, json.JSONDecodeError) else 'not UTF-8'})"
        else:
            reason = "no text field (expected one of: " + ", ".join(_TEXT_FIELDS) + ")"
        text_field = next((f for f in _TEXT_FIELDS if isinstance(record, dict) and record.get(f)), None)
        if not isinstance(record, dict) or text_field is None:
            skipped += 1
            if skipped <= _MAX_REPORTED:
                warnings.append(f"{path}:{number}: line skipped: {reason}")
            continue
        country, year = _country(record), _year(record)
        line_key = _group(record, country, year)
        if group and line_key != key:
            yield _document(path, limits, key or "", group, warnings)
            produced, group, warnings = True, [], []
        key = line_key
        group.append(_Line(number, raw, record, text_field, country, year))
    if skipped > _MAX_REPORTED:
        warnings.append(f"{path}: {skipped} lines skipped in all")
    if group:
        yield _document(path, limits, key or "", group, warnings)
    elif warnings and not produced:
        raise InputError(f"{path}: no line with text could be read", hint=warnings[0])


class _Line(NamedTuple):
    """A line that holds text: where it is, its bytes (the document's identity), its fields."""

    number: int
    raw: bytes
    record: dict[str, Any]
    text_field: str
    country: str | None
    year: int | None


def _document(path: Path, limits: ReadLimits, key: str, lines: list[_Line], warnings: list[str]) -> ReadDocument:
    builder = PassageBuilder(path, limits)
    for number, _, record, text_field, country, year in lines:
        text = str(record[text_field]).strip()
        meta = {k: v for k, v in record.items() if k != text_field and v is not None}
        for span in paragraphs(text):
            builder.add(
                text[span.start : span.end],
                _locator(record, number, span),
                line=number,
                country=country,
                year=year,
                meta=meta,
            )
    first = lines[0].record
    countries = {p.country for p in builder.passages}
    years = {p.year for p in builder.passages}
    return ReadDocument(
        passages=builder.passages,
        identity=b"\n".join(line.raw for line in lines),
        title=str(first.get("title") or key) or None,
        key=key or None,
        country=countries.pop() if len(countries) == 1 else None,
        year=years.pop() if len(years) == 1 else None,
        warnings=warnings,
    )
