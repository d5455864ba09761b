"""What people do to a case through the web: create, import, edit, delete, export, share.

Each action checks the caller's role and access, calls the same store functions as the CLI
(``onward.store.cases``), and records itself in the audit trail. Edits are optimistic: they name the
version they started from and a ``ConflictError`` (409) is raised if someone saved since.
"""

from __future__ import annotations

import secrets

from fastapi import Request
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.reader import ReaderError

from onward.casefile.io import dump_case, parse_case
from onward.errors import CaseFileError, ConflictError, InputError, NotFoundError, Problem
from onward.model.base import Identifier
from onward.model.case import Case
from onward.store import Store, web_access
from onward.store import cases as case_store
from onward.store import web as web_store
from onward.store.cases import ImportOutcome, ImportResult
from onward.store.web import Role, Share, TokenScope
from onward.web import audit
from onward.web.access import ForbiddenError, ensure_access, require_role
from onward.web.auth import Principal
from onward.web.context import web_context

EDITORS = (Role.ADMIN, Role.EDITOR)
CASE_ID_MAX = 120  # the longest id ``onward.model.base.Identifier`` accepts
_CASE_ID: TypeAdapter[str] = TypeAdapter(Identifier)


def check_case_text(text: str, file: str) -> tuple[Case | None, list[Problem]]:
    """``parse_case``, also turning characters YAML forbids (control characters) into a located problem."""
    try:
        return parse_case(text, file)
    except ReaderError as exc:  # raised before parsing starts, so the case-file reader does not see it
        problem = Problem(
            file,
            None,
            None,
            "",
            f"not valid YAML text: {exc.reason} at character {exc.position}",
            hint="remove control characters from the file",
        )
        return None, [problem]


def parse_or_raise(text: str, file: str) -> Case:
    """The case in ``text``; every located problem is raised at once as a ``CaseFileError``."""
    case, problems = check_case_text(text, file)
    if case is None:
        raise CaseFileError(file, problems)
    return case


class CaseIdTakenError(ConflictError):
    """The id cannot be used for a new case; ``suggestion`` is one that can.

    The message is the same whether or not the caller may see the case holding the id, and the
    suggestion is random, so that neither says which other ids are held by cases not shared with
    the caller (see ``onward.web.access``). Case ids are one namespace for the whole server, so a
    refused id does tell that *some* case uses it: every refusal is recorded in the audit trail
    (``case.id_refused``) so that probing for ids shows, and case ids should not name the person.
    """

    def __init__(self, case_id: str, suggestion: str) -> None:
        super().__init__(
            f"id: the case id {case_id!r} is not available",
            hint=f"import the case under another id, e.g. {suggestion!r}",
        )
        self.case_id = case_id
        self.suggestion = suggestion


def free_case_id(store: Store, wanted: str) -> str:
    """A fresh id to offer instead of ``wanted``: its stem and a random suffix that no stored case uses.

    Random, not "the next free number": counting up past ``wanted-2``, ``wanted-3``… would reveal which
    of those ids are held by cases the caller cannot see.
    """
    taken = {summary.id for summary in case_store.list_cases(store)}
    stem = wanted[: CASE_ID_MAX - 8]
    while True:
        candidate = f"{stem}-{secrets.token_hex(3)}"
        if candidate not in taken:
            return candidate


def with_id(case: Case, case_id: str) -> Case:
    """The case to be stored under ``case_id`` instead of the id its file gives ("import as id")."""
    try:
        checked = _CASE_ID.validate_python(case_id)
    except ValidationError:
        raise InputError(
            f"as_id: expected an id of letters, digits and _ . : - (at most {CASE_ID_MAX} characters), "
            f"found {case_id!r}"
        ) from None
    return case.model_copy(update={"id": checked})


def create_case(request: Request, caller: Principal, case: Case) -> ImportResult:
    """Store a new case and share it with its creator; an id already in use is a conflict."""
    require_role(caller, *EDITORS)
    store = web_context(request).store
    try:
        case_store.get_case(store, case.id)
    except NotFoundError:
        pass
    else:
        audit.record(request, caller.actor, audit.Action.CASE_ID_REFUSED, wanted=case.id)
        raise CaseIdTakenError(case.id, free_case_id(store, case.id))
    result = case_store.save_case(store, case, actor=caller.actor)
    web_access.share_case(store, case.id, caller.user, granted_by=caller.actor)
    audit.record(request, caller.actor, audit.Action.CASE_CREATE, case_id=case.id, version=result.version)
    return result


