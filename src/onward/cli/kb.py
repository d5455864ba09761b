"""``onward kb …``: what the knowledge base knows about a state, incidents, sources, history; add, export, build.

    onward kb state KZ --as-of 2015-05-18
    onward kb incidents --from RU --to UZ --since 2005 --kind abduction
    onward kb history incident:ua-uz-2006-02 subject_count
    onward kb export --format ftm -o kb.ftm.json

``--as-of DATE`` (``YYYY-MM-DD``; a year or month counts as its last day) is honoured by every
command that reads: nothing published after it is shown. Without it, the answer is as of today.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import typer
from pydantic import ValidationError

from onward.cli import kb_import
from onward.cli.context import AS_OF_OPTION, FORMAT_OPTION, AppContext, OutputFormat, as_of_date, context_of
from onward.cli.kb_prompt import ask_source, ask_statement, confirm
from onward.cli.kb_view import history_table, incidents_table, render_state, sources_table
from onward.errors import InputError
from onward.kb import serialise
from onward.kb.addfile import DEFAULT_DATASET, add_file
from onward.kb.build import build_default_kb
from onward.kb.export import ExportFormat, export_kb
from onward.kb.history import history as kb_history
from onward.kb.importfile import import_kb_file
from onward.kb.loader import LoadReport, load_dataset
from onward.kb.view import KnowledgeView
from onward.model.dates import PartialDate
from onward.model.incident import IncidentKind
from onward.model.states import is_state, suggest
from onward.store import kb as kb_store

app = typer.Typer(help="The knowledge base: sourced facts about states, incidents and judgments.", no_args_is_help=True)

app.add_typer(kb_import.app, name="import")


def _state_code(option: str, text: str) -> str:
    code = text.strip().upper()
    if is_state(code):
        return code
    guesses = suggest(text)
    hint = f"did you mean {' or '.join(guesses)}?" if guesses else "use an ISO 3166-1 alpha-2 code such as KZ"
    raise InputError(f"{option}: {text!r} is not a state code", hint=hint)


def _view(ctx: typer.Context, as_of: str | None, *, withhold_outcomes: bool = False) -> KnowledgeView:
    app_ctx = context_of(ctx)
    return KnowledgeView(app_ctx.open_store(), as_of=as_of_date(app_ctx, as_of), withhold_outcomes=withhold_outcomes)


def _print_reports(app_ctx: AppContext, reports: list[LoadReport], output: OutputFormat) -> None:
    if output is OutputFormat.JSON:
        app_ctx.print_json([serialise.load_report_json(r) for r in reports])
        return
    for report in reports:
        app_ctx.console.print(report.summary(), markup=False, soft_wrap=True)


@app.command()
def state(
    ctx: typer.Context,
    code: str = typer.Argument(..., help="ISO 3166-1 alpha-2 code, e.g. KZ"),
    as_of: str = AS_OF_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Memberships, treaty status, latest indicators, incidents and judgments of a state, with sources."""
    app_ctx = context_of(ctx)
    view = _view(ctx, as_of)
    summary = view.state_summary(_state_code("STATE", code))
    if output is OutputFormat.JSON:
        app_ctx.print_json(serialise.summary_json(summary))
        return
    cited = dict.fromkeys(
        s.source
        for group in (summary.names, summary.aliases, [i.fact for i in summary.indicators])
        for fact in group
        for s in fact.statements
    )
    cited.update(dict.fromkeys(s.source for m in summary.memberships for s in (*m.statements, *m.qualifications)))
    for record in (*summary.incidents_from, *summary.incidents_to, *summary.judgments):
        cited.update(dict.fromkeys(record.sources))
    sources = [found for found in (view.source(i) for i in cited) if found is not None]
    app_ctx.console.print(render_state(summary, sources))


