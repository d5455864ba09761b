"""The review queue: incidents the extractor proposed from passages, each with the quote it rests on,
to accept (as proposed or corrected), merge into an incident the knowledge base already holds, or
reject — ``onward.evidence.review``; the merge candidates come from ``onward.evidence.candidates``."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response

from onward.errors import NotFoundError
from onward.evidence import review as review_service
from onward.evidence.candidates import Candidate, candidates_for
from onward.kb.view import KnowledgeView
from onward.model.incident import IncidentKind, IncidentStatus
from onward.store import evidence as evidence_store
from onward.store import evidence_review
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.api.schemas import ProposalId
from onward.web.auth import Principal
from onward.web.casework import EDITORS
from onward.web.context import web_context
from onward.web.pages.render import redirect, render

router = APIRouter(include_in_schema=False)
# What the redirect after a decision says: "accepted-7" → proposal 7 was accepted.
_FLASH = re.compile(r"(accepted|merged|rejected)-(\d{1,10})")
STATUSES = ("pending", "accepted", "rejected", "merged", "all")
# The editable fields of a proposal as the correction form shows them: (name, label, hint).
FIELDS = (
    ("kind", "Kind", ""),
    ("status", "Status", ""),
    ("from_state", "From (state code)", "e.g. UA"),
    ("to_state", "To (state code)", "e.g. UZ"),
    ("date", "Date", "YYYY[-MM[-DD]], or a range start/end"),
    ("subjects", "Persons named", "separated by ;"),
    ("subject_count", "Number of people", ""),
    ("profile", "Profile", "e.g. asylum_seeker, journalist"),
)
CHOICES = {"kind": [k.value for k in IncidentKind], "status": [s.value for s in IncidentStatus]}
REASONS = {
    "to_state": "same destination",
    "from_state": "same sending state",
    "kind": "same kind",
    "related kind": "a related kind of removal",
    "same period": "same period",
    "nearby date": "nearby date",
}
FieldText = Annotated[str | None, Form(max_length=2000)]


def _queue(
    request: Request,
    caller: Principal,
    *,
    status: str = "pending",
    flash: str = "",
    proposal_id: int | None = None,
    form: str | None = None,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    """The queue page; after a refused decision, ``form`` of ``proposal_id`` is shown open with its
    ``values`` and ``errors`` (422)."""
    store = web_context(request).store
    proposals = evidence_review.list_proposals(store, status=None if status == "all" else status, limit=200)
    passages = {}
    for proposal in proposals:
        try:
            passages[proposal.passage_id] = evidence_store.get_passage(store, proposal.passage_id)
        except NotFoundError:
            continue
    can_edit = caller.has_role(*EDITORS)
    pending = [p for p in proposals if p.status == evidence_review.PENDING] if can_edit else []
    forms = {p.id: review_service.editable_text(p.incident) for p in pending}
    if proposal_id is not None and values is not None:
        forms[proposal_id] = {**forms.get(proposal_id, {}), **values}
    candidates: dict[int, list[Candidate]] = {}
    if pending:
        view = KnowledgeView(store, as_of=store.clock().date())  # merge into what is known now
        candidates = {p.id: candidates_for(view, p.incident) for p in pending}
    return render(
        request,
        "review.html",
        status_code=422 if errors else 200,
        proposals=proposals,
        passages=passages,
        status=status,
        statuses=STATUSES,
        can_edit=can_edit,
        flash=_FLASH.fullmatch(flash),
        forms=forms,
        fields=FIELDS,
        field_names=[name for name, _, _ in FIELDS],
        choices=CHOICES,
        candidates=candidates,
        reasons=REASONS,
        open_form=(proposal_id, form),
        errors={proposal_id: errors} if proposal_id is not None and errors else {},
    )


@router.get("/review")
def review_queue(
    request: Request,
    caller: Caller,
    status: Annotated[str, Query(pattern="^(pending|accepted|rejected|merged|all)$")] = "pending",
    flash: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    return _queue(request, caller, status=status, flash=flash)


@router.post("/review/{proposal_id}/accept")
def accept(
    request: Request,
    proposal_id: ProposalId,
    caller: Caller,
    kind: FieldText = None,
    status: FieldText = None,
    from_state: FieldText = None,
    to_state: FieldText = None,
    date: FieldText = None,
    subjects: FieldText = None,
    subject_count: FieldText = None,
    profile: FieldText = None,
) -> Response:
    """Accept the proposal as a new incident, with the reviewer's corrections if the form sent any;
    its statements are verified by this reviewer."""
    require_role(caller, *EDITORS)
    store = web_context(request).store
    proposal = evidence_review.get_proposal(store, proposal_id)
    sent = {
        "kind": kind,
        "status": status,
        "from_state": from_state,
        "to_state": to_state,
        "date": date,
        "subjects": subjects,
        "subject_count": subject_count,
        "profile": profile,
    }
    fields = {name: value for name, value in sent.items() if value is not None}
    edits: dict[str, Any] = review_service.edits_from_text(proposal.incident, fields) if fields else {}
    problems = review_service.edit_problems(proposal.incident, edits)
    if problems:
        return _queue(request, caller, proposal_id=proposal_id, form="edit", values=fields, errors=problems)
    decision = review_service.accept(store, proposal_id, actor=caller.actor, edits=edits)
    audit.record(
        request,
        caller.actor,
        audit.Action.REVIEW_ACCEPT,
        proposal=proposal_id,
        incident=decision.incident_id,
        edits=edits or None,
    )
    return redirect(f"/review?flash=accepted-{proposal_id}")


@router.post("/review/{proposal_id}/merge")
def merge(
    request: Request,
    proposal_id: ProposalId,
    caller: Caller,
    into: Annotated[str, Form(max_length=200)] = "",
    candidate: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Merge the proposal into a known incident (the id typed, else the candidate chosen) as another source."""
    require_role(caller, *EDITORS)
    store = web_context(request).store
    evidence_review.get_proposal(store, proposal_id)  # 404 for an unknown proposal, before the incident
    target = into.strip() or candidate.strip()
    values = {"into": into, "candidate": candidate}
    if not target:
        problem = {"into": "incident: choose one of the incidents listed or type an incident id (found neither)"}
        return _queue(request, caller, proposal_id=proposal_id, form="merge", values=values, errors=problem)
    try:
        decision = review_service.merge(store, proposal_id, into=target, actor=caller.actor)
    except review_service.UnknownIncidentError as error:
        problem = {"into": f"incident: {error.message}" + (f" ({error.hint})" if error.hint else "")}
        return _queue(request, caller, proposal_id=proposal_id, form="merge", values=values, errors=problem)
    audit.record(request, caller.actor, audit.Action.REVIEW_MERGE, proposal=proposal_id, incident=decision.incident_id)
    return redirect(f"/review?flash=merged-{proposal_id}")


@router.post("/review/{proposal_id}/reject")
def reject(
    request: Request, proposal_id: ProposalId, caller: Caller, reason: Annotated[str, Form(max_length=500)] = ""
) -> Response:
    require_role(caller, *EDITORS)
    review_service.reject(web_context(request).store, proposal_id, actor=caller.actor, reason=reason.strip() or None)
    audit.record(request, caller.actor, audit.Action.REVIEW_REJECT, proposal=proposal_id, reason=reason or None)
    return redirect(f"/review?flash=rejected-{proposal_id}")
