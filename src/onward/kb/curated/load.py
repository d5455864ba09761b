"""Load curated files into the knowledge base: ``onward kb import curated data/curated``.

The shipped ``data/curated/`` folder — instruments, memberships with their dates, the incidents
behind the seed letter and the letter's own claims — is read as one set, validated (every problem
located, nothing loaded if any), expanded into statements and handed to ``load_dataset`` in one
transaction. Loading the same files twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from onward.kb.curated.expand import Expander
from onward.kb.curated.reader import read_curated
from onward.kb.loader import LoadReport, load_dataset
from onward.model.source import Source
from onward.model.statement import Statement
from onward.store import Store

DATASET = "curated"
# Who asserts a curated fact: the curated files (reviewed with the repository), not whoever loads
# them — the loader records that separately, so two people loading the same files agree.
ASSERTED_BY = "curated files"


@dataclass(frozen=True)
class CuratedBundle:
    """What a folder of curated files amounts to: its files, sources and statements, before loading."""

    files: tuple[Path, ...]
    sources: tuple[Source, ...]
    statements: tuple[Statement, ...]


def expand_curated(path: Path, *, dataset: str = DATASET) -> CuratedBundle:
    """Read and expand the curated file or folder ``path``; raises ``CaseFileError`` listing every problem."""
    curated = read_curated(path)
    kinds = {i.id: i.kind for _, document in curated.documents for i in document.instruments}
    expander = Expander(curated.sources, kinds, dataset=dataset, asserted_by=ASSERTED_BY)
    statements = [s for _, document in curated.documents for s in expander.statements(document)]
    return CuratedBundle(
        files=tuple(file for file, _ in curated.documents),
        sources=tuple(curated.sources.values()),
        statements=tuple(statements),
    )


def load_curated(store: Store, path: Path, actor: str, *, dataset: str = DATASET) -> LoadReport:
    """Validate, expand and load the curated file or folder ``path`` as ``dataset`` (idempotent)."""
    bundle = expand_curated(path, dataset=dataset)
    return load_dataset(store, dataset=dataset, sources=bundle.sources, statements=bundle.statements, actor=actor)
