"""Running the extractor over stored passages and queuing what it proposes for review.

``onward extract --document doc-3f9a…`` hands each passage of that document to the extractor with
the year and state it is about (so "in March" takes the report's year); every incident it
proposes is stored as a pending proposal, once: running it again adds nothing. Only with
``auto_accept`` (``onward extract --auto-accept``, asked for explicitly) do proposals enter the
knowledge base without a person's review, and then as unverified statements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from onward.errors import InputError
from onward.evidence.review import auto_accept as accept_unreviewed
from onward.model.evidence import StoredPassage
from onward.model.incident import ExtractedIncident
from onward.store import Store
from onward.store import evidence as evidence_store
from onward.store import evidence_review as review_store


class Extractor(Protocol):
    """``onward.evidence.extract.extract_incidents``, or any function of the same shape."""

    def __call__(self, text: str, *, year: int | None, country: str | None) -> list[ExtractedIncident]: ...


@dataclass
class ExtractionReport:
    passages: int = 0
    proposed: int = 0
    already_proposed: int = 0
    auto_accepted: int = 0
    new_ids: list[int] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.passages} passages read: {self.proposed} new proposals, {self.already_proposed} already queued"
        if self.auto_accepted:
            text += f"; {self.auto_accepted} accepted without review (--auto-accept), as unverified statements"
        return text


def _year(passage: StoredPassage) -> int | None:
    if passage.year is not None:
        return passage.year
    date = passage.document_date
    return int(date[:4]) if date else None


def run_extraction(
    store: Store,
    extractor: Extractor,
    *,
    actor: str,
    document_id: str | None = None,
    auto_accept: bool = False,
    on_passage: Callable[[StoredPassage], None] | None = None,
) -> ExtractionReport:
    """Propose incidents from the passages of one document (or of all, when ``document_id`` is None)."""
    if document_id is not None:
        evidence_store.get_document(store, document_id)
    passages = evidence_store.document_passages(store, document_id)
    if not passages:
        raise InputError("no passages to read", hint="ingest documents first: `onward ingest FILE…`")
    name = f"{getattr(extractor, '__module__', '')}.{getattr(extractor, '__qualname__', type(extractor).__name__)}"
    report = ExtractionReport()
    for passage in passages:
        report.passages += 1
        incidents = extractor(passage.text, year=_year(passage), country=passage.country)
        if incidents:
            documents = [incident.model_dump(mode="json") for incident in incidents]
            added = review_store.add_proposals(store, passage.id, documents, extractor=name, actor=actor)
            report.proposed += len(added)
            report.already_proposed += len(documents) - len(added)
            report.new_ids.extend(added)
        if on_passage is not None:
            on_passage(passage)
    if auto_accept:
        for proposal_id in report.new_ids:
            accept_unreviewed(store, proposal_id, actor=actor)
            report.auto_accepted += 1
    return report
