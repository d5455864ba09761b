"""``onward extract`` and ``onward review …``: incidents proposed from passages, decided by a person."""

from __future__ import annotations

from dataclasses import asdict

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from onward.cli.context import FORMAT_OPTION, OutputFormat, context_of
from onward.errors import InputError
from onward.evidence import review as review_service
from onward.evidence.proposals import run_extraction
from onward.model.evidence import StoredPassage
from onward.store import evidence as evidence_store
from onward.store import evidence_review as review_store

app = typer.Typer(
    help="The review queue: incidents the extractor proposed, to accept, edit, reject or merge.",
    invoke_without_command=True,
)


def extract_command(
    ctx: typer.Context,
    document: str = typer.Option(None, "--document", "-d", help="the id of one ingested document"),
    all_documents: bool = typer.Option(False, "--all", help="every ingested document"),
    auto_accept: bool = typer.Option(
        False, "--auto-accept", help="enter proposals into the knowledge base WITHOUT review (as unverified)"
    ),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Propose transfer incidents from ingested passages; they wait in `onward review`."""
    if (document is None) == (not all_documents):
        raise InputError("say which passages to read: --document ID or --all")
    # The extractor loads spaCy, which takes seconds: imported only when this command runs.
    from onward.evidence.extract import extract_incidents

    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    total = evidence_store.get_document(store, document).passage_count if document else evidence_store.counts(store)[1]
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=app_ctx.err, transient=True, disable=output is OutputFormat.JSON) as progress:
        task = progress.add_task("extracting", total=total)

        def step(_passage: StoredPassage) -> None:
            progress.advance(task)

        report = run_extraction(
            store,
            extract_incidents,
            actor=app_ctx.settings.actor,
            document_id=document,
            auto_accept=auto_accept,
            on_passage=step,
        )
    if output is OutputFormat.JSON:
        app_ctx.print_json(asdict(report))
        return
    app_ctx.console.print(report.summary(), highlight=False)
    if report.proposed and not auto_accept:
        app_ctx.console.print("review them with `onward review`")


def _describe(incident: dict[str, object]) -> str:
    route = f"{incident.get('from_state') or '?'} → {incident.get('to_state') or '?'}"
    count = f", {incident['subject_count']} people" if incident.get("subject_count") else ""
    subjects = incident.get("subjects") or []
    names = f", {', '.join(map(str, subjects))}" if isinstance(subjects, list) and subjects else ""
    return (
        f"{incident.get('kind')} ({incident.get('status')}) {route}, {incident.get('date') or 'undated'}{count}{names}"
    )


@app.callback()
def review_list(
    ctx: typer.Context,
    status: str = typer.Option("pending", "--status", help="pending, accepted, rejected, merged or all"),
    document: str = typer.Option(None, "--document", "-d", help="only proposals from this document"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List proposals (pending ones by default); `onward review accept|reject|merge ID` decides one."""
    if ctx.invoked_subcommand is not None:
        return
    app_ctx = context_of(ctx)
    store = app_ctx.open_store()
    proposals = review_store.list_proposals(store, status=None if status == "all" else status, document_id=document)
    if output is OutputFormat.JSON:
        app_ctx.print_json([asdict(p) for p in proposals])
        return
    table = Table("id", "status", "incident", "quote", "passage", show_lines=True)
    for p in proposals:
        table.add_row(str(p.id), p.status, _describe(p.incident), f"“{p.incident.get('quote')}”", p.passage_id)
    app_ctx.console.print(table if proposals else f"no {status} proposals (`onward extract --all` makes some)")


@app.command("accept")
def accept_command(
    ctx: typer.Context,
    proposal_id: int = typer.Argument(..., metavar="ID"),
    edit: list[str] = typer.Option([], "--edit", help="correct a field first: FIELD=VALUE (repeatable)"),
) -> None:
    """Accept a proposal (optionally corrected) as a new incident in the knowledge base."""
    app_ctx = context_of(ctx)
    edits = review_service.parse_edits(edit)
    decision = review_service.accept(app_ctx.open_store(), proposal_id, actor=app_ctx.settings.actor, edits=edits)
    app_ctx.console.print(
        f"accepted proposal {proposal_id} as incident {decision.incident_id!r} ({len(decision.statements)} statements)",
        highlight=False,
    )


@app.command("reject")
def reject_command(
    ctx: typer.Context,
    proposal_id: int = typer.Argument(..., metavar="ID"),
    reason: str = typer.Option(None, "--reason", help="why, for the log (e.g. 'domestic arrest')"),
) -> None:
    """Reject a proposal; the decision and reason are logged."""
    app_ctx = context_of(ctx)
    review_service.reject(app_ctx.open_store(), proposal_id, actor=app_ctx.settings.actor, reason=reason)
    app_ctx.console.print(f"rejected proposal {proposal_id}", highlight=False)


@app.command("merge")
def merge_command(
    ctx: typer.Context,
    proposal_id: int = typer.Argument(..., metavar="ID"),
    into: str = typer.Option(..., "--into", metavar="INCIDENT", help="the id of an incident in the knowledge base"),
    edit: list[str] = typer.Option([], "--edit", help="correct a field first: FIELD=VALUE (repeatable)"),
) -> None:
    """Add a proposal to an existing incident as a further source (conflicting values stay visible)."""
    app_ctx = context_of(ctx)
    edits = review_service.parse_edits(edit)
    decision = review_service.merge(
        app_ctx.open_store(), proposal_id, into=into, actor=app_ctx.settings.actor, edits=edits
    )
    app_ctx.console.print(
        f"merged proposal {proposal_id} into incident {decision.incident_id!r} ({len(decision.statements)} statements)",
        highlight=False,
    )


@app.command("log")
def log_command(
    ctx: typer.Context,
    proposal_id: int = typer.Argument(None, metavar="[ID]"),
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """The decision log: who accepted, rejected or merged which proposal, and when."""
    app_ctx = context_of(ctx)
    entries = review_store.decisions(app_ctx.open_store(), proposal_id)
    if output is OutputFormat.JSON:
        app_ctx.print_json([asdict(e) for e in entries])
        return
    table = Table("#", "when", "who", "proposal", "decision", "incident", "reason / edits")
    for e in entries:
        detail = e.reason or ", ".join(f"{k}={v}" for k, v in e.edits.items())
        when = e.at.isoformat(timespec="seconds")
        table.add_row(str(e.seq), when, e.actor, str(e.proposal_id), e.action, e.incident_id or "—", detail)
    app_ctx.console.print(table if entries else "no decisions yet")
