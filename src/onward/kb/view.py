"""The read side of the knowledge base: everything known on a given date, and nothing later.

An analysis of 18 May 2015 (the date of the seed letter) must not see a judgment of 2016 or a
report published in 2017; ``KnowledgeView(store, as_of=date(2015, 5, 18))`` cannot see them, so the
backtest, ``--as-of`` on every command and the live analysis are one code path. A statement is
visible when its ``known_from`` — else its source's date, else its ``valid_from``, a partial date
counting as its latest day — is on or before ``as_of``; a statement corrected by another visible
one is hidden (``onward kb history`` still shows it). ``withhold_outcomes=True`` also hides the
outcome of every judgment (``art3_outcome``, ``art34_outcome``), for a backtest scored on them.

Usage::

    view = KnowledgeView(store, as_of=dt.date(2015, 5, 18))
    view.membership("KZ", "CAT").status          # MembershipStatus.PARTY
    view.indicator("KZ", "pts_a", 2014)          # Fact(value=…, statements=(…), alternatives=())
    view.incidents(from_state="UA", to_state="UZ", since=2005)
    view.values("incident:ua-uz-2006-02", "subject_count")   # two facts: a conflict
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from onward.kb import vocabulary as v
from onward.kb.facts import Fact, group_facts, preferred
from onward.kb.membership import Membership, instruments_of, membership_at
from onward.kb.records import KnownIncident, KnownJudgment, assemble_incident, assemble_judgment
from onward.kb.summary import Indicator, StateSummary, display_name, indicator_at, latest_indicators
from onward.model.dates import PartialDate
from onward.model.incident import IncidentKind
from onward.model.source import Source
from onward.model.statement import Statement
from onward.model.states import state_name
from onward.store import Store
from onward.store import kb as kb_store

DateBound = PartialDate | dt.date | int | str


class KnowledgeView:
    """Every fact known at ``as_of``; see the module docstring.

    Cheap to build; it caches what it reads (per subject, and the incidents and judgments), so build
    a new view to see statements loaded after it was built.
    """

    def __init__(self, store: Store, *, as_of: dt.date, withhold_outcomes: bool = False) -> None:
        self.store = store
        self.as_of = as_of
        self.withhold_outcomes = withhold_outcomes
        self._subjects: dict[str, list[Statement]] = {}
        self._incidents: list[KnownIncident] | None = None
        self._judgments: list[KnownJudgment] | None = None

    def _visible(self, stored: Iterable[kb_store.StoredStatement]) -> list[Statement]:
        return [
            s.statement
            for s in stored
            if not (self.withhold_outcomes and v.is_outcome(s.statement.property))
            # belt and braces: the SQL filter and the model's own rule must agree
            and s.statement.is_known_at(self.as_of, s.source_date)
        ]

    def stored(
        self, subject: str | None = None, property: str | None = None, *, dataset: str | None = None
    ) -> list[kb_store.StoredStatement]:
        """Visible statements with their content ids and who loaded them."""
        with self.store.read() as connection:
            found = kb_store.select_statements(
                connection,
                as_of=self.as_of,
                subjects=[subject] if subject is not None else None,
                properties=[property] if property is not None else None,
                dataset=dataset,
            )
        return [
            s
            for s in found
            if not (self.withhold_outcomes and v.is_outcome(s.statement.property))
            and s.statement.is_known_at(self.as_of, s.source_date)
        ]

    def statements(
        self, subject: str | None = None, property: str | None = None, *, dataset: str | None = None
    ) -> list[Statement]:
        """Visible statements, filtered by subject, property and dataset."""
        if subject is not None and dataset is None:
            about = self._about([subject])[subject]
            return [s for s in about if property is None or s.property == property]
        return [s.statement for s in self.stored(subject, property, dataset=dataset)]

    def _about(self, subjects: Iterable[str]) -> dict[str, list[Statement]]:
        wanted = [s for s in dict.fromkeys(subjects) if s not in self._subjects]
        if wanted:
            with self.store.read() as connection:
                found = kb_store.select_statements(connection, as_of=self.as_of, subjects=wanted)
            for subject in wanted:
                self._subjects[subject] = []
            for s in self._visible(found):
                self._subjects[s.subject].append(s)
        return {s: self._subjects[s] for s in subjects}

    def _with_prefix(self, prefix: str, properties: Iterable[str]) -> list[Statement]:
        with self.store.read() as connection:
            found = kb_store.select_statements(
                connection, as_of=self.as_of, subject_prefix=f"{prefix}:", properties=list(properties)
            )
        return self._visible(found)

    def _all_incidents(self) -> list[KnownIncident]:
        if self._incidents is None:
            index = self._with_prefix(v.INCIDENT, (v.FROM_STATE, v.TO_STATE, v.KIND))
            subjects = sorted({s.subject for s in index})
            about = self._about(subjects)
            self._incidents = [assemble_incident(subject, found) for subject, found in about.items() if found]
        return self._incidents

    def _all_judgments(self) -> list[KnownJudgment]:
        if self._judgments is None:
            properties = (v.RESPONDENT, v.DESTINATION, v.ONWARD_DESTINATION, v.CASE_NAME)
            subjects = sorted({s.subject for s in self._with_prefix(v.JUDGMENT, properties)})
            about = self._about(subjects)
            self._judgments = [assemble_judgment(subject, found) for subject, found in about.items() if found]
        return self._judgments

    def source(self, source_id: str) -> Source | None:
        """The source, if it was published by ``as_of`` (an undated source always is)."""
        with self.store.read() as connection:
            found = kb_store.select_sources(connection, as_of=self.as_of, ids=[source_id])
        return found[0].source if found else None

    def sources(self) -> list[Source]:
        with self.store.read() as connection:
            return [s.source for s in kb_store.select_sources(connection, as_of=self.as_of)]

    def citation_counts(self) -> dict[str, int]:
        """How many visible statements cite each source."""
        with self.store.read() as connection:
            return kb_store.citation_counts(connection, as_of=self.as_of)

    def values(self, subject: str, property: str) -> list[Fact]:
        """Every value known for ``property`` of ``subject``, best supported first; two or more = conflict."""
        return group_facts(self.statements(subject, property))

    def fact(self, subject: str, property: str) -> Fact | None:
        """The preferred value, carrying the conflicting ones as ``alternatives``."""
        return preferred(self.values(subject, property))

    def indicator(self, state: str, name: str, year: int) -> Fact | None:
        """An indicator for the year it rates, e.g. ``("KZ", "pts_a", 2014)``; None when unknown."""
        found = indicator_at(state, name, year, self.statements(v.state_subject(state), name))
        return found.fact if found else None

    def latest_indicators(self, state: str) -> list[Indicator]:
        return latest_indicators(state, self.statements(v.state_subject(state)))

    def membership(self, state: str, instrument: str) -> Membership:
        """Party / not party / unknown at ``as_of`` (never guessed from silence)."""
        return membership_at(state, instrument, self.as_of, self.statements(v.state_subject(state)))

    def memberships(self, state: str) -> list[Membership]:
        statements = self.statements(v.state_subject(state))
        return [membership_at(state, i, self.as_of, statements) for i in instruments_of(statements)]

    def incident(self, incident_id: str) -> KnownIncident | None:
        subject = v.subject(v.INCIDENT, incident_id)
        statements = self._about([subject])[subject]
        return assemble_incident(subject, statements) if statements else None

    def incidents(
        self,
        *,
        from_state: str | None = None,
        to_state: str | None = None,
        kinds: Iterable[IncidentKind | str] | None = None,
        since: DateBound | None = None,
        until: DateBound | None = None,
    ) -> list[KnownIncident]:
        """Incidents known at ``as_of``; a state or kind matches if any source gives it.

        ``since``/``until`` keep incidents whose date overlaps the period (undated ones are left out).
        """
        found = self._all_incidents()
        wanted_kinds = {str(IncidentKind(k)) for k in kinds} if kinds is not None else None
        start = _bound(since).earliest() if since is not None else None
        end = _bound(until).latest() if until is not None else None
        result = []
        for known in found:
            if from_state is not None and not known.involves(v.FROM_STATE, from_state):
                continue
            if to_state is not None and not known.involves(v.TO_STATE, to_state):
                continue
            if wanted_kinds is not None and not wanted_kinds & {str(k) for k in known.values(v.KIND)}:
                continue
            if (start or end) and not _overlaps(known, start, end):
                continue
            result.append(known)
        return sorted(result, key=_incident_order)

    def judgments(
        self, *, respondent: str | None = None, destination: str | None = None, state: str | None = None
    ) -> list[KnownJudgment]:
        """Judgments known at ``as_of``; ``destination`` matches the direct or the onward destination."""
        found = self._all_judgments()
        result = []
        for known in found:
            if respondent is not None and respondent not in known.values(v.RESPONDENT):
                continue
            if destination is not None and not (
                destination in known.values(v.DESTINATION) or destination in known.values(v.ONWARD_DESTINATION)
            ):
                continue
            if state is not None and not known.involves(state):
                continue
            result.append(known)
        return sorted(result, key=lambda j: (j.judgment_date.earliest() if j.judgment_date else dt.date.max, j.id))

    def state_summary(self, code: str) -> StateSummary:
        """Names, memberships, latest indicators, incidents from and to, and judgments of one state."""
        statements = self.statements(v.state_subject(code))
        names = group_facts(s for s in statements if s.property == v.NAME)
        return StateSummary(
            code=code,
            name=display_name(code, names, state_name(code)),
            as_of=self.as_of,
            names=names,
            aliases=group_facts(s for s in statements if s.property == v.ALIAS),
            memberships=[membership_at(code, i, self.as_of, statements) for i in instruments_of(statements)],
            indicators=latest_indicators(code, statements),
            incidents_from=self.incidents(from_state=code),
            incidents_to=self.incidents(to_state=code),
            judgments=self.judgments(state=code),
        )


def _bound(value: DateBound) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate.parse(value)


def _overlaps(known: KnownIncident, start: dt.date | None, end: dt.date | None) -> bool:
    date = known.incident.date if known.incident else None
    if date is None:
        return False
    return (start is None or date.latest() >= start) and (end is None or date.earliest() <= end)


def _incident_order(known: KnownIncident) -> tuple[dt.date, str]:
    date = known.incident.date if known.incident else None
    return (date.earliest() if date else dt.date.max, known.subject)
