"""Small fictional knowledge-base fixtures for tests: every source here is a TEST FIXTURE, not a real document."""

from __future__ import annotations

from typing import Any

from onward.kb.loader import LoadReport, load_dataset
from onward.model.source import Source, Verification
from onward.model.statement import Statement
from onward.store import Store

DATASET = "test-fixture"


def source(source_id: str, date: str | None = None, **extra: Any) -> Source:
    return Source(
        id=source_id,
        publisher="Test Fixture Publisher",
        title=f"Test fixture document {source_id} (fictional)",
        date=date,
        **extra,
    )


def fact(subject: str, prop: str, value: Any, src: str, **extra: Any) -> Statement:
    extra.setdefault("dataset", DATASET)
    return Statement(subject=subject, property=prop, value=value, source=src, **extra)


def load(store: Store, sources: list[Source], statements: list[Statement], dataset: str = DATASET) -> LoadReport:
    return load_dataset(store, dataset=dataset, sources=sources, statements=statements, actor="tester")


VERIFIED = Verification.VERIFIED
