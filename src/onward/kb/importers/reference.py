"""Importing a dataset file into the store, and building the default knowledge base from the shipped files.

``import_dataset(store, "pts", path, actor)`` parses the file (refusing it whole if it does not look
right), then hands sources and statements to ``onward.kb.loader.load_dataset``, which adds only what
is new: importing the same file twice changes nothing. ``build_reference`` does the same for every
file under ``data/reference`` listed in its ``MANIFEST.json`` (written by
``scripts/derive_reference_data.py``), after checking each file's SHA-256, so that a fresh
installation has states, treaty status and indicators without any network access.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from onward.errors import ConfigurationError, InputError
from onward.kb.importers.audit import ImportAudit, ParsedDataset
from onward.kb.importers.commitments import parse_commitments
from onward.kb.importers.countries import parse_countries
from onward.kb.importers.fiw import parse_fiw
from onward.kb.importers.pts import parse_pts
from onward.kb.importers.treaties import missing_core, parse_treaties
from onward.kb.loader import LoadReport, load_dataset
from onward.store import Store

MANIFEST = "MANIFEST.json"


class DatasetKind(StrEnum):
    """The datasets ``onward kb import`` knows: each names one importer."""

    COUNTRIES = "countries"
    PTS = "pts"
    FIW = "fiw"
    TREATIES = "treaties"


@dataclass(frozen=True)
class ImportOutcome:
    """One file imported: the importer's audit and what the load changed."""

    audit: ImportAudit
    load: LoadReport

    def as_json(self) -> dict[str, Any]:
        return {
            **self.audit.as_json(),
            "statements_added": self.load.statements_added,
            "statements_unchanged": self.load.statements_unchanged,
            "duplicates_in_input": self.load.duplicates_in_input,
            "sources_added": self.load.sources_added,
            "sources_updated": self.load.sources_updated,
            "sources_unchanged": self.load.sources_unchanged,
        }


def parse_treaty_sources(path: Path) -> list[ParsedDataset]:
    """A treaty folder: the UN status files, Fariss's commitment file if present, and a note of anything else."""
    if path.is_file() and path.name.startswith("hr_commitments"):
        return [parse_commitments(path)]
    parsed = parse_treaties(path)
    if path.is_dir():
        for other in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("hr_status_")):
            if other.name.startswith("hr_commitments") and other.suffix == ".csv":
                parsed.append(parse_commitments(other))
            else:
                parsed[0].audit.skip(other.name, "not a treaty-status or commitment file: not read")
    return parsed


_PARSERS: dict[DatasetKind, Callable[[Path], list[ParsedDataset]]] = {
    DatasetKind.COUNTRIES: lambda path: [parse_countries(path)],
    DatasetKind.PTS: lambda path: [parse_pts(path)],
    DatasetKind.FIW: lambda path: [parse_fiw(path)],
    DatasetKind.TREATIES: parse_treaty_sources,
}


def parse_dataset(kind: DatasetKind, path: Path) -> list[ParsedDataset]:
    """Parse and check a dataset file (a folder for treaties) without touching the store."""
    return _PARSERS[kind](path)


def import_dataset(store: Store, kind: DatasetKind, path: Path, actor: str) -> list[ImportOutcome]:
    """Parse ``path`` and load it; every file is parsed (and may be refused) before anything is written."""
    parsed = parse_dataset(kind, path)
    if kind is DatasetKind.TREATIES and path.is_dir():
        for instrument in missing_core(parsed):
            parsed[0].audit.tallies[f"core instrument missing from the folder: {instrument}"] += 1
    return [_load(store, item, actor) for item in parsed]


def _load(store: Store, item: ParsedDataset, actor: str) -> ImportOutcome:
    report = load_dataset(store, dataset=item.dataset, sources=item.sources, statements=item.statements, actor=actor)
    return ImportOutcome(item.audit, report)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(data_dir: Path) -> list[dict[str, Any]]:
    """The shipped files in load order, each checked against the SHA-256 the derivation script recorded."""
    manifest_path = data_dir / MANIFEST
    if not manifest_path.is_file():
        raise ConfigurationError(
            f"{data_dir}: no {MANIFEST}: not a reference-data folder",
            hint="run scripts/derive_reference_data.py, or give the data/reference folder of the repository",
        )
    try:
        entries = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ConfigurationError(f"{manifest_path}: unreadable manifest ({exc})") from None
    for entry in entries:
        path = data_dir / entry["path"]
        if not path.is_file():
            raise ConfigurationError(f"{path}: listed in {manifest_path} but missing")
        if _sha256(path) != entry["sha256"]:
            raise InputError(
                f"{path}: its content differs from the file recorded in {manifest_path}",
                hint="shipped reference files are derived, not edited: rerun scripts/derive_reference_data.py",
            )
    return list(entries)


def build_reference(store: Store, data_dir: Path, actor: str) -> list[LoadReport]:
    """Load every shipped reference file (states, treaty status, PTS, Freedom House) into ``store``."""
    return [outcome.load for outcome in build_reference_outcomes(store, data_dir, actor)]


def build_reference_outcomes(store: Store, data_dir: Path, actor: str) -> list[ImportOutcome]:
    """``build_reference`` with each file's audit, for commands that show what was skipped and flagged."""
    outcomes: list[ImportOutcome] = []
    treaty_files: list[Path] = []
    for entry in read_manifest(data_dir):
        kind = DatasetKind(entry["dataset"])
        path = data_dir / entry["path"]
        if kind is DatasetKind.TREATIES:
            treaty_files.append(path)
            continue
        outcomes.extend(import_dataset(store, kind, path, actor))
    if treaty_files:
        folders = {p.parent for p in treaty_files}
        for folder in sorted(folders):
            outcomes.extend(import_dataset(store, DatasetKind.TREATIES, folder, actor))
    return outcomes


def default_reference_dir() -> Path:
    """``data/reference`` of the source tree this package is installed from (an editable install)."""
    return Path(__file__).resolve().parents[4] / "data" / "reference"
