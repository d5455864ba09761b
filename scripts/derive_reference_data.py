"""Derive the reference data Onward ships (data/reference) from the public datasets in ../shared/data.

    .venv/bin/python scripts/derive_reference_data.py [--shared ../shared/data] [--out data/reference]

Each shipped file keeps the upstream file's name and every one of its rows, in the same order, so
that a statement's locator ("PTS-2024.csv line 5211") points into the upstream file as well; only
columns Onward does not import are dropped (Freedom House's question texts, the PTS COW codes,
countries.json's capitals and currencies…). Freedom House's report passages are NOT shipped.
``MANIFEST.json`` records, for each file, its dataset, its upstream repository, commit and file, and
the SHA-256 of both; ``build_reference`` refuses a shipped file whose hash differs. Rerunning the
script on the same input writes identical files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

from onward.kb.importers.sources import release_of

ROOT = Path(__file__).resolve().parents[1]

PTS_COLUMNS = ["Country", "Country_OLD", "Year", "WordBank_Code_A", "UN_Code_N"]
PTS_COLUMNS += ["PTS_A", "PTS_H", "PTS_S", "NA_Status_A", "NA_Status_H", "NA_Status_S"]
FIW_RATINGS_COLUMNS = ["year", "country", "iso2c", "iso3c", "political_rights", "civil_liberties", "status"]
FIW_SCORES_COLUMNS = ["year", "country", "iso2c", "sub_item", "score"]
COUNTRY_KEYS = ["cca2", "cca3", "name", "translations", "altSpellings", "demonyms"]
LICENCES = {
    "countries": "ODbL-1.0 (see countries/LICENSE)",
    "treaties": "facts from the UN Treaty Collection; compiling repository states no licence",
    "pts": "free with citation: Gibney et al., Political Terror Scale",
    "fiw": "© Freedom House, attribution required; packaged CC0 by the R package freedomhouse",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_csv(source: Path, target: Path, columns: list[str]) -> int:
    """Copy ``columns`` of every row of ``source`` (UTF-8, ``\\n`` line ends); returns the row count."""
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [c for c in columns if rows and c not in rows[0]]
    if missing:
        raise SystemExit(f"{source}: columns {missing} are missing; is this the expected release?")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(buffer.getvalue(), encoding="utf-8")
    return len(rows)


def _write_countries(source: Path, target: Path) -> int:
    entries = json.loads(source.read_text(encoding="utf-8"))
    kept: list[dict[str, Any]] = []
    for entry in entries:
        item = {key: entry[key] for key in COUNTRY_KEYS if key in entry}
        item["name"] = {k: v for k, v in entry["name"].items() if k in ("common", "official")}
        item["translations"] = {k: v for k, v in entry.get("translations", {}).items() if k in ("fra", "rus")}
        kept.append(item)
    lines = ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    shutil.copyfile(source.parent / "LICENSE", target.parent / "LICENSE")
    return len(kept)


def _entry(dataset: str, shared: Path, upstream: Path, out: Path, target: Path, rows: int) -> dict[str, Any]:
    release = release_of(upstream.name)
    return {
        "path": target.relative_to(out).as_posix(),
        "dataset": dataset,
        "rows": rows,
        "sha256": _sha256(target),
        "upstream": {
            "repository": release.repository if release else None,
            "commit": release.commit if release else None,
            "file": upstream.relative_to(shared).as_posix(),
            "sha256": _sha256(upstream),
        },
        "licence": LICENCES[dataset],
    }


def derive(shared: Path, out: Path) -> list[dict[str, Any]]:
    """Write every shipped file and the manifest; returns the manifest's entries."""
    entries: list[dict[str, Any]] = []
    upstream = shared / "countries" / "countries.json"
    target = out / "countries" / "countries.json"
    entries.append(_entry("countries", shared, upstream, out, target, _write_countries(upstream, target)))
    for upstream in sorted((shared / "treaties").glob("hr_status_*.csv")):
        with upstream.open(encoding="utf-8-sig", newline="") as handle:
            columns = next(csv.reader(handle))
        target = out / "treaties" / upstream.name
        entries.append(_entry("treaties", shared, upstream, out, target, _write_csv(upstream, target, columns)))
    plan = [
        ("pts", shared / "pts" / "PTS-2024.csv", PTS_COLUMNS),
        ("fiw", shared / "freedom_house" / "fiw_ratings_1972_2023.csv", FIW_RATINGS_COLUMNS),
        ("fiw", shared / "freedom_house" / "fiw_scores_2012_2023.csv", FIW_SCORES_COLUMNS),
    ]
    for dataset, upstream, columns in plan:
        target = out / upstream.parent.name / upstream.name
        entries.append(_entry(dataset, shared, upstream, out, target, _write_csv(upstream, target, columns)))
    manifest = {
        "about": "Derived by scripts/derive_reference_data.py from ../shared/data; see DATA_SOURCES.md.",
        "files": entries,
    }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args()
    entries = derive(args.shared, args.out)
    total = sum((args.out / e["path"]).stat().st_size for e in entries)
    for entry in entries:
        print(f"{entry['path']}: {entry['rows']} rows")
    print(f"{len(entries)} files, {total / 1_000_000:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
