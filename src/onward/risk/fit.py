"""Weights that learn only from the past: the direct-risk model refitted on judgments before the date.

For an assessment as of 4 February 2013, the base and the scale of each tier (general situation,
group, individual) are fitted on the removal judgments delivered before that day — each assessed
as of the day before its own delivery, so its features are what was known then — by logistic
regression with an L2 penalty pulling every weight toward the expert value in ``model.yaml``
(base ``direct.base_logit``, scales 1). The Court's outcome of an earlier judgment is a precedent,
public at the date; a later one is never seen (``RiskInputs.visible_at``).

The record names the judgments used (application numbers) and the fitted weights, so the fit can be
repeated: ``refit`` with the recorded judgments gives the same weights. With fewer than
``fit.min_judgments`` usable judgments (both outcomes needed) the expert weights are kept and the
record says so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from pydantic import BaseModel, Field

from onward.risk.direct import TIERS, direct_risk
from onward.risk.inputs import Judgment, RiskInputs
from onward.risk.judgment_case import case_from_judgment
from onward.risk.params import RiskParams

WEIGHTS = ("base", *TIERS)
ITERATIONS = 50


class FitRecord(BaseModel):
    """Which judgments a fit used and the weights it gave (or why the expert weights were kept)."""

    as_of: dt.date
    judgments: list[str] = Field(description="application numbers of the judgments the fit used")
    fitted: bool = Field(description="False when the expert weights were kept")
    note: str
    prior: dict[str, float]
    weights: dict[str, float]


def _label(judgment: Judgment) -> bool | None:
    if judgment.violation_found:
        return True
    if judgment.no_violation_found:
        return False
    return None


def features(judgment: Judgment, inputs: RiskInputs, params: RiskParams) -> list[float]:
    """1 and the three tier totals of the judgment's case, as known the day before its delivery."""
    before = inputs.visible_at(judgment.date - dt.timedelta(days=1))
    risk = direct_risk(case_from_judgment(judgment), before, params, judgment.destination)
    totals = {reason.factor: reason.total() for reason in risk.reasons}
    return [1.0, *(totals.get(tier, 0.0) for tier in TIERS)]


def _prior(params: RiskParams) -> list[float]:
    return [params.direct.base_logit, *(1.0 for _ in TIERS)]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col and rows[col][col]:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def _newton(x: Sequence[Sequence[float]], y: Sequence[bool], prior: list[float], l2: float) -> list[float]:
    """Maximise sum(y z - log(1 + e^z)) - l2/2 |w - prior|^2, z = w . x, by Newton steps."""
    w = list(prior)
    n = len(w)
    for _ in range(ITERATIONS):
        gradient = [-l2 * (w[k] - prior[k]) for k in range(n)]
        hessian = [[l2 if i == j else 0.0 for j in range(n)] for i in range(n)]
        for row, label in zip(x, y, strict=True):
            z = sum(a * b for a, b in zip(w, row, strict=True))
            p = 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
            for i in range(n):
                gradient[i] += (float(label) - p) * row[i]
                for j in range(n):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        step = _solve(hessian, gradient)
        w = [a + b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return [round(value, 6) for value in w]


def refit(inputs: RiskInputs, params: RiskParams, as_of: dt.date, ids: Sequence[str]) -> FitRecord:
    """The fit on exactly the judgments ``ids`` (delivered before ``as_of``), e.g. to repeat a recorded fit."""
    prior = _prior(params)
    chosen = {j.id: j for j in inputs.judgments if j.id in set(ids) and j.date < as_of}
    rows: list[tuple[str, list[float], bool]] = []
    for ident in ids:
        judgment = chosen.get(ident)
        label = _label(judgment) if judgment is not None else None
        if judgment is not None and label is not None:
            rows.append((judgment.id, features(judgment, inputs, params), label))
    used = [r[0] for r in rows]
    labels = {r[2] for r in rows}
    if len(rows) < params.fit.min_judgments or len(labels) < 2:
        return FitRecord(
            as_of=as_of,
            judgments=used,
            fitted=False,
            note=(
                f"expert weights kept: {len(rows)} judgment(s) with an Art. 3 outcome before {as_of}"
                + ("" if len(labels) == 2 else ", not both outcomes")
                + f" (at least {params.fit.min_judgments} of both outcomes are needed to fit)"
            ),
            prior=dict(zip(WEIGHTS, prior, strict=True)),
            weights=dict(zip(WEIGHTS, prior, strict=True)),
        )
    weights = _newton([r[1] for r in rows], [r[2] for r in rows], prior, params.fit.l2)
    return FitRecord(
        as_of=as_of,
        judgments=used,
        fitted=True,
        note=(
            f"fitted on {len(rows)} judgments delivered before {as_of}, "
            f"pulled toward the expert weights (L2 {params.fit.l2:g})"
        ),
        prior=dict(zip(WEIGHTS, prior, strict=True)),
        weights=dict(zip(WEIGHTS, weights, strict=True)),
    )


def fit_weights(inputs: RiskInputs, params: RiskParams, as_of: dt.date) -> FitRecord:
    """Fit on every judgment in ``inputs`` delivered strictly before ``as_of`` (oldest first)."""
    before = sorted((j for j in inputs.judgments if j.date < as_of), key=lambda j: (j.date, j.id))
    return refit(inputs, params, as_of, [j.id for j in before])


def apply(params: RiskParams, record: FitRecord) -> RiskParams:
    """``params`` with the fitted base and tier scales (unchanged when the expert weights were kept)."""
    if not record.fitted:
        return params
    direct = params.direct.model_copy(
        update={
            "base_logit": record.weights["base"],
            "tier_scale": {tier: record.weights[tier] for tier in TIERS},
        }
    )
    return params.model_copy(update={"direct": direct, "version": f"{params.version}+fit-{record.as_of}"})
