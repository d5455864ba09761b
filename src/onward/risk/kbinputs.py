"""From the knowledge base to the engine's inputs: a ``KnowledgeView`` read once into ``RiskInputs``.

Kazakhstan's PTS levels, Russia's ECHR membership until 16 September 2022, Ukraine's deportation
of Uzbek asylum seekers in February 2006 with its disputed head count, and Baysakov and Others v
Ukraine all come out of the view as statements with sources; this adapter turns them into the
engine's records, every one keeping references to the statements it rests on. It is the only
part of the risk engine that knows the knowledge base exists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from onward.kb import vocabulary as v
from onward.kb.membership import MembershipStatus, membership_at
from onward.kb.records import KnownIncident, KnownJudgment
from onward.kb.view import KnowledgeView
from onward.model.statement import Statement
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import Indicator, Judgment, Membership, RiskInputs, StateFacts, TransferEvent
from onward.risk.params import RiskParams
from onward.risk.transfer import SAFEGUARDS

INDICATORS = (*v.PTS_PROPERTIES, v.FIW_STATUS)
MEMBERSHIP_READ = (v.PARTY_TO, v.MEMBER_OF, v.NOT_PARTY_TO)


def ref(statement: Statement, label: str | None = None) -> EvidenceRef:
    return EvidenceRef(
        source=statement.source,
        subject=statement.subject,
        statement=statement.content_id(),
        locator=statement.locator,
        quote=statement.quote,
        verification=str(statement.verification),
        label=label,
    )


def _refs(statements: Iterable[Statement], label: str | None = None) -> tuple[EvidenceRef, ...]:
    seen: dict[tuple[str, str | None], EvidenceRef] = {}
    for statement in statements:
        seen.setdefault((statement.source, statement.locator), ref(statement, label))
    return tuple(seen.values())


def _states(view: KnowledgeView, instruments: Sequence[str], years: int) -> dict[str, StateFacts]:
    by_state: dict[str, list[Statement]] = defaultdict(list)
    known: dict[str, dt.date | None] = {}
    for name in (*INDICATORS, *MEMBERSHIP_READ):
        for stored in view.stored(property=name):
            prefix, code = v.split_subject(stored.statement.subject)
            if prefix == v.STATE:
                by_state[code].append(stored.statement)
                public = stored.statement.known_from or stored.source_date or stored.statement.valid_from
                known[stored.statement.content_id()] = public.latest() if public is not None else None
    states: dict[str, StateFacts] = {}
    for code, statements in by_state.items():
        indicators = [
            Indicator(
                name=s.property,
                value=s.value if isinstance(s.value, int | float | str) else str(s.value),
                year=_year(s, view.as_of.year),
                evidence=(ref(s, f"{s.property.upper()} {code} {s.valid_from}"),),
                known=known.get(s.content_id()),
            )
            for s in _recent_indicators(statements, view.as_of.year, years)
        ]
        memberships = []
        not_party = set()
        for instrument in instruments:
            standing = membership_at(code, instrument, view.as_of, statements)
            if standing.status is MembershipStatus.NOT_PARTY:
                not_party.add(instrument)
            if standing.is_party:
                memberships.append(
                    Membership(
                        instrument=instrument,
                        since=standing.since.latest() if standing.since else None,
                        until=standing.until.latest() if standing.until else None,
                        evidence=_refs(standing.statements, f"{code}: {instrument} ({standing.reason})"),
                    )
                )
        states[code] = StateFacts(
            code=code, indicators=tuple(indicators), memberships=tuple(memberships), not_party=frozenset(not_party)
        )
    return states


def _recent_indicators(statements: Sequence[Statement], year: int, years: int) -> list[Statement]:
    """For each indicator, every statement for its latest year up to ``year`` and the ``years`` before it.

    All sources are kept (to show conflicts); the earlier years give the trend (ex nunc).
    """
    latest: dict[str, int] = {}
    for s in statements:
        if s.property in INDICATORS and s.value is not None and _year(s, year) <= year:
            latest[s.property] = max(latest.get(s.property, 0), _year(s, year))
    return [
        s
        for s in statements
        if s.property in latest
        and s.value is not None
        and latest[s.property] - years <= _year(s, year) <= latest[s.property]
    ]


def _year(statement: Statement, default: int) -> int:
    """The year an indicator rates: its validity (a PTS score for 2014 is valid for 2014)."""
    covered = statement.valid_to or statement.valid_from
    return covered.year if covered is not None else default


def _transfer(known: KnownIncident) -> TransferEvent | None:
    incident = known.incident
    if incident is None or incident.from_state is None or incident.to_state is None:
        return None
    counts = [c for c in known.values(v.SUBJECT_COUNT) if isinstance(c, int)]
    verifications = {str(s.verification) for s in known.statements}
    best = next((x for x in ("verified", "partial", "unverified") if x in verifications), "unverified")
    label = incident.description or incident.group or ", ".join(incident.subjects) or known.id
    return TransferEvent(
        id=known.subject,
        kind=str(incident.kind),
        status=str(incident.status),
        from_state=incident.from_state,
        to_state=incident.to_state,
        date=incident.date.latest() if incident.date else None,
        profiles=frozenset(str(p) for p in incident.profile),
        subject_count=min(counts) if counts else incident.subject_count,
        count_disputed=len(set(counts)) > 1,
        despite_interim_measures=bool(incident.despite_interim_measures),
        verification=best,
        label=label[:120],
        evidence=_refs(known.statements, label[:80]),
    )


def _text(known: KnownJudgment, name: str) -> str:
    return known.text(name) or ""


def _flat(values: Iterable[object]) -> list[str]:
    """Values that may each be a scalar or a list, as one flat list of non-empty strings."""
    found: list[str] = []
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            if item:
                found.append(str(item))
    return found


# Whether the applicant was actually removed, where a judgments file records it (a yes/no column).
REMOVAL_HAPPENED = "removal_happened"


def _happened(known: KnownJudgment) -> bool | None:
    values = [value for value in known.values(REMOVAL_HAPPENED) if value is not None]
    if not values:
        return None
    text = str(values[0]).strip().lower()
    return text in ("true", "yes", "1") if text in ("true", "yes", "1", "false", "no", "0") else None


def _judgment(known: KnownJudgment, withheld: bool) -> Judgment | None:
    date = known.judgment_date
    respondent, destination = known.text(v.RESPONDENT), known.text(v.DESTINATION)
    if date is None or respondent is None or destination is None:
        return None
    flat = _flat(known.values(v.APPLICANT_PROFILE))
    status = _text(known, v.REMOVAL_STATUS)
    name = _text(known, v.CASE_NAME) or known.id
    verifications = {str(s.verification) for s in known.statements}
    outcome_statements = [s for s in known.statements if s.property == v.ART3_OUTCOME]
    judgment = Judgment(
        id=known.id,
        name=name,
        date=date.latest(),
        respondent=respondent,
        destination=destination,
        onward_destinations=tuple(dict.fromkeys(_flat(known.values(v.ONWARD_DESTINATION)))),
        removal=_text(known, v.REMOVAL) or "extradition",
        removal_status=status,
        profiles=frozenset(flat),
        assurances_offered="assurance" in status.lower(),
        verification=next((x for x in ("verified", "partial", "unverified") if x in verifications), "unverified"),
        evidence=_refs([s for s in known.statements if not v.is_outcome(s.property)] + outcome_statements, name),
        incident=known.text(v.CONCERNS_INCIDENT),
        removal_happened=_happened(known),
        art3=known.text(v.ART3_OUTCOME),
    )
    return judgment.withheld() if withheld else judgment


def inputs_from_view(view: KnowledgeView, params: RiskParams) -> RiskInputs:
    """Everything the engine needs, read from ``view`` (which already hides what was unknown at its date)."""
    instruments = [*params.transfer.channel_logit, *SAFEGUARDS]
    transfers = [t for t in (_transfer(k) for k in view.incidents()) if t is not None]
    judgments = [j for j in (_judgment(k, view.withhold_outcomes) for k in view.judgments()) if j is not None]
    states = _states(view, instruments, params.direct.trend_years)
    return RiskInputs(as_of=view.as_of, states=states, transfers=tuple(transfers), judgments=tuple(judgments))
