"""Search quality on judged queries: nDCG@10, with and without the word forms and synonyms of a bare word.

The corpus is the extraction gold set (passages with their gold incidents, text read at run time from
``../shared``); ``data/eval/search_queries.jsonl`` holds researcher-style queries, each with the passages
judged relevant by a stated rule over the gold incidents (kind, sending or receiving state, profile), so
the judgments can be checked and reproduced. Each query is run on a fresh store of the chosen backend.
"""

from __future__ import annotations

import json
import math
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from onward.errors import InputError
from onward.evidence.ingest import ingest
from onward.evidence.search import search_evidence
from onward.store import Store

CUTOFF = 10


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    query: str
    relevant: frozenset[str]


@dataclass
class SearchScore:
    """Mean nDCG@10 over the queries, and each query's value."""

    expand: bool
    per_query: dict[str, float] = field(default_factory=dict)

    @property
    def ndcg(self) -> float:
        return sum(self.per_query.values()) / len(self.per_query) if self.per_query else 0.0


def read_judged(path: Path) -> list[JudgedQuery]:
    """The judged queries; a malformed line is an error naming its line."""
    judged = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            judged.append(JudgedQuery(str(record["id"]), str(record["query"]), frozenset(record["relevant"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: expected {{id, query, relevant: [...]}}, found {line[:80]!r}") from exc
    if not judged:
        raise InputError(f"{path}: no judged queries")
    return judged


def ndcg_at(ranked: list[str], relevant: frozenset[str], cutoff: int = CUTOFF) -> float:
    """Binary-relevance nDCG of ``ranked`` ids at ``cutoff``."""
    gain = sum(1 / math.log2(rank + 2) for rank, pid in enumerate(ranked[:cutoff]) if pid in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), cutoff)))
    return gain / ideal if ideal else 0.0


def load_corpus(store: Store, gold: Path) -> int:
    """Ingest the gold passages (``passage_id`` kept in each passage's metadata); returns how many."""
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        lines = [{k: r[k] for k in ("passage_id", "year", "iso2c", "country", "text")} for r in records]
        corpus.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        ingest(store, [corpus], actor="onward-eval", workers=0)
    return len(records)


def evaluate_search(store: Store, judged: list[JudgedQuery], *, expand: bool) -> SearchScore:
    score = SearchScore(expand)
    for query in judged:
        results = search_evidence(store, query.query, limit=CUTOFF, expand=expand)
        ranked = [str(hit.passage.meta.get("passage_id")) for hit in results.hits]
        score.per_query[query.id] = ndcg_at(ranked, query.relevant)
    return score
