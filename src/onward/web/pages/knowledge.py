"""The knowledge-base browser: what was known about a state on a date — its treaty memberships, latest
indicators, documented transfers from and to it and the judgments involving it, each with sources.

It reads ``KnowledgeView(store, as_of).state_summary(code)``, as ``onward kb state KZ --as-of …`` does,
so nothing published after the date is shown; where sources disagree, both values are listed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from onward.errors import InputError
from onward.kb import vocabulary as v
from onward.model.states import is_state
from onward.web.access import Caller
from onward.web.analysis import knowledge_at, parse_date
from onward.web.context import web_context
from onward.web.pages.names import state_namer
from onward.web.pages.render import language_of, render

router = APIRouter(include_in_schema=False)
SHOWN_VALUES = (v.KIND, v.STATUS, v.FROM_STATE, v.TO_STATE, v.SUBJECTS, v.SUBJECT_COUNT)


@router.get("/kb")
def knowledge_page(
    request: Request,
    caller: Caller,
    state: Annotated[str, Query(max_length=10)] = "",
    as_of: Annotated[str, Query(max_length=30)] = "",
) -> Response:
    """Pick a state and a date; see what the knowledge base held about it then."""
    errors: dict[str, str] = {}
    code = state.strip().upper()
    if code and not is_state(code):
        errors["state"] = f"state: expected an ISO 3166-1 alpha-2 code such as KZ, found {state!r}"
    try:
        when = parse_date(as_of) or dt.date.today()
    except InputError as error:
        errors["as_of"] = error.message
        when = dt.date.today()
    summary = None
    sources = {}
    if code and not errors:
        view = knowledge_at(web_context(request).store, when)
        summary = view.state_summary(code)
        sources = {s.id: s for s in view.sources()}
    return render(
        request,
        "knowledge.html",
        status_code=422 if errors else 200,
        code=code,
        as_of=as_of or when.isoformat(),
        errors=errors,
        summary=summary,
        sources=sources,
        name=state_namer(language_of(request)),
        v=v,
        shown=SHOWN_VALUES,
    )
