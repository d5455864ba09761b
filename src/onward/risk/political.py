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
from onward.model.person import StatusKind
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


def _refugee_elsewhere(case: Case) -> PoliticalIndicator:
    hits = [
        s
        for s in case.person.statuses
        if s.kind in (StatusKind.REFUGEE_STATUS, StatusKind.UNHCR_MANDATE_REFUGEE, StatusKind.SUBSIDIARY_PROTECTION)
        and set(s.vis_a_vis) & set(case.requesting_states)
    ]
    states = sorted({c for s in hits for c in s.vis_a_vis if c in case.requesting_states})
    note = (
        "; ".join(f"{s.kind} granted by {s.granted_by or 'UNHCR'} against {', '.join(s.vis_a_vis)}" for s in hits)
        if hits
        else "no protection status held against a requesting state"
    )
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


def political_indicators(case: Case, inputs: RiskInputs, params: RiskParams) -> list[PoliticalIndicator]:
    """Every political-purpose indicator, present or absent, so the report shows what was checked."""
    return [
        _coordinated(case, inputs, params),
        _opposed_state(case, params),
        _refugee_elsewhere(case),
        _charges(case, params),
    ]
