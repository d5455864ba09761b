"""``onward backup -o FILE`` and ``onward restore FILE``: the whole store, consistently, on either backend."""

from __future__ import annotations

from pathlib import Path

import typer

from onward.cli.context import context_of
from onward.evidence.text import index_text
from onward.store.backup import BackupReport, backup, restore


def _summary(report: BackupReport) -> str:
    tables = len(report.rows)
    rows = sum(report.rows.values())
    schema = ", ".join(report.schema_revision)
    return f"{tables} tables, {rows} rows, {report.audit_entries} audit entries, schema {schema}"


def backup_command(
    ctx: typer.Context,
    output: Path = typer.Option(..., "--output", "-o", help="the archive to write (.tar.gz)"),
) -> None:
    """Write a consistent snapshot of the store (every table, row counts, checksums) to one archive."""
    app_ctx = context_of(ctx)
    report = backup(app_ctx.open_store(), output)
    app_ctx.console.print(f"[green]backed up[/green] {report.dialect} store to {report.path}: {_summary(report)}")


def restore_command(
    ctx: typer.Context,
    archive: Path = typer.Argument(..., help="an archive written by `onward backup`"),
    force: bool = typer.Option(False, "--force", help="replace the content of a store that is not empty"),
) -> None:
    """Restore a backup after checking its checksums and audit trail; an empty store unless --force."""
    app_ctx = context_of(ctx)
    report = restore(app_ctx.open_store(), archive, index_words=index_text, force=force)
    app_ctx.console.print(f"[green]restored[/green] {report.path} ({report.dialect} backup): {_summary(report)}")
