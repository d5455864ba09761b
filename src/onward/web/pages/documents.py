"""Evidence documents: the list of what was ingested, and an upload form that ingests one more.

The upload runs exactly what ``onward ingest FILE --source-meta …`` and ``onward extract --document ID``
run (``onward.evidence.ingest``, ``onward.evidence.proposals``): the file is kept only while it is read,
identified by its content hash (uploading it again changes nothing), and what the extractor proposes
waits in the review queue. Uploads are limited to the formats Onward reads and to
``ONWARD_MAX_UPLOAD_BYTES``; the provenance typed in the form is checked like a source-meta file.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError

from onward.evidence.extract import extract_incidents
from onward.evidence.ingest import Outcome, ingest
from onward.evidence.proposals import run_extraction
from onward.evidence.readers import SUPPORTED, reader_for
from onward.evidence.sourcemeta import SourceMeta, SourceMetaFile
from onward.model.source import Verification
from onward.store import evidence as evidence_store
from onward.web import audit
from onward.web.access import Caller, require_role
from onward.web.auth import Principal
from onward.web.blocking import off_loop
from onward.web.casework import EDITORS
from onward.web.context import web_context
from onward.web.pages.render import redirect, render
from onward.web.uploads import UploadTooLargeError, check_size

router = APIRouter(include_in_schema=False)
_Field = Annotated[str, Form(max_length=2000)]
# What the redirect after an upload says: "added-1-3" → one document added, three incidents proposed.
_FLASH = re.compile(r"(added|unchanged)-(\d{1,6})-(\d{1,6})")
META_FIELDS = ("title", "publisher", "date", "url", "language", "country", "verification")


def _page(request: Request, caller: Caller, *, status_code: int = 200, **values: Any) -> Response:
    store = web_context(request).store
    values.setdefault("form", {"verification": Verification.UNVERIFIED.value})
    values.setdefault("errors", {})
    return render(
        request,
        "documents.html",
        status_code=status_code,
        documents=list(reversed(evidence_store.list_documents(store))),
        can_edit=caller.has_role(*EDITORS),
        verifications=[v.value for v in Verification],
        supported=SUPPORTED,
        max_kb=web_context(request).settings.max_upload_bytes // 1000,
        **values,
    )


@router.get("/documents")
def documents(request: Request, caller: Caller, flash: Annotated[str, Query(max_length=200)] = "") -> Response:
    found = _FLASH.fullmatch(flash)
    return _page(request, caller, flash=found.groups() if found else None)


def _source_meta(values: dict[str, str]) -> tuple[SourceMeta | None, dict[str, str]]:
    """The provenance typed in the form, or the problems with it, field by field."""
    given = {name: value.strip() for name, value in values.items() if value.strip()}
    try:
        return SourceMeta.model_validate(given), {}
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for error in exc.errors(include_url=False):
            name = str(error["loc"][0]) if error["loc"] else "file"
            errors.setdefault(name, str(error["msg"]).removeprefix("Value error, "))
        return None, errors


def _safe_name(name: str) -> str:
    """The uploaded file's own name, reduced to characters safe in a path (its extension kept)."""
    base = Path(name).name or "upload"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", base)[-120:] or "upload"


@router.post("/documents")
async def upload(
    request: Request,
    caller: Caller,
    file: UploadFile,
    title: _Field = "",
    publisher: _Field = "",
    date: _Field = "",
    url: _Field = "",
    language: _Field = "",
    country: _Field = "",
    verification: _Field = Verification.UNVERIFIED.value,
    extract: _Field = "",
) -> Response:
    """Ingest the uploaded file with its provenance and, if asked, propose its incidents for review."""
    require_role(caller, *EDITORS)
    context = web_context(request)
    form = {"title": title, "publisher": publisher, "date": date, "url": url, "language": language}
    form |= {"country": country, "verification": verification, "extract": extract}
    name = _safe_name(file.filename or "")
    meta, errors = _source_meta({key: form[key] for key in META_FIELDS})
    if reader_for(Path(name)) is None:
        message = f"{name}: not a format Onward reads (supported: {SUPPORTED})"
        return _page(request, caller, status_code=415, form=form, errors={**errors, "file": message})
    if meta is None:
        return _page(request, caller, status_code=422, form=form, errors=errors)
    data = await file.read(context.settings.max_upload_bytes + 1)
    try:
        check_size(len(data), context.settings.max_upload_bytes, name)
    except UploadTooLargeError as error:
        return _page(request, caller, status_code=413, form=form, errors={"file": error.message})
    return await off_loop(request, _ingest, request, caller, name, data, meta, form)


def _ingest(
    request: Request, caller: Principal, name: str, data: bytes, meta: SourceMeta, form: dict[str, str]
) -> Response:
    """Read, store and (if asked) extract the uploaded file: in a worker thread, since reading a PDF
    or a Word file is CPU work that would otherwise stop every other request."""
    context = web_context(request)
    extract = form["extract"]
    with tempfile.TemporaryDirectory(prefix="onward-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        source_meta = SourceMetaFile(path, {name: meta})
        limits = context.settings.read_limits
        report = ingest(context.store, [path], actor=caller.actor, source_meta=source_meta, workers=0, limits=limits)
    (event, *_) = report.events
    if event.outcome is Outcome.SKIPPED:
        reason = (event.reason or "could not be read").replace(str(path), name)
        return _page(request, caller, status_code=422, form=form, errors={"file": reason})
    added = [e.document_id for e in report.events if e.outcome is Outcome.ADDED and e.document_id]
    proposed = 0
    if extract and added:
        for document_id in added:
            extraction = run_extraction(context.store, extract_incidents, actor=caller.actor, document_id=document_id)
            proposed += extraction.proposed
    audit.record(
        request,
        caller.actor,
        audit.Action.DOCUMENT_INGEST,
        file=name,
        documents=[e.document_id for e in report.events if e.document_id],
        added=len(added),
        proposed=proposed if extract else None,
    )
    outcome = "added" if added else "unchanged"
    return redirect(f"/documents?flash={outcome}-{len(added)}-{proposed}")