@app.command()
def incidents(
    ctx: typer.Context,
    from_state: str = typer.Option(None, "--from", help="state the people were moved from"),
    to_state: str = typer.Option(None, "--to", help="state they were moved to"),
    since: str = typer.Option(None, "--since", help="on or after (YYYY[-MM[-DD]])"),
    until: str = typer.Option(None, "--until", help="on or before (YYYY[-MM[-DD]])"),
    kind: list[str] = typer.Option(None, "--kind", help="extradition, deportation, abduction… (repeatable)"),
    as_of: str = AS_OF_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Documented transfers, filtered by route, period and kind; conflicts between sources shown."""
    app_ctx = context_of(ctx)
    kinds = None
    if kind:
        allowed = [k.value for k in IncidentKind]
        wrong = [k for k in kind if k not in allowed]
        if wrong:
            raise InputError(f"--kind: unknown kind {wrong[0]!r}", hint=f"one of {', '.join(allowed)}")
        kinds = [IncidentKind(k) for k in kind]
    bounds = {}
    for name, text in (("--since", since), ("--until", until)):
        if text is not None:
            try:
                bounds[name] = PartialDate.parse(text.strip())
            except ValidationError:
                raise InputError(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}") from None
    view = _view(ctx, as_of)
    found = view.incidents(
        from_state=_state_code("--from", from_state) if from_state else None,
        to_state=_state_code("--to", to_state) if to_state else None,
        kinds=kinds,
        since=bounds.get("--since"),
        until=bounds.get("--until"),
    )
    if output is OutputFormat.JSON:
        app_ctx.print_json([serialise.incident_json(i) for i in found])
        return
    if not found:
        app_ctx.console.print(f"no incidents known on {view.as_of.isoformat()} match")
        return
    app_ctx.console.print(incidents_table(f"Incidents known on {view.as_of.isoformat()}", found))


@app.command()
def sources(ctx: typer.Context, as_of: str = AS_OF_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """The sources facts rest on (published by --as-of), with how many statements cite each."""
    app_ctx = context_of(ctx)
    view = _view(ctx, as_of)
    found = view.sources()
    counts = view.citation_counts()
    if output is OutputFormat.JSON:
        app_ctx.print_json(
            [{**s.model_dump(mode="json", exclude_none=True), "statements": counts.get(s.id, 0)} for s in found]
        )
        return
    if not found:
        app_ctx.console.print(f"no sources known on {view.as_of} (`onward kb build` or `onward kb add`)")
        return
    app_ctx.console.print(sources_table(found, f"Sources known on {view.as_of}", counts))


@app.command()
def history(
    ctx: typer.Context,
    subject: str = typer.Argument(..., help="e.g. state:KZ, incident:ua-uz-2006-02"),
    property: str = typer.Argument(None, help="only this property"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Every statement ever loaded about SUBJECT, corrections and retractions included, with who and when."""
    app_ctx = context_of(ctx)
    entries = kb_history(app_ctx.open_store(), subject, property)
    if output is OutputFormat.JSON:
        app_ctx.print_json([serialise.history_json(e) for e in entries])
        return
    app_ctx.console.print(history_table(entries) if entries else f"nothing recorded about {subject!r}", markup=False)


@app.command()
def add(
    ctx: typer.Context,
    file: Path = typer.Argument(None, help="a YAML file of sources and statements; without it, asks"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Add sources and statements from a YAML file (every mistake reported at once), or interactively."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    if file is not None:
        _print_reports(app_ctx, [add_file(store, file, actor=app_ctx.settings.actor)], output)
        return
    with store.read() as connection:
        known = {s.source.id for s in kb_store.select_sources(connection)}
    source_id, new_source = ask_source(app_ctx.console, known)
    statement = ask_statement(app_ctx.console, source_id, app_ctx.settings.actor)
    if not confirm(app_ctx.console, statement):
        raise typer.Abort()
    report = load_dataset(
        store,
        dataset=DEFAULT_DATASET,
        sources=[new_source] if new_source else [],
        statements=[statement],
        actor=app_ctx.settings.actor,
    )
    _print_reports(app_ctx, [report], output)
    app_ctx.console.print(f"statement id: {statement.content_id()}", markup=False)


@app.command()
def export(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--output", "-o", help="the file to write"),
    format: ExportFormat = typer.Option(ExportFormat.JSONL, "--format", "-f", help="jsonl, csv or ftm"),
    as_of: str = AS_OF_OPTION,
) -> None:
    """Write the knowledge base as JSON lines, CSV, or FollowTheMoney entities (Aleph, OpenSanctions)."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    date = as_of_date(app_ctx, as_of) if as_of is not None else None
    report = export_kb(store, out, format, as_of=date)
    what = f"{report.entities} entities" if format is ExportFormat.FTM else f"{report.statements} statements"
    app_ctx.console.print(f"wrote {out}: {what}, {report.sources} sources", markup=False, soft_wrap=True)


@app.command("import-file")
def import_file(ctx: typer.Context, path: Path, output: OutputFormat = FORMAT_OPTION) -> None:
    """Load a file written by `onward kb export` (jsonl or csv); importing it twice changes nothing."""
    app_ctx = context_of(ctx)
    _print_reports(app_ctx, import_kb_file(app_ctx.open_store(), path, actor=app_ctx.settings.actor), output)


@app.command()
def build(
    ctx: typer.Context,
    data_dir: Path = typer.Option(None, "--data-dir", help="a folder with reference/ and curated/ (default: data/)"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """(Re)build the shipped default knowledge base from the files in the repository (idempotent)."""
    app_ctx = context_of(ctx)
    if data_dir is not None and not data_dir.is_dir():
        raise InputError(f"--data-dir: {data_dir} is not a folder")
    result = build_default_kb(app_ctx.open_store(), actor=app_ctx.settings.actor, data_dir=data_dir)
    if output is OutputFormat.JSON:
        app_ctx.print_json({**asdict(result), "reports": [serialise.load_report_json(r) for r in result.reports]})
        return
    _print_reports(app_ctx, result.reports, output)
    for note in result.notes:
        app_ctx.err.print(note, markup=False, soft_wrap=True)
