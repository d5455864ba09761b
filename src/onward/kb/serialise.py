"""Knowledge-base records as plain JSON: what ``--format json`` prints and what the web API returns.

Every value carries its sources and verification, and a conflict is written as the preferred
value plus ``alternatives`` — a script reading Kazakhstan's summary sees both counts of the 2006
Ukrainian deportation just as a person reading the terminal does.
"""

from __future__ import annotations

from typing import Any

from onward.kb.facts import Fact
from onward.kb.history import HistoryEntry
from onward.kb.loader import LoadReport
from onward.kb.membership import Membership, start_dates
from onward.kb.records import KnownIncident, KnownJudgment, SubjectFacts
from onward.kb.summary import Indicator, StateSummary
from onward.model.statement import Statement


def statement_json(statement: Statement) -> dict[str, Any]:
    return {"id": statement.content_id(), **statement.model_dump(mode="json", exclude_none=True)}


def fact_json(fact: Fact) -> dict[str, Any]:
    data: dict[str, Any] = {
        "value": fact.value,
        "sources": fact.citations(),
        "verification": fact.verification.value,
        "statements": [s.content_id() for s in fact.statements],
    }
    if fact.alternatives:
        data["alternatives"] = [fact_json(alternative) for alternative in fact.alternatives]
    return data


def _facts_json(record: SubjectFacts) -> dict[str, Any]:
    return {name: [fact_json(f) for f in facts] for name, facts in sorted(record.facts.items())}


def qualification_json(statement: Statement, membership: Membership) -> dict[str, Any]:
    """A reservation or declaration: what it says, from when, whether withdrawn by ``as_of``, and its source."""
    value = statement.value if isinstance(statement.value, dict) else {}
    until = statement.valid_to
    return {
        "kind": statement.property,
        "article": value.get("article"),
        "text": value.get("text"),
        "since": str(statement.valid_from) if statement.valid_from else None,
        "until": str(until) if until else None,
        "withdrawn": until is not None and until.latest() <= membership.as_of,
        "source": statement.source,
        "locator": statement.locator,
        "verification": statement.verification.value,
        "note": statement.note,
    }


def membership_json(membership: Membership) -> dict[str, Any]:
    return {
        "instrument": membership.instrument,
        "status": membership.status.value,
        "since": str(membership.since) if membership.since else None,
        "until": str(membership.until) if membership.until else None,
        "ended": membership.ended,
        "since_by_source": start_dates(membership.statements),
        "reason": membership.reason,
        "sources": list(dict.fromkeys(s.source for s in membership.statements)),
        "qualifications": [qualification_json(q, membership) for q in membership.qualifications],
    }


def indicator_json(indicator: Indicator) -> dict[str, Any]:
    return {"name": indicator.name, "year": indicator.year, **fact_json(indicator.fact)}


def incident_json(known: KnownIncident) -> dict[str, Any]:
    return {
        "id": known.id,
        "incident": known.incident.model_dump(mode="json", exclude_none=True) if known.incident else None,
        "problem": known.problem,
        "conflicts": sorted(known.conflicts),
        "facts": _facts_json(known),
    }


def judgment_json(known: KnownJudgment) -> dict[str, Any]:
    return {
        "application_no": known.application_no,
        "case_name": known.text("case_name"),
        "judgment_date": str(known.judgment_date) if known.judgment_date else None,
        "conflicts": sorted(known.conflicts),
        "facts": _facts_json(known),
    }


def summary_json(summary: StateSummary) -> dict[str, Any]:
    return {
        "state": summary.code,
        "name": summary.name,
        "as_of": summary.as_of.isoformat(),
        "names": [fact_json(f) for f in summary.names],
        "aliases": [fact_json(f) for f in summary.aliases],
        "memberships": [membership_json(m) for m in summary.memberships],
        "indicators": [indicator_json(i) for i in summary.indicators],
        "incidents_from": [incident_json(i) for i in summary.incidents_from],
        "incidents_to": [incident_json(i) for i in summary.incidents_to],
        "judgments": [judgment_json(j) for j in summary.judgments],
    }


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        **statement_json(entry.statement),
        "id": entry.id,
        "known_from_effective": entry.known_from.isoformat() if entry.known_from else None,
        "loaded_at": entry.loaded_at.isoformat(),
        "loaded_by": entry.loaded_by,
        "superseded_by": list(entry.superseded_by),
        "current": entry.current,
    }


def load_report_json(report: LoadReport) -> dict[str, Any]:
    return {
        "dataset": report.dataset,
        "statements_added": report.statements_added,
        "statements_unchanged": report.statements_unchanged,
        "duplicates_in_input": report.duplicates_in_input,
        "statements_differing": list(report.statements_differing),
        "sources_added": report.sources_added,
        "sources_updated": report.sources_updated,
        "sources_unchanged": report.sources_unchanged,
    }
