"""From the roles states play around a trigger to the sending and receiving state of the incident.

The rules follow the gold annotation guide: deportation of foreigners from the report's country goes from that
country to the stated destination, else to the stated nationality; an extradition "from the United Kingdom" in a
report on Croatia goes to Croatia; an abduction counts only when it crosses a border (a kidnapping at home by
militants is a crime, not a transfer — CAT Art. 3 concerns removal to another state).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from onward.evidence.extract.roles import Role, StateRole
from onward.model.incident import IncidentKind


@dataclass
class Roles:
    """The states around one trigger, by role, nearest first; ``listed`` are "such as X and Y" examples."""

    destination: list[StateRole] = field(default_factory=list)
    origin: list[StateRole] = field(default_factory=list)
    place: list[StateRole] = field(default_factory=list)
    actor: list[StateRole] = field(default_factory=list)
    requester: list[StateRole] = field(default_factory=list)
    custody: list[StateRole] = field(default_factory=list)
    agent: list[StateRole] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    border: list[str] = field(default_factory=list)
    nationality: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    nonstate_origin: bool = False
    home_mentioned: bool = False  # the reporting state is named in the sentence ("arrival at Khartoum airport")

    @staticmethod
    def first(items: list[StateRole]) -> str | None:
        return items[0].code if items else None


@dataclass(frozen=True)
class Direction:
    """Sending and receiving state, and whether either was inferred rather than stated."""

    from_state: str | None
    to_state: str | None
    inferred: bool
    used: tuple[StateRole, ...] = ()


def _nationality(roles: Roles, exclude: set[str | None]) -> str | None:
    for code in reversed(roles.nationality):
        if code not in exclude:
            return code
    return None


def resolve_direction(kind: IncidentKind, rule: str, roles: Roles, country: str | None) -> Direction | None:
    """The direction of the incident, or None when the passage does not place it across a border."""
    inferred = False
    used: list[StateRole] = []
    to_role = roles.destination[0] if roles.destination else None
    from_role = roles.origin[0] if roles.origin else None
    to = to_role.code if to_role else (roles.listed[0] if roles.listed else None)
    origin = from_role.code if from_role else None
    used += [r for r in (to_role, from_role) if r is not None]
    if kind in (IncidentKind.DEPORTATION, IncidentKind.FORCIBLE_RETURN, IncidentKind.BORDER_REFOULEMENT):
        if rule == "repatriate":
            # "Kosovo repatriated 110 people": the acting state is the one receiving them.
            if to is None and roles.actor:
                to = roles.actor[0].code
                used.append(roles.actor[0])
            foreign = _nationality(roles, {country}) or next((c for c in roles.groups if c != country), None)
            if to is None and not roles.actor and country and foreign is None:
                to, inferred = country, True  # "the state repatriated 101 women from camps in Syria"
            if origin is None and roles.place and roles.place[0].code != to:
                origin = roles.place[0].code
                used.append(roles.place[0])
            if origin is None and not roles.actor and country and to != country and foreign is not None:
                origin = country  # "efforts to repatriate Rohingya": the reporting state sends them back
        else:
            for items in (roles.actor, roles.agent):
                if origin is None and items and items[0].code != to:
                    origin = items[0].code
                    used.append(items[0])
            if origin is None and roles.place and roles.place[0].code != to:
                origin = roles.place[0].code
                used.append(roles.place[0])
            if origin is None and not roles.nonstate_origin and country and to != country:
                origin = country
            if origin is None and to is not None and to == country:
                # "Ukrainians have been forcibly sent to Russia": they were taken from their own state
                origin = _nationality(roles, {to})
                inferred = inferred or origin is not None
                if origin is None:
                    return None  # "returned to Chechnya" in a report on Russia: moved within the state
        if to is None:
            to = _nationality(roles, {origin, country} if origin is None else {origin})
            inferred = inferred or to is not None
        if to is None:  # "pushbacks at the Belarusian border", "left at the border with Niger"
            to = next((code for code in roles.border if code != origin), None)
            inferred = inferred or to is not None
        if to is None:
            # A people returned "home": the state it is associated with, other than the sending one.
            to = next((code for code in roles.groups if code not in (origin, country)), None)
            inferred = inferred or to is not None
        if to is None and origin is not None and country and origin != country and roles.home_mentioned:
            to, inferred = country, True
    elif kind in (IncidentKind.EXTRADITION, IncidentKind.DETENTION_FOR_TRANSFER):
        if to is None and roles.requester:
            to = roles.requester[0].code
            used.append(roles.requester[0])
        for items in (roles.actor, roles.place, roles.custody, roles.agent):
            if origin is None and items and items[0].code != to:
                origin = items[0].code
                used.append(items[0])
        if to is None and country and origin != country:
            to, inferred = country, True
        if origin is None and country and to != country:
            origin = country
    elif kind in (IncidentKind.EXTRADITION_REQUEST, IncidentKind.INTERPOL_NOTICE):
        for items in (roles.requester, roles.actor, roles.agent, roles.destination):
            if items and items[0].code != origin:
                to = items[0].code
                used.append(items[0])
                break
        for items in (roles.place, roles.custody, roles.origin, roles.actor, roles.agent):
            if items and items[0].code != to:
                origin = items[0].code
                used.append(items[0])
                break
        if origin is None and country and to is not None and to != country and kind is IncidentKind.EXTRADITION_REQUEST:
            origin, inferred = country, True
        if to is None and country and origin not in (None, country):
            to, inferred = country, True
    elif kind is IncidentKind.ABDUCTION:
        if to is None and roles.custody:
            to = roles.custody[0].code
            used.append(roles.custody[0])
        if to is None and roles.actor:
            to = roles.actor[0].code
            used.append(roles.actor[0])
        if origin is None and roles.place and roles.place[0].code != to:
            origin = roles.place[0].code
            used.append(roles.place[0])
        if to is None and origin is not None and country and origin != country:
            to, inferred = country, True
        if origin is None and to is not None and country and to != country:
            origin, inferred = country, True
        if origin is not None and to is None:
            foreign = _nationality(roles, {origin})
            if foreign is None:
                return None  # kidnapped at home: not a transfer across a border
            inferred = True
        if origin is None or origin == to:
            return None
    if origin is not None and origin == to:
        if to_role is None:
            to = None
        else:
            origin = None
    if origin is None and to is None:
        return None
    return Direction(origin, to, inferred, tuple(used))


__all__ = ["Direction", "Role", "Roles", "resolve_direction"]
