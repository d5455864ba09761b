"""Who published an ingested file, when, and where it can be found: the ``--source-meta`` file.

A file name alone does not make a citation. The source-meta file (YAML or JSON) maps each file
(its name, its path relative to the meta file, or a glob such as ``fh/*.jsonl.gz``; ``"*"`` for
all) to the provenance a KB source needs::

    hrw-2015-05-18.txt:
      id: hrw-2015-05-18
      publisher: Human Rights Watch
      title: Open letter on the situation of Mukhtar Ablyazov
      date: 2015-05-18
      url: https://www.hrw.org/...
      country: FR
      verification: verified

YAML values are read as text (no YAML 1.1 surprises: ``country: NO`` is Norway, not false), then
checked; unknown keys and malformed dates are refused with the file, the entry and the field named.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
from pathlib import Path

from pydantic import ValidationError

from onward.errors import InputError
from onward.model.base import Identifier, NonEmpty, Record, WebUrl
from onward.model.dates import PartialDate
from onward.model.source import Verification
from onward.model.states import CountryCode
from onward.yamldoc.jsondoc import load_json
from onward.yamldoc.nodes import YamlSyntaxError, load_plain_yaml


class SourceMeta(Record):
    """The provenance of one ingested file; every field optional, the file name stands in for a title."""

    id: Identifier | None = None
    publisher: NonEmpty | None = None
    title: NonEmpty | None = None
    date: PartialDate | None = None
    url: WebUrl | None = None
    country: CountryCode | None = None
    language: str | None = None
    verification: Verification = Verification.UNVERIFIED


class SourceMetaFile:
    """The entries of a source-meta file, looked up by the path of each ingested file."""

    def __init__(self, path: Path, entries: dict[str, SourceMeta]) -> None:
        self.path = path
        self.entries = entries

    def for_file(self, file: Path) -> SourceMeta | None:
        candidates = [file.name, str(file)]
        with contextlib.suppress(ValueError):
            candidates.append(str(file.resolve().relative_to(self.path.resolve().parent)))
        for pattern, meta in self.entries.items():
            if pattern == "*":
                continue
            if any(candidate == pattern or fnmatch.fnmatch(candidate, pattern) for candidate in candidates):
                return meta
        return self.entries.get("*")


def load_source_meta(path: Path) -> SourceMetaFile:
    """Read and check a source-meta file; an ``InputError`` names the entry and field that are wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the source-meta file ({exc.strerror})") from exc
    try:
        data = load_json(text) if path.suffix.lower() == ".json" else load_plain_yaml(text, "source-meta files", "base")
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON: {exc}") from exc
    except YamlSyntaxError as exc:
        where = f":{exc.line}:{exc.column or 1}" if exc.line is not None else ""
        raise InputError(f"{path}{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a mapping from file names to publisher/title/date/url, found {data!r:.60}")
    entries: dict[str, SourceMeta] = {}
    for pattern, fields in data.items():
        try:
            entries[str(pattern)] = SourceMeta.model_validate(fields or {})
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "<entry>"
            raise InputError(
                f"{path}: entry {pattern!r}, field {field}: {error['msg']}; found {error.get('input')!r:.80}",
                hint="fields: id, publisher, title, date (YYYY[-MM[-DD]]), url, country, language, verification",
            ) from exc
    return SourceMetaFile(path, entries)
