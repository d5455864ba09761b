"""The risk model's parameters as records: every weight and threshold, with the bounds it must respect.

Defined here, in the lowest layer, so that a case file's ``risk_model:`` block can be checked when the
case file is validated (``casefile/`` may not import ``risk/``); loading, merging and the shipped
values live in ``onward.risk.params``.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, ConfigDict, Field


class _Params(BaseModel):
    # Rationales are documentation carried with the numbers; unknown keys are mistakes.
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndividualWeights(_Params):
    political_profile_against_state: float
    identity_profile_against_state: float
    previous_ill_treatment: float
    refugee_status_vis_a_vis: float
    wanted_by_state: float
    political_charges: float
    nationality: float


class DirectParams(_Params):
    base_logit: float
    rationale_base: str = ""
    pts_logit: dict[str, float]
    rationale_pts: str = ""
    fiw_logit: dict[str, float]
    rationale_fiw: str = ""
    group_judgment_logit: float
    group_judgment_cap: float
    rationale_group_judgment: str = ""
    group_incident_logit: float
    group_incident_cap: float
    rationale_group_incident: str = ""
    group_no_violation_logit: float = Field(le=0)
    group_no_violation_cap: float = Field(ge=0)
    rationale_group_no_violation: str = ""
    group_half_life_years: float = Field(gt=0)
    rationale_group_half_life: str = ""
    tier_scale: dict[str, float] | None = Field(default=None, description="per tier, a fitted scale (fit.py)")
    trend_years: int = Field(ge=1)
    trend_logit_per_level: float = Field(ge=0)
    rationale_trend: str = ""
    individual: IndividualWeights
    rationale_individual: str = ""
    levels: dict[str, float]
    rationale_levels: str = ""


class ProfileParams(_Params):
    political: list[str]
    protection: list[str]
    identity: list[str]
    similarity_same_family: float = Field(ge=0, le=1)
    similarity_unrelated: float = Field(ge=0, le=1)
    rationale: str = ""


class TransferParams(_Params):
    base_rate: float = Field(gt=0, lt=1)
    prior_strength: float = Field(gt=0)
    rationale_prior: str = ""
    channel_logit: dict[str, float]
    rationale_channel: str = ""
    safeguard_logit: dict[str, float]
    rationale_safeguard: str = ""
    kind_weight: dict[str, float]
    rationale_kind: str = ""
    status_weight: dict[str, float]
    rationale_status: str = ""
    verification_weight: dict[str, float]
    recency_half_life_years: float = Field(gt=0)
    rationale_recency: str = ""
    group_size_log_base: float = Field(gt=1)
    rationale_group_size: str = ""
    interim_measures_logit: float
    rationale_interim: str = ""
    record_pseudo_count: float = Field(ge=0)
    rationale_record: str = ""
    high_risk_pts: int = Field(ge=1, le=5)
    floor: float = Field(ge=0, lt=1)
    rationale_floor: str = ""


class ChainParams(_Params):
    default_hops: int = Field(ge=1, le=6)
    safe_hops: int = Field(ge=1, le=6)
    samples: int = Field(ge=0, le=100_000)
    interval: float = Field(gt=0, lt=1)
    max_paths: int = Field(ge=1)
    path_floor: float = Field(ge=0, lt=1)
    time_budget_s: float = Field(gt=0)
    rationale: str = ""
    rationale_budget: str = ""


class AssuranceParams(_Params):
    max_reduction: float = Field(ge=0, le=1)
    sufficient_share: float = Field(ge=0, le=1)
    key_factors: list[int]
    rationale: str = ""
    systemic_pts: int = Field(ge=1, le=5)
    rationale_systemic: str = ""


class PoliticalParams(_Params):
    legal_bases: dict[str, list[tuple[str, str | None]]] = Field(
        description="bases by instrument (ECE, where the custodial state is a party) or case jurisdiction"
    )
    window_days: int = Field(ge=0)
    charge_keywords: list[str]
    rationale: str = ""


class FindingParams(_Params):
    direct_established: float = Field(ge=0, le=1)
    general_alone_logit: float
    rationale_general_alone: str = ""
    onward_established: float = Field(ge=0, le=1)
    onward_insufficient_edges: int = Field(ge=0)
    rationale: str = ""


class FitParams(_Params):
    min_judgments: int = Field(ge=1)
    l2: float = Field(gt=0)
    rationale: str = ""


class RiskParams(_Params):
    """The whole risk model; ``digest`` identifies exactly the numbers an assessment ran with."""

    version: str
    direct: DirectParams
    profiles: ProfileParams
    transfer: TransferParams
    chain: ChainParams
    assurances: AssuranceParams
    political: PoliticalParams
    findings: FindingParams
    fit: FitParams

    @property
    def digest(self) -> str:
        text = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def level(self, score: float) -> str:
        """The level name of a direct-risk score: low, moderate, high or very high."""
        levels = self.direct.levels
        if score >= levels["very_high"]:
            return "very high"
        if score >= levels["high"]:
            return "high"
        if score >= levels["moderate"]:
            return "moderate"
        return "low"
