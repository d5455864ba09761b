"""``onward case …``: validate, show, import, list, export and history of case files."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from onward.casefile.io import case_file_warnings, dump_case, load_case, read_case
from onward.cli.case_view import render_case
from onward.cli.context import FORMAT_OPTION, OutputFormat, context_of
from onward.cli.timeline_view import render_timeline, timeline_document
from onward.errors import CaseFileError, InputError
from onward.model.case import Case
from onward.procedure.deadlines import DueDate, due_dates, reminders
from onward.procedure.ical import calendar_of
from onward.procedure.timeline import case_timelines
from onward.store import cases as case_store
from onward.store import changelog

app = typer.Typer(help="Case files: validate, show, store and export cases.", no_args_is_help=True)


def _case_from(ctx: typer.Context, ref: str) -> Case:
    """A case from a file path, or from the store by id."""
    path = Path(ref)
    if path.exists() or ref.endswith((".yaml", ".yml")):
        return load_case(path)
    case, _ = case_store.get_case(context_of(ctx).open_store(), ref)
    return case


@app.command()
def validate(ctx: typer.Context, file: Path, output: OutputFormat = FORMAT_OPTION) -> None:
    """Check a case file and report every problem at once (exit 1 if there is any)."""
    app_ctx = context_of(ctx)
    case, problems = read_case(file)
    warnings = case_file_warnings(file, case) if case is not None else []
    if output is OutputFormat.JSON:
        app_ctx.print_json(
            {
                "file": str(file),
                "valid": case is not None,
                "problems": [asdict(p) for p in problems],
                "warnings": [asdict(w) for w in warnings],
            }
        )
        if problems:
            raise typer.Exit(1)
        return
    if problems:
        raise CaseFileError(str(file), problems)
    assert case is not None
    app_ctx.console.print(
        f"[green]valid[/green] {file}: case {case.id!r}, {len(case.requests)} requests, "
        f"{len(case.proceedings)} proceedings, {len(case.assurances)} assurances, "
        f"{len(case.sources)} sources"
    )
    for warning in warnings:
        app_ctx.console.print(f"[yellow]warning[/yellow] {escape(warning.render())}", highlight=False)


@app.command()
def show(
    ctx: typer.Context, case_ref: str = typer.Argument(..., metavar="FILE|ID"), output: OutputFormat = FORMAT_OPTION
) -> None:
    """Show a readable summary of a case: parties, timeline, assurances, sources."""
    app_ctx = context_of(ctx)
    case = _case_from(ctx, case_ref)
    if output is OutputFormat.JSON:
        app_ctx.print_json(case.model_dump(mode="json"))
        return
    app_ctx.console.print(render_case(case))


@app.command("import")
def import_(ctx: typer.Context, files: list[Path], output: OutputFormat = FORMAT_OPTION) -> None:
    """Store case files; importing an unchanged file again changes nothing."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    loaded = [load_case(f) for f in files]  # every file is validated before anything is written
    results = [case_store.save_case(store, case, actor=app_ctx.settings.actor) for case in loaded]
    if output is OutputFormat.JSON:
        app_ctx.print_json([{"case": r.case_id, "outcome": r.outcome.value, "version": r.version} for r in results])
        return
    for file, result in zip(files, results, strict=True):
        detail = f", {len(result.changes)} fields changed" if result.changes else ""
        app_ctx.console.print(
            f"{result.outcome.value}: case {result.case_id!r} from {file} (version {result.version}{detail})"
        )


@app.command("list")
def list_(ctx: typer.Context, output: OutputFormat = FORMAT_OPTION) -> None:
    """List the stored cases."""
    app_ctx = context_of(ctx)
    summaries = case_store.list_cases(app_ctx.open_store())
    if output is OutputFormat.JSON:
        app_ctx.print_json([asdict(s) for s in summaries])
        return
    table = Table("id", "title", "version", "updated", "by")
    for s in summaries:
        table.add_row(s.id, s.title, str(s.version), s.updated_at.isoformat(timespec="seconds"), s.updated_by)
    app_ctx.console.print(table if summaries else "no cases stored yet (`onward case import FILE`)")


