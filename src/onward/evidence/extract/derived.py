"""Incidents implied by another one in the same clause: the arrest that precedes an extradition, the request that
an extradition answers.

"Authorities in Kyrgyzstan detained and extradited journalist X at the request of Uzbek authorities" reports three
things the gold rules annotate separately: a request (KG → UZ), a detention for transfer (KG → UZ) and the
extradition itself. Arrest abroad matters on its own: the detained person is already in the requesting state's
reach (the ECtHR treats the detention as part of the extradition procedure, Art. 5 § 1 (f)).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onward.evidence.extract.dates import DateMention
from onward.gazetteer import Mention, MentionKind
from onward.model.dates import EventDate
from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus

_ARREST = re.compile(
    r"\b(?:arrested|detained|apprehended|taken into custody|held|jailed|"
    r"remained in (?:\w+\s+)?(?:detention|custody))\b",
    re.I,
)
_PLACE_AFTER_ARREST = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class ClauseView:
    """The sentence (its text and where it starts in the passage), the clause bounds, mentions and dates in it."""

    text: str
    offset: int
    clause: tuple[int, int]
    mentions: list[Mention]
    dates: list[DateMention]


def _arrest_place(view: ClauseView, arrest_start: int, arrest_end: int) -> Mention | None:
    for mention in view.mentions:
        # "police in Warsaw detained …": the place names the arresting authorities
        lead = view.text[mention.end : arrest_start]
        if (
            mention.end <= arrest_start
            and re.fullmatch(r"\s*(?:\w+\s+){0,2}", lead)
            and re.search(
                r"\b(?:police|authorities|officers|agents|officials)\s+(?:in|of)\s+(?:the\s+)?$",
                view.text[: mention.start],
            )
        ):
            return mention
    for mention in view.mentions:
        if mention.start < arrest_end or mention.code is None:
            continue
        if _PLACE_AFTER_ARREST.match(view.text[arrest_end : mention.start]):
            return mention
        break
    return None


def _held_place(view: ClauseView, arrest: re.Match[str]) -> Mention | None:
    """ "remained in Guatemalan detention": the demonym inside the arrest phrase names the place."""
    for mention in view.mentions:
        if arrest.start() <= mention.start and mention.end <= arrest.end() and mention.kind is MentionKind.DEMONYM:
            return mention
    return None


def _date_near(view: ClauseView, start: int, end: int) -> EventDate | None:
    after = [
        d for d in view.dates if end <= d.start <= end + 40 and not re.search(r"[,;]|\band\b", view.text[end : d.start])
    ]
    if after:
        return EventDate(start=after[0].date)
    before = [d for d in view.dates if d.end <= start and d.start >= view.clause[0]]
    return EventDate(start=before[-1].date) if before else None


def detention_for(view: ClauseView, incident: ExtractedIncident, trigger_start: int) -> ExtractedIncident | None:
    """The arrest abroad that an extradition, request or Interpol notice in the same clause was about."""
    if incident.kind not in (IncidentKind.EXTRADITION, IncidentKind.EXTRADITION_REQUEST, IncidentKind.INTERPOL_NOTICE):
        return None
    if incident.status is IncidentStatus.BLOCKED or incident.to_state is None:
        return None
    arrest = None
    for match in _ARREST.finditer(view.text, view.clause[0], view.clause[1]):
        if arrest is None or abs(match.start() - trigger_start) < abs(arrest.start() - trigger_start):
            arrest = match
    if arrest is None:
        return None
    place = _arrest_place(view, arrest.start(), arrest.end()) or _held_place(view, arrest)
    origin = place.code if place is not None else incident.from_state
    if origin is None or origin == incident.to_state:
        return None
    completed = incident.kind is IncidentKind.EXTRADITION and incident.status is IncidentStatus.COMPLETED
    start = min(arrest.start(), incident.quote_start - view.offset)
    end = max(arrest.end(), place.end if place is not None else arrest.end())
    arrest_end = end
    start = _subject_start(view, arrest.start(), start)
    if incident.quote_start - view.offset <= arrest.start() < incident.quote_end - view.offset:
        end = max(end, incident.quote_end - view.offset)  # the arrest is inside the incident's own words
    return incident.model_copy(
        update={
            "kind": IncidentKind.DETENTION_FOR_TRANSFER,
            "status": IncidentStatus.COMPLETED if completed else IncidentStatus.PENDING,
            "from_state": origin,
            "date": _date_near(view, arrest.start(), arrest_end) or incident.date,
            "quote": view.text[start:end],
            "quote_start": view.offset + start,
            "quote_end": view.offset + end,
            "rule": f"{incident.rule}+arrest",
            "confidence": round(max(0.2, incident.confidence - 0.1), 2),
        }
    )


def _subject_start(view: ClauseView, arrest_start: int, fallback: int) -> int:
    """Start the quote at the arrested person when the arrest comes first ("Martinelli was arrested in …")."""
    if fallback < arrest_start:
        return fallback
    lead = view.text[view.clause[0] : arrest_start]
    match = re.search(r"(?:^|[,;]\s*|\b(?:and|but)\s+)([^,;]*?)\s*$", lead)
    return view.clause[0] + match.start(1) if match else arrest_start


def request_for(incident: ExtractedIncident, requested: bool) -> ExtractedIncident | None:
    """The request an extradition answered, when the clause states it ("at the request of Uzbek authorities")."""
    if incident.kind is not IncidentKind.EXTRADITION or not requested:
        return None
    return incident.model_copy(
        update={
            "kind": IncidentKind.EXTRADITION_REQUEST,
            "status": IncidentStatus.REQUESTED,
            "rule": f"{incident.rule}+request",
        }
    )
