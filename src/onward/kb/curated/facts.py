"""What a curated entry asserts, field by field, before it is multiplied by the sources that assert it.

The incident ``ua-uz-2006-02`` asserts a kind, a status, two states and — under ``claims:`` — two
counts from two sources; each becomes a ``Fact`` carrying its own citations. Dates and enums are
stored as the text the knowledge base reads (``deportation``, ``2012-10-17/2012-10-19``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from onward.kb.curated.document import INCIDENT_FIELDS, Claim, CuratedIncident, CuratedStatement, Instrument
from onward.model.dates import EventDate, PartialDate
from onward.model.source import Citation, Verification
from onward.model.statement import JsonScalar

StatementValue = JsonScalar | list[JsonScalar] | dict[str, Any]


@dataclass(frozen=True)
class Fact:
    """What one entry asserts, before it is multiplied by the sources that assert it."""

    subject: str
    property: str
    value: StatementValue
    sources: Sequence[Citation]
    raw_value: str | None = None
    verification: Verification | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    known_from: PartialDate | None = None
    note: str | None = None


def instrument_facts(instrument: Instrument) -> list[Fact]:
    """Name, kind and dates of an instrument, each cited to the instrument's sources."""
    subject = f"instrument:{instrument.id}"
    values: dict[str, StatementValue] = {
        "name": instrument.name,
        "kind": instrument.kind.value,
        "short_name": instrument.short_name,
        "adopted": instrument.adopted.isoformat() if instrument.adopted else None,
        "in_force": instrument.in_force.isoformat() if instrument.in_force else None,
        "organisation": instrument.organisation,
        "depositary": instrument.depositary,
        "parent": f"instrument:{instrument.parent}" if instrument.parent else None,
        "url": instrument.url,
    }
    # A treaty's adoption and entry into force are public acts, known from the day they happen: a
    # view as of 2005 must not learn that OP-CAT will enter into force in 2006.
    known = {"in_force": instrument.in_force}
    facts = [
        Fact(
            subject,
            prop,
            value,
            instrument.sources,
            verification=instrument.verification,
            known_from=known.get(prop, instrument.adopted),
            note=instrument.note,
        )
        for prop, value in values.items()
        if value is not None
    ]
    for field, claims in instrument.claims.items():
        facts.extend(_claim_fact(subject, field, claim) for claim in claims)
    return facts


def incident_facts(incident: CuratedIncident) -> list[Fact]:
    """Every field an incident asserts: plain fields cite the incident's sources, claims their own."""
    subject = f"incident:{incident.id}"
    facts = []
    for field in INCIDENT_FIELDS:
        value = getattr(incident, field)
        if value is not None:
            facts.append(
                Fact(
                    subject,
                    field,
                    _plain(value),
                    incident.sources,
                    verification=incident.verification,
                    note=incident.note if field == "kind" else None,
                )
            )
        for claim in incident.claims.get(field, []):
            facts.append(_claim_fact(subject, field, claim))
    for related in incident.related:
        facts.append(Fact(subject, "related", related, incident.sources, verification=incident.verification))
    return facts


def _claim_fact(subject: str, field: str, claim: Claim) -> Fact:
    return Fact(
        subject,
        field,
        _plain(claim.value),
        claim.sources,
        raw_value=claim.raw_value,
        verification=claim.verification,
        known_from=claim.known_from,
        note=claim.note,
    )


def free_fact(statement: CuratedStatement) -> Fact:
    return Fact(
        statement.subject,
        statement.property,
        _plain(statement.value),
        statement.sources,
        raw_value=statement.raw_value,
        verification=statement.verification,
        valid_from=statement.valid_from,
        valid_to=statement.valid_to,
        known_from=statement.known_from,
        note=statement.note,
    )


def _plain(value: object) -> StatementValue:
    """Enums and dates as the text the knowledge base stores (``deportation``, ``2012-10-17/2012-10-19``)."""
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    return _scalar(value)


def _scalar(value: object) -> JsonScalar:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, EventDate | PartialDate):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in a statement")
