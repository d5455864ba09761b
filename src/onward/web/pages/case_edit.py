"""Editing a case: the structured form of its main fields and the YAML editor of the whole file.

Both save with optimistic locking: the page carries the version it was loaded at, and a save made
after someone else's is refused with a conflict message (409) that keeps the reader's text.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from onward.casefile.io import dump_case
from onward.errors import ConflictError, InputError
from onward.model.case import Case
from onward.web import casework
from onward.web.access import Caller, read_case
from onward.web.auth import Principal
from onward.web.blocking import off_loop
from onward.web.pages.case_form import PROFILES, CaseForm, apply_form, attach_problems, form_from_case
from onward.web.pages.cases import case_page
from onward.web.pages.render import redirect, render
from onward.web.pages.section_forms import ROW_FIELDS, Kind, choices, rows_of
from onward.yamldoc.nodes import dump_yaml

router = APIRouter(include_in_schema=False)
# A short form field; each parameter needs its own Form() (FastAPI binds the name to the instance).
_Text = Annotated[str, Form(max_length=20_000)]


def _form_page(
    request: Request, caller: Principal, case: Case, version: int, form: CaseForm, **values: Any
) -> Response:
    """The main form of ``case`` as ``form`` holds it, with what its selects offer."""
    return case_page(
        request,
        caller,
        "case_edit.html",
        case.id,
        case=case,
        version=version,
        form=form,
        profiles=PROFILES,
        choices=choices(case),
        **values,
    )


@router.get("/cases/{case_id}/edit")
def edit_form(request: Request, case_id: str, caller: Caller) -> Response:
    casework.ensure_editable(request, caller, case_id)
    case, version = read_case(request, caller, case_id)
    return _form_page(request, caller, case, version, form_from_case(case))


@router.post("/cases/{case_id}/edit")
async def save_form(
    request: Request,
    case_id: str,
    caller: Caller,
    version: Annotated[int, Form(ge=1)],
    title: _Text = "",
    as_of: _Text = "",
    custodial_state: _Text = "",
    language: _Text = "",
    jurisdiction: _Text = "",
    person_name: _Text = "",
    nationalities: _Text = "",
    previous_ill_treatment: _Text = "",
    person_note: _Text = "",
    persecuting_states: _Text = "",
    proposed_destinations: _Text = "",
    note: _Text = "",
) -> Response:
    submitted = await request.form()
    values = {
        "title": title,
        "as_of": as_of,
        "custodial_state": custodial_state,
        "language": language,
        "jurisdiction": jurisdiction,
        "person_name": person_name,
        "nationalities": nationalities,
        "profile": [str(p) for p in submitted.getlist("profile")],
        "previous_ill_treatment": previous_ill_treatment,
        "person_sources": rows_of(submitted, "person_sources", ROW_FIELDS[Kind.CITATIONS]),
        "person_note": person_note,
        "persecuting_states": persecuting_states,
        "proposed_destinations": proposed_destinations,
        "note": note,
    }
    return await off_loop(request, _save_form, request, caller, case_id, version, values)


def _save_form(request: Request, caller: Principal, case_id: str, version: int, values: dict[str, Any]) -> Response:
    """Write the form into the case file, validate it as a case file, and save it if it is valid."""
    casework.ensure_editable(request, caller, case_id)
    case, current = read_case(request, caller, case_id)
    form = CaseForm(values=values)
    edited, problems = casework.check_case_text(dump_yaml(apply_form(case, values)), f"{case_id} (form)")
    if edited is None:
        return _form_page(request, caller, case, version, attach_problems(form, problems), status_code=422)
    try:
        casework.update_case(request, caller, case_id, edited, expected_version=version)
    except ConflictError as error:
        return _form_page(request, caller, case, version, form, conflict=error, current=current, status_code=409)
    return redirect(f"/cases/{case_id}?flash=updated")


@router.get("/cases/{case_id}/yaml")
def yaml_editor(request: Request, case_id: str, caller: Caller) -> Response:
    case, version = read_case(request, caller, case_id)
    return case_page(
        request,
        caller,
        "case_yaml.html",
        case_id,
        case=case,
        version=version,
        text=dump_case(case),
        problems=[],
        checked=False,
    )


@router.post("/cases/{case_id}/yaml")
def yaml_save(
    request: Request,
    case_id: str,
    caller: Caller,
    version: Annotated[int, Form(ge=1)],
    text: Annotated[str, Form(max_length=5_000_000)] = "",
    action: str = Form(default="save", pattern="^(check|save)$"),
) -> Response:
    """Check (and, for 'save', store) the edited case file; problems are listed beside their lines."""
    case, current = read_case(request, caller, case_id)
    edited, problems = casework.check_case_text(text, f"{case_id}.yaml")
    if request.headers.get("hx-request") == "true" and action == "check":
        return render(request, "problems.html", problems=problems, checked=True)
    status = 200
    conflict: ConflictError | None = None
    if edited is not None and action == "save":
        casework.ensure_editable(request, caller, case_id)
        try:
            casework.update_case(request, caller, case_id, edited, expected_version=version)
        except ConflictError as error:
            conflict, status = error, 409
        except InputError as error:  # e.g. the id was changed
            return case_page(
                request,
                caller,
                "case_yaml.html",
                case_id,
                case=case,
                version=version,
                text=text,
                problems=[],
                checked=True,
                error=error,
                status_code=422,
            )
        else:
            return redirect(f"/cases/{case_id}?flash=updated")
    elif problems:
        status = 422
    lines = text.splitlines()
    by_line: dict[int, list[str]] = {}
    for problem in problems:
        by_line.setdefault(problem.line or 0, []).append(problem.render().split(": ", 1)[-1])
    return case_page(
        request,
        caller,
        "case_yaml.html",
        case_id,
        case=case,
        version=version,
        text=text,
        problems=problems,
        checked=True,
        lines=lines,
        by_line=by_line,
        conflict=conflict,
        current=current,
        status_code=status,
    )
