"""Case pages: the list of cases shared with the reader, import of a case file, the case overview,
its history, export, sharing and deletion."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from onward.errors import CaseFileError, ConflictError, InputError
from onward.store import cases as case_store
from onward.store import changelog, web_access
from onward.store.web import Role
from onward.web import casework
from onward.web.access import Caller, read_case
from onward.web.auth import Principal
from onward.web.blocking import off_loop
from onward.web.casework import EDITORS
from onward.web.context import web_context
from onward.web.i18n import translator
from onward.web.pages.names import state_namer, states_namer
from onward.web.pages.render import language_of, redirect, render
from onward.web.uploads import check_size, read_case_upload

router = APIRouter(include_in_schema=False)

_FLASHES = {
    "created": "Case created.",
    "updated": "Case saved.",
    "unchanged": "No change: the case was already up to date.",
    "shared": "Access granted.",
}

# Pages for the other areas' features register links here through ``case_links`` in app.py.
CaseLinks = list[dict[str, str]]


def case_page(request: Request, caller: Principal, template: str, case_id: str, **values: Any) -> Response:
    """Render a page about one case (access already checked by the caller), with the case's navigation."""
    language = language_of(request)
    links: CaseLinks = [
        {"href": href.format(case_id=case_id), "label": label} for href, label in request.app.state.case_links
    ]
    values.setdefault("can_edit", caller.has_role(*EDITORS))
    return render(
        request,
        template,
        state=state_namer(language),
        states=states_namer(language),
        extra_links=links,
        **values,
    )


def _list_page(request: Request, caller: Principal, *, status_code: int = 200, **values: Any) -> Response:
    store = web_context(request).store
    visible = web_access.accessible_case_ids(store, caller.user)
    summaries = [s for s in case_store.list_cases(store) if s.id in visible]
    return render(
        request,
        "cases.html",
        status_code=status_code,
        summaries=summaries,
        can_edit=caller.has_role(*EDITORS),
        max_kb=web_context(request).settings.max_upload_bytes // 1000,
        **values,
    )


@router.get("/cases")
def list_cases(request: Request, caller: Caller, flash: str | None = None) -> Response:
    return _list_page(request, caller, flash=flash)


@router.post("/cases/import")
async def import_case(request: Request, caller: Caller) -> Response:
    """A case file uploaded or pasted: validated with every located problem shown, then stored —
    under the id typed in "import as id" when there is one, else the file's own."""
    limit = web_context(request).settings.max_upload_bytes
    form = await request.form(max_part_size=limit)
    upload = form.get("file")
    pasted = form.get("text")
    typed = form.get("as_id")
    text = pasted if isinstance(pasted, str) else ""
    as_id = typed.strip() if isinstance(typed, str) else ""
    if isinstance(upload, UploadFile) and upload.filename:
        name, text = await read_case_upload(upload, limit)
    elif text.strip():
        check_size(len(text.encode("utf-8")), limit, "the pasted text")
        name = "pasted.yaml"
    else:
        name = ""
    return await off_loop(request, _import, request, caller, text, name, as_id)


def _import(request: Request, caller: Principal, text: str, name: str, as_id: str) -> Response:
    """Validate and store the case file (in a worker thread: parsing is CPU work)."""
    try:
        if not name:
            raise InputError("file: choose a case file or paste its text (found neither)")
        case = casework.parse_or_raise(text, name)
        if as_id:
            try:
                case = casework.with_id(case, as_id)
            except InputError as error:
                return _list_page(request, caller, status_code=422, as_id_error=error.message, text=text, as_id=as_id)
        result = casework.import_case(request, caller, case)
    except CaseFileError as error:
        return _list_page(request, caller, status_code=422, problems=error.problems, text=text, as_id=as_id)
    except casework.CaseIdTakenError as error:
        message = f"{error.message} ({error.hint})"
        return _list_page(request, caller, status_code=409, as_id_error=message, text=text, as_id=error.suggestion)
    except ConflictError as error:
        return _list_page(request, caller, status_code=409, error=f"{error.message} ({error.hint})", text=text)
    except InputError as error:
        return _list_page(request, caller, status_code=422, error=error.message, text=text, as_id=as_id)
    return redirect(f"/cases/{result.case_id}?flash={result.outcome.value}")


@router.get("/cases/{case_id}")
def show_case(request: Request, case_id: str, caller: Caller, flash: str | None = None) -> Response:
    note = translator(language_of(request))(_FLASHES[flash]) if flash in _FLASHES else None
    return _case_overview(request, caller, case_id, flash=note)


def _case_overview(request: Request, caller: Principal, case_id: str, **extra: Any) -> Response:
    """The case page: the case, who works on it, and what the caller may do with its ownership."""
    case, version = read_case(request, caller, case_id)
    members = casework.members(request, caller, case_id)
    return case_page(
        request,
        caller,
        "case.html",
        case_id,
        case=case,
        version=version,
        members=members,
        **extra,
        **_ownership(request, caller, case_id),
    )


def _ownership(request: Request, caller: Principal, case_id: str) -> dict[str, Any]:
    """Who owns the case, and whether the caller may delete it or withdraw the owner's access."""
    owner = web_access.owner_of(web_context(request).store, case_id)
    return {"owner": owner, "may_manage_owner": caller.has_role(Role.ADMIN) or owner == caller.actor}


@router.get("/cases/{case_id}/history")
def history(request: Request, case_id: str, caller: Caller) -> Response:
    case, version = read_case(request, caller, case_id)
    with web_context(request).store.read() as connection:
        entries = changelog.entries(connection, entity="case", entity_id=case_id)
    return case_page(request, caller, "case_history.html", case_id, case=case, version=version, entries=entries)


@router.get("/cases/{case_id}/export.yaml")
def export_case(request: Request, case_id: str, caller: Caller) -> Response:
    text = casework.export_case(request, caller, case_id)
    headers = {"Content-Disposition": f'attachment; filename="{case_id}.yaml"'}
    return Response(text, media_type="application/yaml", headers=headers)


@router.post("/cases/{case_id}/share")
def share(
    request: Request,
    case_id: str,
    caller: Caller,
    username: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    try:
        casework.share_case(request, caller, case_id, username)
    except InputError as error:
        return _case_overview(request, caller, case_id, share_error=error.message, flash=None)
    return redirect(f"/cases/{case_id}?flash=shared#sharing")


@router.post("/cases/{case_id}/unshare")
def unshare(
    request: Request,
    case_id: str,
    caller: Caller,
    username: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    casework.unshare_case(request, caller, case_id, username)
    return redirect(f"/cases/{case_id}#sharing")


@router.post("/cases/{case_id}/delete")
def delete(request: Request, case_id: str, caller: Caller) -> Response:
    casework.delete_case(request, caller, case_id)
    return redirect("/cases")
