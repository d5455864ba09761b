"""Reviewing proposed incidents: accept (possibly edited), reject, or merge into a known incident.

The extractor proposes "UA → UZ deportation, February 2006, 11 Uzbek asylum seekers" from a
passage; a researcher checks it against the quote and decides. Accepting turns the proposal into
knowledge-base statements, one per field (kind, status, from_state, to_state, date…), each citing
the document as its source, the passage's locator and character span, and the exact quote. Merging
adds the same statements to an incident already in the knowledge base, so that a second source
corroborates it, or disagrees with it field by field (UNHCR's 11 against HRW's 10 people: a
conflict the knowledge base shows, never resolves). A person's acceptance makes the statements
``verified`` (the reviewer read the quote in the source); ``--auto-accept`` marks them
``unverified``. Every decision is logged with who and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from onward.errors import ConflictError, InputError, NotFoundError
from onward.kb import vocabulary
from onward.kb.loader import load_dataset
from onward.model.dates import PartialDate
from onward.model.evidence import StoredPassage
from onward.model.incident import ExtractedIncident
from onward.model.source import Source, Verification
from onward.model.statement import Statement
from onward.store import Store
from onward.store import evidence as evidence_store
from onward.store import evidence_review as review_store
from onward.store import kb as kb_store

DATASET = "review"
EDITABLE = ("kind", "status", "from_state", "to_state", "subjects", "subject_count", "profile", "date")
_LISTS = ("subjects", "profile")


class UnknownIncidentError(NotFoundError):
    """A merge names an incident the knowledge base does not hold."""


@dataclass(frozen=True)
class Decision:
    """A logged decision and what it put into the knowledge base."""

    proposal_id: int
    action: str
    incident_id: str | None
    statements: list[str]


def parse_edits(pairs: list[str]) -> dict[str, Any]:
    """``["to_state=UZ", "subjects=A. B., C. D.", "subject_count=11"]`` → field values (``null`` clears one)."""
    edits: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or name not in EDITABLE:
            raise InputError(
                f"--edit {pair!r}: expected FIELD=VALUE with FIELD one of {', '.join(EDITABLE)}",
                hint="e.g. --edit to_state=UZ --edit date=2006-02",
            )
        value = value.strip()
        if value.lower() in ("", "null", "none"):
            edits[name] = [] if name in _LISTS else None
        elif name in _LISTS:
            edits[name] = [item.strip() for item in value.split(";" if ";" in value else ",") if item.strip()]
        else:
            edits[name] = value.upper() if name in ("from_state", "to_state") else value
    return edits


def editable_text(incident: dict[str, Any]) -> dict[str, str]:
    """The editable fields of a proposed incident as a reviewer types them (lists joined by "; ")."""
    text: dict[str, str] = {}
    for name in EDITABLE:
        value = incident.get(name)
        if isinstance(value, list):
            text[name] = "; ".join(str(item) for item in value)
        else:
            text[name] = "" if value is None else str(value)
    return text


def edits_from_text(incident: dict[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The corrections in ``fields`` (typed text, as ``editable_text`` writes it): those that change a value."""
    before = parse_edits([f"{name}={value}" for name, value in editable_text(incident).items()])
    after = parse_edits([f"{name}={value}" for name, value in fields.items()])
    return {name: value for name, value in after.items() if value != before.get(name)}


def _message(text: str, found: object) -> str:
    """A validator's message as a reader sees it: no "Value error," prefix, the value typed named once."""
    text = text.removeprefix("Value error, ")
    return text if repr(found) in text else f"{text}; found {found!r}"


def edit_problems(incident: dict[str, Any], edits: dict[str, Any]) -> dict[str, str]:
    """What is wrong with the corrected incident, one message per field (empty when it is valid)."""
    expected = f"not an editable field (expected one of {', '.join(EDITABLE)})"
    problems = {name: expected for name in edits if name not in EDITABLE}
    try:
        ExtractedIncident.model_validate({**incident, **edits})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            field = str(error["loc"][0]) if error["loc"] else "incident"
            problems.setdefault(field, _message(error["msg"], error.get("input")))
    return problems


def _edited(proposal: review_store.ProposalRow, edits: dict[str, Any]) -> ExtractedIncident:
    try:
        return ExtractedIncident.model_validate({**proposal.incident, **edits})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"])
        raise InputError(
            f"proposal {proposal.id}: --edit {field}: {_message(error['msg'], error.get('input'))}"
        ) from exc


def _source(store: Store, passage: StoredPassage) -> Source:
    document = evidence_store.get_document(store, passage.document_id)
    return Source(
        id=document.source_id,
        publisher=document.publisher or "publisher not recorded",
        title=document.title,
        date=document.date,
        url=document.url,
        language=document.language,
        verification=Verification(document.verification),
        note=f"ingested from {document.path} (evidence document {document.id})",
    )


