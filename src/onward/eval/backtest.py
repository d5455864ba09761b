"""The backtest: would Onward have reached the Court's Article 3 answer, from what was known the day before?

Each removal judgment in the knowledge base (or in a file of the ``judgments_dev.csv`` format) is
turned into a case — the applicant's profile, the respondent as custodial state, the destination —
and assessed as of the day before the judgment, on the knowledge base as it stood then (a
``KnowledgeView`` of that date: the judgment itself, and anything later, cannot be seen). The
prediction is "violation" when the engine establishes a real risk, directly or onward. Only then
is the Court's outcome read, from a separate view, to fill a confusion matrix; every disagreement
is listed with the engine's reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, Field

from onward.eval.backtest_cases import case_from_judgment, court_found_risk
from onward.kb.view import KnowledgeView
from onward.model.states import state_name
from onward.risk.assess import Assessment, assess
from onward.risk.findings import ESTABLISHED
from onward.risk.inputs import Judgment
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import RiskParams
from onward.store import Store


class BacktestRow(BaseModel):
    """One judgment: what the engine concluded, what the Court found, and why they differ if they do."""

    application_no: str
    case_name: str
    judgment_date: dt.date
    respondent: str
    destination: str
    predicted_risk: bool
    probability: float = Field(ge=0, le=1, description="the engine's probability of a real risk (direct or onward)")
    period: str = Field(description="development (up to DEV_UNTIL) or held-out (after)")
    fit_judgments: list[str] = Field(default_factory=list, description="judgments the weight fit used, if any")
    fit_weights: dict[str, float] = Field(default_factory=dict, description="the weights it ran with, if fitted")
    court_outcome: str | None
    court_found_risk: bool | None
    agrees: bool | None
    explanation: str


class Confusion(BaseModel):
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    unscored: int = Field(default=0, description="judgments whose outcome is neither violation nor no violation")

    @property
    def scored(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

    @property
    def accuracy(self) -> float | None:
        return (self.true_positive + self.true_negative) / self.scored if self.scored else None


class CalibrationBin(BaseModel):
    low: float
    high: float
    count: int
    mean_probability: float | None
    observed_rate: float | None


class Metrics(BaseModel):
    """Agreement per class, balanced accuracy, Brier score and a calibration table for one period."""

    period: str
    confusion: Confusion
    violation_agreement: float | None = Field(description="share of the Court's violations the engine found")
    no_violation_agreement: float | None = Field(description="share of the Court's no-violations the engine found")
    balanced_accuracy: float | None
    brier: float | None
    calibration: list[CalibrationBin]


class BacktestReport(BaseModel):
    model_version: str
    model_digest: str
    hops: int
    fit: bool = False
    dev_until: int = Field(description="judgments up to this year are the development period; later ones held out")
    rows: list[BacktestRow]
    confusion: Confusion
    accuracy: float | None
    periods: list[Metrics]


def _explain(assessment_findings: Sequence[tuple[str, str, str]]) -> str:
    return "; ".join(f"{question}: {status} ({reasoning})" for question, status, reasoning in assessment_findings)


DEV_UNTIL = 2012
BINS = 5


class Prediction(BaseModel):
    predicted: bool
    probability: float
    explanation: str
    fit_judgments: list[str]
    fit_weights: dict[str, float]


def _probability(assessment: Assessment) -> float:
    """P(real risk) for the one destination: its direct score, or reaching a feared state and facing risk there."""
    destination = assessment.destinations[0]
    persecuting = {risk.state: risk.score for risk in assessment.persecuting}
    onward = [chain.probability * persecuting.get(chain.target, 0.0) for chain in destination.chains]
    miss = 1.0 - destination.direct.score
    for value in onward:
        miss *= 1.0 - value
    return min(max(1.0 - miss, 0.0), 1.0)


def predict(store: Store, judgment: Judgment, params: RiskParams, *, hops: int, fit: bool = False) -> Prediction:
    """The engine's answer for one judgment, from the KB as of the day before it; never reads its outcome.

    Nothing delivered on or after the judgment's day is visible: the view is of the day before.
    """
    case = case_from_judgment(judgment)
    as_of = judgment.date - dt.timedelta(days=1)
    inputs = inputs_from_view(KnowledgeView(store, as_of=as_of), params)
    assessment = assess(case, inputs, params, hops=hops, samples=0, as_of=as_of, fit=fit)
    destination = assessment.destinations[0]
    findings = [
        ("direct" if f.via is None else f"onward to {state_name(f.via)}", f.status, f.reasoning)
        for f in destination.findings
    ]
    leaves = [leaf for reason in destination.direct.reasons for leaf in reason.children]
    strongest = sorted(leaves, key=lambda r: -abs(r.contribution or 0.0))[:3]
    factors = ", ".join(f"{r.factor} {r.contribution or 0.0:+.2f}" for r in strongest)
    explanation = _explain(findings) + (f"; strongest factors: {factors}" if factors else "")
    if assessment.fit is not None:
        explanation += f"; weights: {assessment.fit.note}"
    return Prediction(
        predicted=any(f.status == ESTABLISHED for f in destination.findings),
        probability=_probability(assessment),
        explanation=explanation,
        fit_judgments=assessment.fit.judgments if assessment.fit is not None else [],
        fit_weights=assessment.fit.weights if assessment.fit is not None else {},
    )


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def metrics(period: str, rows: Sequence[BacktestRow]) -> Metrics:
    """The figures of one period: per-class agreement, balanced accuracy, Brier score, calibration."""
    confusion = Confusion()
    scored = [r for r in rows if r.court_found_risk is not None]
    for row in rows:
        if row.court_found_risk is None:
            confusion.unscored += 1
        elif row.court_found_risk and row.predicted_risk:
            confusion.true_positive += 1
        elif row.court_found_risk:
            confusion.false_negative += 1
        elif row.predicted_risk:
            confusion.false_positive += 1
        else:
            confusion.true_negative += 1
    positive = _ratio(confusion.true_positive, confusion.true_positive + confusion.false_negative)
    negative = _ratio(confusion.true_negative, confusion.true_negative + confusion.false_positive)
    classes = [x for x in (positive, negative) if x is not None]
    brier = (
        sum((r.probability - float(bool(r.court_found_risk))) ** 2 for r in scored) / len(scored) if scored else None
    )
    calibration = []
    for index in range(BINS):
        low, high = index / BINS, (index + 1) / BINS
        inside = [r for r in scored if low <= r.probability < high or (index == BINS - 1 and r.probability == 1.0)]
        calibration.append(
            CalibrationBin(
                low=low,
                high=high,
                count=len(inside),
                mean_probability=sum(r.probability for r in inside) / len(inside) if inside else None,
                observed_rate=sum(bool(r.court_found_risk) for r in inside) / len(inside) if inside else None,
            )
        )
    return Metrics(
        period=period,
        confusion=confusion,
        violation_agreement=positive,
        no_violation_agreement=negative,
        balanced_accuracy=sum(classes) / len(classes) if len(classes) == 2 else None,
        brier=brier,
        calibration=calibration,
    )


def run_backtest(
    store: Store,
    targets: Sequence[Judgment],
    outcomes: dict[str, str | None],
    params: RiskParams,
    *,
    hops: int = 3,
    fit: bool = False,
    dev_until: int = DEV_UNTIL,
) -> BacktestReport:
    """Predict every target first, then score against ``outcomes`` (read only here, after prediction).

    Judgments up to ``dev_until`` form the development period, later ones the held-out period; each
    period is scored on its own and both together.
    """
    predictions = [(judgment, predict(store, judgment, params, hops=hops, fit=fit)) for judgment in targets]
    rows = []
    for judgment, prediction in predictions:
        outcome = outcomes.get(judgment.id)
        truth = court_found_risk(outcome)
        predicted = prediction.predicted
        rows.append(
            BacktestRow(
                application_no=judgment.id,
                case_name=judgment.name,
                judgment_date=judgment.date,
                respondent=judgment.respondent,
                destination=judgment.destination,
                predicted_risk=predicted,
                probability=prediction.probability,
                period=f"up to {dev_until}" if judgment.date.year <= dev_until else f"from {dev_until + 1}",
                fit_judgments=prediction.fit_judgments,
                fit_weights=prediction.fit_weights,
                court_outcome=outcome,
                court_found_risk=truth,
                agrees=None if truth is None else truth == predicted,
                explanation=prediction.explanation,
            )
        )
    overall = metrics("all", rows)
    periods = [overall] + [
        metrics(name, [r for r in rows if r.period == name]) for name in (f"up to {dev_until}", f"from {dev_until + 1}")
    ]
    return BacktestReport(
        model_version=params.version,
        model_digest=params.digest,
        hops=hops,
        fit=fit,
        dev_until=dev_until,
        rows=rows,
        confusion=overall.confusion,
        accuracy=overall.confusion.accuracy,
        periods=periods,
    )
