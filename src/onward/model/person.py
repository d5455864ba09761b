"""The person at risk: names as written in each script, nationalities, profile and legal statuses."""

from __future__ import annotations

import datetime as dt
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
    STATELESS = "stateless"


PROTECTIVE_STATUSES = frozenset(
    {StatusKind.REFUGEE_STATUS, StatusKind.UNHCR_MANDATE_REFUGEE, StatusKind.SUBSIDIARY_PROTECTION}
)


class StatusOutcome(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class StatusEventKind(StrEnum):
    """What happened to a status after it was granted or applied for."""

    APPEAL_LODGED = "appeal_lodged"
    REVOCATION_SOUGHT = "revocation_sought"
    REVOKED = "revoked"
    CEASED = "ceased"
    CANCELLED = "cancelled"
    RESTORED = "restored"
    WITHDRAWN = "withdrawn"


ENDING_EVENTS = frozenset({StatusEventKind.REVOKED, StatusEventKind.CEASED, StatusEventKind.CANCELLED})


class StatusEvent(Record):
    """A dated step in a status's life: revocation sought, revoked, ceased, restored on appeal."""

    event: StatusEventKind
    date: PartialDate | None = None
    by: str | None = Field(default=None, description="the authority that took the step")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class PersonName(Record):
    """A name as one source or script writes it; ``lang`` is a BCP 47 tag (``ru``, ``kk-Latn``)."""

    name: NonEmpty
    lang: str | None = None
    kind: str = Field(default="primary", pattern=r"^(primary|transliteration|alias|birth)$")


class PersonStatus(Record):
    """A legal status the person holds, held or asked for: refugee status granted by the UK on a date, an asylum
    application pending in Poland, a subsidiary protection whose revocation is sought."""

    kind: StatusKind
    granted_by: CountryCode | None = Field(
        default=None, description="the state that granted the status or, for an application, examines it"
    )
    date: PartialDate | None = Field(default=None, description="when it was granted or applied for")
    vis_a_vis: list[CountryCode] = Field(default_factory=list, description="states the protection is against")
    stage: str | None = Field(default=None, description="for an application: where it stands (e.g. appeal)")
    outcome: StatusOutcome | None = Field(default=None, description="for an application: its outcome so far")
    events: list[StatusEvent] = Field(default_factory=list, description="revocation, cessation, restoration, …")
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None

    def events_by(self, as_of: dt.date) -> list[StatusEvent]:
        """The events known to have happened by ``as_of`` (an undated event counts), in file order."""
        return [e for e in self.events if e.date is None or e.date.earliest() <= as_of]

    def in_force(self, as_of: dt.date) -> bool:
        """Whether the status still protects on ``as_of``: not revoked, ceased or cancelled since (or restored)."""
        if self.date is not None and self.date.earliest() > as_of:
            return False
        if self.outcome in (StatusOutcome.REFUSED, StatusOutcome.WITHDRAWN):
            return False
        ended = False
        for event in self.events_by(as_of):
            if event.event in ENDING_EVENTS or event.event is StatusEventKind.WITHDRAWN:
                ended = True
            elif event.event is StatusEventKind.RESTORED:
                ended = False
        return not ended

    def contested(self, as_of: dt.date) -> bool:
        """Whether revocation was sought by ``as_of`` and the status still stands."""
        sought = any(e.event is StatusEventKind.REVOCATION_SOUGHT for e in self.events_by(as_of))
        return sought and self.in_force(as_of)

    @property
    def pending_application(self) -> bool:
        return self.kind is StatusKind.ASYLUM_APPLICATION and self.outcome in (None, StatusOutcome.PENDING)


class NoticeKind(StrEnum):
    RED = "red"
    BLUE = "blue"
    DIFFUSION = "diffusion"
    OTHER = "other"


class NoticeStatus(StrEnum):
    ACTIVE = "active"
    DELETED = "deleted"
    WITHDRAWN = "withdrawn"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class ChallengeOutcome(StrEnum):
    PENDING = "pending"
    DELETED = "deleted"
    MAINTAINED = "maintained"
    OTHER = "other"


class NoticeChallenge(Record):
    """A request to delete a notice, usually before the Commission for the Control of INTERPOL's Files."""

    body: NonEmpty = "Commission for the Control of INTERPOL's Files"
    lodged: PartialDate | None = None
    decided: PartialDate | None = None
    outcome: ChallengeOutcome = ChallengeOutcome.PENDING
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None


class InterpolNotice(Record):
    """An INTERPOL notice or diffusion a state issued against the person; its deletion on political grounds
    (INTERPOL Constitution Art. 3) is evidence that the prosecution is political."""

    kind: NoticeKind = NoticeKind.RED
    requesting_state: CountryCode
    date: PartialDate | None = Field(default=None, description="when it was issued")
    status: NoticeStatus = NoticeStatus.UNKNOWN
    challenge: NoticeChallenge | None = None
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None

    def deleted_by(self, as_of: dt.date) -> bool:
        challenge = self.challenge
        if challenge is not None and challenge.outcome is ChallengeOutcome.DELETED:
            return challenge.decided is None or challenge.decided.earliest() <= as_of
        return self.status is NoticeStatus.DELETED


class Person(Record):
    names: list[PersonName] = Field(min_length=1)
    nationalities: list[CountryCode] = Field(default_factory=list)
    profile: list[Profile] = Field(default_factory=list)
    statuses: list[PersonStatus] = Field(default_factory=list)
    interpol_notices: list[InterpolNotice] = Field(default_factory=list)
    previous_ill_treatment: list[CountryCode] = Field(
        default_factory=list, description="states where the person was previously ill-treated (CAT GC4 §45)"
    )
    sources: list[Citation] = Field(default_factory=list)
    note: str | None = None

    @property
    def display_name(self) -> str:
        return self.names[0].name
