"""``onward ingest``, ``onward search`` and ``onward evidence …``: documents in, passages found, evidence attached."""

from __future__ import annotations

import re
import time
from dataclasses import asdict
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from onward.cli.context import AS_OF_OPTION, FORMAT_OPTION, AppContext, OutputFormat, as_of_date, context_of
from onward.evidence.attach import attach as attach_passage
from onward.evidence.ingest import DEFAULT_MAX_BYTES, DocumentEvent, IngestReport, Outcome, expand, ingest
from onward.evidence.knowledge_search import search_knowledge
from onward.evidence.search import SearchHit, parse_countries, parse_years, search_evidence
from onward.evidence.sourcemeta import load_source_meta
from onward.kb.view import KnowledgeView
from onward.model.evidence import SearchFilters
from onward.store import evidence as evidence_store
from onward.store.evidence_review import links as stored_links

app = typer.Typer(help="Ingested documents and passages: list, show, attach as evidence.", no_args_is_help=True)


def _print_ingest(app_ctx: AppContext, report: IngestReport) -> None:
    for event in report.events:
        if event.outcome is Outcome.SKIPPED:
            app_ctx.err.print(f"[yellow]skipped[/yellow] {event.reason}", highlight=False, soft_wrap=True)
    for warning in report.warnings:
        app_ctx.err.print(f"[yellow]warning[/yellow] {warning}", highlight=False, soft_wrap=True)
    app_ctx.console.print(report.summary(), highlight=False)


