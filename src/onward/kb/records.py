"""Incidents and judgments assembled from their statements, every conflicting value kept with its source.

Leonid Razvozzhaev was seized in Kyiv on 17 October 2012 according to one source and on the 19th
according to another: the assembled ``Incident`` carries the range ``2012-10-17/2012-10-19`` and
``conflicts["date"]`` holds both facts, each with its source. For other fields the preferred
value (verified first, then the best supported) fills the ``Incident``; the others stay visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from onward.kb import vocabulary as v
from onward.kb.facts import Fact, StatementValue, by_property, conflicts, most_precise, value_key
from onward.model.dates import EventDate, PartialDate
from onward.model.incident import Incident
from onward.model.source import Citation
from onward.model.statement import Statement

_LIST_FIELDS = (v.SUBJECTS, v.PROFILE)


@dataclass(frozen=True)
class SubjectFacts:
    """Every visible fact about one subject (an incident, a judgment), property by property."""

    subject: str
    facts: dict[str, list[Fact]]

    @property
    def id(self) -> str:
        return v.split_subject(self.subject)[1]

    def value(self, name: str) -> StatementValue:
        """The preferred value of ``name``, or None when nothing is known."""
        found = self.facts.get(name)
        return found[0].value if found else None

    def values(self, name: str) -> list[StatementValue]:
        return [fact.value for fact in self.facts.get(name, [])]

    def text(self, name: str) -> str | None:
        value = self.value(name)
        return None if value is None else str(value)

    @property
    def conflicts(self) -> dict[str, list[Fact]]:
        return conflicts(self.facts)

    @property
    def statements(self) -> list[Statement]:
        return [s for found in self.facts.values() for fact in found for s in fact.statements]

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s.source for s in self.statements))


@dataclass(frozen=True)
class KnownIncident(SubjectFacts):
    """An incident as the view knows it; ``incident`` is None when a required field is missing."""

    incident: Incident | None
    problem: str | None

    def involves(self, name: str, state: str) -> bool:
        """True when any source gives ``state`` for ``name`` (``from_state``/``to_state``)."""
        return state in self.values(name)


@dataclass(frozen=True)
class KnownJudgment(SubjectFacts):
    """A judgment (subject ``judgment:<application no>``) and the removal it concerns."""

    @property
    def application_no(self) -> str:
        return self.id

    @property
    def judgment_date(self) -> PartialDate | None:
        value = self.value(v.JUDGMENT_DATE)
        return PartialDate.parse(str(value)) if value else None

    def involves(self, state: str) -> bool:
        return any(state in self.values(name) for name in (v.RESPONDENT, v.DESTINATION, v.ONWARD_DESTINATION))


def _date_range(facts: Sequence[Fact]) -> EventDate | None:
    # Sources that disagree on a date become one range spanning them (model/dates.py: EventDate).
    dates = [EventDate.parse(str(fact.value)) for fact in most_precise(facts)]
    if not dates:
        return None
    if len(dates) == 1:
        return dates[0]
    first = min(dates, key=lambda d: d.earliest())
    last = max(dates, key=lambda d: d.latest())
    return EventDate(start=first.start, end=last.end or last.start)


def _citations(statements: Sequence[Statement]) -> list[Citation]:
    seen: dict[tuple[str, str | None], Citation] = {}
    for s in statements:
        seen.setdefault((s.source, s.locator), Citation(source=s.source, locator=s.locator, quote=s.quote))
    return list(seen.values())


def assemble_incident(subject: str, statements: Sequence[Statement]) -> KnownIncident:
    """Build the ``Incident`` from preferred values, keeping every fact and conflict beside it."""
    facts = by_property(statements)
    fields: dict[str, Any] = {"id": v.split_subject(subject)[1]}
    for name in v.INCIDENT_PROPERTIES:
        found = facts.get(name)
        if not found:
            continue
        if name == v.DATE:
            try:
                fields[name] = _date_range(found)
            except ValidationError:
                fields[name] = found[0].value
        elif name in _LIST_FIELDS:
            # Every source's names and profiles together: one source may name a person another omits.
            values = [x for fact in found for x in (fact.value if isinstance(fact.value, list) else [fact.value])]
            unique: dict[str, Any] = {}
            for item in values:
                unique.setdefault(value_key(item), item)
            fields[name] = list(unique.values())
        else:
            fields[name] = found[0].value
    fields["sources"] = _citations(statements)
    try:
        incident: Incident | None = Incident.model_validate(fields)
        problem = None
    except ValidationError as exc:
        incident = None
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False))
    return KnownIncident(subject=subject, facts=facts, incident=incident, problem=problem)


def assemble_judgment(subject: str, statements: Sequence[Statement]) -> KnownJudgment:
    return KnownJudgment(subject=subject, facts=by_property(statements))
