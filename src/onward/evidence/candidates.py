"""Which incidents already in the knowledge base a proposal may describe again, most likely first.

A second report of "Ukraine returned 11 Uzbek asylum seekers in February 2006" should be merged into
the incident the first report created, so that the two sources corroborate (or contradict) each other
field by field, rather than become two incidents. A reviewer picks the incident; this module only
orders the plausible ones: an incident is a candidate when a source gives it one of the proposal's
states on the same side, and it ranks higher with both states, the same (or a related) kind and a
nearby date.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from onward.kb import vocabulary as v
from onward.kb.records import KnownIncident
from onward.kb.view import KnowledgeView
from onward.model.dates import EventDate
from onward.model.incident import ExtractedIncident, IncidentKind

NEARBY_DAYS = 366
"""Dates this close (between the nearest ends of the two periods) count as nearby."""

_WEIGHTS = {"to_state": 3, "from_state": 2, "kind": 1, "related kind": 1, "same period": 2, "nearby date": 1}
# Removals outside extradition that one report calls a deportation and another a forcible return or a
# push-back at the border: a related kind, as likely to be the same transfer as the same kind.
_REMOVALS = frozenset({IncidentKind.DEPORTATION, IncidentKind.FORCIBLE_RETURN, IncidentKind.BORDER_REFOULEMENT})


@dataclass(frozen=True)
class Candidate:
    """A known incident that may be the proposal's, with why (``reasons``) and a score to rank by."""

    incident: KnownIncident
    score: int
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.incident.id


def _gap_days(first: EventDate, second: EventDate) -> int:
    """Days between two periods; 0 when they overlap."""
    if first.latest() < second.earliest():
        return (second.earliest() - first.latest()).days
    if second.latest() < first.earliest():
        return (first.earliest() - second.latest()).days
    return 0


def _date_reason(proposed: EventDate | None, known: KnownIncident) -> str | None:
    dates = known.incident.date if known.incident else None
    if proposed is None or dates is None:
        return None
    gap = _gap_days(proposed, dates)
    if gap == 0:
        return "same period"
    return "nearby date" if gap <= NEARBY_DAYS else None


def _reasons(proposal: ExtractedIncident, known: KnownIncident) -> tuple[str, ...]:
    reasons = [
        name
        for name in (v.TO_STATE, v.FROM_STATE)
        if getattr(proposal, name) is not None and known.involves(name, getattr(proposal, name))
    ]
    if not reasons:  # no shared state: whatever else matches, it is another transfer
        return ()
    kinds = {str(kind) for kind in known.values(v.KIND)}
    if proposal.kind.value in kinds:
        reasons.append(v.KIND)
    elif proposal.kind in _REMOVALS and kinds & {kind.value for kind in _REMOVALS}:
        reasons.append("related kind")
    date = _date_reason(proposal.date, known)
    if date is not None:
        reasons.append(date)
    return tuple(reasons)


def rank_candidates(proposal: ExtractedIncident, known: list[KnownIncident], *, limit: int = 5) -> list[Candidate]:
    """The ``limit`` best candidates among ``known`` for ``proposal``, best first (ties: by id)."""
    found = []
    for incident in known:
        reasons = _reasons(proposal, incident)
        if reasons:
            found.append(Candidate(incident, sum(_WEIGHTS[r] for r in reasons), reasons))
    found.sort(key=lambda c: (-c.score, c.id))
    return found[:limit]


def candidates_for(
    view: KnowledgeView, incident: ExtractedIncident | dict[str, Any], *, limit: int = 5
) -> list[Candidate]:
    """The incidents ``view`` knows that the proposed ``incident`` most likely describes again.

    ``incident`` is the proposal's (``ProposalRow.incident``, or already validated); one view serves a
    whole queue, since it reads the knowledge base's incidents once.
    """
    if isinstance(incident, dict):
        try:
            incident = ExtractedIncident.model_validate(incident)
        except ValidationError:
            return []
    return rank_candidates(incident, view.incidents(), limit=limit)
