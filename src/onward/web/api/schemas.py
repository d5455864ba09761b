"""The shapes of API requests and responses (the case itself is the case-file document, as JSON)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from onward.store.web import Role


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
    username: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")
    display_name: str = Field(default="", max_length=200)
    role: Role = Role.VIEWER
    password: str = Field(min_length=10, max_length=1000)


class UserPatch(BaseModel):
    role: Role | None = None
    active: bool | None = None
    display_name: str | None = Field(default=None, max_length=200)


class TokenIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)


class TokenOut(BaseModel):
    id: str
    name: str
    created_at: dt.datetime
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
