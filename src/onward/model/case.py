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
    track: RemovalKind | None = Field(
        default=None,
        description="the kind of removal whose procedure this step belongs to; default: the case's main kind",
    )
    outcome: Outcome = Outcome.PENDING
    requests: list[Identifier] = Field(default_factory=list, description="ids of the requests it concerns")
    destinations: list[CountryCode] = Field(default_factory=list, description="states it allows removal to")
    conditions: list[NonEmpty] = Field(default_factory=list)
    reference: str | None = Field(default=None, description="docket or decision number")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class RemovalStatus(StrEnum):
    """Where a removal stands: envisaged, decided, carried out, or only feared (an informal transfer)."""

    CONSIDERED = "considered"
    ORDERED = "ordered"
    SUSPENDED = "suspended"
    CARRIED_OUT = "carried_out"
    ABANDONED = "abandoned"
    FEARED = "feared"


class Removal(Record):
    """One way the person may be sent to a state: an extradition, a deportation, a Dublin transfer, a feared
    abduction. Unlike ``proposed_destinations`` (extraditions to requesting states), the destination of a
    deportation or a readmission need not have asked for the person."""

    id: Identifier
    kind: RemovalKind
    destination: CountryCode
    status: RemovalStatus = RemovalStatus.CONSIDERED
    requests: list[Identifier] = Field(
        default_factory=list, description="for an extradition, the ids of the requests it would answer"
    )
    legal_basis: str | None = Field(default=None, description="statute, decision or agreement it rests on")
    date: PartialDate | None = Field(default=None, description="when it was envisaged, ordered or carried out")
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
    jurisdiction: str = Field(
        default="FR",
        description="whose procedure applies: the custodial state's ISO code (ECHR or UN for the general routes)",
    )
    as_of: PartialDate
    custodial_state: CountryCode
    person: Person
    persecuting_states: list[CountryCode] = Field(min_length=1, description="states the person fears")
    requests: list[ExtraditionRequest] = Field(default_factory=list)
    proposed_destinations: list[CountryCode] = Field(
        default_factory=list, description="states extradition is considered to (each a requesting state)"
    )
    removals: list[Removal] = Field(
        default_factory=list,
        description="other removals considered or feared (deportation, asylum removal, Dublin, readmission, "
        "informal transfer), and extraditions described in detail",
    )
    proceedings: list[Proceeding] = Field(default_factory=list)
    assurances: list[Assurance] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    sensitive: bool = Field(
        default=False,
        description="store the case encrypted with a key the database does not hold (ONWARD_KEY_FILE)",
    )
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

    @property
    def destinations(self) -> list[str]:
        """Every state the person may be sent to: proposed extraditions first, then the other removals."""
        seen: list[str] = list(dict.fromkeys(self.proposed_destinations))
        for removal in self.removals:
            if removal.destination not in seen:
                seen.append(removal.destination)
        return seen

    def removal_kinds(self, destination: str) -> list[RemovalKind]:
        """How the person may be sent to ``destination``: a proposed destination is an extradition."""
        kinds = [RemovalKind.EXTRADITION] if destination in self.proposed_destinations else []
        for removal in self.removals:
            if removal.destination == destination and removal.kind not in kinds:
                kinds.append(removal.kind)
        return kinds

    @property
    def main_kind(self) -> RemovalKind:
        """The removal the case is mainly about: extradition when a state asked for the person."""
        if self.requests or self.proposed_destinations or not self.removals:
            return RemovalKind.EXTRADITION
        return self.removals[0].kind

    @property
    def tracks(self) -> list[RemovalKind]:
        """The kinds of removal whose procedures the case's proceedings may follow (informal transfers have none)."""
        kinds = [self.main_kind]
        for removal in self.removals:
            if removal.kind not in kinds and removal.kind is not RemovalKind.INFORMAL_TRANSFER:
                kinds.append(removal.kind)
        return kinds

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
