"""The person at risk: names as written in each script, nationalities, profile and legal statuses."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from onward.model.base import NonEmpty, Record
from onward.model.dates import PartialDate
from onward.model.source import Citation
from onward.model.states import CountryCode


class Profile(StrEnum):
    """Who the person is, in the terms risk evidence uses (CAT GC4 §45; the extraction gold set)."""

    DISSIDENT = "dissident"
    JOURNALIST = "journalist"
    ACTIVIST = "activist"
    OPPOSITION_POLITICIAN = "opposition_politician"
    HUMAN_RIGHTS_DEFENDER = "human_rights_defender"
    ASYLUM_SEEKER = "asylum_seeker"
    REFUGEE = "refugee"
    RELIGIOUS_MINORITY = "religious_minority"
    ETHNIC_MINORITY = "ethnic_minority"
    LAWYER = "lawyer"
    BUSINESSPERSON = "businessperson"
    FORMER_OFFICIAL = "former_official"
    BLOGGER = "blogger"
    STUDENT = "student"
    MIGRANT = "migrant"
    CRIMINAL_SUSPECT = "criminal_suspect"
    OTHER = "other"


class StatusKind(StrEnum):
    REFUGEE_STATUS = "refugee_status"
    ASYLUM_APPLICATION = "asylum_application"
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    UNHCR_MANDATE_REFUGEE = "unhcr_mandate_refugee"
    RESIDENCE_PERMIT = "residence_permit"
    ASYLUM_REFUSED = "asylum_refused"


class PersonName(Record):
    """A name as one source or script writes it; ``lang`` is a BCP 47 tag (``ru``, ``kk-Latn``)."""

    name: NonEmpty
    lang: str | None = None
    kind: str = Field(default="primary", pattern=r"^(primary|transliteration|alias|birth)$")


class PersonStatus(Record):
    """A legal status the person holds or held: e.g. refugee status granted by the UK on a date."""

    kind: StatusKind
    granted_by: CountryCode | None = None
    date: PartialDate | None = None
    vis_a_vis: list[CountryCode] = Field(default_factory=list, description="states the protection is against")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class Person(Record):
    names: list[PersonName] = Field(min_length=1)
    nationalities: list[CountryCode] = Field(default_factory=list)
    profile: list[Profile] = Field(default_factory=list)
    statuses: list[PersonStatus] = Field(default_factory=list)
    previous_ill_treatment: list[CountryCode] = Field(
        default_factory=list, description="states where the person was previously ill-treated (CAT GC4 §45)"
    )
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None

    @property
    def display_name(self) -> str:
        return self.names[0].name
