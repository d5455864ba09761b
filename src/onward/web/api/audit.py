"""``/api/audit``: the audit trail and its chain check (admins only)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query, Request

from onward.store import web_audit
from onward.store.web import Role
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.api.schemas import AuditEntryOut, ChainCheckOut
from onward.web.context import web_context

router = APIRouter(prefix="/api", tags=["audit"])


@router.get("/audit", response_model=list[AuditEntryOut])
def entries(
    request: Request,
    caller: Caller,
    case_id: Annotated[str | None, Query(max_length=120)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 200,
) -> list[AuditEntryOut]:
    """Audit entries, newest first; reading the trail is itself recorded."""
    require_role(caller, Role.ADMIN)
    found = web_audit.entries(web_context(request).store, case_id=case_id, actor=actor, limit=limit)
    audit.record(request, caller.actor, audit.Action.AUDIT_READ, case=case_id, of_actor=actor)
    return [AuditEntryOut(**{k: v for k, v in asdict(e).items() if k != "prev_hash"}) for e in found]


@router.get("/audit/verify", response_model=ChainCheckOut)
def verify(request: Request, caller: Caller) -> ChainCheckOut:
    """Re-hash the whole trail: intact, or the first entry that was altered or removed."""
    require_role(caller, Role.ADMIN)
    return ChainCheckOut(**asdict(web_audit.verify_chain(web_context(request).store)))
