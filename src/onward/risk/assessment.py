"""The assessment record: what ``onward assess`` reports, published as JSON Schema in ``docs/schema``.

One ``Assessment`` per case and date: for Russia and Ukraine as destinations, the direct risk, the
chain risk to Kazakhstan with its top paths and interval, the findings and the conclusion; the
Othman assessment of each assurance; the political-purpose indicators; the edges behind the top
paths with their evidence; and the model version and digest that produced it.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from onward import __version__
from onward.risk.assurances import AssuranceAssessment
from onward.risk.direct import DirectRisk
from onward.risk.explain import Reason
from onward.risk.findings import Finding
from onward.risk.fit import FitRecord
from onward.risk.political import PoliticalIndicator


class EdgeView(BaseModel):
    """An edge of a reported path: its likelihood, Beta parameters and reasons."""

    source: str
    target: str
    probability: float = Field(ge=0, le=1)
    after_assurances: float = Field(ge=0, le=1)
    alpha: float
    beta: float
    documented: int
    informal: bool
    basis: str = Field(default="", description="documented transfers it is measured from, or the prior and its basis")
    reasons: list[Reason]


class PathShare(BaseModel):
    states: list[str]
    probability: float = Field(ge=0, le=1, description="probability that every edge of this path is realised")
    share: float = Field(ge=0, le=1, description="its part of the sum of the path probabilities")


class ChainRisk(BaseModel):
    """The probability of ending in ``target`` from a destination, exactly, with a seeded interval."""

    target: str
    probability: float = Field(ge=0, le=1, description="exact union of the kept paths: a lower bound")
    upper: float = Field(default=0.0, ge=0, le=1, description="upper bound: adds the mass of the pruned paths")
    pruned_paths: int = Field(default=0, description="path prefixes left out below the floors")
    before_assurances: float = Field(ge=0, le=1)
    median: float | None = Field(description="median of the sampled probabilities; None without sampling")
    low: float | None
    high: float | None
    paths_considered: int
    top_paths: list[PathShare]


class DestinationAssessment(BaseModel):
    state: str
    direct: DirectRisk
    chains: list[ChainRisk]
    findings: list[Finding]
    conclusion: str


class Assessment(BaseModel):
    """Everything ``onward assess`` reports for a case; its JSON Schema is published in ``docs/schema``."""

    case: str
    title: str
    as_of: dt.date
    custodial_state: str
    persecuting_states: list[str]
    model_version: str
    model_digest: str
    onward_version: str = __version__
    hops: int
    seed: int
    samples: int
    interval: float
    floor: float
    persecuting: list[DirectRisk]
    destinations: list[DestinationAssessment]
    assurances: list[AssuranceAssessment]
    political: list[PoliticalIndicator]
    edges: list[EdgeView]
    fit: FitRecord | None = Field(default=None, description="the weights refitted on earlier judgments, if asked")
    conclusion: str
    notes: list[str]
