"""The states around a trigger, sorted into roles (destination, origin, place, actor, requester…), and the words
that mark a clause as an institution's internal affair rather than a transfer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from onward.evidence.extract.passage import Sentence
from onward.evidence.extract.people import Subject
from onward.evidence.extract.resolution import Roles
from onward.evidence.extract.roles import Role, listed_after, state_roles
from onward.evidence.extract.triggers import Trigger
from onward.gazetteer import Gazetteer, MentionKind
from onward.model.incident import IncidentKind


def roles_around(
    gazetteer: Gazetteer,
    sentence: Sentence,
    trigger: Trigger,
    clause: tuple[int, int],
    subject: Subject | None,
    country: str | None,
) -> Roles:
    text = sentence.text
    kind = trigger.rule.kind
    scope = (0, len(text)) if kind is IncidentKind.ABDUCTION else clause
    mentions = [m for m in sentence.mentions if scope[0] <= m.start and m.end <= scope[1]]
    if kind is IncidentKind.ABDUCTION:
        # "deported from Malaysia … and forcibly disappeared upon arrival": states that belong to another trigger
        others = [
            t
            for t in sentence.triggers
            if t.start != trigger.start and t.rule.kind is not IncidentKind.ABDUCTION and t.rule.name != "sent_back"
        ]
        mentions = [
            m
            for m in mentions
            if not any(min(m.end, trigger.start) <= o.start and o.end <= max(m.start, trigger.end) for o in others)
            and not any(o.end <= m.start and m.start - o.end <= 25 for o in others)
        ]
    roles = Roles()
    for role in state_roles(text, mentions, trigger.start, trigger.end):
        after = role.mention.start >= trigger.end
        near = role.mention.start - trigger.end <= 140 if after else True
        if role.role is Role.DESTINATION and after and near:
            roles.destination.append(role)
        elif (
            role.role is Role.ORIGIN
            and after
            and re.search(r"\b(?:who|which|that|whom)\b", text[trigger.end : role.mention.start])
        ):
            roles.nationality.append(role.code)  # "returning migrants who attempt to enter from Turkey"
        elif role.role is Role.ORIGIN and near:
            roles.origin.append(role)
        elif role.role is Role.PLACE and (
            not after
            or role.mention.start - trigger.end <= 40
            or re.search(
                r"\b(?:lives|living|based|resides|residing|resident|exiled|hiding)\s+in\s+(?:the\s+)?$",
                text[: role.mention.start],
            )
        ):
            roles.place.append(role)
        elif role.role is Role.ACTOR:
            roles.actor.insert(0, role)
        elif role.role is Role.REQUESTER:
            roles.requester.append(role)
        elif role.role is Role.CUSTODY:
            roles.custody.append(role)
        elif role.role is Role.AGENT:
            roles.agent.insert(0, role)
        elif role.role is Role.BORDER:
            roles.border.append(role.code)
        elif role.role is Role.NATIONALITY and role.mention.kind is MentionKind.NAME:
            roles.nationality.insert(0, role.code)
    roles.place.sort(key=lambda r: abs(r.mention.start - trigger.start))
    roles.origin.sort(key=lambda r: (r.mention.start < trigger.start, abs(r.mention.start - trigger.start)))
    if subject is not None:
        # "Five foreigners, including an Iranian refugee": a nationality of some is not that of all
        described = re.split(r"\bincluding\b", subject.description)[0]
        for mention in gazetteer.find_states(described):
            if mention.code is not None and mention.kind is MentionKind.DEMONYM:
                roles.nationality.append(mention.code)
            elif mention.group is not None:
                roles.groups.extend(mention.group.states)
    roles.listed = [m.code for m in listed_after(text, mentions, trigger.end) if m.code]
    # "campuses in several countries, including Nauru": an example in a list does not say where anyone went
    roles.home_mentioned = (
        any(
            m.code == country
            and not re.search(r"\b(?:including|such\s+as|among\s+them|like)\s+(?:the\s+)?$", text[: m.start], re.I)
            for m in sentence.mentions
        )
        if country
        else False
    )
    # "expelled from the Schengen Area … and deported back to Ukraine": an origin is given, but it is not a state.
    nonstate = re.compile(r"(?:expelled|deported|removed|banned|excluded)\s+(?:\w+ly\s+)?from\s+(?:the\s+)?[A-Z]")
    roles.nonstate_origin = bool(nonstate.search(text, clause[0], clause[1])) and not roles.origin
    return roles


def membership(text: str, trigger: Trigger, clause: tuple[int, int]) -> bool:
    """ "was expelled from the judiciary / the LPRP / his post": removal from a body, not from a state."""
    source = re.match(
        r"\s+(?:(?:(?!\band\b)[^;.]){0,80}?\s)?from\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?([\w'’-]+)",
        text[trigger.end : clause[1]],
    )
    if source is None:
        return False
    word = source.group(1)
    if word.lower() in {"country", "territory", "kingdom", "island", "islands", "republic", "state", "region", "area"}:
        return False
    passive = bool(re.search(r"\b(?:was|were|been|be|being)\s+(?:\w+ly\s+)?$", text[: trigger.start]))
    if word[0].islower():
        return True  # "from the judiciary", "from his post", "from school"
    return passive and (word.isupper() or word.rstrip("'’s").isupper())  # "two were expelled from the LPRP"


def alternatives(kind: IncidentKind, roles: Roles) -> list[Roles]:
    """One reading per alternative state: "extradition to Ukraine or Russia", "requests from KZ, RU and UA"."""
    requests = kind in (IncidentKind.EXTRADITION_REQUEST, IncidentKind.INTERPOL_NOTICE)
    if requests and len(roles.requester) > 1:
        return [replace(roles, requester=[role]) for role in roles.requester]
    if roles.listed:
        return [replace(roles, destination=[], listed=[code]) for code in roles.listed]
    if len(roles.destination) > 1 and not requests:
        return [replace(roles, destination=[role]) for role in roles.destination]
    return [roles]
