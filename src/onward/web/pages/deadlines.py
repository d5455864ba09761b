"""The deadlines of every case the reader may see, on one page and as an iCalendar file to import into the
calendar people already use (one month to challenge a French extradition decree; 14 days to appeal a British
extradition order)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.errors import OnwardError
from onward.procedure.deadlines import DueDate, due_dates
from onward.procedure.ical import calendar_of
from onward.store import cases as case_store
from onward.store import web_access
from onward.web.access import Caller
from onward.web.auth import Principal
from onward.web.context import web_context
from onward.web.pages.render import render

router = APIRouter()


def _visible_deadlines(request: Request, caller: Principal) -> tuple[list[DueDate], list[str]]:
    """Every computable deadline of the caller's cases, earliest first, and the cases that could not be read
    (a sensitive case without the key file, say) — named, never silently left out."""
    store = web_context(request).store
    found: list[DueDate] = []
    unread: list[str] = []
    for case_id in sorted(web_access.accessible_case_ids(store, caller.user)):
        try:
            case, _ = case_store.get_case(store, case_id)
            found.extend(due_dates(case))
        except OnwardError:
            unread.append(case_id)
    return sorted(found, key=lambda d: (d.due, d.case_id, d.step)), unread


@router.get("/deadlines")
def deadlines_page(request: Request, caller: Caller) -> Response:
    found, unread = _visible_deadlines(request, caller)
    return render(request, "deadlines.html", deadlines=found, unread=unread)


@router.get("/deadlines.ics")
def deadlines_calendar(request: Request, caller: Caller) -> Response:
    found, _ = _visible_deadlines(request, caller)
    stamp = web_context(request).store.clock().astimezone(dt.UTC).replace(microsecond=0)
    body = calendar_of(found, name=f"Onward deadlines ({caller.actor})", stamp=stamp)
    headers = {"Content-Disposition": 'attachment; filename="onward-deadlines.ics"'}
    return Response(body, media_type="text/calendar", headers=headers)
