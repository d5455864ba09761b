"""Political-purpose indicators: is the extradition requested to punish the person for their opinions?

The European Convention on Extradition (1957) Art. 3(2) and the French Code de procédure pénale
art. 696-4 2° bar extradition requested for a political purpose. A court sees it in patterns:
Kazakhstan, Russia and Ukraine — all parties to the Minsk Convention — asking for the same man within
weeks; a request by the very state the person opposes; refugee status another state granted against
a requesting state; charges of "extremism" or "terrorism". Each indicator here carries its evidence.
"""

from __future__ import annotations

from itertools import combinations

from pydantic import BaseModel, Field

from onward.model.case import Case
from onward.model.person import PROTECTIVE_STATUSES, PersonStatus
from onward.risk.explain import EvidenceRef
from onward.risk.inputs import RiskInputs
from onward.risk.params import RiskParams
from onward.risk.profiles import case_refs

LEGAL_BASIS = "see the political-purpose finding for the bases that apply in the case's jurisdiction"


class PoliticalIndicator(BaseModel):
    """One indicator of political purpose, present or not, with the reason and the evidence."""

    indicator: str
    present: bool
    note: str
    states: list[str] = Field(default_factory=list)
    evidence: list[EvidenceRef] = Field(default_factory=list)
    legal_basis: str = LEGAL_BASIS


def _coordinated(case: Case, inputs: RiskInputs, params: RiskParams) -> PoliticalIndicator:
    """Requests for the same person from states sharing an extradition channel, within ``window_days``."""
    channels = list(params.transfer.channel_logit)
    found: list[str] = []
    states: set[str] = set()
    evidence: list[EvidenceRef] = []
    for first, second in combinations(case.requests, 2):
        a, b = first.requesting_state, second.requesting_state
        if a == b or first.received is None or second.received is None:
            continue
        gap = abs((first.received.earliest() - second.received.earliest()).days)
        if gap > params.political.window_days:
            continue
        shared = []
        for instrument in channels:
            ma = inputs.state(a).membership(instrument, inputs.as_of)
            mb = inputs.state(b).membership(instrument, inputs.as_of)
            if ma and mb:
                shared.append(instrument)
                evidence.extend([*ma.evidence, *mb.evidence])
        if shared:
            found.append(f"{a} and {b} ({', '.join(shared)}; {gap} days apart)")
            states.update((a, b))
            evidence.extend(case_refs(case, first.sources + second.sources, "extradition requests"))
    note = (
        "requests from states sharing an extradition channel: " + "; ".join(found)
        if found
        else ("no two requests from states sharing a channel within the window")
    )
    return PoliticalIndicator(
        indicator="coordinated requests from allied states",
        present=bool(found),
        note=note,
        states=sorted(states),
        evidence=evidence,
    )


def _opposed_state(case: Case, params: RiskParams) -> PoliticalIndicator:
    political = {str(p) for p in case.person.profile} & set(params.profiles.political)
    requesting = [s for s in case.requesting_states if s in case.persecuting_states]
    present = bool(political and requesting)
    note = (
        f"{', '.join(requesting)} requests a person with profile {', '.join(sorted(political))} who fears it"
        if present
        else "no request comes from a state the person is politically opposed to"
    )
    refs = case_refs(case, case.person.sources, "the person's political profile") if present else []
    for request in case.requests:
        if present and request.requesting_state in requesting:
            refs.extend(case_refs(case, request.sources, f"request {request.id}"))
    return PoliticalIndicator(
        indicator="request by the state the person opposes",
        present=present,
        note=note,
        states=requesting,
        evidence=refs,
    )


def _refugee_elsewhere(case: Case, inputs: RiskInputs) -> PoliticalIndicator:
    """A protection status in force against a requesting state; one revoked or ceased by ``as_of`` no longer
    counts, and one whose revocation is sought still counts but says so."""
    hits = [
        s
        for s in case.person.statuses
        if s.kind in PROTECTIVE_STATUSES and set(s.vis_a_vis) & set(case.requesting_states) and s.in_force(inputs.as_of)
    ]
    states = sorted({c for s in hits for c in s.vis_a_vis if c in case.requesting_states})

    def describe(status: PersonStatus) -> str:
        text = f"{status.kind} granted by {status.granted_by or 'UNHCR'} against {', '.join(status.vis_a_vis)}"
        return text + (" (its revocation has been sought)" if status.contested(inputs.as_of) else "")

    note = "; ".join(describe(s) for s in hits) if hits else "no protection status in force against a requesting state"
    evidence = [ref for s in hits for ref in case_refs(case, s.sources, "protection status")]
    return PoliticalIndicator(
        indicator="refugee status held elsewhere vis-à-vis a requesting state",
        present=bool(hits),
        note=note,
        states=states,
        evidence=evidence,
    )


