"""``onward kb import …``: load a public dataset file into the knowledge base and account for every row.

    onward kb import pts PTS-2024.csv
    onward kb import fiw fiw_ratings_1972_2023.csv      (ratings or scores, told apart by the header)
    onward kb import treaties ../shared/data/treaties    (every hr_status_*.csv, and hr_commitments_*.csv)
    onward kb import countries countries.json

Each prints what the file gave (statements added, already there), what it did not use (ignored
columns, rows skipped with their reasons) and the rows that contradict themselves (flagged, imported
with partial verification). ``--check`` reads and audits the file without writing anything.
"""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli import kb_curated
from onward.cli.context import FORMAT_OPTION, AppContext, OutputFormat, context_of
from onward.kb.importers.audit import ImportAudit
from onward.kb.importers.reference import DatasetKind, ImportOutcome, import_dataset, parse_dataset

app = typer.Typer(
    help="Import a public dataset (PTS, Freedom House, UN treaty status, state names).", no_args_is_help=True
)
kb_curated.register(app)  # judgments and curated files

CHECK_OPTION = typer.Option(False, "--check", help="read and audit the file only; write nothing")
ALL_OPTION = typer.Option(False, "--all", help="list every skipped and flagged row, not only a summary")
SHOWN = 10


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _show_audit(app_ctx: AppContext, audit: ImportAudit, show_all: bool) -> None:
    out = app_ctx.console
    if audit.ignored_columns:
        out.print(f"  ignored (not imported): {', '.join(audit.ignored_columns)}", markup=False, soft_wrap=True)
    groups = audit.skipped_groups()
    if groups:
        out.print(f"  skipped {_count(len(audit.skipped), 'row')}:", markup=False, soft_wrap=True)
        for index, (group, notes) in enumerate(groups.items()):
            if index >= SHOWN and not show_all:
                out.print(
                    f"    … and {len(groups) - SHOWN} more groups (--all lists them)", markup=False, soft_wrap=True
                )
                break
            where = notes[0].locator if len(notes) == 1 else f"{notes[0].locator} … {notes[-1].locator.split()[-1]}"
            out.print(f"    {group}: {_count(len(notes), 'row')} ({where})", markup=False, soft_wrap=True)
    if audit.flagged:
        out.print(
            f"  flagged {len(audit.flagged)} (imported with partial verification or left out):",
            markup=False,
            soft_wrap=True,
        )
        for index, note in enumerate(audit.flagged):
            if index >= SHOWN and not show_all:
                out.print(
                    f"    … and {len(audit.flagged) - SHOWN} more (--all lists them)", markup=False, soft_wrap=True
                )
                break
            out.print(f"    {note.locator}: {note.reason}", markup=False, soft_wrap=True)
    if audit.tallies and show_all:
        out.print(
            "  tallies: " + "; ".join(f"{k}: {v}" for k, v in sorted(audit.tallies.items())),
            markup=False,
            soft_wrap=True,
        )


def _run(ctx: typer.Context, kind: DatasetKind, path: Path, output: OutputFormat, check: bool, show_all: bool) -> None:
    app_ctx = context_of(ctx)
    if check:
        parsed = parse_dataset(kind, path)
        if output is OutputFormat.JSON:
            app_ctx.print_json([{**p.audit.as_json(), "statements": len(p.statements)} for p in parsed])
            return
        for item in parsed:
            app_ctx.console.print(
                f"checked {item.audit.kind} from {item.audit.file}: {item.audit.rows_read} rows read, "
                f"{len(item.statements)} statements would be loaded (nothing written)",
                markup=False,
                soft_wrap=True,
            )
            _show_audit(app_ctx, item.audit, show_all)
        return
    outcomes: list[ImportOutcome] = import_dataset(app_ctx.open_store(), kind, path, app_ctx.settings.actor)
    if output is OutputFormat.JSON:
        app_ctx.print_json([o.as_json() for o in outcomes])
        return
    for outcome in outcomes:
        audit, load = outcome.audit, outcome.load
        app_ctx.console.print(
            f"{audit.kind} from {audit.file}: {audit.rows_read} rows read; statements "
            f"{load.statements_added} added, {load.statements_unchanged} unchanged; "
            f"{_count(len(audit.skipped), 'row')} skipped; {len(audit.flagged)} flagged",
            markup=False,
            soft_wrap=True,
        )
        _show_audit(app_ctx, audit, show_all)


@app.command()
def pts(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="a Political Terror Scale CSV, e.g. PTS-2024.csv"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
    show_all: bool = ALL_OPTION,
) -> None:
    """Political Terror Scale scores (Amnesty, HRW, State Department) per state and year."""
    _run(ctx, DatasetKind.PTS, file, output, check, show_all)


@app.command()
def fiw(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="fiw_ratings_*.csv or fiw_scores_*.csv"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
    show_all: bool = ALL_OPTION,
) -> None:
    """Freedom House ratings and status, or indicator scores A1–G4 (recognised by the header)."""
    _run(ctx, DatasetKind.FIW, file, output, check, show_all)


@app.command()
def treaties(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., help="the folder of hr_status_*.csv (and hr_commitments_*.csv) files, or one"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
    show_all: bool = ALL_OPTION,
) -> None:
    """UN treaty status (CAT, OP-CAT, ICCPR, ICCPR-OP1…) per state; Fariss's commitments as a second source."""
    _run(ctx, DatasetKind.TREATIES, folder, output, check, show_all)


@app.command()
def countries(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="countries.json of mledoze/countries"),
    output: OutputFormat = FORMAT_OPTION,
    check: bool = CHECK_OPTION,
    show_all: bool = ALL_OPTION,
) -> None:
    """State names in English, French and Russian, official names, spellings and demonyms."""
    _run(ctx, DatasetKind.COUNTRIES, file, output, check, show_all)
