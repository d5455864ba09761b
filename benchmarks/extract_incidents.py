"""How fast the incident extractor reads Freedom House passages: passages/s and MB/s over a sample of the corpus,
with its transfer model and, in the same run, with the rules alone (the model's cost is the difference).

    .venv/bin/python benchmarks/extract_incidents.py ../shared/data/freedom_house/fiw_texts_2017_2023.jsonl.gz [N]

Prints figures only; nothing is asserted (timings depend on the machine).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

from onward.evidence.extract import default_extractor
from onward.evidence.extract.extractor import IncidentExtractor


def main() -> None:
    path = Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("detail"):
                rows.append(row)
            if len(rows) >= limit:
                break
    started = time.perf_counter()
    extractor = default_extractor()
    built = time.perf_counter() - started
    print(f"extractor built in {built:.2f} s")
    rules = IncidentExtractor(extractor.gazetteer)
    for reader in (extractor, rules):  # the first passage read pays for loading; not measured
        reader.extract("In May, two journalists were deported from Turkey to Russia.", year=2020, country="TR")
    for name, reader in (("rules + model", extractor), ("rules alone", rules)):
        proposals = 0
        characters = 0
        started = time.perf_counter()
        for row in rows:
            country = row.get("iso2c") or extractor.gazetteer.resolve(row.get("country") or "")
            proposals += len(reader.extract(row["detail"], year=row.get("year"), country=country))
            characters += len(row["detail"])
        elapsed = time.perf_counter() - started
        print(f"{name}: {len(rows)} passages, {characters / 1e6:.2f} M characters in {elapsed:.1f} s")
        rate = f"{len(rows) / elapsed:.0f} passages/s, {characters / 1e6 / elapsed:.2f} MB/s"
        print(f"{name}: {rate}, {proposals} proposals")


if __name__ == "__main__":
    main()
