"""``onward assess CASE``: the risk analysis of a case, as a terminal report, JSON, Markdown or HTML.

``onward assess examples/ablyazov/case.yaml`` answers, for each proposed destination, whether
removal there exposes the person to a real risk directly or through onward transfer, from the
knowledge base as it stood on the case's date (or ``--as-of``).
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from onward.casefile.io import load_case
from onward.cli.context import context_of
from onward.errors import InputError
from onward.kb.view import KnowledgeView
from onward.model.case import Case
from onward.model.dates import PartialDate
from onward.risk.assess import Assessment, assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import load_params
from onward.risk.report import render_html, render_markdown, render_text
from onward.store import cases as case_store


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MD = "md"
    HTML = "html"


def _case(ctx: typer.Context, ref: str) -> Case:
    """A case from a file path, or from the store by id."""
    path = Path(ref)
    if path.exists() or ref.endswith((".yaml", ".yml")):
        return load_case(path)
    case, _ = case_store.get_case(context_of(ctx).open_store(), ref)
    return case


def parse_as_of(text: str | None) -> dt.date | None:
    """``2015-05-18`` (or ``2015-05``, ``2015``: the last day of the period) as the assessment date."""
    if text is None:
        return None
    try:
        return PartialDate.parse(text).latest()
    except ValueError as error:
        raise InputError(f"--as-of: expected a date YYYY[-MM[-DD]], found {text!r} ({error})") from None


def render(assessment: Assessment, output: ReportFormat) -> str:
    if output is ReportFormat.JSON:
        return json.dumps(assessment.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    if output is ReportFormat.MD:
        return render_markdown(assessment)
    return render_html(assessment)


def assess_command(
    ctx: typer.Context,
    case_ref: str = typer.Argument(..., metavar="CASE", help="a case file, or the id of a stored case"),
    as_of: str = typer.Option(None, "--as-of", help="assess as of this date (default: the case's as_of)"),
    hops: int = typer.Option(3, "--hops", min=1, max=6, help="longest chain of onward transfers considered"),
    seed: int = typer.Option(0, "--seed", help="seed of the uncertainty sampling (same seed, same report)"),
    samples: int = typer.Option(None, "--samples", min=0, help="draws for the uncertainty interval (default: model)"),
    fit: bool = typer.Option(
        False, "--fit", help="refit the direct-risk weights on the judgments delivered before the date (recorded)"
    ),
    model: Path = typer.Option(None, "--model", help="a risk-model YAML laid over the shipped model.yaml"),
    output: ReportFormat = typer.Option(ReportFormat.TEXT, "--format", "-f", help="text, json, md or html"),
    out_file: Path = typer.Option(None, "--output", "-o", help="write the report to this file"),
) -> None:
    """Assess direct and onward (chain) risk for each proposed destination of a case, with reasons."""
    app_ctx = context_of(ctx)
    case = _case(ctx, case_ref)
    when = parse_as_of(as_of) or case.as_of.latest()
    params = load_params(model, case.risk_model)
    store = app_ctx.open_store()
    view = KnowledgeView(store, as_of=when)
    if not view.sources():
        app_ctx.err.print("warning: the knowledge base is empty at this date; run `onward kb build` first")
    assessment = assess(
        case, inputs_from_view(view, params), params, hops=hops, seed=seed, samples=samples, as_of=when, fit=fit
    )
    if output is ReportFormat.TEXT:
        if out_file is not None:
            with out_file.open("w", encoding="utf-8") as handle:
                Console(file=handle, width=140, no_color=True).print(render_text(assessment))
        else:
            app_ctx.console.print(render_text(assessment))
        return
    text = render(assessment, output)
    if out_file is not None:
        out_file.write_text(text, encoding="utf-8")
        app_ctx.err.print(f"wrote {out_file}")
    else:
        typer.echo(text, nl=False)