def _charges(case: Case, params: RiskParams) -> PoliticalIndicator:
    hits = []
    for request in case.requests:
        for charge in request.charges:
            if any(k in charge.lower() for k in params.political.charge_keywords):
                hits.append((request, charge))
    note = (
        "; ".join(f"{r.requesting_state}: {c}" for r, c in hits)
        if hits
        else "no charge in the requests matches a typical political-prosecution charge"
        + ("" if any(r.charges for r in case.requests) else " (the case records no charges)")
    )
    evidence = [ref for r, _ in hits for ref in case_refs(case, r.sources, f"charges in {r.id}")]
    return PoliticalIndicator(
        indicator="charges typical of political prosecution",
        present=bool(hits),
        note=note,
        states=sorted({r.requesting_state for r, _ in hits}),
        evidence=evidence,
    )


def _asylum_pending(case: Case, inputs: RiskInputs) -> PoliticalIndicator:
    """An asylum claim still under examination against a requesting state: the person asked for protection from
    the very state that now asks for them (Refugee Convention Art. 33; removal must await the decision)."""
    feared = set(case.requesting_states) | set(case.persecuting_states)
    hits = [
        s
        for s in case.person.statuses
        if s.pending_application
        and (s.date is None or s.date.earliest() <= inputs.as_of)
        and (set(s.vis_a_vis) & feared or (not s.vis_a_vis and set(case.person.nationalities) & feared))
    ]
    states = sorted({c for s in hits for c in (s.vis_a_vis or case.person.nationalities) if c in feared})
    note = (
        "; ".join(
            f"asylum application examined by {s.granted_by or 'the custodial state'}"
            + (f" since {s.date}" if s.date else "")
            + (f", at the {s.stage} stage" if s.stage else "")
            for s in hits
        )
        if hits
        else "no pending asylum application against a requesting or feared state"
    )
    evidence = [ref for s in hits for ref in case_refs(case, s.sources, "asylum application")]
    return PoliticalIndicator(
        indicator="asylum claim pending against the requesting state",
        present=bool(hits),
        note=note,
        states=states,
        evidence=evidence,
        legal_basis="Refugee Convention Art. 33",
    )


def _notice_deleted(case: Case, inputs: RiskInputs) -> PoliticalIndicator:
    """INTERPOL deleted a requesting state's notice: its files commission found the request incompatible with
    its rules, among which the ban on matters of a political character (INTERPOL Constitution Art. 3)."""
    requesting = set(case.requesting_states)
    hits = [n for n in case.person.interpol_notices if n.requesting_state in requesting and n.deleted_by(inputs.as_of)]
    note = (
        "; ".join(f"{n.kind} notice of {n.requesting_state}{f' ({n.date})' if n.date else ''} deleted" for n in hits)
        if hits
        else "no INTERPOL notice of a requesting state is recorded as deleted"
    )
    evidence = [
        ref
        for n in hits
        for ref in case_refs(case, n.sources + (n.challenge.sources if n.challenge else []), "INTERPOL notice")
    ]
    return PoliticalIndicator(
        indicator="INTERPOL notice of a requesting state deleted",
        present=bool(hits),
        note=note,
        states=sorted({n.requesting_state for n in hits}),
        evidence=evidence,
        legal_basis="INTERPOL Constitution Art. 3; ECE Art. 3(2)",
    )


def political_indicators(case: Case, inputs: RiskInputs, params: RiskParams) -> list[PoliticalIndicator]:
    """Every political-purpose indicator, present or absent, so the report shows what was checked."""
    return [
        _coordinated(case, inputs, params),
        _opposed_state(case, params),
        _refugee_elsewhere(case, inputs),
        _asylum_pending(case, inputs),
        _notice_deleted(case, inputs),
        _charges(case, params),
    ]
