"""Draft a document for a case: ``draft(kind, case, …) -> Document``, the one entry point CLI and web call.

For the Ablyazov case, ``draft(DocumentKind.OPEN_LETTER, case, org=hrw, view=view)`` gives the
open letter to the French Prime Minister: the requests and the proceedings from the case file,
the documented incidents and judgments for Russia and Ukraine from the knowledge base as it stood
on the case's ``as_of``, the law from the authorities of that date, the assurances and the
request — every factual sentence cited, every missing piece of evidence a visible gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from onward import __version__
from onward.drafting import i18n
from onward.drafting.analysis import EvidenceSupports, analyse, othman_title, status_text
from onward.drafting.authorities import Law
from onward.drafting.case_facts import case_facts
from onward.drafting.citations import Support
from onward.drafting.claims import Need, gap
from onward.drafting.compose import compose
from onward.drafting.document import Annex, Document, DraftMeta, Figure, Paragraph
from onward.drafting.evidence import StateRecord, SupportResolver, state_record
from onward.drafting.figures import chain_graph_svg, svg_to_png
from onward.drafting.organisation import Organisation, default_organisation, local
from onward.kb.view import KnowledgeView
from onward.model.case import Case, RemovalKind
from onward.risk.assess import Assessment


class DocumentKind(StrEnum):
    """The documents Onward drafts; each has a template folder per language under ``templates/``."""

    OPEN_LETTER = "open_letter"
    BRIEF = "brief"
    REPORT = "report"


_TEMPLATE = {DocumentKind.OPEN_LETTER: "letter.j2", DocumentKind.BRIEF: "brief.j2", DocumentKind.REPORT: "report.j2"}

_TITLES: Mapping[DocumentKind, Mapping[i18n.Lang, str]] = {
    DocumentKind.OPEN_LETTER: {
        "en": "Open letter on the {removal} of {name}",
        "fr": "Lettre ouverte sur {the_removal} de {name}",
    },
    DocumentKind.BRIEF: {"en": "Brief for {name}", "fr": "Mémoire pour {name}"},
    DocumentKind.REPORT: {"en": "Risk assessment: {name}", "fr": "Évaluation des risques : {name}"},
}


def draft(
    kind: DocumentKind,
    case: Case,
    *,
    lang: i18n.Lang | None = None,
    org: Organisation | None = None,
    view: KnowledgeView | None = None,
    assessment: Assessment | None = None,
    figures: Mapping[str, Figure] | None = None,
) -> Document:
    """The document of ``kind`` for ``case`` in ``lang`` (default: the case's language)."""
    language = lang or i18n.as_lang(case.language)
    as_of = case.as_of.latest()
    facts = case_facts(case, language)
    resolver = SupportResolver(view) if view is not None else None
    records = _records(case, view, language, resolver)
    analyses = analyse(assessment, EvidenceSupports(facts.sources, resolver), as_of) if assessment else []
    if kind is DocumentKind.REPORT and assessment is not None and figures is None:
        svg = chain_graph_svg(assessment, language)
        figures = {"chain": Figure(svg, Paragraph(()), svg_to_png(svg), "chain")}
    context: dict[str, Any] = {
        "case": case,
        "c": facts,
        "org": org or default_organisation(),
        "name": case.person.display_name,
        "destinations": list(case.destinations or case.requesting_states),
        "persecutors": list(case.persecuting_states),
        "custodial": case.custodial_state,
        "records": records,
        "kind": case.main_kind.value,
        "removal": i18n.term(f"removal.{case.main_kind.value}", language),
        "the_removal": i18n.term(f"the_removal.{case.main_kind.value}", language),
        "of_removal": i18n.term(f"of_removal.{case.main_kind.value}", language),
        "removed": i18n.term(f"removed.{case.main_kind.value}", language),
        "remove": i18n.term(f"remove.{case.main_kind.value}", language),
        "extradition": any(RemovalKind.EXTRADITION in case.removal_kinds(d) for d in case.destinations)
        or bool(case.requests),
        "proceedings": {p.id: p for p in facts.proceedings + facts.pending},
        "laws": Law(as_of, case.jurisdiction, _case_states(case)),
        "letter_date": i18n.format_day(as_of, language),
        "as_of": as_of,
        "analyses": analyses,
        "figure": bool(figures),
        "no_assessment": gap(
            "assessment",
            Need(
                "a risk assessment (run `onward kb build`, then draft again)",
                "une évaluation des risques (lancer `onward kb build`, puis rédiger à nouveau)",
            ),
        ),
        "assessment": assessment,
        "lang": language,
    }
    blocks = compose(f"{kind.value}/{language}/{_TEMPLATE[kind]}", language, context, figures, local_filter(language))
    title = _TITLES[kind][language].format(
        name=case.person.display_name, removal=context["removal"], the_removal=context["the_removal"]
    )
    meta = DraftMeta(kind.value, language, case.id, as_of, title, f"onward {__version__}")
    document = Document(meta, blocks)
    if kind is DocumentKind.BRIEF:
        documents: dict[str, Support] = {}
        for support in document.supports():
            documents.setdefault(support.source_id, Support(support.source))
        document.annexes = [Annex(n, s) for n, s in enumerate(documents.values(), start=1)]
    return document


def _case_states(case: Case) -> frozenset[str]:
    """Every state the case involves: who holds, asks for, may receive, or is feared by the person, and who
    gave an assurance."""
    states = {case.custodial_state, *case.requesting_states, *case.destinations, *case.persecuting_states}
    return frozenset(states | {a.giving_state for a in case.assurances})


def local_filter(lang: i18n.Lang) -> dict[str, Any]:
    return {
        "local": lambda text: local(text, lang),
        "status": lambda text: status_text(str(text), lang),
        "othman": lambda number, title: othman_title(int(number), str(title), lang),
    }


def _records(
    case: Case, view: KnowledgeView | None, lang: i18n.Lang, resolver: SupportResolver | None
) -> list[StateRecord]:
    codes = list(case.destinations or case.requesting_states)
    codes = [c for c in codes if c not in case.persecuting_states]
    if view is None:
        return [StateRecord(code) for code in codes]
    return [state_record(view, code, lang, resolver) for code in codes]
