"""Why a number is what it is: a tree of reasons, each with its factor, weight and evidence.

Every score the engine produces (a direct-risk level, an edge likelihood, a chain probability,
an Othman factor) carries a ``Reason`` tree. The terminal report, the JSON output, the HTML page
and drafted letters all render this same structure, so nothing is explained twice or differently.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field


class EvidenceRef(BaseModel):
    """A pointer to what a reason rests on: a KB statement or incident, a case fact, and its source."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="source id (in the KB or the case file)")
    subject: str | None = Field(default=None, description='what the evidence is about, e.g. "incident:ua-uz-2006"')
    statement: str | None = Field(default=None, description="statement id in the knowledge base")
    locator: str | None = None
    quote: str | None = None
    verification: str = "unverified"
    label: str | None = Field(default=None, description="a short human description")

    def cite(self) -> str:
        where = f", {self.locator}" if self.locator else ""
        return f"{self.label or self.subject or self.source} [{self.source}{where}; {self.verification}]"


class Reason(BaseModel):
    """One factor in an explanation: its weight, its contribution to the result, and the evidence."""

    factor: str
    weight: float | None = Field(default=None, description="the model parameter applied")
    contribution: float | None = Field(default=None, description="what it added (log-odds or pseudo-count)")
    unit: str = Field(default="log-odds", description="what the contribution is measured in")
    note: str = ""
    evidence: list[EvidenceRef] = Field(default_factory=list)
    children: list[Reason] = Field(default_factory=list)

    def total(self) -> float:
        return (self.contribution or 0.0) + sum(child.total() for child in self.children)

    def all_evidence(self) -> list[EvidenceRef]:
        found = list(self.evidence)
        for child in self.children:
            found.extend(child.all_evidence())
        return unique(found)


def unique(refs: list[EvidenceRef]) -> list[EvidenceRef]:
    seen: set[tuple[str, str | None, str | None]] = set()
    kept: list[EvidenceRef] = []
    for ref in refs:
        key = (ref.source, ref.subject, ref.locator)
        if key not in seen:
            seen.add(key)
            kept.append(ref)
    return kept


def squash(logit: float) -> float:
    """The logistic function, safe for large magnitudes; maps a log-odds sum to [0, 1]."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)


def logit(probability: float) -> float:
    clipped = min(max(probability, 1e-9), 1 - 1e-9)
    return math.log(clipped / (1 - clipped))
