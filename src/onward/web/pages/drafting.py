"""The drafting page: an open letter, a brief or a report for the case, previewed, then downloaded as
Markdown, Word or PDF — drafted by ``onward.drafting.draft`` from the same assessment as the
assessment page, every factual sentence cited and every missing piece of evidence marked as a gap.
Drafts and their files are cached (``onward.web.analysis``): a second view renders nothing again."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from onward.drafting.document import Document
from onward.drafting.draft import DocumentKind
from onward.drafting.i18n import as_lang
from onward.errors import NotFoundError
from onward.model.case import Case
from onward.web import audit
from onward.web.access import Caller, ensure_access, read_case
from onward.web.analysis import document_for, rendered_draft
from onward.web.context import web_context
from onward.web.pages.cases import case_page

router = APIRouter(include_in_schema=False)
LINK = ("/cases/{case_id}/draft", "Drafting")
KINDS = [kind.value for kind in DocumentKind]
KIND_LABELS = {"open_letter": "Open letter", "brief": "Brief", "report": "Report"}
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def _kind(kind: str) -> DocumentKind:
    if kind not in KINDS:
        raise NotFoundError(f"no document type {kind!r} (expected one of {', '.join(KINDS)})")
    return DocumentKind(kind)


def _draft(request: Request, case: Case, kind: str, lang: str) -> Document:
    context = web_context(request)
    return document_for(context.store, case, _kind(kind), as_lang(lang or case.language), cache=context.results)


def _file(request: Request, case: Case, kind: str, lang: str, fmt: str) -> bytes:
    context = web_context(request)
    language = as_lang(lang or case.language)
    return rendered_draft(context.store, case, _kind(kind), language, fmt, cache=context.results)


@router.get("/cases/{case_id}/draft")
def drafting_page(
    request: Request,
    case_id: str,
    caller: Caller,
    kind: Annotated[str, Query(pattern="^(open_letter|brief|report)$")] = "open_letter",
    lang: Annotated[str, Query(pattern="^(en|fr|)$")] = "",
) -> Response:
    case, version = read_case(request, caller, case_id)
    language = lang or case.language
    document = _draft(request, case, kind, language)
    preview = _file(request, case, kind, language, "html").decode("utf-8")
    return case_page(
        request,
        caller,
        "drafting.html",
        case_id,
        case=case,
        version=version,
        kinds=KINDS,
        labels=KIND_LABELS,
        kind=kind,
        draft_lang=language,
        preview=preview,
        gaps=len(document.gaps()),
        title=document.meta.title,
    )


@router.get("/cases/{case_id}/draft/{kind}.{fmt}")
def download(
    request: Request,
    case_id: str,
    kind: str,
    fmt: str,
    caller: Caller,
    lang: Annotated[str, Query(pattern="^(en|fr|)$")] = "",
) -> Response:
    """The draft as a file; each download is recorded in the audit trail as an export."""
    ensure_access(request, caller, case_id)
    if fmt not in MEDIA:
        raise NotFoundError(f"no draft format {fmt!r} (expected md, docx or pdf)")
    case, version = read_case(request, caller, case_id)
    language = lang or case.language
    data = _file(request, case, kind, language, fmt)
    audit.record(
        request,
        caller.actor,
        audit.Action.CASE_EXPORT,
        case_id=case_id,
        version=version,
        format=fmt,
        document=kind,
        lang=language,
    )
    filename = f"{case_id}-{kind}-{language}.{fmt}"
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{filename}"'})
