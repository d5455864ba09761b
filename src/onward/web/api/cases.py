"""``/api/cases``: list, create, read, edit, delete, export and share cases as JSON.

Every route that names a case answers 404 when the case is not shared with the caller.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, UploadFile

from onward.casefile.io import case_document
from onward.risk.params import SAFE_HOPS
from onward.store import cases as case_store
from onward.store import changelog, web_access
from onward.store.cases import ImportResult
from onward.web import casework
from onward.web.access import Caller, read_case
from onward.web.analysis import assessment_for, parse_date
from onward.web.api.schemas import (
    CaseEdit,
    CaseFileText,
    CaseOut,
    CaseSummaryOut,
    ChangeOut,
    ProblemOut,
    SaveOut,
    ShareOut,
    ValidationOut,
)
from onward.web.auth import Principal
from onward.web.blocking import off_loop
from onward.web.context import web_context
from onward.web.uploads import read_case_upload
from onward.yamldoc.nodes import dump_yaml

router = APIRouter(prefix="/api", tags=["cases"])


def _from_document(document: dict[str, Any], file: str) -> Any:
    """A JSON case document validated exactly as a case file is (schema and consistency)."""
    return casework.parse_or_raise(dump_yaml(document), file)


def _saved(result: ImportResult) -> SaveOut:
    changed = [change.path for change in result.changes]
    return SaveOut(id=result.case_id, outcome=result.outcome.value, version=result.version, changed_fields=changed)


@router.get("/cases", response_model=list[CaseSummaryOut])
def list_cases(request: Request, caller: Caller) -> list[CaseSummaryOut]:
    """The cases shared with the caller."""
    store = web_context(request).store
    visible = web_access.accessible_case_ids(store, caller.user)
    return [CaseSummaryOut(**asdict(s)) for s in case_store.list_cases(store) if s.id in visible]


@router.post("/cases", response_model=SaveOut, status_code=201)
def create_case(request: Request, document: dict[str, Any], caller: Caller) -> SaveOut:
    """Create a case from its JSON document; it is shared with its creator."""
    return _saved(casework.create_case(request, caller, _from_document(document, "<request body>")))


@router.post("/cases/import", response_model=SaveOut)
async def import_case(
    request: Request,
    file: UploadFile,
    caller: Caller,
    as_id: Annotated[str, Query(max_length=200, description="store the case under this id, not the file's")] = "",
) -> SaveOut:
    """Import a case file (YAML upload): creates it, or updates a case already shared with the caller.

    An id that cannot be used is refused with 409 and a free id to use instead (``as_id``).
    """
    name, text = await read_case_upload(file, web_context(request).settings.max_upload_bytes)
    return await off_loop(request, _import, request, caller, text, name, as_id.strip())


def _import(request: Request, caller: Principal, text: str, name: str, as_id: str) -> SaveOut:
    """Parse and store an uploaded case file (in a worker thread: parsing is CPU work)."""
    case = casework.parse_or_raise(text, name)
    if as_id:
        case = casework.with_id(case, as_id)
    return _saved(casework.import_case(request, caller, case))


@router.post("/validate", response_model=ValidationOut)
def validate(body: CaseFileText, caller: Caller) -> ValidationOut:
    """Check a case file's text without storing it: every located problem at once."""
    _, problems = casework.check_case_text(body.yaml, body.file)
    return ValidationOut(valid=not problems, problems=[ProblemOut(**asdict(p)) for p in problems])


@router.get("/cases/{case_id}", response_model=CaseOut)
def get_case(request: Request, case_id: str, caller: Caller) -> CaseOut:
    case, version = read_case(request, caller, case_id)
    return CaseOut(version=version, case=case_document(case))


@router.put("/cases/{case_id}", response_model=SaveOut)
def edit_case(request: Request, case_id: str, edit: CaseEdit, caller: Caller) -> SaveOut:
    """Replace the case with an edited document; 409 if it changed since ``version``."""
    casework.ensure_editable(request, caller, case_id)
    case = _from_document(edit.case, "<request body>")
    return _saved(casework.update_case(request, caller, case_id, case, expected_version=edit.version))


@router.delete("/cases/{case_id}", status_code=204)
def delete_case(request: Request, case_id: str, caller: Caller) -> Response:
    casework.delete_case(request, caller, case_id)
    return Response(status_code=204)


@router.get("/cases/{case_id}/export", response_class=Response, responses={200: {"content": {"application/yaml": {}}}})
def export_case(request: Request, case_id: str, caller: Caller) -> Response:
    """The case file (YAML), as ``onward case export`` writes it."""
    text = casework.export_case(request, caller, case_id)
    headers = {"Content-Disposition": f'attachment; filename="{case_id}.yaml"'}
    return Response(text, media_type="application/yaml", headers=headers)


@router.get("/cases/{case_id}/history", response_model=list[ChangeOut])
def history(request: Request, case_id: str, caller: Caller) -> list[ChangeOut]:
    """Who changed which fields of the case, and when."""
    read_case(request, caller, case_id)
    with web_context(request).store.read() as connection:
        entries = changelog.entries(connection, entity="case", entity_id=case_id)
    return [
        ChangeOut(
            seq=e.seq,
            at=e.at,
            actor=e.actor,
            action=e.action,
            summary=e.summary,
            changes=[asdict(c) for c in e.changes],
        )
        for e in entries
    ]


@router.get("/cases/{case_id}/assessment")
def assessment(
    request: Request,
    case_id: str,
    caller: Caller,
    as_of: Annotated[str, Query(max_length=30, description="YYYY[-MM[-DD]]; default: the case's as_of")] = "",
    hops: Annotated[int, Query(ge=1, le=SAFE_HOPS)] = 3,
) -> dict[str, Any]:
    """The risk engine's assessment of the case (as ``onward assess CASE --format json``)."""
    case, _ = read_case(request, caller, case_id)
    context = web_context(request)
    result = assessment_for(context.store, case, as_of=parse_date(as_of), hops=hops, cache=context.results)
    return result.model_dump(mode="json")


@router.get("/cases/{case_id}/shares", response_model=list[ShareOut])
def shares(request: Request, case_id: str, caller: Caller) -> list[ShareOut]:
    """Who has access to the case."""
    return [
        ShareOut(username=s.username, granted_by=s.granted_by, granted_at=s.granted_at)
        for s in casework.members(request, caller, case_id)
    ]


@router.put("/cases/{case_id}/shares/{username}", response_model=list[ShareOut])
def share(request: Request, case_id: str, username: str, caller: Caller) -> list[ShareOut]:
    """Give another account access to the case."""
    casework.share_case(request, caller, case_id, username)
    return shares(request, case_id, caller)


@router.delete("/cases/{case_id}/shares/{username}", response_model=list[ShareOut])
def unshare(request: Request, case_id: str, username: str, caller: Caller) -> list[ShareOut]:
    """Withdraw an account's access to the case."""
    casework.unshare_case(request, caller, case_id, username)
    return shares(request, case_id, caller)
