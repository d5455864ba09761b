"""Editing a case's requests, proceedings, assurances and sources, one item at a time.

``/cases/{id}/edit/{section}/new`` adds an item, ``…/{section}/{index}`` edits one and
``…/{section}/{index}/delete`` removes one after confirmation. Every save writes the item into the
case file and validates the whole file as ``onward case validate`` does, so a date out of order or a
reference to a removed item is refused with its message; it is stored through the same optimistic,
audited update as the other editors (``casework.update_case``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from onward.errors import ConflictError
from onward.model.case import Case
from onward.web import casework
from onward.web.access import Caller, read_case
from onward.web.auth import Principal
from onward.web.blocking import off_loop
from onward.web.pages.case_form import CaseForm
from onward.web.pages.cases import case_page
from onward.web.pages.render import redirect
from onward.web.pages.section_forms import (
    Section,
    choices,
    document_with,
    entry_of,
    form_from_item,
    form_from_submission,
    item_at,
    item_yaml,
    items_of,
    section_named,
    version_of,
)
from onward.web.pages.section_problems import attach_item_problems
from onward.yamldoc.nodes import dump_yaml

router = APIRouter(include_in_schema=False)


def _item_page(
    request: Request,
    caller: Principal,
    case: Case,
    section: Section,
    index: int | None,
    version: int,
    form: CaseForm,
    **values: Any,
) -> Response:
    return case_page(
        request,
        caller,
        "case_item.html",
        case.id,
        case=case,
        version=version,
        section=section.name,
        index=index,
        form=form,
        choices=choices(case),
        **values,
    )


def _stale(case_id: str, current: int, version: int) -> ConflictError:
    return ConflictError(
        f"case {case_id!r} was changed since this page was loaded "
        f"(now version {current}, you edited version {version})",
        hint="reload the case, reapply your changes and save again",
    )


@router.get("/cases/{case_id}/edit/{section}/new")
def new_item(request: Request, case_id: str, section: str, caller: Caller) -> Response:
    casework.ensure_editable(request, caller, case_id)
    found = section_named(section)
    case, version = read_case(request, caller, case_id)
    return _item_page(request, caller, case, found, None, version, form_from_item(found, None))


@router.post("/cases/{case_id}/edit/{section}/new")
async def add_item(request: Request, case_id: str, section: str, caller: Caller) -> Response:
    return await _save_item(request, caller, case_id, section, None)


@router.get("/cases/{case_id}/edit/{section}/{index}")
def edit_item(request: Request, case_id: str, section: str, index: int, caller: Caller) -> Response:
    casework.ensure_editable(request, caller, case_id)
    found = section_named(section)
    case, version = read_case(request, caller, case_id)
    form = form_from_item(found, item_at(case, found, index))
    return _item_page(request, caller, case, found, index, version, form)


@router.post("/cases/{case_id}/edit/{section}/{index}")
async def save_item(request: Request, case_id: str, section: str, index: int, caller: Caller) -> Response:
    return await _save_item(request, caller, case_id, section, index)


async def _save_item(request: Request, caller: Principal, case_id: str, name: str, index: int | None) -> Response:
    submitted = await request.form()
    return await off_loop(request, _store_item, request, caller, case_id, name, index, submitted)


def _store_item(
    request: Request, caller: Principal, case_id: str, name: str, index: int | None, submitted: FormData
) -> Response:
    """Validate the case with the submitted item in place, and store it if the whole case is valid."""
    casework.ensure_editable(request, caller, case_id)
    section = section_named(name)
    case, current = read_case(request, caller, case_id)
    version = version_of(submitted)
    form = form_from_submission(section, submitted)
    if index is not None and not 0 <= index < len(items_of(case, section)):
        if version != current:  # the item moved or went away in the version saved since
            conflict = _stale(case_id, current, version)
            return _item_page(
                request,
                caller,
                case,
                section,
                index,
                version,
                form,
                conflict=conflict,
                current=current,
                status_code=409,
            )
        item_at(case, section, index)  # raises the 404
    document, position = document_with(case, section, index, entry_of(section, form.values))
    edited, problems = casework.check_case_text(dump_yaml(document), f"{case_id} (form)")
    if edited is None:
        form = attach_item_problems(form, problems, section, position, document)
        return _item_page(request, caller, case, section, index, version, form, status_code=422)
    try:
        result = casework.update_case(request, caller, case_id, edited, expected_version=version)
    except ConflictError as error:
        return _item_page(
            request, caller, case, section, index, version, form, conflict=error, current=current, status_code=409
        )
    return redirect(
        f"/cases/{case_id}?flash={result.outcome.value}#h-{section.parent[0] if section.parent else section.name}"
    )


@router.get("/cases/{case_id}/edit/{section}/{index}/delete")
def confirm_removal(request: Request, case_id: str, section: str, index: int, caller: Caller) -> Response:
    casework.ensure_editable(request, caller, case_id)
    found = section_named(section)
    case, version = read_case(request, caller, case_id)
    item = item_at(case, found, index)
    return case_page(
        request,
        caller,
        "case_item_delete.html",
        case_id,
        case=case,
        version=version,
        section=found.name,
        item=item,
        listing=item_yaml(item),
    )


@router.post("/cases/{case_id}/edit/{section}/{index}/delete")
async def remove_item(request: Request, case_id: str, section: str, index: int, caller: Caller) -> Response:
    submitted = await request.form()
    return await off_loop(request, _remove_item, request, caller, case_id, section, index, submitted)


def _remove_item(
    request: Request, caller: Principal, case_id: str, section: str, index: int, submitted: FormData
) -> Response:
    """Remove the item unless the case would then be invalid (another item refers to it, say)."""
    casework.ensure_editable(request, caller, case_id)
    found = section_named(section)
    case, current = read_case(request, caller, case_id)
    version = version_of(submitted)
    values: dict[str, Any] = {"case": case, "version": version, "section": found.name, "current": current}
    if version != current:  # removal goes by position, which is only meaningful in the version shown
        items = items_of(case, found)
        item = items[index] if 0 <= index < len(items) else None
        listing = item_yaml(item) if item is not None else ""
        error = _stale(case_id, current, version)
        return case_page(
            request,
            caller,
            "case_item_delete.html",
            case_id,
            item=item,
            listing=listing,
            conflict=error,
            status_code=409,
            **values,
        )
    item = item_at(case, found, index)
    values["listing"] = item_yaml(item)
    document, _ = document_with(case, found, index, None)
    edited, problems = casework.check_case_text(dump_yaml(document), f"{case_id} (form)")
    if edited is None:
        refused = attach_item_problems(CaseForm(values={}), problems, found, None, document).other
        return case_page(
            request, caller, "case_item_delete.html", case_id, item=item, refused=refused, status_code=422, **values
        )
    try:
        casework.update_case(request, caller, case_id, edited, expected_version=version)
    except ConflictError as error:
        return case_page(
            request, caller, "case_item_delete.html", case_id, item=item, conflict=error, status_code=409, **values
        )
    return redirect(f"/cases/{case_id}?flash=updated#h-{found.name}")
