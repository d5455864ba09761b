"""The curated-file format: hand-written YAML listing sources, instruments, memberships, incidents, claims.

A curated file is how a researcher records, with a source for every line, that Kazakhstan acceded
to the 1951 Refugee Convention on 15 January 1999 or that UNHCR counted 11 Uzbek asylum seekers
deported by Ukraine in February 2006 where Human Rights Watch counted 10. Each entry expands into
statements (``onward.kb.curated.expand``); this module only defines the shape, once, with pydantic,
so that a mistake is reported with its line and column by ``onward.yamldoc.problems``.

Where sources disagree, both values are written under ``claims:`` — each with its own citations —
and both become statements: the knowledge base shows the conflict, never resolves it silently.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from onward.model.base import Identifier, NonEmpty, Record
from onward.model.dates import EventDate, PartialDate
from onward.model.incident import IncidentKind, IncidentStatus
from onward.model.person import Profile
from onward.model.source import Citation, Source, Verification
from onward.model.states import CountryCode

CURATED_FORMAT_VERSION = 1

JsonValue = str | int | float | bool | list[str] | list[int]


class InstrumentKind(StrEnum):
    """A treaty states become party to, or an organisation states are members of."""

    TREATY = "treaty"
    PROTOCOL = "protocol"
    ORGANISATION = "organisation"


class Claim(Record):
    """One value of one field as one or more sources give it; alternatives from other sources sit beside it."""

    value: JsonValue
    raw_value: str | None = Field(default=None, description="the value exactly as the source wrote it")
    sources: list[Citation] = Field(min_length=1)
    verification: Verification | None = Field(default=None, description="overrides the source's status")
    known_from: PartialDate | None = Field(default=None, description="defaults to the source's date")
    note: str | None = None


# Instrument fields that can be written plainly or, with their own sources, under ``claims:``.
INSTRUMENT_FIELDS = ("short_name", "adopted", "in_force", "organisation", "depositary", "url")


class Instrument(Record):
    """A legal instrument or organisation: the ECHR, the 1993 Minsk Convention, the Council of Europe."""

    id: Identifier
    kind: InstrumentKind
    name: NonEmpty
    short_name: str | None = None
    adopted: PartialDate | None = Field(default=None, description="adopted or opened for signature")
    in_force: PartialDate | None = Field(default=None, description="general entry into force")
    organisation: str | None = Field(default=None, description="under whose auspices: UN, CoE, CIS, SCO…")
    depositary: str | None = None
    parent: Identifier | None = Field(default=None, description="the instrument a protocol belongs to")
    url: str | None = None
    sources: list[Citation] = Field(min_length=1)
    verification: Verification | None = None
    claims: dict[str, list[Claim]] = Field(default_factory=dict, description="field → values by source")
    note: str | None = None

    @model_validator(mode="after")
    def _claims_fit(self) -> Instrument:
        _check_claims(self, self.claims, INSTRUMENT_FIELDS)
        return self


def _check_claims(entry: BaseModel, claims: dict[str, list[Claim]], fields: tuple[str, ...]) -> None:
    """Each claimed value must be what the field itself accepts: a date, a state code, a count."""
    for field, values in claims.items():
        if field not in fields:
            raise ValueError(f"claims about {field!r}: no such field here ({', '.join(fields)})")
        if getattr(entry, field) is not None:
            raise ValueError(f"{field!r} is written both as a field and under claims: keep one")
        if not values:
            raise ValueError(f"claims about {field!r} list no value")
        annotation: Any = type(entry).model_fields[field].annotation
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        for index, claim in enumerate(values):
            try:
                adapter.validate_python(claim.value)
            except ValidationError as exc:
                reason = exc.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")
                raise ValueError(
                    f"claims.{field}[{index}].value {claim.value!r} is not a valid {field}: {reason}"
                ) from None


class MembershipBasis(StrEnum):
    """What the ``from`` date of a membership is: it matters when comparing with the time of a removal."""

    ENTRY_INTO_FORCE = "entry_into_force"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    ADMISSION = "admission"
    SIGNATURE = "signature"
    FOUNDING = "founding"
    LISTING = "listing"  # the date of a source listing the parties (for ``not_party_to``)


class MembershipRole(StrEnum):
    """``party_to`` a treaty, ``member_of`` an organisation, only ``signatory_to`` it (signed, not ratified),
    or ``not_party_to`` it: a dated source lists the parties and this state is not among them."""

    PARTY_TO = "party_to"
    MEMBER_OF = "member_of"
    SIGNATORY_TO = "signatory_to"
    NOT_PARTY_TO = "not_party_to"


class Party(Record):
    """One state's participation in an instrument, with the dates the sources give and no others."""

    state: CountryCode
    role: MembershipRole | None = Field(default=None, description="defaults by the instrument's kind")
    from_: PartialDate | None = Field(default=None, alias="from")
    basis: MembershipBasis | None = Field(default=None, description="what the from date is")
    to: PartialDate | None = Field(default=None, description="the date the participation ended")
    raw_value: str | None = None
    sources: list[Citation] = Field(default_factory=list, description="defaults to the membership's sources")
    to_sources: list[Citation] = Field(default_factory=list, description="sources for the end; default: sources")
    to_note: str | None = None
    verification: Verification | None = None
    note: str | None = None

    model_config = ConfigDict(populate_by_name=True)

    @model_validator(mode="after")
    def _dated_basis(self) -> Party:
        if self.from_ is not None and self.basis is None:
            raise ValueError("a 'from' date needs its 'basis' (entry_into_force, ratification, accession, …)")
        if self.from_ is not None and self.to is not None and self.to.latest() < self.from_.earliest():
            raise ValueError(f"'to' ({self.to}) is before 'from' ({self.from_})")
        if (self.to_sources or self.to_note) and self.to is None:
            raise ValueError("'to_sources' and 'to_note' describe an end: give its date in 'to'")
        return self


