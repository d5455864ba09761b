"""Benchmark of evidence ingestion, search and extraction on the Freedom House corpus, beside a bare baseline.

Ingests *Freedom in the World* texts (36,093 passages, 24 MB of text) into a fresh SQLite store, runs 1,000
searches and the extractor over every passage, and prints throughput, search latency (p50/p95/p99) and peak
memory. In the same run, a bare baseline does the minimum on the same data: plain ``sqlite3`` FTS5 inserts of
each passage's text and ``MATCH … ORDER BY rank LIMIT 20`` queries, with no parsing into documents, no
locators, no normalisation and no highlighting, so Onward's overhead is a ratio. Onward annotates passages
(index words, state mentions) in worker processes, one per spare core, while it reads and writes; the baseline
runs on one core. Both CPU and wall time are printed: wall time is what a user waits for, CPU time the work
done. Then the corpus is replicated (same passages, other document ids) 2, 5 and 10 times to show how each
figure grows. Each measurement runs in a process of its own, so that peak memory is that of the measured work
alone.

    .venv/bin/python benchmarks/bench_evidence.py                       # 1×, 2×, 5×, 10×
    .venv/bin/python benchmarks/bench_evidence.py --scales 1 --searches 200
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("data") / "freedom_house" / "fiw_texts_2017_2023.jsonl.gz"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000

    return {"p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "mean_ms": statistics.mean(ordered) * 1000}


def make_corpus(source: Path, scale: int, target: Path) -> Path:
    """The corpus ``scale`` times: replica r > 0 of each line gets a ``document_id`` of its own."""
    if scale == 1:
        return source
    with gzip.open(source, "rt", encoding="utf-8") as lines, gzip.open(target, "wt", encoding="utf-8") as out:
        records = [json.loads(line) for line in lines]
        for replica in range(scale):
            for record in records:
                if replica:
                    record = {**record, "document_id": f"{record['iso2c']}-{record['year']}-r{replica}"}
                out.write(json.dumps(record) + "\n")
    return target


def make_queries(source: Path, count: int, seed: int = 2024) -> list[tuple[str, str]]:
    """(Onward query, FTS5 query) pairs: single words, two-word phrases and OR pairs taken from the corpus."""
    rng = random.Random(seed)
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["detail"] for line in lines]
    queries: list[tuple[str, str]] = []
    while len(queries) < count:
        words = [w.strip(".,;:()\"'’“”") for w in rng.choice(texts).split()]
        words = [w for w in words if w.isalpha() and len(w) > 3]
        if len(words) < 3:
            continue
        start = rng.randrange(len(words) - 1)
        shape = rng.random()
        if shape < 0.6:
            queries.append((words[start], f'"{words[start]}"'))
        elif shape < 0.9:
            phrase = f"{words[start]} {words[start + 1]}"
            queries.append((f'"{phrase}"', f'"{phrase}"'))
        else:
            other = rng.choice(words)
            queries.append((f"{words[start]} OR {other}", f'"{words[start]}" OR "{other}"'))
    return queries


def run_baseline(corpus: Path, queries: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    connection = sqlite3.connect(folder / "baseline.sqlite3")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE VIRTUAL TABLE passages USING fts5(body)")
    started, cpu = time.perf_counter(), _cpu_s()
    characters = passages = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines, connection:
        rows = []
        for line in lines:
            text = json.loads(line)["detail"]
            characters += len(text)
            rows.append((text,))
        passages = len(rows)
        connection.executemany("INSERT INTO passages(body) VALUES (?)", rows)
    ingest_s = time.perf_counter() - started
    cpu_s = _cpu_s() - cpu
    latencies = []
    for _, fts in queries:
        begin = time.perf_counter()
        sql = "SELECT rowid, body FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT 20"
        connection.execute(sql, (fts,)).fetchall()
        latencies.append(time.perf_counter() - begin)
    connection.close()
    return {
        "passages": passages,
        "characters": characters,
        "ingest_s": ingest_s,
        "cpu_s": cpu_s,
        **_percentiles(latencies),
    }


def run_onward(corpus: Path, queries: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    from onward.evidence.ingest import ingest
    from onward.evidence.search import search_evidence
    from onward.store import open_store
    from onward.store.migrate import upgrade

    store = open_store(f"sqlite:///{folder / 'onward.sqlite3'}")
    upgrade(store)
    started, cpu = time.perf_counter(), _cpu_s()
    report = ingest(store, [corpus], actor="benchmark")
    ingest_s = time.perf_counter() - started
    cpu_s = _cpu_s() - cpu
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the ingest's worker processes, ended by now
    with store.read() as connection:
        characters = connection.exec_driver_sql("SELECT sum(length(text)) FROM evidence_passages").scalar_one()
    latencies = []
    for onward_query, _ in queries:
        begin = time.perf_counter()
        search_evidence(store, onward_query, limit=20)
        latencies.append(time.perf_counter() - begin)
    store.close()
    return {
        "passages": report.passages,
        "characters": characters,
        "ingest_s": ingest_s,
        "cpu_s": cpu_s,
        "worker_cpu_s": workers.ru_utime + workers.ru_stime,
        "worker_peak_mb": workers.ru_maxrss / 1024,
        **_percentiles(latencies),
    }


def run_extract(folder: Path) -> dict[str, Any]:
    from onward.evidence.extract import extract_incidents
    from onward.evidence.proposals import run_extraction
    from onward.store import open_store

    store = open_store(f"sqlite:///{folder / 'onward.sqlite3'}")
    started = time.perf_counter()
    report = run_extraction(store, extract_incidents, actor="benchmark")
    seconds = time.perf_counter() - started
    store.close()
    return {"passages": report.passages, "proposals": report.proposed, "extract_s": seconds}


def _phase(args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    queries = [(q[0], q[1]) for q in json.loads(Path(args.queries).read_text())] if args.queries else []
    if args.phase == "baseline":
        result = run_baseline(Path(args.corpus), queries, folder)
    elif args.phase == "onward":
        result = run_onward(Path(args.corpus), queries, folder)
    else:
        result = run_extract(folder)
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def _measure(phase: str, folder: Path, corpus: Path | None = None, queries: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--phase", phase, "--folder", str(folder)]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    if queries is not None:
        command += ["--queries", str(queries)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def _row(name: str, r: dict[str, Any]) -> str:
    rate = r["passages"] / r["ingest_s"]
    mb = r["characters"] / 1e6 / r["ingest_s"]
    line = (
        f"  {name:<9} ingest {r['ingest_s']:7.1f} s  {rate:8.0f} passages/s  {mb:5.2f} MB/s   "
        f"search p50 {r['p50_ms']:6.2f}  p95 {r['p95_ms']:6.2f}  p99 {r['p99_ms']:6.2f} ms   "
        f"peak {r['peak_mb']:6.0f} MB"
    )
    # CPU time shows the work done, wall time what the user waits: Onward annotates in worker processes.
    line += f"\n            ingest CPU {r['cpu_s']:.1f} s in this process"
    if "worker_cpu_s" in r:
        line += f" + {r['worker_cpu_s']:.1f} s in workers (peak {r['worker_peak_mb']:.0f} MB each at most)"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared data folder")
    parser.add_argument("--scales", default="1,2,5,10", help="corpus multiples to measure")
    parser.add_argument("--searches", type=int, default=1000)
    parser.add_argument("--no-extract", action="store_true", help="skip the extractor run (1× only otherwise)")
    parser.add_argument("--phase", choices=["baseline", "onward", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--queries", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        _phase(args)
        return
    source = Path(args.shared) / CORPUS
    if not source.is_file():
        sys.exit(f"{source} not found: pass --shared DIR")
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="onward-bench-") as tmp:
        work = Path(tmp)
        queries = work / "queries.json"
        queries.write_text(json.dumps(make_queries(source, args.searches)))
        first: dict[str, dict[str, Any]] = {}
        for scale in scales:
            extract: dict[str, Any] = {}
            corpus = make_corpus(source, scale, work / f"corpus-{scale}x.jsonl.gz")
            results = {}
            for phase in ("baseline", "onward"):
                folder = work / f"{phase}-{scale}x"
                folder.mkdir()
                results[phase] = _measure(phase, folder, corpus, queries)
            base, onward = results["baseline"], results["onward"]
            print(f"{scale}× corpus: {onward['passages']} passages, {onward['characters'] / 1e6:.1f} M characters")
            print(_row("baseline", base))
            print(_row("onward", onward))
            print(
                f"  ratio     ingest {onward['ingest_s'] / base['ingest_s']:.2f}×   "
                f"search p95 {onward['p95_ms'] / base['p95_ms']:.2f}×   "
                f"peak memory {onward['peak_mb'] / base['peak_mb']:.2f}×"
            )
            if scale == scales[0] and not args.no_extract:
                try:
                    extract = _measure("extract", work / f"onward-{scale}x")
                except subprocess.CalledProcessError as error:  # the extractor is another module: report, go on
                    print(f"  extract   failed: {error.stderr.strip().splitlines()[-1:]}")
                    extract = {}
            if extract:
                print(
                    f"  extract   {extract['extract_s']:7.1f} s  {extract['passages'] / extract['extract_s']:8.0f} "
                    f"passages/s  {extract['proposals']} proposals   peak {extract['peak_mb']:6.0f} MB"
                )
            if scale != scales[0]:
                growth = scale / scales[0]
                for name, r in results.items():
                    f0 = first[name]
                    print(
                        f"  growth    {name:<9} ×{growth:g} data: ingest time ×{r['ingest_s'] / f0['ingest_s']:.2f}, "
                        f"search p95 ×{r['p95_ms'] / f0['p95_ms']:.2f}, peak memory ×{r['peak_mb'] / f0['peak_mb']:.2f}"
                    )
            else:
                first = results
            sys.stdout.flush()


if __name__ == "__main__":
    main()
