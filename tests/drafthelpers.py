"""Shared pieces of the drafting tests: the example case and organisation, and the curated knowledge base."""

from __future__ import annotations

from pathlib import Path

from onward.casefile.io import load_case
from onward.drafting.check import CheckContext, context_from_case
from onward.drafting.organisation import Organisation, read_organisation
from onward.kb.curated import load_curated
from onward.kb.view import KnowledgeView
from onward.model.case import Case
from onward.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ablyazov"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "drafting"


def example_case() -> Case:
    return load_case(EXAMPLE / "case.yaml")


def example_org() -> Organisation:
    return read_organisation(EXAMPLE / "org.yaml")


def curated_view(store: Store, case: Case) -> KnowledgeView:
    """The knowledge base the repository ships (``data/curated``), as of the case's date."""
    load_curated(store, ROOT / "data" / "curated", "tester")
    return KnowledgeView(store, as_of=case.as_of.latest())


def check_context(case: Case, view: KnowledgeView | None = None) -> CheckContext:
    context = context_from_case(case)
    if view is not None:
        for source in view.sources():
            context.sources.setdefault(source.id, source)
    return context
