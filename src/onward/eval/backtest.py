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
from onward.risk.assess import assess
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


class BacktestReport(BaseModel):
    model_version: str
    model_digest: str
    hops: int
    rows: list[BacktestRow]
    confusion: Confusion
    accuracy: float | None


def _explain(assessment_findings: Sequence[tuple[str, str, str]]) -> str:
    return "; ".join(f"{question}: {status} ({reasoning})" for question, status, reasoning in assessment_findings)


def predict(store: Store, judgment: Judgment, params: RiskParams, *, hops: int) -> tuple[bool, str]:
    """The engine's answer for one judgment, from the KB as of the day before it; never reads its outcome."""
    case = case_from_judgment(judgment)
    as_of = judgment.date - dt.timedelta(days=1)
    inputs = inputs_from_view(KnowledgeView(store, as_of=as_of), params)
    assessment = assess(case, inputs, params, hops=hops, samples=0, as_of=as_of)
    destination = assessment.destinations[0]
    findings = [
        ("direct" if f.via is None else f"onward to {state_name(f.via)}", f.status, f.reasoning)
        for f in destination.findings
    ]
    leaves = [leaf for reason in destination.direct.reasons for leaf in reason.children]
    strongest = sorted(leaves, key=lambda r: -abs(r.contribution or 0.0))[:3]
    factors = ", ".join(f"{r.factor} {r.contribution or 0.0:+.2f}" for r in strongest)
    explanation = _explain(findings) + (f"; strongest factors: {factors}" if factors else "")
    return any(f.status == ESTABLISHED for f in destination.findings), explanation


def run_backtest(
    store: Store,
    targets: Sequence[Judgment],
    outcomes: dict[str, str | None],
    params: RiskParams,
    *,
    hops: int = 3,
) -> BacktestReport:
    """Predict every target first, then score against ``outcomes`` (read only here, after prediction)."""
    predictions = [(judgment, *predict(store, judgment, params, hops=hops)) for judgment in targets]
    confusion = Confusion()
    rows = []
    for judgment, predicted, explanation in predictions:
        outcome = outcomes.get(judgment.id)
        truth = court_found_risk(outcome)
        if truth is None:
            confusion.unscored += 1
        elif truth and predicted:
            confusion.true_positive += 1
        elif truth:
            confusion.false_negative += 1
        elif predicted:
            confusion.false_positive += 1
        else:
            confusion.true_negative += 1
        rows.append(
            BacktestRow(
                application_no=judgment.id,
                case_name=judgment.name,
                judgment_date=judgment.date,
                respondent=judgment.respondent,
                destination=judgment.destination,
                predicted_risk=predicted,
                court_outcome=outcome,
                court_found_risk=truth,
                agrees=None if truth is None else truth == predicted,
                explanation=explanation,
            )
        )
    return BacktestReport(
        model_version=params.version,
        model_digest=params.digest,
        hops=hops,
        rows=rows,
        confusion=confusion,
        accuracy=confusion.accuracy,
    )
