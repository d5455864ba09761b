"""A documented transfer of people between states: extradition, deportation, abduction and the like."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from onward.model.base import Identifier, Record
from onward.model.dates import EventDate
from onward.model.person import Profile
from onward.model.source import Citation
from onward.model.states import CountryCode


class IncidentKind(StrEnum):
    """How a person was (or was to be) moved; CAT GC4 §4 counts every one of these as "deportation"."""

    EXTRADITION = "extradition"
    EXTRADITION_REQUEST = "extradition_request"
    DEPORTATION = "deportation"
    FORCIBLE_RETURN = "forcible_return"
    BORDER_REFOULEMENT = "border_refoulement"
    ABDUCTION = "abduction"
    INTERPOL_NOTICE = "interpol_notice"
    DETENTION_FOR_TRANSFER = "detention_for_transfer"


class IncidentStatus(StrEnum):
    COMPLETED = "completed"
    PENDING = "pending"
    BLOCKED = "blocked"
    REQUESTED = "requested"


class Incident(Record):
    """One transfer event as the sources describe it; ``subject_count`` may be disputed (see the KB)."""

    id: Identifier
    kind: IncidentKind
    status: IncidentStatus
    from_state: CountryCode | None = None
    to_state: CountryCode | None = None
    subjects: list[str] = Field(default_factory=list)
    group: str | None = Field(default=None, description='a described group, e.g. "Uzbek asylum seekers"')
    subject_count: int | None = Field(default=None, ge=0)
    profile: list[Profile] = Field(default_factory=list)
    date: EventDate | None = None
    despite_interim_measures: bool | None = None
    description: str | None = None
    sources: list[Citation] = Field(default_factory=list)


class ExtractedIncident(Record):
    """An incident an extractor proposes from one passage, waiting for a person to review it.

    ``quote`` is an exact substring of the passage, at ``quote_start:quote_end``.
    """

    kind: IncidentKind
    status: IncidentStatus
    from_state: CountryCode | None = None
    to_state: CountryCode | None = None
    subjects: list[str] = Field(default_factory=list)
    subject_count: int | None = Field(default=None, ge=0)
    profile: list[Profile] = Field(default_factory=list)
    date: EventDate | None = None
    quote: str
    quote_start: int = Field(ge=0)
    quote_end: int = Field(ge=0)
    uncertain: bool = False
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    rule: str | None = Field(default=None, description="which extraction rule produced it, for review")
