"""Words around a trigger that change what it reports: refused ("the court blocked his extradition"), pending
("faces deportation", "a deportation order"), hypothetical ("could be extradited", "if he is returned") or
generic ("foreigners are routinely deported").

The gold rules exclude general statements: "the government frequently seeks extradition of critics" is not an
incident unless a concrete person or group and a destination are given. A hypothetical is never an event.
"""

from __future__ import annotations

import re

from onward.model.incident import IncidentStatus

_WORDS = r"(?:[\w'’.,-]+\s+){0,5}"
_BLOCKED_BEFORE = re.compile(
    r"\b(?:refus\w*|reject\w*|den(?:y|ied|ies)|block\w*|halt\w*|suspend\w*|overturn\w*|annul\w*|cancel\w*|"
    r"dismiss\w*|declin\w*|stopp?\w*|barr\w*|prevent\w*|ruled against|won\s+\w+\s+(?:appeal|case)\s+against|"
    r"froze|freez\w*|quash\w*|revok\w*|avert\w*|escap\w*|avoid\w*|resist\w*\s+successfully)\s+"
    r"(?:(?!(?:to|in|after|over|following|talks|relations|cooperation)\b)[\w'’.,-]+\s+){0,4}$",
    re.I,
)
_BLOCKED_AFTER = re.compile(
    r"^\s*(?:request\s+|order\s+|of\s+\w+(?:\s+\w+){0,3}\s+)?(?:was|were|had been|has been|is)\s+(?:\w+\s+)?"
    r"(?:refused|rejected|denied|blocked|halted|suspended|overturned|stopped|cancell?ed|annulled|quashed|dropped)",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no longer|neither|nor)\s+(?:\w+\s+){0,2}$", re.I)
# Case-sensitive on purpose: "may" is a modal, "May" a month ("In May 2019, X was deported").
_HYPOTHETICAL = re.compile(
    rf"(?:\b(?:can|could|may|might|would|should|must|shall|cannot|can't|unable to|if|If|whether|Whether|unless|"
    rf"Unless|risks?|at risk of|"
    rf"fears?|feared|threats? of|liable to|subject to|vulnerable to|danger of|likelihood|likely|possible|possibility|"
    rf"potential|protection from|protect\w* \w+ from|safeguards? against|prohibit\w*|ban\w* on|in case of|permit|"
    rf"allow\w*|enabl\w*|eas\w*|facilitat\w*|simplif\w*|expedit\w*|tighten\w*|to avoid|in order to avoid|obligations?|"
    rf"obliged|duty|urge\w*|call\w* on|refrain\w*|decline\w*|not to|they face|they\s+\w+\s+face|who face|"
    rf"people face)\s+{_WORDS}$)"
)
_PENDING_BEFORE = re.compile(
    rf"\b(?:pending|awaiting|await\w*|fac(?:e|es|ed|ing)|threatened\s+with|order(?:ed|s)?|sought\s+to|seek\w*\s+to|"
    rf"attempt\w*\s+to|tried\s+to|try\w*\s+to|plan\w*\s+to|efforts?\s+to|bid\s+to|moved?\s+to|set\s+to\s+be|"
    rf"intention\s+to|intend\w*\s+to|decision\s+to|decided\s+to|agreed\s+to|threaten\w*\s+to|"
    rf"due\s+to\s+be|scheduled\s+to\s+be|about\s+to\s+be|will\s+be|to\s+be|imminent|approv\w*|authori[sz]\w*|"
    rf"ruled\s+in\s+favou?r\s+of|cleared\s+the\s+way\s+for|fight\w*|challeng\w*|contest\w*|appeal\w*\s+against|"
    rf"upheld|uphold\w*|issued|initiated|began|launched|started|opened)\s+{_WORDS}$",
    re.I,
)
_PENDING_AFTER = re.compile(
    r"^\s*(?:orders?|proceedings|hearings?|case|trial|process|decision|ruling)\b|^\s*(?:\w+\s+){0,6}(?:have|has|had)\s+failed",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:routinely|regularly|often|frequently|sometimes|occasionally|typically|usually|generally|commonly|"
    r"increasingly|at times|in recent years|in the past|historically|have been known|reports of instances|"
    r"a pattern of|practice of|history of|such cases|systematically|repeatedly|every year|each year|tend to|"
    r"multiple instances|numerous cases|many cases|in some cases|in many cases|have faced|continue to face|"
    r"remain(?:s|ed)? at risk|policy|policies|legislation|amendments?|would allow|would permit|bill that|law that|"
    r"continue[sd]? to|signed an? (?:treaty|agreement|deal|memorandum))\b",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:is|are|get|gets)\s+(?:(?:\w+ly|arrested|detained|jailed|and|or|often|then)\s+){0,4}$|\b(?:when|whenever|once)\s+(?:\w+ly\s+)?$",
    re.I,
)
_POLICY_NOUN = re.compile(
    r"^\s*(?:treaty|treaties|agreement|agreements|law|laws|bill|legislation|centers?|centres?|facilit(?:y|ies)|"
    r"conditions|procedures?|policy|policies|arrangements?|cooperation|regime|system|mechanism|rules?|quotas?|"
    r"flights?|campaign|drive|operations?)\b",
    re.I,
)


