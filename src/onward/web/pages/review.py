"""The review queue: incidents the extractor proposed from passages, each with the quote it rests on,
to accept (becoming verified knowledge-base statements) or reject — ``onward.evidence.review``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from onward.errors import NotFoundError
from onward.evidence import review as review_service
from onward.store import evidence as evidence_store
from onward.store import evidence_review
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.casework import EDITORS
from onward.web.context import web_context
from onward.web.pages.render import redirect, render

router = APIRouter(include_in_schema=False)
STATUSES = ("pending", "accepted", "rejected", "merged", "all")


@router.get("/review")
def review_queue(
    request: Request,
    caller: Caller,
    status: Annotated[str, Query(pattern="^(pending|accepted|rejected|merged|all)$")] = "pending",
    flash: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    store = web_context(request).store
    proposals = evidence_review.list_proposals(store, status=None if status == "all" else status, limit=200)
    passages = {}
    for proposal in proposals:
        try:
            passages[proposal.passage_id] = evidence_store.get_passage(store, proposal.passage_id)
        except NotFoundError:
            continue
    return render(
        request,
        "review.html",
        proposals=proposals,
        passages=passages,
        status=status,
        statuses=STATUSES,
        can_edit=caller.has_role(*EDITORS),
        flash=flash,
    )


@router.post("/review/{proposal_id}/accept")
def accept(request: Request, proposal_id: int, caller: Caller) -> Response:
    """Accept the proposal as a new incident: its statements are verified by this reviewer."""
    require_role(caller, *EDITORS)
    decision = review_service.accept(web_context(request).store, proposal_id, actor=caller.actor)
    audit.record(request, caller.actor, audit.Action.REVIEW_ACCEPT, proposal=proposal_id, incident=decision.incident_id)
    return redirect(f"/review?flash=accepted-{proposal_id}")


@router.post("/review/{proposal_id}/reject")
def reject(
    request: Request, proposal_id: int, caller: Caller, reason: Annotated[str, Form(max_length=500)] = ""
) -> Response:
    require_role(caller, *EDITORS)
    review_service.reject(web_context(request).store, proposal_id, actor=caller.actor, reason=reason.strip() or None)
    audit.record(request, caller.actor, audit.Action.REVIEW_REJECT, proposal=proposal_id, reason=reason or None)
    return redirect(f"/review?flash=rejected-{proposal_id}")
