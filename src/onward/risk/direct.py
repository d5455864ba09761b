"""Direct risk: is there a real risk of ill-treatment for this person in this state, as of a date?

Khasanov and Rakhmanov v Russia [GC] (28492/15, 29 Apr 2022) asks three questions in turn: the
general situation in the state (here: Political Terror Scale, Freedom in the World), the situation
of the person's group (judgments and documented transfers concerning people of the same profile;
Kaboulov v Ukraine §112: membership of a group exposed to a systematic practice suffices), and the
person's individual circumstances (CAT General Comment 4 §45). Each tier adds log-odds; the sum is
squashed to a score in [0, 1] and named low / moderate / high / very high by ``model.yaml``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from onward.model.case import Case
from onward.model.person import StatusKind
from onward.risk.explain import EvidenceRef, Reason, squash
from onward.risk.inputs import Indicator, RiskInputs, StateFacts
from onward.risk.law import GC4_45, KABOULOV_112, KHASANOV, Law
from onward.risk.params import RiskParams
from onward.risk.profiles import case_refs, profile_towards, similarity

PTS_NAMES = ("pts_a", "pts_h", "pts_s")
TIERS = ("general situation", "group", "individual")


class DirectRisk(BaseModel):
    """The direct-risk answer for one state, with the reasons of each tier."""

    state: str
    score: float = Field(ge=0, le=1)
    level: str
    systemic: bool = Field(description="the KB shows a systemic practice that assurances cannot erase")
    tiers: list[str] = Field(description="the tiers with evidence: general situation, group, individual")
    reasons: list[Reason]


def _pts_by_year(facts: StateFacts, on: dt.date) -> dict[int, int]:
    """The worst PTS level reported for each year up to ``on`` (sources may disagree; the highest counts)."""
    years: dict[int, int] = {}
    for indicator in facts.indicators:
        if indicator.name in PTS_NAMES and indicator.year <= on.year:
            level = int(float(indicator.value))
            years[indicator.year] = max(years.get(indicator.year, 0), level)
    return years


def _trend(facts: StateFacts, inputs: RiskInputs, params: RiskParams, law: Law) -> Reason | None:
    """Ex nunc: the change of the PTS level over the last ``trend_years`` years; an improvement lowers the risk."""
    years = _pts_by_year(facts, inputs.as_of)
    if len(years) < 2:
        return None
    last = max(years)
    window = [y for y in years if last - params.direct.trend_years <= y < last]
    if not window:
        return None
    first = min(window)
    change = years[last] - years[first]
    if change == 0:
        note = f"Political Terror Scale unchanged at {years[last]} from {first} to {last}"
    else:
        word = "worsened" if change > 0 else "improved"
        note = f"Political Terror Scale {word} from {years[first]} ({first}) to {years[last]} ({last})"
    note += "; the risk is assessed as things stand now" + law.paren(KHASANOV, before="ex nunc")
    evidence = [ref for i in facts.indicators if i.name in PTS_NAMES and i.year in (first, last) for ref in i.evidence]
    weight = params.direct.trend_logit_per_level
    return Reason(
        factor="trend of the general situation",
        weight=weight,
        contribution=weight * change,
        note=note,
        evidence=evidence,
    )


def _general(inputs: RiskInputs, params: RiskParams, state: str, law: Law) -> tuple[Reason, int | None]:
    facts = inputs.state(state)
    children: list[Reason] = []
    pts: list[Indicator] = facts.latest(PTS_NAMES, inputs.as_of)
    worst: int | None = None
    if pts:
        latest_year = max(i.year for i in pts)
        pts = [i for i in pts if i.year == latest_year]
        values = [int(float(i.value)) for i in pts]
        worst = max(values)
        weight = params.direct.pts_logit.get(str(worst), 0.0)
        listing = ", ".join(f"{i.name.upper()} {i.value} ({i.year})" for i in pts)
        note = f"Political Terror Scale: {listing}; the highest level counts"
        if len(set(values)) > 1:
            note += " (the reporting sources disagree; all are shown)"
        evidence = [ref for i in pts for ref in i.evidence]
        children.append(
            Reason(factor="Political Terror Scale", weight=weight, contribution=weight, note=note, evidence=evidence)
        )
        trend = _trend(facts, inputs, params, law)
        if trend is not None:
            children.append(trend)
    fiw = facts.latest(["fiw_status"], inputs.as_of)
    if fiw:
        status = str(fiw[0].value)
        weight = params.direct.fiw_logit.get(status, 0.0)
        children.append(
            Reason(
                factor="Freedom in the World status",
                weight=weight,
                contribution=weight,
                note=f"{status} in {fiw[0].year}",
                evidence=list(fiw[0].evidence),
            )
        )
    note = "general situation" + law.paren(KHASANOV, before="tier 1")
    if not children:
        note += ": no indicator in the knowledge base for this state at this date"
    return Reason(factor="general situation", note=note, children=children), worst


def _recency(as_of: dt.date, when: dt.date | None, half_life: float) -> float:
    if when is None:
        return 0.5
    return float(0.5 ** (max((as_of - when).days, 0) / 365.25 / half_life))


def _group(case: Case, inputs: RiskInputs, params: RiskParams, state: str, law: Law) -> tuple[Reason, bool]:
    person = profile_towards(case, state)
    weight_of = params.transfer.verification_weight
    half_life = params.direct.group_half_life_years
    judgments: list[Reason] = []
    against: list[Reason] = []
    systemic = False
    for judgment in inputs.judgments:
        if state != judgment.destination and state not in judgment.onward_destinations:
            continue
        sim = similarity(person, judgment.profiles, params.profiles)
        recency = _recency(inputs.as_of, judgment.date, half_life)
        if judgment.violation_found:
            value = params.direct.group_judgment_logit * sim * weight_of.get(judgment.verification, 0.4) * recency
            systemic = systemic or sim >= params.profiles.similarity_same_family
            judgments.append(
                Reason(
                    factor=f"judgment: {judgment.name}",
                    weight=params.direct.group_judgment_logit,
                    contribution=value,
                    note=f"Art. 3 risk found on removal to {state} ({judgment.date}); profile similarity {sim:.2f}",
                    evidence=list(judgment.evidence),
                )
            )
        elif judgment.no_violation_found and state == judgment.destination:
            value = params.direct.group_no_violation_logit * sim * weight_of.get(judgment.verification, 0.4) * recency
            against.append(
                Reason(
                    factor=f"judgment against the risk: {judgment.name}",
                    weight=params.direct.group_no_violation_logit,
                    contribution=value,
                    note=(
                        f"no Art. 3 violation found on removal to {state} ({judgment.date}) of a person of a "
                        f"similar profile; profile similarity {sim:.2f}"
                    ),
                    evidence=list(judgment.evidence),
                )
            )
    incidents: list[Reason] = []
    for event in inputs.transfers:
        if event.to_state != state or event.status not in ("completed", "pending"):
            continue
        sim = similarity(person, event.profiles, params.profiles)
        value = params.direct.group_incident_logit * sim * weight_of.get(event.verification, 0.4)
        incidents.append(
            Reason(
                factor=f"transfer into {state}: {event.label or event.id}",
                weight=params.direct.group_incident_logit,
                contribution=value,
                note=f"{event.kind}, {event.status}; profile similarity {sim:.2f}",
                evidence=list(event.evidence),
            )
        )
    children = (
        _capped(judgments, params.direct.group_judgment_cap, "judgments")
        + _capped(incidents, params.direct.group_incident_cap, "transfers")
        + _capped(against, params.direct.group_no_violation_cap, "judgments against the risk")
    )
    note = "the person's group" + law.paren(KABOULOV_112, before="tier 2")
    if not children:
        note += ": no judgment or documented transfer about people of this profile in this state"
    return Reason(factor="group", note=note, children=children), systemic


def _capped(reasons: list[Reason], cap: float, what: str) -> list[Reason]:
    """Keep every reason but scale contributions so their sum stays within ``cap``; say so."""
    total = abs(sum(r.contribution or 0.0 for r in reasons))
    if total <= cap or total == 0:
        return reasons
    scale = cap / total
    scaled = [r.model_copy(update={"contribution": (r.contribution or 0.0) * scale}) for r in reasons]
    scaled[0] = scaled[0].model_copy(update={"note": scaled[0].note + f"; {what} capped at {cap} log-odds in total"})
    return scaled


def _fixed_factor(factor: str, weight: float, note: str, evidence: list[EvidenceRef]) -> Reason:
    """A factor that is either present, adding its whole weight, or absent (CAT GC4 §45 personal indicators)."""
    return Reason(factor=factor, weight=weight, contribution=weight, note=note, evidence=evidence)


def _individual(case: Case, params: RiskParams, state: str, law: Law) -> Reason:
    as_of = law.as_of
    weights = params.direct.individual
    person = case.person
    children: list[Reason] = []
    political = {str(p) for p in person.profile} & set(params.profiles.political)
    if political and (state in case.persecuting_states or state in person.nationalities):
        children.append(
            _fixed_factor(
                "political profile against this state",
                weights.political_profile_against_state,
                f"{', '.join(sorted(political))}" + law.paren(GC4_45, before="political affiliation or activity"),
                case_refs(case, person.sources, "the person's profile"),
            )
        )
    identity = {str(p) for p in person.profile} & set(params.profiles.identity)
    if identity and state in case.persecuting_states:
        children.append(
            _fixed_factor(
                "religious or ethnic profile against this state",
                weights.identity_profile_against_state,
                f"{', '.join(sorted(identity))}" + law.paren(GC4_45, before="ethnicity, religion"),
                case_refs(case, person.sources, "the person's profile"),
            )
        )
    if state in person.previous_ill_treatment:
        children.append(
            _fixed_factor(
                "previous ill-treatment",
                weights.previous_ill_treatment,
                "previously ill-treated in this state" + law.paren(GC4_45),
                case_refs(case, person.sources, "previous ill-treatment"),
            )
        )
    for status in person.statuses:
        protective = status.kind in (StatusKind.REFUGEE_STATUS, StatusKind.UNHCR_MANDATE_REFUGEE)
        # A status revoked or ceased by the date no longer speaks for the risk (the finding that founded it
        # may still be evidence, but the engine does not assume it).
        if protective and state in status.vis_a_vis and status.granted_by != state and status.in_force(as_of):
            children.append(
                _fixed_factor(
                    "refugee status vis-à-vis this state",
                    weights.refugee_status_vis_a_vis,
                    f"{status.kind} granted by {status.granted_by or 'UNHCR'} {status.date or ''}".strip(),
                    case_refs(case, status.sources, "refugee status"),
                )
            )
    for request in case.requests:
        if request.requesting_state != state:
            continue
        children.append(
            _fixed_factor(
                "wanted by this state",
                weights.wanted_by_state,
                f"request {request.id}: detention as a criminal suspect on arrival; a risk only where suspects "
                "there are exposed to ill-treatment (group evidence)" + law.paren(KABOULOV_112),
                case_refs(case, request.sources, f"extradition request {request.id}"),
            )
        )
        keywords = [k for k in params.political.charge_keywords if any(k in c.lower() for c in request.charges)]
        if keywords:
            children.append(
                _fixed_factor(
                    "charges typical of political prosecution",
                    weights.political_charges,
                    f"charges: {'; '.join(request.charges)}",
                    case_refs(case, request.sources, f"charges in request {request.id}"),
                )
            )
        break
    if state in person.nationalities:
        children.append(
            _fixed_factor(
                "national of this state",
                weights.nationality,
                "returned as a national, within the state's full jurisdiction",
                case_refs(case, person.sources, "nationality"),
            )
        )
    note = "individual circumstances" + law.paren(GC4_45, before="tier 3")
    if not children:
        note += ": none of the case's facts points at this state"
    return Reason(factor="individual", note=note, children=children)


def _scaled(tier: Reason, scale: float) -> Reason:
    """A tier whose weight was refitted on earlier judgments (``fit.py``): the adjustment shown as a reason."""
    if scale == 1.0 or not tier.children:
        return tier
    total = tier.total()
    adjustment = Reason(
        factor="fitted scale",
        weight=scale,
        contribution=(scale - 1.0) * total,
        note=f"this tier's weight refitted to {scale:.2f} on judgments delivered before the date",
    )
    return tier.model_copy(update={"children": [*tier.children, adjustment]})


def direct_risk(case: Case, inputs: RiskInputs, params: RiskParams, state: str) -> DirectRisk:
    """The three-tier direct-risk assessment of ``case``'s person in ``state`` as of ``inputs.as_of``."""
    base = Reason(
        factor="starting point",
        weight=params.direct.base_logit,
        contribution=params.direct.base_logit,
        note="no risk presumed without evidence",
    )
    law = Law(inputs.as_of)
    general, worst_pts = _general(inputs, params, state, law)
    group, group_systemic = _group(case, inputs, params, state, law)
    individual = _individual(case, params, state, law)
    general, group, individual = (
        _scaled(r, (params.direct.tier_scale or {}).get(r.factor, 1.0)) for r in (general, group, individual)
    )
    reasons = [base, general, group, individual]
    score = squash(sum(r.total() for r in reasons))
    systemic = group_systemic or (worst_pts is not None and worst_pts >= params.assurances.systemic_pts)
    tiers = [r.factor for r in (general, group, individual) if r.children]
    return DirectRisk(
        state=state, score=score, level=params.level(score), systemic=systemic, tiers=tiers, reasons=reasons
    )


def evidence_of(risk: DirectRisk) -> list[EvidenceRef]:
    return [ref for reason in risk.reasons for ref in reason.all_evidence()]