@app.command()
def export(
    ctx: typer.Context,
    case_id: str,
    out: Path = typer.Option(None, "--output", "-o", help="write to this file instead of stdout"),
) -> None:
    """Write a stored case back out as a case file (YAML)."""
    app_ctx = context_of(ctx)
    case, _ = case_store.get_case(app_ctx.open_store(), case_id)
    text = dump_case(case)
    if out is None:
        typer.echo(text, nl=False)
        return
    if out.is_dir():
        raise InputError(f"{out}: is a folder, expected a file name")
    out.write_text(text, encoding="utf-8")
    app_ctx.console.print(f"wrote {out}")


@app.command()
def history(ctx: typer.Context, case_id: str, output: OutputFormat = FORMAT_OPTION) -> None:
    """Show the change log of a stored case: who changed what, when."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    with store.read() as connection:
        entries = changelog.entries(connection, entity="case", entity_id=case_id)
    if output is OutputFormat.JSON:
        app_ctx.print_json([asdict(e) for e in entries])
        return
    table = Table("#", "when", "who", "what", "fields")
    for e in entries:
        fields = "\n".join(f"{c.path}: {c.before!r} → {c.after!r}" for c in e.changes[:20])
        table.add_row(str(e.seq), e.at.isoformat(timespec="seconds"), e.actor, e.summary, fields)
    app_ctx.console.print(table if entries else f"no changes recorded for case {case_id!r}")


@app.command()
def timeline(
    ctx: typer.Context,
    case_ref: str = typer.Argument(..., metavar="FILE|ID"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Place the case's proceedings on its jurisdiction's procedure; list next steps and deadlines."""
    app_ctx = context_of(ctx)
    case = _case_from(ctx, case_ref)
    timelines = case_timelines(case)
    if output is OutputFormat.JSON:
        # The main removal's timeline as before; other removals (a deportation beside an extradition) follow.
        document = timeline_document(timelines[0])
        document["other_tracks"] = [timeline_document(t) for t in timelines[1:]]
        app_ctx.print_json(document)
    else:
        for placed in timelines:
            app_ctx.console.print(render_timeline(placed))
    if any(placed.problems for placed in timelines):
        raise typer.Exit(1)


@app.command()
def deadlines(
    ctx: typer.Context,
    case_refs: list[str] = typer.Argument(None, metavar="[FILE|ID]...", help="default: every stored case"),
    ics: Path | None = typer.Option(None, "--ics", help="also write the deadlines as an iCalendar file"),
    today: str | None = typer.Option(None, "--today", help="list the reminders due on this day (YYYY-MM-DD)"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """The computable statutory deadlines of cases, earliest first; optionally an iCalendar file and the
    reminders due on a day (14, 7, 3 and 1 days before, and on the day)."""
    app_ctx = context_of(ctx)
    refs = case_refs or [s.id for s in case_store.list_cases(app_ctx.open_store())]
    dates = [d for ref in refs for d in due_dates(_case_from(ctx, ref))]
    dates.sort(key=lambda d: (d.due, d.case_id))
    if ics is not None:
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        ics.write_bytes(calendar_of(dates, name="Onward deadlines", stamp=stamp))
    due_today = reminders(dates, _day(today)) if today else []
    if output is OutputFormat.JSON:
        app_ctx.print_json(
            {
                "deadlines": [_due_document(d) for d in dates],
                "reminders": [{"days_left": r.days_left, **_due_document(r.due_date)} for r in due_today],
            }
        )
        return
    table = Table(title="Deadlines", title_justify="left")
    for column in ("due", "case", "step", "strict", "legal basis", "verification"):
        table.add_column(column, overflow="fold")
    for d in dates:
        due = f"{d.due.isoformat()}" + (" PASSED" if d.passed else "")
        table.add_row(due, d.case_id, d.step, "yes" if d.strict else "no", d.legal_basis, d.verification)
    app_ctx.console.print(table if dates else "no computable deadline: none runs from a dated decision")
    for r in due_today:
        app_ctx.console.print(f"reminder: {r.days_left} day(s) left — {r.due_date.summary()} (due {r.due_date.due})")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--today: expected a date YYYY-MM-DD, found {text!r}") from None


def _due_document(d: DueDate) -> dict[str, object]:
    return {
        "case": d.case_id,
        "track": d.track,
        "step": d.step,
        "due": d.due.isoformat(),
        "strict": d.strict,
        "legal_basis": d.legal_basis,
        "verification": d.verification,
        "anchor": d.anchor,
        "if_outcome": d.if_outcome,
        "passed": d.passed,
    }
