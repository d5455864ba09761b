"""``/api/review``: the queue of proposed incidents, and the decisions on them (editors only).

The same library calls as ``onward review`` and the review page (``onward.evidence.review``); each
decision is recorded in the audit trail.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from onward.errors import InputError
from onward.evidence import review as review_service
from onward.evidence.candidates import candidates_for
from onward.kb.view import KnowledgeView
from onward.store import evidence_review
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.api.schemas import (
    AcceptIn,
    CandidateOut,
    DecisionOut,
    IncidentEdits,
    MergeIn,
    ProposalId,
    ProposalOut,
    RejectIn,
)
from onward.web.casework import EDITORS
from onward.web.context import web_context

router = APIRouter(prefix="/api", tags=["review"])


def _checked(request: Request, proposal_id: int, edits: IncidentEdits | None) -> dict[str, Any]:
    """The corrections sent, checked against the proposal: 422 naming each invalid field."""
    proposal = evidence_review.get_proposal(web_context(request).store, proposal_id)
    if edits is None:
        return {}
    # JSON null clears a field; for the lists (persons named, profile) that is the empty list.
    values = {
        name: [] if value is None and name in ("subjects", "profile") else value
        for name, value in edits.model_dump(exclude_unset=True).items()
    }
    problems = review_service.edit_problems(proposal.incident, values)
    if problems:
        raise InputError("edits: " + "; ".join(f"{name}: {message}" for name, message in problems.items()))
    return values


def _decision(decision: review_service.Decision) -> DecisionOut:
    return DecisionOut(**asdict(decision))


@router.get("/review", response_model=list[ProposalOut])
def queue(
    request: Request,
    caller: Caller,
    status: Annotated[str, Query(pattern="^(pending|accepted|rejected|merged|all)$")] = "pending",
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[ProposalOut]:
    """Proposals in the order they were made (pending ones by default)."""
    store = web_context(request).store
    rows = evidence_review.list_proposals(store, status=None if status == "all" else status, limit=limit)
    return [ProposalOut(**asdict(row)) for row in rows]


@router.get("/review/{proposal_id}/candidates", response_model=list[CandidateOut])
def candidates(
    request: Request, proposal_id: ProposalId, caller: Caller, limit: Annotated[int, Query(ge=1, le=50)] = 5
) -> list[CandidateOut]:
    """Incidents already in the knowledge base that the proposal most likely describes again, best first."""
    store = web_context(request).store
    proposal = evidence_review.get_proposal(store, proposal_id)
    view = KnowledgeView(store, as_of=store.clock().date())
    return [
        CandidateOut(
            incident_id=c.id,
            score=c.score,
            reasons=list(c.reasons),
            incident=c.incident.incident.model_dump(mode="json") if c.incident.incident else None,
        )
        for c in candidates_for(view, proposal.incident, limit=limit)
    ]


@router.post("/review/{proposal_id}/accept", response_model=DecisionOut)
def accept(request: Request, proposal_id: ProposalId, caller: Caller, body: AcceptIn | None = None) -> DecisionOut:
    """Accept the proposal as a new incident, with the corrections in ``edits`` if any."""
    require_role(caller, *EDITORS)
    edits = _checked(request, proposal_id, body.edits if body else None)
    decision = review_service.accept(web_context(request).store, proposal_id, actor=caller.actor, edits=edits)
    audit.record(
        request,
        caller.actor,
        audit.Action.REVIEW_ACCEPT,
        proposal=proposal_id,
        incident=decision.incident_id,
        edits=edits or None,
    )
    return _decision(decision)


@router.post("/review/{proposal_id}/merge", response_model=DecisionOut)
def merge(request: Request, proposal_id: ProposalId, body: MergeIn, caller: Caller) -> DecisionOut:
    """Add the proposal's statements to incident ``into`` as another source; 404 if it is unknown."""
    require_role(caller, *EDITORS)
    edits = _checked(request, proposal_id, body.edits)
    store = web_context(request).store
    decision = review_service.merge(store, proposal_id, into=body.into.strip(), actor=caller.actor, edits=edits)
    audit.record(
        request,
        caller.actor,
        audit.Action.REVIEW_MERGE,
        proposal=proposal_id,
        incident=decision.incident_id,
        edits=edits or None,
    )
    return _decision(decision)


@router.post("/review/{proposal_id}/reject", response_model=DecisionOut)
def reject(request: Request, proposal_id: ProposalId, caller: Caller, body: RejectIn | None = None) -> DecisionOut:
    """Reject the proposal; the reason is kept in the decision log."""
    require_role(caller, *EDITORS)
    given = body.reason if body is not None else None
    reason = given.strip() or None if given is not None else None
    decision = review_service.reject(web_context(request).store, proposal_id, actor=caller.actor, reason=reason)
    audit.record(request, caller.actor, audit.Action.REVIEW_REJECT, proposal=proposal_id, reason=reason)
    return _decision(decision)
