"""The audit trail of the web application: every login, read, change, export and share of a case.

Lawyers must be able to show who saw a client's file and when (GDPR Art. 30 records of processing;
professional secrecy). Entries are appended through ``onward.store.web_audit``, which chains each to
the previous by SHA-256; ``onward audit verify`` and the admin page re-check the chain.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import Request

from onward.store.web_audit import AuditEntry, append
from onward.web.context import client_ip, web_context


class Action(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    LOGOUT = "logout"
    CASE_READ = "case.read"
    CASE_CREATE = "case.create"
    CASE_UPDATE = "case.update"
    CASE_DELETE = "case.delete"
    CASE_ID_REFUSED = "case.id_refused"
    CASE_EXPORT = "case.export"
    CASE_SHARE = "case.share"
    CASE_UNSHARE = "case.unshare"
    CASE_ATTACH = "case.attach"
    REVIEW_ACCEPT = "review.accept"
    REVIEW_REJECT = "review.reject"
    REVIEW_MERGE = "review.merge"
    DOCUMENT_INGEST = "document.ingest"
    USER_ADD = "user.add"
    USER_UPDATE = "user.update"
    TOKEN_CREATE = "token.create"
    TOKEN_REVOKE = "token.revoke"
    AUDIT_READ = "audit.read"


def record(request: Request, actor: str, action: Action, *, case_id: str | None = None, **detail: Any) -> AuditEntry:
    """Append one entry for this request: who, what, which case, from which address, with details."""
    context = web_context(request)
    payload = {key: value for key, value in detail.items() if value is not None}
    payload["path"] = request.url.path
    return append(
        context.store, actor=actor, action=action.value, ip=client_ip(request), case_id=case_id, detail=payload
    )
