"""Running the risk engine and drafting for a stored case, exactly as ``onward assess`` and ``onward draft`` do.

The knowledge base is read as it stood at the case's ``as_of`` (or the date the reader asks for), so
the page shows what was knowable then; the engine (``onward.risk.assess``) does all the reasoning.
Results are kept in the application's ``ResultCache`` under an ``AnalysisKey``: the case's content
digest, the date, the hops, the risk model's digest and the knowledge base's revision — read *before*
computing, so that a result can only ever be filed under a state of the knowledge base at least as old
as the one it saw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onward.drafting.document import Document
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.i18n import Lang
from onward.drafting.outputs import render
from onward.errors import InputError
from onward.kb.view import KnowledgeView
from onward.model.case import Case
from onward.model.dates import PartialDate
from onward.risk.assess import Assessment, assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import RiskParams, load_params
from onward.store import Store
from onward.store import cases as case_store
from onward.store import kb as kb_store
from onward.web.cache import ResultCache

DRAFT_HOPS = 3
"""Drafts use the engine's default chain depth, as ``onward draft`` does."""


def parse_date(text: str | None, field: str = "as_of") -> dt.date | None:
    """``2015-05-18`` (or ``2015-05``, ``2015``: the last day of the period); empty means none."""
    if not text or not text.strip():
        return None
    try:
        return PartialDate.parse(text.strip()).latest()
    except ValueError as error:
        raise InputError(f"{field}: expected a date YYYY[-MM[-DD]], found {text!r} ({error})") from None


def knowledge_at(store: Store, when: dt.date) -> KnowledgeView:
    return KnowledgeView(store, as_of=when)


@dataclass(frozen=True)
class AnalysisKey:
    """Everything an assessment of a case depends on; a draft adds its type and language to it."""

    case: str
    as_of: dt.date
    hops: int
    model: str
    knowledge: str


def analysis_key(store: Store, case: Case, params: RiskParams, *, as_of: dt.date, hops: int) -> AnalysisKey:
    """The key of ``case``'s assessment now: its content digest, the model digest and the KB revision."""
    with store.read() as connection:
        revision = kb_store.revision(connection)
    digest = case_store.content_hash(case.model_dump(mode="json"))
    return AnalysisKey(case=digest, as_of=as_of, hops=hops, model=params.digest, knowledge=revision)


def _assess(store: Store, case: Case, params: RiskParams, when: dt.date, hops: int) -> Assessment:
    return assess(case, inputs_from_view(knowledge_at(store, when), params), params, hops=hops, as_of=when)


def assessment_for(
    store: Store, case: Case, *, as_of: dt.date | None = None, hops: int = 3, cache: ResultCache | None = None
) -> Assessment:
    """The engine's assessment of ``case`` from the knowledge base as of ``as_of`` (default: the case's)."""
    when = as_of or case.as_of.latest()
    params = load_params(None, case.risk_model)
    if cache is None:
        return _assess(store, case, params, when, hops)
    key = analysis_key(store, case, params, as_of=when, hops=hops)
    return cache.get_or_compute(("assessment", key), lambda: _assess(store, case, params, when, hops))


def document_for(
    store: Store, case: Case, kind: DocumentKind, lang: Lang, *, cache: ResultCache | None = None
) -> Document:
    """The draft of ``kind`` in ``lang``, from the same assessment as the assessment page at the case's date."""
    when = case.as_of.latest()
    params = load_params(None, case.risk_model)

    def compute(assessment: Assessment) -> Document:
        return draft(kind, case, lang=lang, view=knowledge_at(store, when), assessment=assessment)

    if cache is None:
        return compute(_assess(store, case, params, when, DRAFT_HOPS))
    key = analysis_key(store, case, params, as_of=when, hops=DRAFT_HOPS)
    assessment = cache.get_or_compute(("assessment", key), lambda: _assess(store, case, params, when, DRAFT_HOPS))
    return cache.get_or_compute(("draft", key, kind, lang), lambda: compute(assessment))


def rendered_draft(
    store: Store, case: Case, kind: DocumentKind, lang: Lang, fmt: str, *, cache: ResultCache | None = None
) -> bytes:
    """The draft as a file in ``fmt`` (md, html, docx, pdf); rendering a PDF is what takes longest."""
    if cache is None:
        return render(document_for(store, case, kind, lang), fmt)
    params = load_params(None, case.risk_model)
    key = analysis_key(store, case, params, as_of=case.as_of.latest(), hops=DRAFT_HOPS)
    return cache.get_or_compute(
        ("rendered", key, kind, lang, fmt), lambda: render(document_for(store, case, kind, lang, cache=cache), fmt)
    )
