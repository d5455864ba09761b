"""Evidence search for a case: a researcher's query with filters, ranked passages with the matched
words highlighted and the locator to cite, and one click to attach a passage to the case.

Searching and attaching are ``onward.evidence.search.search_evidence`` and
``onward.evidence.attach.attach``, as ``onward search … --attach CASE`` uses them.
"""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from onward.errors import InputError
from onward.evidence.attach import CASE
from onward.evidence.attach import attach as attach_passage
from onward.evidence.knowledge_search import KnowledgeHit, search_knowledge
from onward.evidence.search import SearchHit, SearchResults, parse_countries, parse_years, search_evidence
from onward.kb.view import KnowledgeView
from onward.model.evidence import SearchFilters
from onward.store import evidence_review
from onward.web import audit
from onward.web.access import Caller, read_case
from onward.web.casework import ensure_editable
from onward.web.context import web_context
from onward.web.pages.cases import case_page
from onward.web.pages.render import redirect

router = APIRouter(include_in_schema=False)
LINK = ("/cases/{case_id}/evidence", "Evidence")
PAGE_SIZE = 20


def highlighted(hit: SearchHit) -> Markup:
    """The snippet with each matched word in ``<mark>``; everything else escaped."""
    parts: list[str] = []
    cursor = 0
    for start, end in sorted(hit.highlights):
        if start < cursor:
            continue
        parts.append(escape(hit.snippet[cursor:start]))
        parts.append(f"<mark>{escape(hit.snippet[start:end])}</mark>")
        cursor = end
    parts.append(escape(hit.snippet[cursor:]))
    return Markup("".join(parts))


@router.get("/cases/{case_id}/evidence")
def evidence_page(
    request: Request,
    case_id: str,
    caller: Caller,
    q: Annotated[str, Query(max_length=500)] = "",
    country: Annotated[str, Query(max_length=200)] = "",
    years: Annotated[str, Query(max_length=20)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    flash: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    case, version = read_case(request, caller, case_id)
    store = web_context(request).store
    errors: dict[str, str] = {}
    results: SearchResults | None = None
    knowledge: list[KnowledgeHit] = []
    if q.strip():
        try:
            codes = parse_countries(country.replace(",", " ").split()) if country.strip() else ()
        except InputError as error:
            errors["country"] = error.message
            codes = ()
        try:
            year_from, year_to = parse_years(years) if years.strip() else (None, None)
        except InputError as error:
            errors["years"] = error.message
            year_from = year_to = None
        sources = tuple(source.split()) if source.strip() else ()
        if not errors:
            try:
                filters = SearchFilters(codes, year_from, year_to, sources)
                results = search_evidence(store, q, filters, limit=PAGE_SIZE, offset=offset)
                # The knowledge base as the case sees it: nothing published after its date.
                view = KnowledgeView(store, as_of=case.as_of.latest())
                knowledge = search_knowledge(view, q, countries=codes) if offset == 0 else []
            except InputError as error:
                errors["q"] = error.message
    attached = evidence_review.links(store, kind=CASE, target=case_id)
    return case_page(
        request,
        caller,
        "evidence.html",
        case_id,
        case=case,
        version=version,
        q=q,
        country=country,
        years=years,
        source=source,
        offset=offset,
        results=results,
        knowledge=knowledge,
        errors=errors,
        attached=attached,
        highlighted=highlighted,
        page_size=PAGE_SIZE,
        flash=flash,
        status_code=422 if errors else 200,
    )


@router.post("/cases/{case_id}/evidence/attach")
def attach(
    request: Request,
    case_id: str,
    caller: Caller,
    passage_id: Annotated[str, Form(max_length=300)],
    note: Annotated[str, Form(max_length=2000)] = "",
    back: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Attach one passage to the case (editors); attaching it again changes nothing."""
    ensure_editable(request, caller, case_id)
    added = attach_passage(
        web_context(request).store, passage_id, actor=caller.actor, case_id=case_id, note=note.strip() or None
    )
    if added:
        audit.record(request, caller.actor, audit.Action.CASE_ATTACH, case_id=case_id, passage=passage_id)
    target = back if back.startswith(f"/cases/{case_id}/evidence") else f"/cases/{case_id}/evidence"
    separator = "&" if "?" in target else "?"
    return redirect(f"{target}{separator}flash={'attached' if added else 'already'}")
