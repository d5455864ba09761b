"""The shipped reference data: built from data/reference by manifest, checked by hash, equal to the upstream files."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from onward.errors import InputError
from onward.kb.importers import DatasetKind, build_reference, default_reference_dir, import_dataset
from onward.kb.importers.reference import parse_dataset, read_manifest
from onward.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "kb_import"


def _reference_dir(tmp_path: Path) -> Path:
    """A small reference folder laid out like data/reference, with its manifest."""
    root = tmp_path / "reference"
    layout = {
        "countries/countries.json": ("countries", FIXTURES / "countries.json"),
        "pts/pts.csv": ("pts", FIXTURES / "pts.csv"),
        "freedom_house/fiw_ratings.csv": ("fiw", FIXTURES / "fiw_ratings.csv"),
    }
    for treaty in sorted((FIXTURES / "treaties").glob("*.csv")):
        layout[f"treaties/{treaty.name}"] = ("treaties", treaty)
    entries = []
    for relative, (dataset, source) in layout.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        entries.append(
            {"path": relative, "dataset": dataset, "sha256": hashlib.sha256(target.read_bytes()).hexdigest()}
        )
    (root / "MANIFEST.json").write_text(json.dumps({"files": entries}), encoding="utf-8")
    return root


def test_build_reference_loads_every_file_and_is_idempotent(store: Store, tmp_path: Path) -> None:
    root = _reference_dir(tmp_path)
    first = build_reference(store, root, "tester")
    again = build_reference(store, root, "tester")
    assert {r.dataset for r in first} == {"countries", "pts", "fiw", "treaties"}
    assert sum(r.statements_added for r in first) > 50
    assert sum(r.statements_added for r in again) == 0
    assert sum(r.statements_unchanged for r in again) == sum(r.statements_added for r in first)


def test_an_edited_shipped_file_is_refused(tmp_path: Path) -> None:
    root = _reference_dir(tmp_path)
    with (root / "pts" / "pts.csv").open("a", encoding="utf-8") as handle:
        handle.write("Kazakhstan,Kazakhstan,2015,KZK,705,KAZ,398,eca,1,1,1,0,0,0\n")
    with pytest.raises(InputError) as caught:
        read_manifest(root)
    assert "pts.csv: its content differs from the file recorded" in caught.value.message


def test_the_shipped_files_match_their_manifest_and_hold_no_report_texts() -> None:
    entries = read_manifest(default_reference_dir())
    assert {e["dataset"] for e in entries} == {"countries", "pts", "fiw", "treaties"}
    assert all(e["upstream"]["commit"] for e in entries)
    shipped = sorted(p.name for p in default_reference_dir().rglob("*") if p.is_file())
    assert not [name for name in shipped if "texts" in name]  # Freedom House passages are not shipped
    assert "LICENSE" in shipped  # ODbL notice beside the derived countries file
    total = sum(p.stat().st_size for p in default_reference_dir().rglob("*") if p.is_file())
    assert total < 5_000_000


def _plan(data: Path) -> list[tuple[DatasetKind, Path]]:
    return [
        (DatasetKind.COUNTRIES, data / "countries" / "countries.json"),
        (DatasetKind.TREATIES, data / "treaties"),
        (DatasetKind.PTS, data / "pts" / "PTS-2024.csv"),
        (DatasetKind.FIW, data / "freedom_house" / "fiw_ratings_1972_2023.csv"),
        (DatasetKind.FIW, data / "freedom_house" / "fiw_scores_2012_2023.csv"),
    ]


@pytest.mark.shared
def test_real_datasets_import_twice_with_stable_counts(store: Store, shared_dir: Path) -> None:
    added: dict[str, int] = {}
    skipped: dict[str, int] = {}
    for kind, path in _plan(shared_dir / "data"):
        first = import_dataset(store, kind, path, "tester")
        again = import_dataset(store, kind, path, "tester")
        assert sum(o.load.statements_added for o in again) == 0
        assert sum(o.load.statements_unchanged for o in again) == sum(o.load.statements_added for o in first)
        added[path.name] = sum(o.load.statements_added for o in first)
        skipped[path.name] = sum(len(o.audit.skipped) for o in first)
    assert added == {
        "countries.json": 2376,
        "treaties": 3483 + 1821,  # UN status files, then Fariss's commitments (a second source)
        "PTS-2024.csv": 15683,
        "fiw_ratings_1972_2023.csv": 27555,
        "fiw_scores_2012_2023.csv": 60700,
    }
    assert skipped == {
        "countries.json": 0,
        "treaties": 233,  # Fariss's rows for Czechoslovakia, East Germany, Yugoslavia, South Vietnam, South Yemen
        "PTS-2024.csv": 720,
        "fiw_ratings_1972_2023.csv": 53,
        "fiw_scores_2012_2023.csv": 2175,
    }


@pytest.mark.shared
def test_the_shipped_copies_give_exactly_the_statements_of_the_upstream_files(shared_dir: Path) -> None:
    # Derived files keep every upstream row in order and every locator names the upstream file.
    upstream = {
        s.content_id()
        for kind, path in _plan(shared_dir / "data")
        for p in parse_dataset(kind, path)
        if p.dataset != "treaty_commitments"  # GPL-3 data, not shipped
        for s in p.statements
    }
    shipped_dir = default_reference_dir()
    shipped = {
        s.content_id()
        for entry in read_manifest(shipped_dir)
        for p in parse_dataset(DatasetKind(entry["dataset"]), shipped_dir / entry["path"])
        for s in p.statements
    }
    assert shipped == upstream
