"""``onward kb import judgments`` and ``onward kb import curated``: the hand-curated part of the knowledge base.

    onward kb import judgments data/curated/judgments_dev.csv --ecthr ../shared/data/ecthr/echrod_judgments_1904.csv
    onward kb import curated data/curated

Both print what was loaded and what was already there; ``--check`` validates without writing.
"""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli.context import FORMAT_OPTION, OutputFormat, context_of
from onward.kb.build import repository_data_dir
from onward.kb.curated import expand_curated, load_curated
from onward.kb.importers.judgments import import_judgments, parse_judgments

CHECK_OPTION = typer.Option(False, "--check", help="validate only; write nothing")


def judgments(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="a removal-judgments CSV in the judgments_dev.csv format"),
    ecthr: Path | None = typer.Option(None, "--ecthr", help="the ECHR-OD table to join by application number"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
) -> None:
    """ECtHR removal judgments, with the completed removals they concern as incidents."""
    app_ctx = context_of(ctx)
    if check:
        parsed = parse_judgments(file, ecthr_path=ecthr)
        audit = parsed.audit
        if output is OutputFormat.JSON:
            app_ctx.print_json({**audit.as_json(), "statements": len(parsed.statements)})
            return
        line = f"checked {audit.rows_read} judgments: {len(parsed.statements)} statements would be loaded"
        app_ctx.console.print(line + " (nothing written)", markup=False, soft_wrap=True)
    else:
        outcome = import_judgments(app_ctx.open_store(), file, ecthr_path=ecthr, actor=app_ctx.settings.actor)
        audit = outcome.audit
        if output is OutputFormat.JSON:
            app_ctx.print_json(outcome.as_json())
            return
        load = outcome.load
        app_ctx.console.print(
            f"judgments from {file}: {audit.rows_read} rows read; statements {load.statements_added} added, "
            f"{load.statements_unchanged} unchanged; sources {load.sources_added} added",
            markup=False,
            soft_wrap=True,
        )
    for key, count in sorted(audit.tallies.items()):
        app_ctx.console.print(f"  {key}: {count}", markup=False, soft_wrap=True)
    if ecthr is not None and audit.rows_read:
        joined = audit.tallies["joined with ECHR-OD"]
        rate = f"{joined}/{audit.rows_read} judgments ({100 * joined / audit.rows_read:.0f}%)"
        app_ctx.console.print(f"  ECHR-OD join rate: {rate}", markup=False, soft_wrap=True)
    for note in audit.flagged:
        app_ctx.console.print(f"  flagged {note.locator}: {note.reason}", markup=False, soft_wrap=True)
    if audit.ignored_columns:
        app_ctx.console.print(f"  ignored columns: {', '.join(audit.ignored_columns)}", markup=False)


def curated(
    ctx: typer.Context,
    path: Path | None = typer.Argument(None, help="a curated YAML file or a folder of them (default: data/curated)"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
) -> None:
    """Hand-curated instruments, memberships, incidents and claims (every problem reported with its line)."""
    app_ctx = context_of(ctx)
    path = path or repository_data_dir() / "curated"
    if check:
        bundle = expand_curated(path)
        counts = {"files": len(bundle.files), "sources": len(bundle.sources), "statements": len(bundle.statements)}
        if output is OutputFormat.JSON:
            app_ctx.print_json(counts)
            return
        app_ctx.console.print(
            f"checked {counts['files']} files: {counts['sources']} sources, {counts['statements']} statements "
            "would be loaded (nothing written)",
            markup=False,
            soft_wrap=True,
        )
        return
    report = load_curated(app_ctx.open_store(), path, app_ctx.settings.actor)
    if output is OutputFormat.JSON:
        app_ctx.print_json(
            {
                "dataset": report.dataset,
                "statements_added": report.statements_added,
                "statements_unchanged": report.statements_unchanged,
                "sources_added": report.sources_added,
                "sources_updated": report.sources_updated,
                "sources_unchanged": report.sources_unchanged,
            }
        )
        return
    app_ctx.console.print(f"curated from {path}: {report.summary()}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add these commands to ``onward kb import``."""
    app.command("judgments")(judgments)
    app.command("curated")(curated)