class Membership(Record):
    """The parties to one instrument; ``sources`` apply to every party that cites none of its own."""

    instrument: Identifier
    sources: list[Citation] = Field(default_factory=list)
    verification: Verification | None = None
    note: str | None = None
    parties: list[Party] = Field(min_length=1)

    @model_validator(mode="after")
    def _end_has_its_own_source(self) -> Membership:
        # The end is a correction of the open-ended participation. A correction citing the same
        # source as the statement it corrects hides that statement at every date (a misreading),
        # so an end cited only to the start's own source would erase the membership from views
        # before the end too: the United Kingdom would vanish from the EU before 2020.
        for party in self.parties:
            if party.to is None:
                continue
            starts = {c.source for c in party.sources or self.sources}
            ends = {c.source for c in party.to_sources} or starts
            if not any(start != end for start in starts for end in ends):
                raise ValueError(
                    f"{party.state}: the end ('to: {party.to}') cites only the source of the start "
                    f"({', '.join(sorted(starts))}); cite the source reporting the end in 'to_sources'"
                )
        return self


# Incident fields that can be written plainly or, when sources disagree, under ``claims:``.
INCIDENT_FIELDS = (
    "kind",
    "status",
    "from_state",
    "to_state",
    "subjects",
    "group",
    "subject_count",
    "profile",
    "date",
    "despite_interim_measures",
    "description",
)


class CuratedIncident(Record):
    """A documented transfer (``onward.model.incident``) with a citation for every field it asserts."""

    id: Identifier
    kind: IncidentKind | None = None
    status: IncidentStatus | None = None
    from_state: CountryCode | None = None
    to_state: CountryCode | None = None
    subjects: list[NonEmpty] | None = None
    group: str | None = None
    subject_count: int | None = Field(default=None, ge=0)
    profile: list[Profile] | None = None
    date: EventDate | None = None
    despite_interim_measures: bool | None = None
    description: str | None = None
    sources: list[Citation] = Field(default_factory=list, description="cited by every plain field")
    verification: Verification | None = None
    claims: dict[str, list[Claim]] = Field(default_factory=dict, description="field → values by source")
    related: list[str] = Field(default_factory=list, description="subjects this incident concerns, e.g. a judgment")
    note: str | None = None

    @model_validator(mode="after")
    def _claims_fit(self) -> CuratedIncident:
        _check_claims(self, self.claims, INCIDENT_FIELDS)
        plain = [f for f in INCIDENT_FIELDS if getattr(self, f) is not None]
        if plain and not self.sources:
            raise ValueError(f"fields {', '.join(plain)} need 'sources' (or write them under claims)")
        return self


class CuratedStatement(Record):
    """A free-standing claim a source makes, e.g. the seed letter on Russia's extradition practice."""

    subject: str = Field(pattern=r"^[a-z_]+:.+$")
    property: NonEmpty
    value: JsonValue | dict[str, Any]
    raw_value: str | None = None
    sources: list[Citation] = Field(min_length=1)
    verification: Verification | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    known_from: PartialDate | None = None
    note: str | None = None


class CuratedFile(Record):
    """One curated YAML file: the sources it declares and the entries that cite them."""

    onward_curated: int = Field(description="format version, currently 1")
    sources: list[Source] = Field(default_factory=list)
    instruments: list[Instrument] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list)
    incidents: list[CuratedIncident] = Field(default_factory=list)
    statements: list[CuratedStatement] = Field(default_factory=list)

    @model_validator(mode="after")
    def _version(self) -> CuratedFile:
        if self.onward_curated != CURATED_FORMAT_VERSION:
            raise ValueError(f"onward_curated: this version reads format {CURATED_FORMAT_VERSION}")
        return self
