"""The risk engine's assessment, made citable: each finding with the supports its evidence points to.

``onward.risk`` answers, for Russia and Ukraine, whether extradition exposes the person to a real
risk directly or through onward transfer to Kazakhstan, and lists the evidence behind each answer
as ``EvidenceRef``s (a source id, a statement id, a locator). The report cites those sources in
footnotes like any other fact; nothing here recomputes a risk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from onward.drafting.citations import Support
from onward.drafting.claims import Claim, ClaimKind, Need, claim
from onward.drafting.evidence import SupportResolver
from onward.drafting.i18n import Lang, glossary
from onward.model.source import Source
from onward.risk.assess import Assessment, DestinationAssessment
from onward.risk.explain import EvidenceRef


@dataclass(frozen=True)
class DestinationAnalysis:
    """One destination's direct and onward findings, each a claim citing the engine's evidence."""

    code: str
    assessment: DestinationAssessment
    findings: tuple[Claim, ...]


class EvidenceSupports:
    """Resolves the engine's evidence references against the case's sources and the knowledge base."""

    def __init__(self, case_sources: Mapping[str, Source], resolver: SupportResolver | None) -> None:
        self.case_sources = case_sources
        self.resolver = resolver

    def supports(self, refs: Iterable[EvidenceRef]) -> tuple[Support, ...]:
        found: dict[tuple[str, str | None, str | None], Support] = {}
        for ref in refs:
            source = self.case_sources.get(ref.source)
            if source is None and self.resolver is not None:
                source = self.resolver.source(ref.source)
            key = (ref.source, ref.locator, ref.quote)
            if source is not None and key not in found:
                found[key] = Support(source, ref.locator, ref.quote, ref.statement)
        return tuple(found.values())


def analyse(assessment: Assessment, evidence: EvidenceSupports, as_of: dt.date) -> list[DestinationAnalysis]:
    analyses: list[DestinationAnalysis] = []
    for destination in assessment.destinations:
        findings = tuple(
            claim(
                f"finding:{destination.state}:{finding.question}:{finding.via or ''}",
                Need(
                    "evidence behind the risk engine's finding: " + "; ".join(finding.would_change),
                    "des éléments à l'appui de la conclusion de l'analyse",
                ),
                evidence.supports(finding.evidence),
                as_of,
                ClaimKind.FACT,
                question=finding.question,
                via=finding.via,
                status=finding.status,
                reasoning=finding.reasoning,
                would_change=list(finding.would_change),
                bases=list(finding.legal_bases),
                count=len(finding.evidence),
            )
            for finding in destination.findings
        )
        analyses.append(DestinationAnalysis(destination.state, destination, findings))
    return analyses


def status_text(status: str, lang: Lang) -> str:
    """An engine status ("real risk established", "not satisfied", "high") in the draft's language."""
    if lang == "en":
        return status
    return str(glossary()["status_fr"].get(status, status))


def othman_title(number: int, english: str, lang: Lang) -> str:
    if lang == "en":
        return english
    return str(glossary()["othman_fr"].get(number, english))