def import_case(request: Request, caller: Principal, case: Case) -> ImportResult:
    """Import a case file: a new case is created; a case already shared with the caller is updated."""
    store = web_context(request).store
    if web_access.can_access(store, caller.user, case.id):
        require_role(caller, *EDITORS)
        return _save(request, caller, case, expected_version=None)
    return create_case(request, caller, case)


def ensure_editable(request: Request, caller: Principal, case_id: str) -> None:
    """404 when the case is not shared with the caller, then 403 when their role cannot edit."""
    ensure_access(request, caller, case_id)
    require_role(caller, *EDITORS)


def update_case(
    request: Request, caller: Principal, case_id: str, case: Case, *, expected_version: int
) -> ImportResult:
    """Save an edit made to version ``expected_version``; refused with 409 if someone saved since."""
    ensure_access(request, caller, case_id)
    require_role(caller, *EDITORS)
    if case.id != case_id:
        raise InputError(
            f"id: the id of a stored case cannot change (expected {case_id!r}, found {case.id!r})",
            hint="import the file as a new case instead",
        )
    return _save(request, caller, case, expected_version=expected_version)


def _save(request: Request, caller: Principal, case: Case, *, expected_version: int | None) -> ImportResult:
    store = web_context(request).store
    result = case_store.save_case(store, case, actor=caller.actor, expected_version=expected_version)
    if result.outcome is not ImportOutcome.UNCHANGED:
        fields = [change.path for change in result.changes][:50]
        audit.record(
            request, caller.actor, audit.Action.CASE_UPDATE, case_id=case.id, version=result.version, fields=fields
        )
    return result


def ensure_owner_or_admin(request: Request, caller: Principal, case_id: str, doing: str) -> None:
    """Only the case's owner (the account that created it here) or an admin may ``doing``: 403."""
    if caller.has_role(Role.ADMIN) and (caller.via != "token" or caller.scope is TokenScope.ADMIN):
        return
    if web_access.owner_of(web_context(request).store, case_id) != caller.actor:
        raise ForbiddenError(f"only the owner of the case or an admin may {doing}")


def delete_case(request: Request, caller: Principal, case_id: str) -> None:
    ensure_access(request, caller, case_id)
    require_role(caller, *EDITORS)
    ensure_owner_or_admin(request, caller, case_id, "delete it")
    case_store.delete_case(web_context(request).store, case_id, actor=caller.actor)
    audit.record(request, caller.actor, audit.Action.CASE_DELETE, case_id=case_id)


def export_case(request: Request, caller: Principal, case_id: str) -> str:
    """The case file (YAML) of a stored case; exports are recorded separately from reads."""
    ensure_access(request, caller, case_id)
    case, version = case_store.get_case(web_context(request).store, case_id)
    audit.record(request, caller.actor, audit.Action.CASE_EXPORT, case_id=case_id, version=version, format="yaml")
    return dump_case(case)


def share_case(request: Request, caller: Principal, case_id: str, username: str) -> bool:
    """Give another account access to a case the caller holds (editors and admins only)."""
    ensure_access(request, caller, case_id)
    require_role(caller, *EDITORS)
    store = web_context(request).store
    other = web_store.find_user(store, username.strip())
    if other is None or not other.active:
        raise InputError(f"username: no active account named {username.strip()!r}")
    added = web_access.share_case(store, case_id, other, granted_by=caller.actor)
    if added:
        audit.record(request, caller.actor, audit.Action.CASE_SHARE, case_id=case_id, user=other.username)
    return added


def unshare_case(request: Request, caller: Principal, case_id: str, username: str) -> bool:
    ensure_access(request, caller, case_id)
    require_role(caller, *EDITORS)
    store = web_context(request).store
    other = web_store.find_user(store, username)
    if other is None:
        raise InputError(f"username: no account named {username!r}")
    if web_access.owner_of(store, case_id) == other.username:
        ensure_owner_or_admin(request, caller, case_id, "withdraw the owner's access")
    removed = web_access.unshare_case(store, case_id, other)
    if removed:
        audit.record(request, caller.actor, audit.Action.CASE_UNSHARE, case_id=case_id, user=other.username)
    return removed


def members(request: Request, caller: Principal, case_id: str) -> list[Share]:
    ensure_access(request, caller, case_id)
    return web_access.shares_of(web_context(request).store, case_id)
