"""The eleven factors of Othman (Abu Qatada) v UK (8139/09) §189, and the two that need more than the assurance.

Factor (7) — the giving state's record with similar assurances — comes from the knowledge base:
judgments such as Baysakov and Others v Ukraine, where assurances from Kazakhstan were found
insufficient, and the state's documented transfers despite interim measures. Factor (11) — whether
the sending state's courts examined the assurance — comes from the case's proceedings.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from onward.model.case import Assurance, AssuranceItem, Case
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import RiskInputs, TransferEvent

SATISFIED, NOT_SATISFIED, UNKNOWN = "satisfied", "not satisfied", "unknown"
ONWARD_ITEMS = {AssuranceItem.NO_ONWARD_TRANSFER}

# Othman v UK §189 (i)–(xi), as summarised in the domain primer (factors 4–11 read in the ICJ
# Practitioners Guide No. 6; 1–3 to verify).
FACTOR_TITLES = {
    1: "terms of the assurances disclosed",
    2: "specific rather than general and vague",
    3: "given by an authority that can bind the receiving state",
    4: "local authorities can be expected to abide by them",
    5: "concern treatment that is legal in the receiving state",
    6: "given by a Contracting State of the Convention",
    7: "length and strength of relations; the state's record with similar assurances",
    8: "objective verification, incl. unfettered access to lawyers",
    9: "effective system against torture in the receiving state",
    10: "the person was not previously ill-treated there",
    11: "reliability examined by the sending state's courts",
}


class OthmanFactor(BaseModel):
    number: int = Field(ge=1, le=11)
    title: str
    status: str = Field(pattern=r"^(satisfied|not satisfied|unknown)$")
    reason: str
    evidence: list[EvidenceRef] = Field(default_factory=list)


def factor(number: int, status: str, reason: str, evidence: list[EvidenceRef] | None = None) -> OthmanFactor:
    return OthmanFactor(
        number=number, title=FACTOR_TITLES[number], status=status, reason=reason, evidence=evidence or []
    )


def record_factor(
    giver: str,
    items: set[AssuranceItem],
    inputs: RiskInputs,
    despite: list[TransferEvent],
    informal: list[TransferEvent],
) -> OthmanFactor:
    """Othman §189(vii): the giving state's record with similar assurances, from the knowledge base."""
    failed = [j for j in inputs.judgments if j.destination == giver and j.assurances_offered and j.violation_found]
    if failed:
        names = "; ".join(f"{j.name} ({j.date.year})" for j in failed)
        return factor(
            7,
            NOT_SATISFIED,
            f"assurances from {giver} were found insufficient to remove the risk: {names}",
            [r for j in failed for r in j.evidence],
        )
    if items & ONWARD_ITEMS and (despite or informal):
        shown = (despite + informal)[:6]
        return factor(
            7,
            NOT_SATISFIED,
            f"{giver} has transferred people to states where they faced ill-treatment despite interim measures "
            f"or outside any procedure ({len(despite)} despite interim measures, {len(informal)} informal)",
            [r for e in shown for r in e.evidence],
        )
    return factor(7, UNKNOWN, f"the knowledge base holds no record of {giver}'s similar assurances")


def courts_factor(case: Case, assurance: Assurance, own: list[EvidenceRef]) -> OthmanFactor:
    """Othman §189(xi): have the sending state's courts examined the assurance?"""
    if assurance.imposed_by:
        return factor(11, SATISFIED, f"the court imposed it itself ({assurance.imposed_by})", own)
    after = [
        p
        for p in case.proceedings
        if p.date is not None and assurance.date is not None and p.date.earliest() >= assurance.date.latest()
    ]
    if after:
        return factor(11, SATISFIED, "examined in later proceedings: " + ", ".join(p.id for p in after), own)
    return factor(11, UNKNOWN, "nothing in the case shows a court examined it", own)