def ingest_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="files or folders (PDF, HTML, DOCX, text, Markdown, JSON lines)"),
    source_meta: Path = typer.Option(None, "--source-meta", help="YAML/JSON: publisher, title, date, url per file"),
    max_size: float = typer.Option(DEFAULT_MAX_BYTES / 1e6, "--max-size", help="skip files larger than this (MB)"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Ingest documents: passages with locators, indexed for search; re-ingesting changes nothing."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    meta = load_source_meta(source_meta) if source_meta is not None else None
    files = list(expand(paths))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    quiet = output is OutputFormat.JSON
    # Refreshed by each step rather than by Rich's thread: a process with one thread may fork the workers
    # that annotate a large input (onward.evidence.annotate).
    with Progress(*columns, console=app_ctx.err, transient=True, disable=quiet, auto_refresh=False) as progress:
        task = progress.add_task("ingesting", total=len(files))
        seen: set[Path] = set()
        documents = [0]
        shown = [0.0]

        def step(event: DocumentEvent) -> None:
            documents[0] += event.document_id is not None  # a skipped file is no document
            advance = 0 if event.path in seen else 1
            seen.add(event.path)
            description = f"ingesting {event.path.name} · {documents[0]} documents"
            progress.update(task, advance=advance, description=description)
            if advance or time.monotonic() - shown[0] > 0.2:  # a corpus of thousands: a few redraws a second
                shown[0] = time.monotonic()
                progress.refresh()

        report = ingest(
            store,
            files,
            actor=app_ctx.settings.actor,
            source_meta=meta,
            max_bytes=int(max_size * 1e6),
            on_document=step,
            limits=app_ctx.settings.read_limits,
        )
    if quiet:
        data = asdict(report)
        data["events"] = [{**asdict(e), "path": str(e.path)} for e in report.events]
        app_ctx.print_json(data)
        return
    _print_ingest(app_ctx, report)


def _hit_text(number: int, hit: SearchHit) -> Text:
    passage = hit.passage
    where = ", ".join(str(x) for x in (passage.country, passage.year) if x)
    head = Text(f"{number}. ", style="bold")
    head.append(passage.document_title, style="bold")
    head.append(f" — {passage.locator}", style="cyan")
    head.append(f"  [{passage.id}]" + (f"  {where}" if where else ""), style="dim")
    body = Text(
        ("…" if hit.snippet_start else "")
        + re.sub(r"\s", " ", hit.snippet)  # one character for one, so the highlight offsets still hold
        + ("…" if hit.snippet_start + len(hit.snippet) < len(passage.text) else "")
    )
    offset = 1 if hit.snippet_start else 0
    for start, end in hit.highlights:
        body.stylize("bold yellow", start + offset, end + offset)
    return Text.assemble(head, "\n   ", body, "\n")


def search_command(
    ctx: typer.Context,
    query: str = typer.Argument(..., help='words, "phrases", prefix*, AND / OR / NOT, -word, parentheses'),
    country: list[str] = typer.Option([], "--country", "-c", help="ISO alpha-2 code of a state the passage concerns"),
    year: str = typer.Option(None, "--year", "-y", help="a year or a range: 2019, 2019..2021, ..2015"),
    source: list[str] = typer.Option([], "--source", "-s", help="a source id, document id or publisher name"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="how many hits to show"),
    offset: int = typer.Option(0, "--offset", min=0, help="skip this many hits (next page)"),
    attach: str = typer.Option(None, "--attach", metavar="CASE_ID", help="attach the hits shown to this case"),
    as_of: str = AS_OF_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Search ingested passages, and the knowledge base's incidents and judgments known at ``--as-of``
    (default today); each passage shows its document, locator and a highlighted snippet."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    year_from, year_to = parse_years(year) if year else (None, None)
    filters = SearchFilters(parse_countries(country), year_from, year_to, tuple(source))
    results = search_evidence(store, query, filters, limit=limit, offset=offset)
    view = KnowledgeView(store, as_of=as_of_date(app_ctx, as_of))
    knowledge = search_knowledge(view, query, countries=filters.countries) if offset == 0 and not source else []
    attached = 0
    if attach is not None:
        for hit in results.hits:
            attached += attach_passage(store, hit.passage.id, actor=app_ctx.settings.actor, case_id=attach)
    if output is OutputFormat.JSON:
        hits = [
            {**asdict(hit.passage), "snippet": hit.snippet, "highlights": hit.highlights, "matches": hit.matches}
            for hit in results.hits
        ]
        document = {"query": query, "total": results.total, "offset": offset, "hits": hits}
        app_ctx.print_json({**document, "knowledge": [asdict(k) for k in knowledge]})
        return
    for number, hit in enumerate(results.hits, start=offset + 1):
        app_ctx.console.print(_hit_text(number, hit), soft_wrap=True)
    shown = f"{offset + 1}–{offset + len(results.hits)} of " if results.hits else ""
    app_ctx.console.print(f"{shown}{results.total} passages match {query!r}", highlight=False)
    if knowledge:
        app_ctx.console.print("\nIn the knowledge base:", style="bold")
        for k in knowledge:
            when = f" ({k.date})" if k.date else ""
            app_ctx.console.print(f"  {k.kind} {k.id}: {k.title}{when} [{', '.join(k.sources)}]", highlight=False)
    if attach is not None:
        app_ctx.console.print(
            f"attached {attached} passages to case {attach!r} ({len(results.hits) - attached} already)"
        )


@app.command("attach")
def attach_command(
    ctx: typer.Context,
    target: str = typer.Argument(..., metavar="CASE_ID", help="the case (or, with --statement, the statement id)"),
    passage_id: str = typer.Argument(..., help="a passage id as `onward search` shows it"),
    statement: bool = typer.Option(False, "--statement", help="TARGET is a knowledge-base statement id"),
    note: str = typer.Option(None, "--note", help="why this passage matters"),
) -> None:
    """Attach a passage as evidence to a case, or to a knowledge-base statement."""
    app_ctx = context_of(ctx)
    kind = {"statement_id": target} if statement else {"case_id": target}
    added = attach_passage(app_ctx.open_store(), passage_id, actor=app_ctx.settings.actor, note=note, **kind)
    what = "statement" if statement else "case"
    verb = "attached" if added else "already attached:"
    app_ctx.console.print(f"{verb} passage {passage_id} to {what} {target!r}", highlight=False)


@app.command("documents")
def documents_command(ctx: typer.Context, output: OutputFormat = FORMAT_OPTION) -> None:
    """List the ingested documents with their provenance and passage counts."""
    app_ctx = context_of(ctx)
    rows = evidence_store.list_documents(app_ctx.open_store())
    if output is OutputFormat.JSON:
        app_ctx.print_json([dict(row._mapping) for row in rows])
        return
    table = Table("id", "title", "publisher", "date", "format", "passages")
    for row in rows:
        table.add_row(row.id, row.title, row.publisher or "—", row.date or "—", row.format, str(row.passage_count))
    app_ctx.console.print(table if rows else "no documents ingested yet (`onward ingest FILE…`)")


@app.command("show")
def show_command(ctx: typer.Context, passage_id: str, output: OutputFormat = FORMAT_OPTION) -> None:
    """Show one passage in full, with its document, locator and character span."""
    app_ctx = context_of(ctx)
    passage = evidence_store.get_passage(app_ctx.open_store(), passage_id)
    if output is OutputFormat.JSON:
        app_ctx.print_json(asdict(passage))
        return
    app_ctx.console.print(
        f"[bold]{passage.document_title}[/bold] — {passage.locator} (chars {passage.char_start}–{passage.char_end})",
        highlight=False,
    )
    app_ctx.console.print(passage.text, highlight=False, markup=False)


@app.command("links")
def links_command(
    ctx: typer.Context,
    target: str = typer.Argument(..., metavar="CASE_ID", help="a case id (or, with --statement, a statement id)"),
    statement: bool = typer.Option(False, "--statement", help="TARGET is a knowledge-base statement id"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """The passages attached as evidence to a case (or a statement), with their locators."""
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    kind = "statement" if statement else "case"
    found = [
        (link, evidence_store.get_passage(store, link.passage_id))
        for link in stored_links(store, kind=kind, target=target)
    ]
    if output is OutputFormat.JSON:
        app_ctx.print_json([{**asdict(link), "passage": asdict(passage)} for link, passage in found])
        return
    table = Table("passage", "document", "locator", "note", "attached", show_lines=True)
    for link, passage in found:
        when = f"{link.at:%Y-%m-%d} by {link.actor}"
        table.add_row(passage.id, passage.document_title, passage.locator, link.note or "", when)
    app_ctx.console.print(table if found else f"no evidence attached to {kind} {target!r}")
