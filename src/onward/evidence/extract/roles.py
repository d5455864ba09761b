"""Which state a mention plays in a transfer: destination ("to Egypt"), origin ("from Spain"), place ("in Bangkok"),
actor ("Ukraine forcibly returned…", "Turkish authorities deported…") or requesting state ("at the request of Uzbek
authorities", "a US extradition request").

Each role is read from the few words around a gazetteer mention, inside the clause of the trigger. Groups
("Uyghur") never fill a role: a people is not a state (see ``onward.gazetteer``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from onward.gazetteer import Mention, MentionKind


class Role(StrEnum):
    DESTINATION = "destination"
    ORIGIN = "origin"
    PLACE = "place"
    ACTOR = "actor"
    REQUESTER = "requester"
    NATIONALITY = "nationality"
    CUSTODY = "custody"  # where the person surfaced in detention
    BORDER = "border"  # the state across a border where people were pushed back
    AGENT = "agent"  # an acting state named further from the trigger: "Russian authorities breached … by approving"


@dataclass(frozen=True)
class StateRole:
    """A state in a role, with the mention that says so (its span indexes the sentence)."""

    code: str
    role: Role
    mention: Mention


_AUTHORITY = (
    r"(?:authorities|government|officials|police|security services|security forces|forces|troops|intelligence"
    r"|agents|prosecutors?|courts?|judges?|judiciary|officers|regime|state|president|embassy|ministry|interior ministry"
    r"|border guards|immigration officials|migration service|special services)"
)
_BEFORE_DESTINATION = re.compile(
    r"(?:\b(?:to|into|towards?)\s+(?:either\s+)?(?:the\s+)?|\bback\s+to\s+(?:the\s+)?|\bto\s+(?:his|her|their)\s+(?:home\s*(?:country|land)|native)\s*,?\s*(?:of\s+)?)$",
    re.I,
)
_BEFORE_ORIGIN = re.compile(r"\b(?:from|out\s+of|leave|left|fled)\s+(?:the\s+)?$", re.I)
_BEFORE_TRIAL = re.compile(
    r"\bto\s+(?:face|stand)\b[^.;]{0,60}?\b(?:in|before)\s+(?:a\s+court\s+in\s+)?(?:the\s+)?$", re.I
)
_FROM_SITE_IN = re.compile(
    r"\bfrom\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:camps?|prisons?|hotels?|facilit(?:y|ies)|centers?|centres?)"
    r"\s+in\s+(?:the\s+)?$",
    re.I,
)
_BEFORE_PLACE = re.compile(
    r"\b(?:in|inside|within|while\s+in|at|near|on\s+arrival\s+in|living\s+in|residing\s+in)\s+(?:the\s+)?(?:(?:capital|city|town|border)\s+(?:of\s+)?)?$",
    re.I,
)
_BEFORE_REQUESTER = re.compile(
    r"(?:\bat\s+the\s+(?:request|behest|demand)\s+of\s+(?:the\s+)?|\b(?:request|petition|demand|warrant)s?\s+"
    r"(?:(?:made|submitted|filed|issued|lodged|sent)\s+)?(?:from|by|of)\s+(?:the\s+)?)$",
    re.I,
)
_COORDINATED = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or|as well as)\s*(?:the\s+)?$", re.I)
_AFTER_REQUESTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:formal|official|pending)\s+)?(?:extradition|request|demand|petition|arrest warrant|warrant"
    r"|interpol|red notice)",
    re.I,
)
_BEFORE_HELD = re.compile(r"^\s+(?:detention|custody|prison|jail)\b", re.I)
# "reappeared in custody in Russia": where an abducted person surfaced is where they were taken.
_BEFORE_CUSTODY = re.compile(
    r"\b(?:reappeared|resurfaced|surfaced|turned up|in custody|custody|detention|jailed|imprisoned|held)\b"
    r"[^.;]{0,25}\b(?:in|to)\s+(?:the\s+)?$",
    re.I,
)
_AFTER_ACTOR = re.compile(rf"^(?:'s|’s)?\s*(?:{_AUTHORITY}\b)?", re.I)
_ADVERBS = (
    r"(?:\s*(?:,\s*)?(?:has|have|had|also|then|later|reportedly|allegedly|subsequently|eventually|promptly|itself|"
    r"\w+ly)\b\s*(?:,\s*)?)*"
)


def _role(sentence: str, mention: Mention, trigger_start: int, trigger_end: int) -> Role | None:
    before = sentence[: mention.start]
    after = sentence[mention.end :]
    if _BEFORE_REQUESTER.search(before) or (mention.kind is not MentionKind.CITY and _AFTER_REQUESTER.match(after)):
        return Role.REQUESTER
    # An adjective names a place only with its authorities: "handed over to Uzbek authorities", not "from the
    # French magazine Marianne".
    if re.match(r"^\s+(?:land\s+|sea\s+)?(?:border|frontier)\b", after) or re.search(
        r"\bborder\s+with\s+(?:the\s+)?$", before
    ):
        return Role.BORDER  # "pushbacks at the Belarusian border": the state on the other side
    adjective = mention.kind is MentionKind.DEMONYM and not re.match(rf"^\s*{_AUTHORITY}\b", after, re.I)
    if adjective:
        pass
    elif re.search(
        r"\b(?:on|from|against)\s+(?:re-?)?(?:turning|entering|entry|travel\w*)\s+(?:to|into)\s+(?:the\s+)?$", before
    ):
        return None  # "a ban on returning to Lebanon": where the person may not go back to
    elif _BEFORE_DESTINATION.search(before) or _BEFORE_TRIAL.search(before[-90:]):
        return Role.DESTINATION
    elif _FROM_SITE_IN.search(before[-60:]):
        return Role.ORIGIN  # "repatriated … from detention camps in Syria": the site's state is where they left
    elif _BEFORE_CUSTODY.search(before[-60:]):
        return Role.CUSTODY
    elif _BEFORE_ORIGIN.search(before):
        # "migrants who attempt to enter from Turkey": where they came from is where they are returned to
        if re.search(r"\b(?:enter\w*|cross\w*|arriv\w*|came|come|coming|fled|flee\w*|travel\w*)\b[^.;]{0,40}$", before):
            return Role.NATIONALITY
        return Role.ORIGIN
    elif _BEFORE_PLACE.search(before):
        return Role.PLACE
    if _BEFORE_HELD.match(after):
        return Role.PLACE  # "in Guatemalan detention"
    authority = _AFTER_ACTOR.match(after)
    named_authority = bool(authority and authority.group(0).strip())
    if re.search(r"\bby\s+(?:the\s+)?$", before) and (mention.kind is MentionKind.NAME or named_authority):
        return Role.ACTOR  # "extradited by Australia", "repatriated by Rwandan authorities"
    owned = re.search(r"\b(?:of|for|with|by|against|on|about)\s+(?:the\s+|a\s+|an\s+)?$", before)
    if mention.kind in (MentionKind.NAME, MentionKind.DEMONYM) and mention.end <= trigger_start and not owned:
        actor = _AFTER_ACTOR.match(after)
        assert actor is not None
        gap = sentence[mention.end + actor.end() : trigger_start]
        if re.fullmatch(_ADVERBS + r"\s*", gap) and (actor.group(0).strip() or mention.kind is MentionKind.NAME):
            return Role.ACTOR
        if actor.group(0).strip() and mention.kind is MentionKind.DEMONYM:
            return Role.AGENT  # "Russian authorities breached … by approving the extradition"
        if (
            mention.kind is MentionKind.NAME
            and re.search(r"(?:^|[,;]\s*)(?:the\s+)?$", before)
            and re.match(r"^\s*(?:and its allies\s+|authorities\s+|government\s+)?(?:\w+ed|has|have|had)\b", after)
        ):
            return Role.AGENT  # "Saudi Arabia and its allies closed …, expelled Qatari nationals"
    if mention.kind is MentionKind.DEMONYM:
        return Role.NATIONALITY
    return None


def _authorities_in(sentence: str, mention: Mention) -> bool:
    """ "authorities in Kyrgyzstan", "the government of Turkey": a place that names the acting state."""
    return bool(re.search(rf"\b{_AUTHORITY}\s+(?:in|of)\s+(?:the\s+)?$", sentence[: mention.start], re.I))


def state_roles(sentence: str, mentions: list[Mention], trigger_start: int, trigger_end: int) -> list[StateRole]:
    """The role of every state mention in ``sentence`` relative to the trigger at ``trigger_start:trigger_end``."""
    roles: list[StateRole] = []
    previous: StateRole | None = None
    for mention in mentions:
        if mention.code is None:
            continue
        if previous is not None and _COORDINATED.match(sentence[previous.mention.end : mention.start]):
            # "requests from Kazakhstan, Russia, and Ukraine": each state in the list plays the first one's role
            previous = StateRole(mention.code, previous.role, mention)
            roles.append(previous)
            continue
        if _authorities_in(sentence, mention) and mention.end <= trigger_start:
            previous = StateRole(mention.code, Role.ACTOR, mention)
            roles.append(previous)
            continue
        role = _role(sentence, mention, trigger_start, trigger_end)
        previous = StateRole(mention.code, role, mention) if role is not None else None
        if previous is not None:
            roles.append(previous)
    return roles


def listed_after(sentence: str, mentions: list[Mention], start: int) -> list[Mention]:
    """States listed as examples: "to countries where they face torture, such as Uzbekistan and Kyrgyzstan"."""
    match = re.compile(r"\bsuch\s+as\s+|\bincluding\s+|\bnamely\s+").search(sentence, start)
    if match is None:
        return []
    listed: list[Mention] = []
    position = match.end()
    for mention in mentions:
        if mention.start < position or mention.code is None:
            continue
        if not re.fullmatch(r"\s*(?:,|and|or|,\s*and|,\s*or)?\s*(?:the\s+)?", sentence[position : mention.start]):
            break
        listed.append(mention)
        position = mention.end
    return listed
