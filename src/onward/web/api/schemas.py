"""The shapes of API requests and responses (the case itself is the case-file document, as JSON)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from onward.store.web import Role, TokenScope


class CaseSummaryOut(BaseModel):
    id: str
    title: str
    version: int
    updated_at: dt.datetime
    updated_by: str


class CaseOut(BaseModel):
    version: int = Field(description="send it back with an edit: a stale version is refused with 409")
    case: dict[str, Any] = Field(description="the case-file document (see docs/schema/case.schema.json)")


class CaseEdit(BaseModel):
    version: int = Field(ge=1, description="the version the edit was made to")
    case: dict[str, Any]


class CaseFileText(BaseModel):
    yaml: str = Field(max_length=5_000_000, description="the text of a case file")
    file: str = Field(default="case.yaml", max_length=200, description="name used in problem locations")


class SaveOut(BaseModel):
    id: str
    outcome: str
    version: int
    changed_fields: list[str]


class ProblemOut(BaseModel):
    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    expected: str | None = None
    found: str | None = None
    hint: str | None = None


class ValidationOut(BaseModel):
    valid: bool
    problems: list[ProblemOut]


class ShareOut(BaseModel):
    username: str
    granted_by: str
    granted_at: dt.datetime


class ChangeOut(BaseModel):
    seq: int
    at: dt.datetime
    actor: str
    action: str
    summary: str
    changes: list[dict[str, Any]]


class UserOut(BaseModel):
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: dt.datetime


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    display_name: str = Field(default="", max_length=200)
    role: Role = Role.VIEWER
    password: str = Field(min_length=10, max_length=1000)


class UserPatch(BaseModel):
    role: Role | None = None
    active: bool | None = None
    display_name: str | None = Field(default=None, max_length=200)


class TokenIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    scope: TokenScope = Field(default=TokenScope.READ, description="read, write or admin (not above your role)")
    days: int | None = Field(default=None, ge=1, le=366, description="expires after this many days")


class TokenOut(BaseModel):
    id: str
    name: str
    scope: TokenScope
    created_at: dt.datetime
    expires_at: dt.datetime | None
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class NewTokenOut(TokenOut):
    token: str = Field(description="shown once: store it now; only its hash is kept")


class AuditEntryOut(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    case_id: str | None
    ip: str
    detail: dict[str, Any]
    hash: str


class ChainCheckOut(BaseModel):
    entries: int
    intact: bool
    broken_at: int | None
    problem: str | None
    head: str


ProposalId = Annotated[int, Path(ge=1, le=2_147_483_647, description="a review proposal's number")]
"""A proposal's number in a URL; bounded so that no database is handed an integer it cannot hold."""


class ProposalOut(BaseModel):
    """An incident the extractor proposed from one passage, waiting for (or after) a reviewer's decision."""

    id: int
    passage_id: str
    extractor: str
    incident: dict[str, Any] = Field(description="the proposed incident (fields of ExtractedIncident)")
    status: str
    created_at: dt.datetime
    created_by: str


class IncidentEdits(BaseModel):
    """A reviewer's corrections to a proposed incident: only the fields sent change; null clears one."""

    model_config = ConfigDict(extra="forbid")

    kind: str | None = Field(default=None, max_length=40)
    status: str | None = Field(default=None, max_length=40)
    from_state: str | None = Field(default=None, max_length=2)
    to_state: str | None = Field(default=None, max_length=2)
    date: str | None = Field(default=None, max_length=40, description="YYYY[-MM[-DD]] or start/end")
    subjects: list[str] | None = Field(default=None, max_length=200)
    subject_count: int | None = Field(default=None, ge=0)
    profile: list[str] | None = Field(default=None, max_length=20)


class AcceptIn(BaseModel):
    edits: IncidentEdits | None = None


class RejectIn(BaseModel):
    reason: str | None = Field(default=None, max_length=500)


class MergeIn(BaseModel):
    into: str = Field(min_length=1, max_length=200, description="the id of an incident in the knowledge base")
    edits: IncidentEdits | None = None


class DecisionOut(BaseModel):
    proposal_id: int
    action: str
    incident_id: str | None
    statements: list[str] = Field(description="content ids of the statements added to the knowledge base")


class CandidateOut(BaseModel):
    incident_id: str
    score: int
    reasons: list[str] = Field(description="to_state, from_state, kind, 'same period' or 'nearby date'")
    incident: dict[str, Any] | None = Field(description="the incident as the knowledge base assembles it")
