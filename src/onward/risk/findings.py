"""Findings: the legal question answered per destination, separately for direct and onward risk.

"Are there substantial grounds for believing that the person would face a real risk of torture or
ill-treatment in Russia — or of being passed on by Russia to Kazakhstan?" Each answer is *real risk
established*, *not established* or *insufficient evidence*, never a bare number: it names its legal
bases, its reasoning, the evidence, and what evidence would change it. Assurances can lower a risk;
where the knowledge base shows the risk to be systemic they cannot bring it below a real risk
(Othman v UK §189; Baysakov and Others v Ukraine), and the finding says so. A finding names only
the authorities public at its date (``law.Law``).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from onward.model.states import state_name
from onward.risk.direct import DirectRisk, evidence_of
from onward.risk.explain import EvidenceRef, unique
from onward.risk.law import GC4_12, GC4_45, KHASANOV, Cite, Law
from onward.risk.params import RiskParams
from onward.risk.political import PoliticalIndicator

ESTABLISHED, NOT_ESTABLISHED, INSUFFICIENT = "real risk established", "not established", "insufficient evidence"

# Legal bases as (authority id, locator) groups from onward/model/authorities.yaml; a finding
# names only those public at its date (``Law``).
DIRECT_BASES: list[list[Cite]] = [
    [("law:echr", "Art. 3"), ("law:soering", None), ("law:chahal", "§74")],
    [("law:cat", "Art. 3")],
    [("law:iccpr", "Art. 7")],
    [("law:refugee-convention", "Art. 33")],
]
ONWARD_BASES: list[list[Cite]] = [
    [("law:echr", "Art. 3"), ("law:ti", None), ("law:hirsi", None)],
    [("law:cat", "Art. 3"), GC4_12],
    [("law:iccpr", "Art. 7")],
    [("law:refugee-convention", "Art. 33")],
    [("law:ece", "Art. 15")],
]
# Factors that do not make a risk personal: the general situation alone suffices only in the most
# extreme cases (Khasanov and Rakhmanov). Being wanted by the state makes the person a detained
# criminal suspect there (Kaboulov v Ukraine §112); that is personal enough while the state's
# record stands, but where its indicators have improved it needs group evidence (ex nunc).
NON_SPECIFIC = {"national of this state"}
WANTED = "wanted by this state"
GROUP_SPECIFIC = 0.3


class Finding(BaseModel):
    """One answer to the legal test, with its bases, reasoning, evidence and what would change it."""

    question: str = Field(pattern=r"^(direct|onward|political)$")
    destination: str
    via: str | None = Field(default=None, description="for onward risk: the persecuting state reached")
    status: str
    legal_bases: list[str]
    reasoning: str
    would_change: list[str]
    evidence: list[EvidenceRef] = Field(default_factory=list)


def _general_total(risk: DirectRisk) -> float:
    return sum(r.total() for r in risk.reasons if r.factor == "general situation")


def _counter(risk: DirectRisk) -> list[str]:
    """Judgments that point the other way (no violation for a similar profile), to state plainly."""
    return [
        child.factor.removeprefix("judgment against the risk: ")
        for reason in risk.reasons
        if reason.factor == "group"
        for child in reason.children
        if child.factor.startswith("judgment against the risk: ")
    ]


def improved(risk: DirectRisk) -> bool:
    """The general situation in the state has improved over the recent years (the PTS trend is negative)."""
    return any(
        child.factor == "trend of the general situation" and (child.contribution or 0.0) < 0
        for reason in risk.reasons
        for child in reason.children
    )


def _specific(risk: DirectRisk) -> bool:
    personal = NON_SPECIFIC | ({WANTED} if improved(risk) else set())
    for reason in risk.reasons:
        if reason.factor == "group" and reason.total() >= GROUP_SPECIFIC:
            return True
        if reason.factor == "individual" and any(c.factor not in personal for c in reason.children):
            return True
    return False


def direct_finding(risk: DirectRisk, params: RiskParams, law: Law, *, reduction: float = 0.0) -> Finding:
    """Direct risk in ``risk.state``: established, not established or insufficient evidence."""
    name = state_name(risk.state)
    extreme = _general_total(risk) >= params.findings.general_alone_logit
    score = risk.score * (1.0 - reduction)
    threshold = params.findings.direct_established
    reasoning = f"score {risk.score:.2f} ({risk.level}) from the tiers: {', '.join(risk.tiers) or 'none'}"
    if reduction:
        reasoning += f"; assurances lower it to {score:.2f}"
    if reduction and risk.systemic and risk.score >= threshold > score:
        score = risk.score
        reasoning += "; but the knowledge base shows a systemic practice, which assurances cannot erase"
    would_change: list[str]
    if not risk.tiers:
        status = INSUFFICIENT
        would_change = [
            f"indicators of the general situation in {name}",
            f"judgments or incidents about people of this profile in {name}",
        ]
    elif score >= threshold and (_specific(risk) or extreme):
        status = ESTABLISHED
        if not _specific(risk):
            reasoning += "; the general situation is extreme enough to suffice alone" + law.paren(KHASANOV)
        would_change = [f"evidence that the practices shown no longer exist in {name} (the risk is assessed ex nunc)"]
    elif score >= threshold:
        status = NOT_ESTABLISHED
        reasoning += (
            "; neither group membership nor individual circumstances make the risk personal"
            + ("" if not improved(risk) else f" (being wanted is not enough now that the situation in {name} improved)")
            + ", and the general situation alone suffices only in the most extreme cases"
            + law.paren(KHASANOV)
        )
        would_change = [
            f"evidence that people of this profile are systematically ill-treated in {name}",
            "individual factors" + law.paren(GC4_45),
        ]
    else:
        status = NOT_ESTABLISHED
        would_change = [
            f"judgments or documented incidents showing ill-treatment of people of this profile in {name}",
            "individual factors: political activity, previous ill-treatment, refugee status" + law.paren(GC4_45),
        ]
    counter = _counter(risk)
    if counter:
        reasoning += "; evidence pointing the other way: no violation found in " + "; ".join(counter)
    return Finding(
        question="direct",
        destination=risk.state,
        status=status,
        legal_bases=law.bases(DIRECT_BASES),
        reasoning=reasoning,
        would_change=would_change,
        evidence=evidence_of(risk),
    )


def onward_finding(
    destination: str,
    target: DirectRisk,
    target_finding: Finding,
    *,
    probability: float,
    before_assurances: float,
    systemic_edge: bool,
    outgoing_edges: int,
    evidence: list[EvidenceRef],
    params: RiskParams,
    law: Law,
) -> Finding:
    """Onward risk from ``destination`` to the persecuting state ``target.state``."""
    d, k = state_name(destination), state_name(target.state)
    threshold = params.findings.onward_established
    reasoning = f"probability {probability:.2f} of onward transfer to {k} (before assurances {before_assurances:.2f})"
    held = probability
    if before_assurances >= threshold > probability and (target.systemic or systemic_edge):
        held = before_assurances
        reasoning += "; assurances would lower it, but the practice shown is systemic and they cannot erase it"
    reasoning += f"; direct risk in {k}: {target_finding.status}"
    counter = _counter(target)
    if counter:
        reasoning += f"; evidence pointing the other way for {k}: no violation found in " + "; ".join(counter)
    if target_finding.status == INSUFFICIENT:
        status = INSUFFICIENT
        would_change = [f"evidence of the risk the person faces in {k} itself"]
    elif outgoing_edges == params.findings.onward_insufficient_edges:
        status = INSUFFICIENT
        reasoning += f"; the knowledge base documents no transfer channel or practice of {d}"
        would_change = [f"documented transfers from {d}, or its extradition treaties and conventions"]
    elif held >= threshold and target_finding.status == ESTABLISHED:
        status = ESTABLISHED
        would_change = [
            f"binding, verifiable guarantees against re-extradition from {d} with a record of being honoured",
            f"evidence that {d} has stopped transferring people to {k} and similar states",
        ]
    else:
        status = NOT_ESTABLISHED
        would_change = [f"documented transfers from {d} to {k} or its allies, especially of people of this profile"]
    return Finding(
        question="onward",
        destination=destination,
        via=target.state,
        status=status,
        legal_bases=law.bases(ONWARD_BASES),
        reasoning=reasoning,
        would_change=would_change,
        evidence=evidence,
    )


POLITICAL = "indicators of a political purpose"


def political_finding(
    destination: str,
    indicators: list[PoliticalIndicator],
    *,
    custodial_ece: bool,
    jurisdiction: str,
    params: RiskParams,
    law: Law,
) -> Finding | None:
    """Extradition to ``destination`` requested for a political purpose? None when no indicator is present."""
    present = [i for i in indicators if i.present and (not i.states or destination in i.states)]
    if not present:
        return None
    bases = params.political.legal_bases
    groups = ([bases["ECE"]] if custodial_ece and "ECE" in bases else []) + (
        [bases[jurisdiction]] if jurisdiction in bases else []
    )
    name = state_name(destination)
    return Finding(
        question="political",
        destination=destination,
        status=POLITICAL,
        legal_bases=law.bases(groups),
        reasoning=f"the request by {name} shows indicators of a political purpose: "
        + "; ".join(f"{i.indicator} ({i.note})" for i in present),
        would_change=[f"evidence that the prosecution in {name} is ordinary criminal justice, unrelated to opinions"],
        evidence=unique([ref for i in present for ref in i.evidence]),
    )


def conclusion(destination: str, findings: list[Finding]) -> str:
    """The recommendation for one destination, from its findings."""
    name = state_name(destination)
    political = [f for f in findings if f.question == "political"]
    if political:
        bases = "; ".join(political[0].legal_bases) or "the applicable law"
        purpose = f" The request shows indicators of a political purpose, a ground to refuse it ({bases})."
    else:
        purpose = ""
    return _conclusion(destination, name, [f for f in findings if f.question != "political"]) + purpose


def _conclusion(destination: str, name: str, findings: list[Finding]) -> str:
    established = [f for f in findings if f.status == ESTABLISHED]
    if established:
        why = "; ".join(
            f"onward transfer to {state_name(f.via)}" if f.via else f"ill-treatment in {name}" for f in established
        )
        return f"Removal to {name} would expose the person to a real risk ({why}): it should be refused."
    if any(f.status == INSUFFICIENT for f in findings):
        return f"The evidence is insufficient to conclude on removal to {name}; see what would change the findings."
    return f"No real risk is established on the evidence for removal to {name}."
