"""The review queue in the store: proposals waiting for a person, the append-only decision log, evidence links.

When the extractor reads "Ukraine forcibly returned 11 Uzbek asylum seekers to Uzbekistan" it
stores a *proposal*; nothing reaches the knowledge base until a person accepts it. Each proposal
is stored once per passage (its fingerprint), so running the extractor again adds nothing. Every
decision (accept, reject, merge) is a new row of ``evidence_decisions`` with who and when, never
updated; the proposal's ``status`` only mirrors the latest decision so that the queue can be
listed quickly, and it moves from ``pending`` once, guarded against two reviewers deciding at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from onward.errors import ConflictError, NotFoundError
from onward.store.engine import Store
from onward.store.tables_evidence import evidence_decisions, evidence_links, evidence_passages, evidence_proposals

PENDING = "pending"


@dataclass(frozen=True)
class ProposalRow:
    id: int
    passage_id: str
    extractor: str
    incident: dict[str, Any]
    status: str
    created_at: dt.datetime
    created_by: str


@dataclass(frozen=True)
class DecisionRow:
    seq: int
    proposal_id: int
    action: str
    at: dt.datetime
    actor: str
    edits: dict[str, Any]
    reason: str | None
    incident_id: str | None
    statements: list[str]


@dataclass(frozen=True)
class LinkRow:
    passage_id: str
    target_kind: str
    target_id: str
    note: str | None
    at: dt.datetime
    actor: str


def fingerprint(passage_id: str, incident: dict[str, Any]) -> str:
    """The identity of a proposal: the passage and what is proposed (not the extractor's confidence)."""
    key = {k: v for k, v in incident.items() if k not in ("confidence", "rule")}
    return hashlib.sha256(json.dumps([passage_id, key], sort_keys=True, default=str).encode()).hexdigest()


def add_proposals(
    store: Store, passage_id: str, incidents: list[dict[str, Any]], *, extractor: str, actor: str
) -> list[int]:
    """Store the extractor's proposals for one passage; those already stored are left alone. New ids returned."""
    at = store.clock()
    added: list[int] = []
    with store.transaction() as connection:
        prints = {fingerprint(passage_id, incident): incident for incident in incidents}
        query = select(evidence_proposals.c.fingerprint).where(evidence_proposals.c.fingerprint.in_(list(prints)))
        known = set(connection.execute(query).scalars())
        for digest, incident in prints.items():
            if digest in known:
                continue
            values = {
                "passage_id": passage_id,
                "fingerprint": digest,
                "extractor": extractor,
                "incident": incident,
                "status": PENDING,
                "created_at": at,
                "created_by": actor,
            }
            result = connection.execute(insert(evidence_proposals).values(values).returning(evidence_proposals.c.id))
            added.append(int(result.scalar_one()))
    return added


def _proposal(row: Any) -> ProposalRow:
    return ProposalRow(row.id, row.passage_id, row.extractor, row.incident, row.status, row.created_at, row.created_by)


def list_proposals(
    store: Store, *, status: str | None = PENDING, document_id: str | None = None, limit: int | None = None
) -> list[ProposalRow]:
    """Proposals in the order they were made, optionally only those with ``status`` or from one document."""
    query = select(evidence_proposals).order_by(evidence_proposals.c.id)
    if status is not None:
        query = query.where(evidence_proposals.c.status == status)
    if document_id is not None:
        passages = select(evidence_passages.c.id).where(evidence_passages.c.document_id == document_id)
        query = query.where(evidence_proposals.c.passage_id.in_(passages))
    if limit is not None:
        query = query.limit(limit)
    with store.read() as connection:
        return [_proposal(row) for row in connection.execute(query)]


def get_proposal(store: Store, proposal_id: int) -> ProposalRow:
    with store.read() as connection:
        row = connection.execute(select(evidence_proposals).where(evidence_proposals.c.id == proposal_id)).first()
    if row is None:
        raise NotFoundError(f"no proposal with id {proposal_id}", hint="`onward review` lists the pending proposals")
    return _proposal(row)


def record_decision(
    store: Store,
    proposal_id: int,
    *,
    action: str,
    status: str,
    actor: str,
    edits: dict[str, Any] | None = None,
    reason: str | None = None,
    incident_id: str | None = None,
    statements: list[str] | None = None,
) -> DecisionRow:
    """Log a decision and move the proposal out of ``pending``; ``ConflictError`` if it was decided already."""
    at = store.clock()
    with store.transaction() as connection:
        moved = connection.execute(
            update(evidence_proposals)
            .where(evidence_proposals.c.id == proposal_id, evidence_proposals.c.status == PENDING)
            .values(status=status)
        )
        if moved.rowcount != 1:
            current = connection.execute(
                select(evidence_decisions).where(evidence_decisions.c.proposal_id == proposal_id)
            ).all()
            who = f" by {current[-1].actor} on {current[-1].at:%Y-%m-%d %H:%M}" if current else ""
            raise ConflictError(f"proposal {proposal_id} was already decided{who}", hint="`onward review log` shows it")
        values: dict[str, Any] = {
            "proposal_id": proposal_id,
            "action": action,
            "at": at,
            "actor": actor,
            "edits": edits or {},
            "reason": reason,
            "incident_id": incident_id,
            "statements": statements or [],
        }
        seq = connection.execute(insert(evidence_decisions).values(values).returning(evidence_decisions.c.seq))
        return DecisionRow(seq=int(seq.scalar_one()), **values)


def decisions(store: Store, proposal_id: int | None = None) -> list[DecisionRow]:
    """The decision log, oldest first (for one proposal, or all)."""
    query = select(evidence_decisions).order_by(evidence_decisions.c.seq)
    if proposal_id is not None:
        query = query.where(evidence_decisions.c.proposal_id == proposal_id)
    with store.read() as connection:
        rows = connection.execute(query).all()
    return [
        DecisionRow(r.seq, r.proposal_id, r.action, r.at, r.actor, r.edits, r.reason, r.incident_id, r.statements)
        for r in rows
    ]


def add_link(store: Store, passage_id: str, *, kind: str, target: str, note: str | None, actor: str) -> bool:
    """Attach a passage as evidence to a case or a statement; False when it was attached already."""
    values = {"passage_id": passage_id, "target_kind": kind, "target_id": target}
    try:
        with store.transaction() as connection:
            exists = select(evidence_links.c.seq).filter_by(**values)
            if connection.execute(exists).first() is not None:
                return False
            connection.execute(insert(evidence_links).values(**values, note=note, at=store.clock(), actor=actor))
    except IntegrityError:
        return False
    return True


def links(store: Store, *, kind: str | None = None, target: str | None = None) -> list[LinkRow]:
    """Evidence attached to a case or statement (or all links), oldest first."""
    query = select(evidence_links).order_by(evidence_links.c.seq)
    if kind is not None:
        query = query.where(evidence_links.c.target_kind == kind)
    if target is not None:
        query = query.where(evidence_links.c.target_id == target)
    with store.read() as connection:
        return [
            LinkRow(r.passage_id, r.target_kind, r.target_id, r.note, r.at, r.actor) for r in connection.execute(query)
        ]
