"""``onward eval backtest``: the risk engine against the Court's Article 3 outcomes, judgment by judgment.

onward eval backtest                                   # every removal judgment in the knowledge base
onward eval backtest --judgments ../shared/data/judgments_dev.csv --format json
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from onward.cli.context import FORMAT_OPTION, AppContext, OutputFormat, context_of
from onward.errors import NotFoundError
from onward.eval.backtest import DEV_UNTIL, BacktestReport, Metrics, run_backtest
from onward.eval.backtest_cases import file_targets, kb_targets
from onward.kb.view import KnowledgeView
from onward.risk.params import load_params


def backtest(
    ctx: typer.Context,
    judgments: Path = typer.Option(
        None, "--judgments", help="judgments in the judgments_dev.csv format (default: those in the knowledge base)"
    ),
    hops: int = typer.Option(3, "--hops", min=1, max=6, help="longest chain of onward transfers considered"),
    model: Path = typer.Option(None, "--model", help="a risk-model YAML laid over the shipped model.yaml"),
    fit: bool = typer.Option(
        False, "--fit", help="refit the direct-risk weights for each judgment on the judgments delivered before it"
    ),
    dev_until: int = typer.Option(
        DEV_UNTIL, "--dev-until", help="last year of the development period; later judgments are held out"
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Assess each judgment's case as of the day before it and compare with the Court's Art. 3 outcome."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    params = load_params(model)
    if judgments is not None:
        targets, outcomes = file_targets(judgments)
    else:
        targets, outcomes = kb_targets(KnowledgeView(store, as_of=dt.date.today()), params)
    if not targets:
        raise NotFoundError(
            "no removal judgment to test against", hint="import some: onward kb import judgments FILE, or --judgments"
        )
    report = run_backtest(store, targets, outcomes, params, hops=hops, fit=fit, dev_until=dev_until)
    if output is OutputFormat.JSON:
        app_ctx.print_json(report.model_dump(mode="json"))
        return
    _render(app_ctx, report)


def _render(app_ctx: AppContext, report: BacktestReport) -> None:
    confusion = report.confusion
    matrix = Table(title=f"Art. 3: engine vs Court (model {report.model_version}, {report.model_digest})")
    matrix.add_column("")
    matrix.add_column("Court: violation")
    matrix.add_column("Court: no violation")
    matrix.add_row("engine: real risk", str(confusion.true_positive), str(confusion.false_positive))
    matrix.add_row("engine: no real risk", str(confusion.false_negative), str(confusion.true_negative))
    app_ctx.console.print(matrix)
    accuracy = "n/a" if report.accuracy is None else f"{report.accuracy:.0%}"
    app_ctx.console.print(
        f"agreement {accuracy} on {confusion.scored} judgments"
        + (f" ({confusion.unscored} without a scorable outcome)" if confusion.unscored else "")
    )
    _render_periods(app_ctx, report.periods)
    disagreements = Table(title="Disagreements, with the engine's reasons", show_lines=True)
    for column in ("judgment", "removal", "engine", "Court", "why the engine concluded so"):
        disagreements.add_column(column)
    for row in report.rows:
        if row.agrees is False:
            disagreements.add_row(
                Text(f"{row.case_name} ({row.application_no}, {row.judgment_date})"),
                f"{row.respondent} → {row.destination}",
                "real risk" if row.predicted_risk else "no real risk",
                row.court_outcome or "",
                Text(row.explanation),
            )
    app_ctx.console.print(disagreements)


def register(app: typer.Typer) -> None:
    """Add ``backtest`` to the ``onward eval`` group."""
    app.command("backtest")(backtest)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _render_periods(app_ctx: AppContext, periods: list[Metrics]) -> None:
    """Per period (all; development; held out): per-class agreement, balanced accuracy, Brier, calibration."""
    table = Table(title="Per period: agreement per class, balanced accuracy, Brier score")
    for column in ("period", "judgments", "violations found", "no-violations found", "balanced accuracy", "Brier"):
        table.add_column(column)
    for m in periods:
        c = m.confusion
        table.add_row(
            m.period,
            str(c.scored),
            f"{c.true_positive}/{c.true_positive + c.false_negative} ({_pct(m.violation_agreement)})",
            f"{c.true_negative}/{c.true_negative + c.false_positive} ({_pct(m.no_violation_agreement)})",
            _pct(m.balanced_accuracy),
            "n/a" if m.brier is None else f"{m.brier:.3f}",
        )
    app_ctx.console.print(table)
    calibration = Table(title="Calibration (all judgments): engine probability against the Court's violation rate")
    for column in ("probability", "judgments", "mean probability", "violation rate"):
        calibration.add_column(column)
    for b in periods[0].calibration:
        calibration.add_row(f"{b.low:.1f}–{b.high:.1f}", str(b.count), _pct(b.mean_probability), _pct(b.observed_rate))
    app_ctx.console.print(calibration)
