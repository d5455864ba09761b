"""What the risk engine reads: plain records of states, transfers and judgments, each with its evidence.

Kazakhstan's 2014 Political Terror Scale level, Ukraine's deportation of Uzbek asylum seekers in
February 2006 and Baysakov and Others v Ukraine are, to the engine, a ``StateFacts``, a
``TransferEvent`` and a ``Judgment``. The engine never speaks SQL: ``onward.risk.kbinputs``
builds these records from a ``KnowledgeView``, and tests build them by hand.

Each record says when it became public (``known``); ``RiskInputs.visible_at`` drops everything
not yet public at the assessment date, so a later fact can never change an earlier assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from onward.errors import OnwardError
from onward.risk.explain import EvidenceRef

VIOLATION_OUTCOMES = frozenset({"violation", "violation_if_removed", "potential_violation"})
NO_VIOLATION_OUTCOMES = frozenset({"no_violation", "no_violation_if_removed", "no_potential_violation"})


class OutcomeWithheldError(OnwardError):
    """Raised when the engine asks for a judgment outcome it was not allowed to see (a backtest)."""


@dataclass(frozen=True)
class Indicator:
    """One indicator value for a state and year, e.g. PTS level 3 for Kazakhstan in 2014."""

    name: str
    value: float | str
    year: int
    evidence: tuple[EvidenceRef, ...] = ()
    known: dt.date | None = None


@dataclass(frozen=True)
class Membership:
    """The state is party to / member of an instrument at the assessment date (ECHR, Minsk Convention…)."""

    instrument: str
    since: dt.date | None = None
    until: dt.date | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    known: dt.date | None = None

    def active(self, on: dt.date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class StateFacts:
    """What the knowledge base says about one state: indicators and memberships."""

    code: str
    indicators: tuple[Indicator, ...] = ()
    memberships: tuple[Membership, ...] = ()
    not_party: frozenset[str] = frozenset()

    def latest(self, names: Iterable[str], on: dt.date) -> list[Indicator]:
        """The most recent value of each named indicator covering a year before ``on``'s year or that year."""
        found: list[Indicator] = []
        for name in names:
            values = [i for i in self.indicators if i.name == name and i.year <= on.year]
            if values:
                found.append(max(values, key=lambda i: i.year))
        return found

    def membership(self, instrument: str, on: dt.date) -> Membership | None:
        return next((m for m in self.memberships if m.instrument == instrument and m.active(on)), None)


@dataclass(frozen=True)
class TransferEvent:
    """A documented transfer, or attempt, of people from one state to another (CAT GC4 §4 "deportation")."""

    id: str
    kind: str
    status: str
    from_state: str
    to_state: str
    date: dt.date | None = None
    profiles: frozenset[str] = frozenset()
    subject_count: int | None = None
    count_disputed: bool = False
    despite_interim_measures: bool = False
    verification: str = "unverified"
    label: str = ""
    evidence: tuple[EvidenceRef, ...] = ()
    known: dt.date | None = None


_WITHHELD = "withheld"


@dataclass(frozen=True)
class Judgment:
    """An ECtHR judgment on a removal: who removed (or would remove) whom, where, and what the Court found."""

    id: str
    name: str
    date: dt.date
    respondent: str
    destination: str
    onward_destinations: tuple[str, ...] = ()
    removal: str = "extradition"
    removal_status: str = ""
    profiles: frozenset[str] = frozenset()
    assurances_offered: bool = False
    verification: str = "unverified"
    evidence: tuple[EvidenceRef, ...] = ()
    incident: str | None = None  # the ``incident:…`` the KB records for this removal, if any
    removal_happened: bool | None = None  # whether the applicant was actually removed, where the data says
    art3: str | None = _WITHHELD

    @property
    def known(self) -> dt.date:
        return self.date

    @property
    def art3_outcome(self) -> str | None:
        """The Court's Article 3 outcome; raises when withheld, so a backtest can prove it is never read."""
        if self.art3 == _WITHHELD:
            raise OutcomeWithheldError(f"the Article 3 outcome of {self.name} ({self.id}) is withheld from this view")
        return self.art3

    @property
    def violation_found(self) -> bool:
        return self.art3_outcome in VIOLATION_OUTCOMES

    @property
    def no_violation_found(self) -> bool:
        """The Court found no Art. 3 violation (an inadmissibility decision is not a finding on the risk)."""
        return self.art3_outcome in NO_VIOLATION_OUTCOMES

    @property
    def removal_completed(self) -> bool:
        """The applicant was removed: the data says so, or the removal status starts "completed"/"transferred"."""
        if self.removal_happened is not None:
            return self.removal_happened
        return self.removal_status.lower().startswith(("completed", "transferred"))

    def removal_event(self) -> TransferEvent | None:
        """The removal the judgment documents, as a transfer event, or None when it documents none.

        A completed removal is a completed transfer, whatever the Court later found. A removal the
        Court stopped (a violation found, or foreseen, before removal; Rule 39) is an *attempted*
        transfer: the state tried, which is weaker evidence. A removal not carried out that the Court
        found compatible with Art. 3 documents no transfer at all (it is counter-evidence for the risk,
        read by the direct-risk tier). An outcome withheld from this view is never read: a removal not
        completed then counts as attempted.
        """
        text = self.removal_status.lower()
        completed = self.removal_completed
        if not completed and self.art3 != _WITHHELD and self.art3_outcome not in VIOLATION_OUTCOMES:
            return None
        kinds = {"expulsion": "deportation", "transfer": "forcible_return", "pushback": "border_refoulement"}
        return TransferEvent(
            id=f"judgment:{self.id}",
            kind=kinds.get(self.removal, self.removal),
            status="completed" if completed else "attempted",
            from_state=self.respondent,
            to_state=self.destination,
            date=self.date,
            profiles=self.profiles,
            despite_interim_measures=completed and ("rule 39" in text or "interim" in text),
            verification=self.verification,
            label=f"{self.name} ({self.removal}, {self.removal_status})",
            evidence=self.evidence,
            known=self.date,
        )

    def withheld(self) -> Judgment:
        return replace(self, art3=_WITHHELD)


@dataclass(frozen=True)
class RiskInputs:
    """Everything the engine may use about the world, as known at ``as_of``."""

    as_of: dt.date
    states: dict[str, StateFacts] = field(default_factory=dict)
    transfers: tuple[TransferEvent, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    bilateral: dict[frozenset[str], tuple[EvidenceRef, ...]] = field(default_factory=dict)

    def state(self, code: str) -> StateFacts:
        return self.states.get(code) or StateFacts(code=code)

    def visible_at(self, as_of: dt.date) -> RiskInputs:
        """Only what was public on ``as_of``: later indicators, transfers and judgments are dropped."""

        def seen(known: dt.date | None) -> bool:
            return known is None or known <= as_of

        states = {
            code: StateFacts(
                code=code,
                indicators=tuple(i for i in facts.indicators if seen(i.known) and i.year <= as_of.year),
                memberships=tuple(m for m in facts.memberships if seen(m.known)),
                not_party=facts.not_party,
            )
            for code, facts in self.states.items()
        }
        return RiskInputs(
            as_of=as_of,
            states=states,
            transfers=tuple(t for t in self.transfers if seen(t.known) and (t.date is None or t.date <= as_of)),
            judgments=tuple(j for j in self.judgments if j.date <= as_of),
            bilateral=dict(self.bilateral),
        )

    def without_outcomes(self) -> RiskInputs:
        return replace(self, judgments=tuple(j.withheld() for j in self.judgments))
