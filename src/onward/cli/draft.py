"""``onward draft``: write the open letter, brief or report for a case; ``onward draft --check FILE`` verifies one.

``onward draft open_letter examples/ablyazov/case.yaml --org examples/ablyazov/org.yaml -o letter.docx``
drafts the letter from the case file, the knowledge base as it stood on the case's date and the
risk assessment; ``onward draft --check letter.docx --case examples/ablyazov/case.yaml`` reports
every unresolved citation, inexact quote, uncited fact, remaining gap and anachronism (exit 1).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import typer

from onward.casefile.io import load_case
from onward.cli.assess import parse_as_of
from onward.cli.context import AppContext, context_of
from onward.drafting.check import CheckContext, check_draft, context_from_case
from onward.drafting.citations import load_source_texts
from onward.drafting.draft import DocumentKind, draft
from onward.drafting.i18n import as_lang
from onward.drafting.organisation import read_organisation
from onward.drafting.outputs import render
from onward.drafting.read_draft import read_draft
from onward.errors import CaseFileError, ConfigurationError, InputError, NotFoundError
from onward.kb.view import KnowledgeView
from onward.model.case import Case
from onward.model.dates import PartialDate
from onward.risk.assess import Assessment, assess
from onward.risk.kbinputs import inputs_from_view
from onward.risk.params import load_params
from onward.store import cases as case_store


class DraftFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


def _case(app_ctx: AppContext, ref: str) -> Case:
    path = Path(ref)
    if path.exists() or ref.endswith((".yaml", ".yml")):
        return load_case(path)
    case, _ = case_store.get_case(app_ctx.open_store(), ref)
    return case


def _format_of(out_file: Path | None) -> DraftFormat:
    suffix = out_file.suffix.lstrip(".").lower() if out_file is not None else ""
    return DraftFormat(suffix) if suffix in {f.value for f in DraftFormat} else DraftFormat.MD


def _view(app_ctx: AppContext, as_of: dt.date, without: str) -> KnowledgeView | None:
    """The knowledge base at ``as_of``, or None (with a warning saying ``without`` what) when there is no store."""
    try:
        store = app_ctx.open_store()
    except ConfigurationError as error:
        app_ctx.err.print(f"warning: {error.message}; {without} ({error.hint})")
        return None
    return KnowledgeView(store, as_of=as_of)


def _stored_case(app_ctx: AppContext, file: Path) -> Case | None:
    """The stored case a draft names in its manifest, when the store has it."""
    manifest = read_draft(file).manifest
    case_id = manifest.get("case") if manifest else None
    if not isinstance(case_id, str) or not case_id:
        return None
    try:
        case, _ = case_store.get_case(app_ctx.open_store(), case_id)
    except (ConfigurationError, NotFoundError):
        return None
    return case


def draft_command(
    ctx: typer.Context,
    kind: DocumentKind = typer.Argument(None, metavar="TYPE", help="open_letter, brief or report"),
    case_ref: str = typer.Argument(None, metavar="CASE", help="a case file, or the id of a stored case"),
    lang: str = typer.Option(None, "--lang", help="en or fr (default: the case's language)"),
    output: DraftFormat = typer.Option(None, "--format", "-f", help="md, html, docx or pdf (default: from -o)"),
    out_file: Path = typer.Option(None, "--output", "-o", help="write the draft to this file"),
    org_file: Path = typer.Option(None, "--org", help="the organisation profile (YAML): signatory, recipient, copies"),
    as_of: str = typer.Option(None, "--as-of", help="draft as of this date (default: the case's as_of)"),
    check: Path = typer.Option(None, "--check", help="verify an existing draft instead of writing one"),
    check_case: str = typer.Option(None, "--case", help="with --check: the case the draft was made for"),
    sources_dir: Path = typer.Option(None, "--sources", help="with --check: folder of source texts <source id>.txt"),
) -> None:
    """Draft an open letter, a brief or a report for a case — every factual sentence cited."""
    app_ctx = context_of(ctx)
    if check is not None:
        _check(app_ctx, check, check_case, sources_dir, as_of)
        return
    if kind is None or case_ref is None:
        raise InputError("onward draft needs TYPE and CASE", hint="e.g. onward draft open_letter case.yaml")
    case = _case(app_ctx, case_ref)
    when = parse_as_of(as_of)
    if when is not None:
        case = case.model_copy(update={"as_of": PartialDate.of(when)})
    language = as_lang(lang) if lang else as_lang(case.language)
    org = read_organisation(org_file) if org_file is not None else None
    view = _view(app_ctx, case.as_of.latest(), "documented incidents will appear as gaps")
    fmt = output or _format_of(out_file)
    # The letter argues from documented incidents; the brief and the report also show the engine's analysis.
    assessment = _assessment(case, view) if kind is not DocumentKind.OPEN_LETTER else None
    document = draft(kind, case, lang=language, org=org, view=view, assessment=assessment)
    data = render(document, fmt.value)
    gaps = len(document.gaps())
    if out_file is None and fmt in (DraftFormat.MD, DraftFormat.HTML):
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        target = out_file or Path(f"{case.id}-{kind.value}-{language}.{fmt.value}")
        if target.is_dir():
            raise InputError(f"{target}: is a folder, expected a file name")
        target.write_bytes(data)
        app_ctx.err.print(f"wrote {target}")
    if gaps:
        app_ctx.err.print(f"note: {gaps} gap{'s' if gaps != 1 else ''} marked where evidence is needed")


def _assessment(case: Case, view: KnowledgeView | None) -> Assessment | None:
    """The risk engine's assessment of the case from the same knowledge base, when there is one."""
    if view is None:
        return None
    params = load_params(None, case.risk_model)
    return assess(case, inputs_from_view(view, params), params, as_of=view.as_of)


def _check(app_ctx: AppContext, file: Path, case_ref: str | None, sources_dir: Path | None, as_of: str | None) -> None:
    """Check ``file`` against its case (``--case``, else the stored case its manifest names) and the KB."""
    case = _case(app_ctx, case_ref) if case_ref else _stored_case(app_ctx, file)
    if case is None:
        app_ctx.err.print("warning: no case to check against; pass --case FILE to resolve the case's sources")
    context = context_from_case(case) if case is not None else CheckContext()
    when = parse_as_of(as_of)
    if when is not None:
        context.as_of = when
    view = _view(app_ctx, context.as_of or dt.date.max, "sources of the knowledge base cannot be resolved")
    if view is not None:
        for source in view.sources():
            context.sources.setdefault(source.id, source)
    if sources_dir is not None:
        context.texts = load_source_texts(sources_dir)
    problems = check_draft(file, context)
    if problems:
        raise CaseFileError(str(file), problems)
    app_ctx.console.print(f"[green]passed[/green] {file}: every citation resolves, quotes match, facts are cited")
