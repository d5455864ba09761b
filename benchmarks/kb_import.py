"""How long importing the shipped reference data takes, per file: parse, first load, second (idempotent) load.

    .venv/bin/python benchmarks/kb_import.py [DATABASE_URL] [--data data/reference]

Prints figures, asserts nothing. Without a URL it uses a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from onward.kb.importers.reference import DatasetKind, default_reference_dir, parse_dataset, read_manifest
from onward.kb.loader import load_dataset
from onward.store import open_store
from onward.store.migrate import upgrade


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("url", nargs="?")
    parser.add_argument("--data", type=Path, default=default_reference_dir())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        store = open_store(url)
        upgrade(store)
        print(f"store: {url}")
        print(f"{'file':45} {'statements':>10} {'parse s':>8} {'load s':>8} {'reload s':>9}")
        for entry in read_manifest(args.data):
            started = time.perf_counter()
            parsed = parse_dataset(DatasetKind(entry["dataset"]), args.data / entry["path"])
            parse_s = time.perf_counter() - started
            timings: list[float] = []
            for _ in range(2):
                started = time.perf_counter()
                for item in parsed:
                    load_dataset(
                        store, dataset=item.dataset, sources=item.sources, statements=item.statements, actor="bench"
                    )
                timings.append(time.perf_counter() - started)
            count = sum(len(item.statements) for item in parsed)
            print(f"{entry['path']:45} {count:>10} {parse_s:>8.2f} {timings[0]:>8.2f} {timings[1]:>9.2f}")
        store.close()


if __name__ == "__main__":
    main()