def incident_statements(
    incident: ExtractedIncident,
    *,
    incident_id: str,
    passage: StoredPassage,
    verification: Verification,
    actor: str,
    known_from: PartialDate | None = None,
) -> list[Statement]:
    """One statement per known field of the incident, each citing the passage and the exact quote."""
    start, end = passage.char_start + incident.quote_start, passage.char_start + incident.quote_end
    values: dict[str, Any] = {
        vocabulary.KIND: incident.kind.value,
        vocabulary.STATUS: incident.status.value,
        vocabulary.FROM_STATE: incident.from_state,
        vocabulary.TO_STATE: incident.to_state,
        vocabulary.SUBJECTS: list(incident.subjects) or None,
        vocabulary.SUBJECT_COUNT: incident.subject_count,
        vocabulary.PROFILE: [p.value for p in incident.profile] or None,
        vocabulary.DATE: incident.date.isoformat() if incident.date else None,
    }
    return [
        Statement(
            subject=vocabulary.subject("incident", incident_id),
            property=name,
            value=value,
            source=passage.source_id,
            locator=f"{passage.locator.split(', chars ')[0]}, chars {start}–{end} (passage {passage.id})",
            quote=incident.quote,
            verification=verification,
            known_from=known_from,
            dataset=DATASET,
            asserted_by=actor,
        )
        for name, value in values.items()
        if value is not None
    ]


def _incident_id(incident: ExtractedIncident, proposal_id: int) -> str:
    parts = [incident.from_state or "xx", incident.to_state or "xx", incident.date.isoformat() if incident.date else ""]
    return "-".join(p.lower() for p in parts if p) + f"-p{proposal_id}"


def _pending(store: Store, proposal_id: int) -> review_store.ProposalRow:
    proposal = review_store.get_proposal(store, proposal_id)
    if proposal.status != review_store.PENDING:
        raise ConflictError(f"proposal {proposal_id} is already {proposal.status}", hint="`onward review log` shows it")
    return proposal


def _enter(store: Store, proposal_id: int, edits: dict[str, Any], into: str | None, actor: str, auto: bool) -> Decision:
    proposal = _pending(store, proposal_id)
    incident = _edited(proposal, edits)
    passage = evidence_store.get_passage(store, proposal.passage_id)
    incident_id = into or _incident_id(incident, proposal_id)
    verification = Verification.UNVERIFIED if auto else Verification.VERIFIED
    # A document without a publication date is known from the day it was reviewed, never "always":
    # otherwise an as-of view (a backtest) could see a fact before anyone could have read it.
    known_from = None if passage.document_date else PartialDate.of(store.clock().date())
    statements = incident_statements(
        incident,
        incident_id=incident_id,
        passage=passage,
        verification=verification,
        actor=actor,
        known_from=known_from,
    )
    load_dataset(store, dataset=DATASET, sources=[_source(store, passage)], statements=statements, actor=actor)
    action = "merge" if into else ("auto-accept" if auto else "accept")
    ids = [s.content_id() for s in statements]
    review_store.record_decision(
        store,
        proposal_id,
        action=action,
        status="merged" if into else "accepted",
        actor=actor,
        edits=edits,
        incident_id=incident_id,
        statements=ids,
    )
    return Decision(proposal_id, action, incident_id, ids)


def accept(store: Store, proposal_id: int, *, actor: str, edits: dict[str, Any] | None = None) -> Decision:
    """Accept a proposal (with a reviewer's corrections) as a new incident in the knowledge base."""
    return _enter(store, proposal_id, edits or {}, None, actor, auto=False)


def auto_accept(store: Store, proposal_id: int, *, actor: str) -> Decision:
    """Accept without a person's review: only on ``onward extract --auto-accept``; statements stay unverified."""
    return _enter(store, proposal_id, {}, None, actor, auto=True)


def merge(store: Store, proposal_id: int, *, into: str, actor: str, edits: dict[str, Any] | None = None) -> Decision:
    """Add the proposal's statements to incident ``into`` (an id such as ``ua-uz-2006-02``) as another source."""
    incident_id = into.removeprefix("incident:")
    with store.read() as connection:
        known = kb_store.select_statements(
            connection, as_of=None, subjects=[vocabulary.subject("incident", incident_id)]
        )
    if not known:
        raise UnknownIncidentError(
            f"no incident {incident_id!r} in the knowledge base", hint="accept the proposal instead, or check the id"
        )
    return _enter(store, proposal_id, edits or {}, incident_id, actor, auto=False)


def reject(store: Store, proposal_id: int, *, actor: str, reason: str | None = None) -> Decision:
    """Reject a proposal; the reason is kept in the log (e.g. "domestic arrest, not a transfer")."""
    _pending(store, proposal_id)
    review_store.record_decision(store, proposal_id, action="reject", status="rejected", actor=actor, reason=reason)
    return Decision(proposal_id, "reject", None, [])
