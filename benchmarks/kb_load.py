"""How long loading and reading a Freedom-House-sized dataset takes: prints figures, asserts nothing.

    .venv/bin/python benchmarks/kb_load.py [DATABASE_URL] [--statements 100000]

Loads N synthetic indicator statements (fictional benchmark values, one fictional source) into an
empty, migrated store, loads them again (the idempotent path), then builds a KnowledgeView and reads
one state's summary. Without a URL it uses a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from onward.kb.loader import load_dataset
from onward.kb.view import KnowledgeView
from onward.model.source import Source
from onward.model.statement import Statement
from onward.model.states import all_states
from onward.store import open_store
from onward.store.migrate import upgrade

SOURCE = Source(id="benchmark-source", publisher="Benchmark (fictional)", title="Synthetic indicators", date="2024")


def statements(count: int) -> Iterator[Statement]:
    codes = [s.code for s in all_states()]
    for n in range(count):
        code = codes[n % len(codes)]
        year = 1950 + (n // len(codes)) % 74
        prop = f"fiw_bench_{n // (len(codes) * 74)}"
        yield Statement(
            subject=f"state:{code}", property=prop, value=n % 5, source=SOURCE.id, valid_from=str(year), dataset="bench"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", nargs="?")
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        store = open_store(url)
        upgrade(store)
        for label in ("first load", "second load (nothing new)"):
            start = time.perf_counter()
            report = load_dataset(
                store, dataset="bench", sources=[SOURCE], statements=statements(args.statements), actor="bench"
            )
            elapsed = time.perf_counter() - start
            print(
                f"{store.dialect} {label}: {args.statements} statements in {elapsed:.1f} s "
                f"({args.statements / elapsed:,.0f}/s): {report.statements_added} added, "
                f"{report.statements_unchanged} unchanged"
            )
        start = time.perf_counter()
        summary = KnowledgeView(store, as_of=dt.date(2025, 1, 1)).state_summary("KZ")
        elapsed = time.perf_counter() - start
        print(f"{store.dialect} state summary: {len(summary.indicators)} indicators in {elapsed:.2f} s")
        store.close()


if __name__ == "__main__":
    main()
