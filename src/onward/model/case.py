"""A case: a person held by one state, wanted by others, and the proceedings that decide where they go.

The case file (YAML, see ``onward.casefile``) is the user's authoritative copy of this record;
the store keeps it as a validated document with a change log.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from onward.model.base import Identifier, NonEmpty, Record
from onward.model.dates import PartialDate
from onward.model.person import Person
from onward.model.source import Citation, Source
from onward.model.states import CountryCode

CASE_FORMAT_VERSION = 1


class RemovalKind(StrEnum):
    """How a person would be sent: the kind decides the procedure, the law and the safeguards that apply.

    Speciality and re-extradition consent (ECE Art. 14-15) protect an extradited person, not a deported one;
    asylum law governs a removal after an asylum claim; an informal transfer (abduction, rendition) follows
    no procedure at all and is recorded only as a risk (CAT General Comment 4 §4 counts all of them).
    """

    EXTRADITION = "extradition"
    DEPORTATION = "deportation"
    ASYLUM_REMOVAL = "asylum_removal"
    DUBLIN_TRANSFER = "dublin_transfer"
    READMISSION = "readmission"
    INFORMAL_TRANSFER = "informal_transfer"


class ExtraditionRequest(Record):
    """A state's request to have the person surrendered (CPP 696-8: received by diplomatic channel)."""

    id: Identifier
    requesting_state: CountryCode
    received: PartialDate | None = None
    charges: list[NonEmpty] = Field(default_factory=list)
    legal_basis: str | None = Field(default=None, description="treaty or statute invoked, if known")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class Outcome(StrEnum):
    FAVOURABLE = "favourable"
    UNFAVOURABLE = "unfavourable"
    ANNULLED = "annulled"
    APPEAL_REJECTED = "appeal_rejected"
    APPEAL_ALLOWED = "appeal_allowed"
    DECREE_ISSUED = "decree_issued"
    REFUSED = "refused"
    GRANTED = "granted"
    PENDING = "pending"
    OTHER = "other"


class Proceeding(Record):
    """A step before a court or an authority: an avis, an appeal, a decree, an interim measure."""

    id: Identifier
    date: PartialDate | None = None
    body: NonEmpty
    stage: Identifier = Field(description="a stage id of the jurisdiction's procedure (see procedure/)")
    outcome: Outcome = Outcome.PENDING
    requests: list[Identifier] = Field(default_factory=list, description="ids of the requests it concerns")
    destinations: list[CountryCode] = Field(default_factory=list, description="states it allows removal to")
    conditions: list[NonEmpty] = Field(default_factory=list)
    reference: str | None = Field(default=None, description="docket or decision number")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class AssuranceItem(StrEnum):
    """What an assurance promises; the Othman v UK §189 factors are assessed against these."""

    CONSULAR_VISITS = "consular_visits"
    MONITORING_VISITS = "monitoring_visits"
    NO_ONWARD_TRANSFER = "no_onward_transfer"
    NO_TORTURE = "no_torture"
    FAIR_TRIAL = "fair_trial"
    DETENTION_CONDITIONS = "detention_conditions"
    NO_DEATH_PENALTY = "no_death_penalty"
    LAWYER_ACCESS = "lawyer_access"
    MEDICAL_CARE = "medical_care"
    ECHR_COMPLIANCE = "echr_compliance"
    OTHER = "other"


class AssuranceTerm(Record):
    item: AssuranceItem
    text: str | None = None


class Assurance(Record):
    """A promise about treatment after transfer, given by a state or imposed as a condition by a court."""

    id: Identifier
    giving_state: CountryCode
    authority: str | None = None
    date: PartialDate | None = None
    imposed_by: str | None = Field(
        default=None, description="the proceeding id when a court attached it as a condition"
    )
    terms: list[AssuranceTerm] = Field(min_length=1)
    monitoring: list[NonEmpty] = Field(default_factory=list)
    disclosed: bool | None = Field(default=None, description="are its terms disclosed (Othman §189(1))")
    legally_binding: bool | None = None
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class Case(Record):
    """Who is held where, who wants them, what has been decided, and what is feared."""

    onward: int = Field(default=CASE_FORMAT_VERSION, description="case file format version")
    id: Identifier
    title: NonEmpty
    language: str = Field(default="en", pattern=r"^(en|fr)$")
    jurisdiction: str = Field(default="FR", description="procedure file to apply (procedure/<code>.yaml)")
    as_of: PartialDate
    custodial_state: CountryCode
    person: Person
    persecuting_states: list[CountryCode] = Field(min_length=1, description="states the person fears")
    requests: list[ExtraditionRequest] = Field(default_factory=list)
    proposed_destinations: list[CountryCode] = Field(default_factory=list)
    proceedings: list[Proceeding] = Field(default_factory=list)
    assurances: list[Assurance] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    risk_model: dict[str, Any] | None = Field(
        default=None,
        description="overrides of the risk model's weights and thresholds for this case (keys of risk/model.yaml)",
    )
    note: str | None = None

    @property
    def requesting_states(self) -> list[str]:
        seen: list[str] = []
        for request in self.requests:
            if request.requesting_state not in seen:
                seen.append(request.requesting_state)
        return seen

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