def status_of(before: str, after: str, *, request: bool) -> IncidentStatus:
    """The status a trigger's surroundings give it: blocked, pending, requested or completed."""
    if _BLOCKED_BEFORE.search(before[-90:]) or _BLOCKED_AFTER.match(after[:120]) or _NEGATED.search(before[-40:]):
        return IncidentStatus.BLOCKED
    if request:
        return IncidentStatus.REQUESTED
    if _PENDING_BEFORE.search(before[-70:]) or _PENDING_AFTER.match(after[:80]):
        return IncidentStatus.PENDING
    return IncidentStatus.COMPLETED


def is_hypothetical(before: str) -> bool:
    """ "could be deported", "if he is extradited", "at risk of deportation": not an event."""
    return bool(_HYPOTHETICAL.search(before[-70:])) and not re.search(
        r"\b(?:set|due|scheduled)\s+to\s+be\s+\w*$", before, re.I
    )


_RULE_MAKING = re.compile(
    r"\b(?:legislation|law|bill|amendment|rules?|regulations?|decree|policy|reform|measures?|provisions?)\s+"
    r"(?:(?:that|which)\s+(?:would\s+|will\s+|could\s+)?(?:allow|permit|enable|require|make|ease|facilitate)\w*|"
    r"(?:would|will|could|to)\s+(?:allow|permit|enable|ease|facilitate)\w*|allowing|permitting|enabling|easing)",
    re.I,
)


def is_rule_making(clause: str) -> bool:
    """ "legislation that would allow asylum seekers … to be deported": a rule about transfers, not a transfer."""
    return bool(_RULE_MAKING.search(clause))


_HABITUAL = re.compile(
    r"\b(?:routinely|regularly|often|frequently|typically|usually|commonly|systematically|habitually)\b", re.I
)


def is_habitual(clause: str) -> bool:
    """ "are often arbitrarily arrested and deported": a practice, whoever the people named in it."""
    return bool(_HABITUAL.search(clause))


def is_generic(clause: str) -> bool:
    """A habitual or general statement: "in recent years", "routinely", "in the past" (soft: see the extractor)."""
    return bool(_GENERIC.search(clause))


def is_present_habitual(before: str, trigger: str) -> bool:
    """ "foreigners are deported", "the government deports critics": present tense reads as a general practice."""
    return bool(_PRESENT.search(before[-60:])) or trigger.lower() in {"deports", "extradites", "expels", "abducts"}


def is_policy_noun(after: str) -> bool:
    """ "extradition treaty", "deportation centres": the trigger names an institution, not an event."""
    return bool(_POLICY_NOUN.match(after))
