"""Diplomatic assurances, weighed factor by factor as Othman (Abu Qatada) v UK (8139/09) §189 requires.

Russia's promise that French officials may visit the person in detention, or a French court's
condition that he not be re-extradited to Kazakhstan, is an input, never a switch: each of the
eleven Othman factors is found satisfied, not satisfied or unknown, with the reason and the
evidence (the giving state's record from the knowledge base, the case's own facts). A sufficient
assurance may lower a risk by at most ``max_reduction``; none can erase a risk the knowledge base
shows to be systemic (Baysakov and Others v Ukraine: Kazakhstan's assurances were insufficient),
and the findings say so.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from onward.model.case import Assurance, AssuranceItem, Case, RemovalKind
from onward.risk.inputs import RiskInputs
from onward.risk.othman import (
    NOT_SATISFIED,
    ONWARD_ITEMS,
    SATISFIED,
    UNKNOWN,
    OthmanFactor,
    courts_factor,
    factor,
    record_factor,
)
from onward.risk.params import RiskParams
from onward.risk.profiles import case_refs
from onward.risk.transfer import TransferModel

GENERAL_ITEMS = {AssuranceItem.ECHR_COMPLIANCE, AssuranceItem.NO_TORTURE, AssuranceItem.FAIR_TRIAL, AssuranceItem.OTHER}
ILLEGAL_TREATMENT_ITEMS = {AssuranceItem.NO_TORTURE, AssuranceItem.DETENTION_CONDITIONS}
INDEPENDENT_MONITORING = ("independent", "lawyer", "ngo", "ombuds", "committee", "unhcr", "icrc", "red cross")


class AssuranceAssessment(BaseModel):
    """One assurance weighed on the eleven Othman factors, and what it may change."""

    assurance: str
    giving_state: str
    items: list[str]
    court_imposed: bool
    factors: list[OthmanFactor]
    sufficient: bool
    reduction: float = Field(ge=0, le=1, description="how much it lowers the risks it addresses")
    addresses_onward_transfer: bool
    verdict: str


def binds_onward(case: Case, giving_state: str) -> bool:
    """A no-onward-transfer term binds only through an extradition (speciality; ECE Art. 15 consent)."""
    return RemovalKind.EXTRADITION in case.removal_kinds(giving_state)


def assess_assurance(
    case: Case, assurance: Assurance, inputs: RiskInputs, params: RiskParams, transfers: TransferModel
) -> AssuranceAssessment:
    """The Othman §189 assessment of ``assurance`` from the case and the knowledge base."""
    giver = assurance.giving_state
    items = {term.item for term in assurance.terms}
    own = case_refs(case, assurance.sources, f"assurance {assurance.id}")
    facts = inputs.state(giver)
    levels = facts.latest(("pts_a", "pts_h", "pts_s"), inputs.as_of)
    pts = max((int(float(i.value)) for i in levels), default=None)
    pts_refs = [ref for i in levels for ref in i.evidence]
    giver_events = [e for e in transfers.events if e.from_state == giver and e.status == "completed"]
    informal = [e for e in giver_events if e.kind == "abduction"]
    despite = [e for e in giver_events if e.despite_interim_measures]
    factors: list[OthmanFactor] = []

    texts = [t for t in assurance.terms if t.text]
    if assurance.disclosed is False:
        factors.append(factor(1, NOT_SATISFIED, "the terms are not disclosed", own))
    elif assurance.disclosed or len(texts) == len(assurance.terms):
        factors.append(factor(1, SATISFIED, "the terms are known and quoted in the case file", own))
    else:
        factors.append(factor(1, UNKNOWN, "the exact terms are not in the case file", own))

    general = items & GENERAL_ITEMS
    if general == items:
        factors.append(factor(2, NOT_SATISFIED, "only general undertakings (" + ", ".join(sorted(general)) + ")", own))
    else:
        factors.append(factor(2, SATISFIED, "specific undertakings: " + ", ".join(sorted(items - general)), own))

    if assurance.imposed_by:
        factors.append(
            factor(
                3,
                NOT_SATISFIED,
                f"a condition imposed by the sending state's court ({assurance.imposed_by}); "
                f"nothing in the case shows that an authority able to bind {giver} accepted it",
                own,
            )
        )
    elif assurance.authority:
        factors.append(
            factor(3, UNKNOWN, f"given by {assurance.authority}; whether it binds the state is not shown", own)
        )
    else:
        factors.append(factor(3, UNKNOWN, "the giving authority is not identified", own))

    if informal:
        factors.append(
            factor(
                4,
                NOT_SATISFIED,
                f"{giver}'s agents have transferred people outside any legal procedure "
                f"({len(informal)} documented abduction(s)); central undertakings do not bind them",
                [r for e in informal for r in e.evidence],
            )
        )
    elif pts is not None and pts >= params.assurances.systemic_pts:
        factors.append(
            factor(4, NOT_SATISFIED, f"Political Terror Scale level {pts}: ill-treatment is widespread", pts_refs)
        )
    else:
        factors.append(factor(4, UNKNOWN, "no evidence in the knowledge base either way"))

    if items & ILLEGAL_TREATMENT_ITEMS:
        factors.append(
            factor(5, NOT_SATISFIED, "it promises to refrain from treatment that is already illegal there", own)
        )
    elif items & ONWARD_ITEMS and informal:
        factors.append(
            factor(
                5,
                NOT_SATISFIED,
                "re-extradition is a lawful act it can govern, but the documented transfers "
                "were informal, which no undertaking on extradition reaches",
                [r for e in informal for r in e.evidence],
            )
        )
    else:
        factors.append(factor(5, SATISFIED, "it concerns acts the receiving state's law governs", own))

    echr = facts.membership("ECHR", inputs.as_of)
    if echr:
        factors.append(factor(6, SATISFIED, f"{giver} is a party to the ECHR at the date", list(echr.evidence)))
    elif "ECHR" in facts.not_party:
        factors.append(factor(6, NOT_SATISFIED, f"{giver} is not a party to the ECHR at the date"))
    else:
        factors.append(factor(6, UNKNOWN, f"the knowledge base does not say whether {giver} is an ECHR party then"))

    factors.append(record_factor(giver, items, inputs, despite, informal))

    monitors = " ".join(assurance.monitoring).lower()
    independent = any(word in monitors for word in INDEPENDENT_MONITORING) or AssuranceItem.LAWYER_ACCESS in items
    if independent:
        factors.append(factor(8, SATISFIED, "independent monitoring or lawyer access is provided", own))
    elif assurance.monitoring or items & {AssuranceItem.CONSULAR_VISITS, AssuranceItem.MONITORING_VISITS}:
        factors.append(
            factor(
                8,
                NOT_SATISFIED,
                "visits by the sending state's own representatives are neither independent "
                "monitoring nor unfettered access to lawyers, and cannot follow a person once transferred onward",
                own,
            )
        )
    else:
        factors.append(factor(8, NOT_SATISFIED, "no monitoring is provided", own))

    if pts is not None and pts >= params.assurances.systemic_pts:
        factors.append(factor(9, NOT_SATISFIED, f"Political Terror Scale level {pts}", pts_refs))
    elif pts is not None and pts <= 2:
        factors.append(factor(9, SATISFIED, f"Political Terror Scale level {pts}", pts_refs))
    else:
        factors.append(
            factor(
                9,
                UNKNOWN,
                "no indicator decides it" if pts is None else f"Political Terror Scale level {pts}",
                pts_refs,
            )
        )

    if giver in case.person.previous_ill_treatment:
        factors.append(
            factor(
                10,
                NOT_SATISFIED,
                f"the person was previously ill-treated in {giver}",
                case_refs(case, case.person.sources, "previous ill-treatment"),
            )
        )
    else:
        factors.append(factor(10, SATISFIED, "the case records no previous ill-treatment there"))

    factors.append(courts_factor(case, assurance, own))
    return _conclude(case, assurance, items, factors, params)


def _conclude(
    case: Case, assurance: Assurance, items: set[AssuranceItem], factors: list[OthmanFactor], params: RiskParams
) -> AssuranceAssessment:
    satisfied = [f for f in factors if f.status == SATISFIED]
    failing_keys = [f for f in factors if f.number in params.assurances.key_factors and f.status == NOT_SATISFIED]
    share = len(satisfied) / len(factors)
    sufficient = not failing_keys and share >= params.assurances.sufficient_share
    reduction = params.assurances.max_reduction * share if sufficient else 0.0
    onward = bool(items & ONWARD_ITEMS)
    if sufficient:
        verdict = f"sufficient on {len(satisfied)} of 11 factors: lowers the risks it addresses by {reduction:.0%}"
    else:
        why = (
            ", ".join(f"({f.number}) {f.title}" for f in failing_keys)
            or f"only {len(satisfied)} of 11 factors satisfied"
        )
        verdict = f"insufficient: {why}"
    if not onward:
        verdict += "; it does not address onward transfer at all"
    elif not binds_onward(case, assurance.giving_state):
        kinds = ", ".join(str(k) for k in case.removal_kinds(assurance.giving_state)) or "not an extradition"
        verdict += (
            f"; its no-onward-transfer term is given no value: the removal to {assurance.giving_state} is "
            f"{kinds}, and only an extradition carries the speciality rule and the consent needed for "
            "re-extradition that make such a term enforceable"
        )
    return AssuranceAssessment(
        assurance=assurance.id,
        giving_state=assurance.giving_state,
        items=sorted(str(i) for i in items),
        court_imposed=assurance.imposed_by is not None,
        factors=factors,
        sufficient=sufficient,
        reduction=reduction,
        addresses_onward_transfer=onward,
        verdict=verdict,
    )
