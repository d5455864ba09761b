"""Onward-transfer likelihood: would state A hand this person to state B, as of a date?

Treaty law alone must not decide (domain primer §4): Razvozzhaev was seized in Kyiv and reappeared
in Moscow custody, whatever the treaties said. The likelihood of the edge A → B is therefore a Beta
distribution whose prior comes from structure — shared extradition channels (Minsk, Chisinau, SCO,
bilateral treaties), A's safeguards (ECHR party at the date, an asylum system), A's record of
transfers despite interim measures — and whose pseudo-counts come from documented practice:
completed transfers A → B add successes, weighted by kind, recency, verification, group size and
profile similarity; blocked or refused ones add failures. More documented transfers never lower
the likelihood; more blocked ones never raise it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable

from pydantic import BaseModel, Field

from onward.risk.explain import EvidenceRef, Reason, logit, squash
from onward.risk.inputs import RiskInputs, TransferEvent
from onward.risk.params import RiskParams
from onward.risk.profiles import similarity

SAFEGUARDS = ("ECHR", "REFUGEE_CONVENTION")


class Edge(BaseModel):
    """The likelihood that ``source`` state would transfer the person to ``target``: Beta(alpha, beta)."""

    source: str
    target: str
    alpha: float = Field(gt=0)
    beta: float = Field(gt=0)
    documented: int = Field(description="documented transfers or attempts from source to target")
    informal: bool = Field(description="an abduction or other informal transfer is documented on this edge")
    basis: str = Field(
        default="", description="what the figure rests on: documented transfers, or a prior and its basis"
    )
    reasons: list[Reason]

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    def evidence(self) -> list[EvidenceRef]:
        return [ref for reason in self.reasons for ref in reason.all_evidence()]


class TransferModel:
    """Computes edges for one person and date; states at high risk and every event are indexed once.

    ``person(state)`` is the person's profile as ``state`` sees them (see ``profiles.profile_towards``).
    """

    def __init__(self, inputs: RiskInputs, params: RiskParams, person: Callable[[str], set[str]]) -> None:
        self.inputs = inputs
        self.params = params
        self.person = person
        # A judgment whose removal the KB already records as an incident is counted once, not twice.
        judged = [j.removal_event() for j in inputs.judgments if j.incident is None]
        self.events = list(inputs.transfers) + [event for event in judged if event is not None]
        self.by_edge: dict[tuple[str, str], list[TransferEvent]] = {}
        self.by_source: dict[str, list[TransferEvent]] = {}
        for event in self.events:
            self.by_edge.setdefault((event.from_state, event.to_state), []).append(event)
            self.by_source.setdefault(event.from_state, []).append(event)
        self.high_risk = self._high_risk_states()

    def _high_risk_states(self) -> set[str]:
        """States with an Art. 3 finding on removal there, or a PTS level at or above ``high_risk_pts``."""
        found = {j.destination for j in self.inputs.judgments if j.violation_found}
        for code, facts in self.inputs.states.items():
            levels = facts.latest(("pts_a", "pts_h", "pts_s"), self.inputs.as_of)
            if any(float(i.value) >= self.params.transfer.high_risk_pts for i in levels):
                found.add(code)
        return found

    def candidates(self, states: Iterable[str]) -> set[tuple[str, str]]:
        """Pairs worth computing: documented, or linked by a shared channel or bilateral treaty."""
        # A blocked transfer alone never creates an edge: it may only weaken one that exists.
        positive = {s for s, w in self.params.transfer.status_weight.items() if w > 0}
        pairs = {
            pair
            for pair, events in self.by_edge.items()
            if pair[0] != pair[1] and any(e.status in positive for e in events)
        }
        channels = self.params.transfer.channel_logit
        members: dict[str, set[str]] = {}
        for code in states:
            for membership in self.inputs.state(code).memberships:
                if membership.instrument in channels and membership.active(self.inputs.as_of):
                    members.setdefault(membership.instrument, set()).add(code)
        for group in members.values():
            pairs.update((a, b) for a in group for b in group if a != b)
        for pair in self.inputs.bilateral:
            a, b = sorted(pair)
            pairs.update({(a, b), (b, a)})
        return pairs

    def _recency(self, when: dt.date | None) -> float:
        if when is None:
            return 0.5
        years = max((self.inputs.as_of - when).days, 0) / 365.25
        return float(0.5 ** (years / self.params.transfer.recency_half_life_years))

    def _weight(self, event: TransferEvent) -> float:
        p = self.params.transfer
        size = 1.0 + math.log(event.subject_count, p.group_size_log_base) if event.subject_count else 1.0
        return (
            p.kind_weight.get(event.kind, 0.5)
            * abs(p.status_weight.get(event.status, 0.0))
            * p.verification_weight.get(event.verification, 0.4)
            * self._recency(event.date)
            * max(size, 1.0)
            * similarity(self.person(event.to_state), event.profiles, self.params.profiles)
        )

    def _prior(self, source: str, target: str) -> list[Reason]:
        p = self.params.transfer
        as_of = self.inputs.as_of
        reasons = [
            Reason(factor="base rate", weight=p.base_rate, contribution=logit(p.base_rate), note=p.rationale_prior)
        ]
        a, b = self.inputs.state(source), self.inputs.state(target)
        for instrument, weight in p.channel_logit.items():
            ma, mb = a.membership(instrument, as_of), b.membership(instrument, as_of)
            if ma and mb:
                reasons.append(
                    Reason(
                        factor=f"shared channel: {instrument}",
                        weight=weight,
                        contribution=weight,
                        note="both states are parties at the date",
                        evidence=[*ma.evidence, *mb.evidence],
                    )
                )
        treaty = self.inputs.bilateral.get(frozenset((source, target)))
        if treaty is not None:
            weight = p.channel_logit.get("BILATERAL", 0.0)
            reasons.append(
                Reason(factor="bilateral extradition treaty", weight=weight, contribution=weight, evidence=list(treaty))
            )
        for instrument in SAFEGUARDS:
            membership = a.membership(instrument, as_of)
            if membership:
                weight = p.safeguard_logit.get(instrument, 0.0)
                reasons.append(
                    Reason(
                        factor=f"safeguard in {source}: {instrument} party",
                        weight=weight,
                        contribution=weight,
                        evidence=list(membership.evidence),
                    )
                )
        despite = [e for e in self.by_source.get(source, []) if e.despite_interim_measures and e.status == "completed"]
        if despite:
            reasons.append(
                Reason(
                    factor=f"{source} transferred people despite interim measures",
                    weight=p.interim_measures_logit,
                    contribution=p.interim_measures_logit,
                    note=p.rationale_interim,
                    evidence=[ref for e in despite for ref in e.evidence],
                )
            )
        return reasons

    def edge(self, source: str, target: str) -> Edge:
        """The Beta likelihood of ``source`` → ``target`` with every reason behind it."""
        p = self.params.transfer
        prior = self._prior(source, target)
        mean0 = squash(sum(r.total() for r in prior))
        alpha, beta = mean0 * p.prior_strength, (1 - mean0) * p.prior_strength
        prior_reason = Reason(
            factor="structural prior",
            contribution=None,
            unit="probability",
            note=f"prior mean {mean0:.3f} over {p.prior_strength:g} pseudo-observations",
            children=prior,
        )
        documented: list[Reason] = []
        events = self.by_edge.get((source, target), [])
        for event in events:
            weight = self._weight(event)
            positive = p.status_weight.get(event.status, 0.0) >= 0
            alpha, beta = (alpha + weight, beta) if positive else (alpha, beta + weight)
            note = f"{event.kind}, {event.status}, {event.date or 'date unknown'}, {event.verification}"
            if event.count_disputed:
                note += f"; the sources disagree on how many people (the lowest count, {event.subject_count}, is used)"
            documented.append(
                Reason(
                    factor=("transfer: " if positive else "blocked: ") + (event.label or event.id),
                    weight=weight,
                    contribution=weight if positive else -weight,
                    unit="pseudo-count",
                    note=note,
                    evidence=list(event.evidence),
                )
            )
        record: list[Reason] = []
        if target in self.high_risk and p.record_pseudo_count > 0:
            for event in self.by_source.get(source, []):
                if event.to_state in (target, source) or event.status != "completed":
                    continue
                if event.to_state not in self.high_risk:
                    continue
                weight = (
                    p.record_pseudo_count
                    * p.verification_weight.get(event.verification, 0.4)
                    * self._recency(event.date)
                )
                alpha += weight
                record.append(
                    Reason(
                        factor=f"record: {source} → {event.to_state}: {event.label or event.id}",
                        weight=p.record_pseudo_count,
                        contribution=weight,
                        unit="pseudo-count",
                        evidence=list(event.evidence),
                    )
                )
        reasons = [prior_reason]
        basis = self._basis(prior, events, record)
        if documented:
            reasons.append(
                Reason(factor=f"documented transfers {source} → {target}", unit="pseudo-count", children=documented)
            )
        if record:
            reasons.append(
                Reason(
                    factor=f"{source}'s record of transfers to other high-risk states",
                    unit="pseudo-count",
                    note=p.rationale_record,
                    children=record,
                )
            )
        return Edge(
            source=source,
            target=target,
            alpha=alpha,
            beta=beta,
            documented=len(events),
            informal=any(e.kind == "abduction" and e.status == "completed" for e in events),
            basis=basis,
            reasons=reasons,
        )

    @staticmethod
    def _basis(prior: list[Reason], events: list[TransferEvent], record: list[Reason]) -> str:
        """Says whether the figure is measured from documented transfers or is only a prior, and on what."""
        completed = sum(1 for e in events if e.status == "completed")
        attempted = sum(1 for e in events if e.status in ("attempted", "pending", "requested"))
        blocked = sum(1 for e in events if e.status == "blocked")
        if completed:
            parts = [f"{completed} completed"]
            parts += [f"{attempted} attempted or pending"] if attempted else []
            parts += [f"{blocked} blocked"] if blocked else []
            return "documented transfers: " + ", ".join(parts)
        structure = [r.factor.split(": ", 1)[-1] for r in prior if r.factor.startswith(("shared channel", "bilateral"))]
        basis = "prior from shared conventions: " + (", ".join(structure) if structure else "none (base rate)")
        if attempted or blocked:
            basis += f"; no completed transfer documented ({attempted} attempted or pending, {blocked} blocked)"
        else:
            basis += "; no documented transfer"
        if record:
            basis += f"; the source state's record of {len(record)} transfers to other high-risk states"
        return basis
