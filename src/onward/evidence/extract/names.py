"""Names of the people a passage says were transferred: "journalist Bobomurod Abdullaev", "Martinelli" → the full
name given earlier, "he" → the last person the passage named.

Without a statistical model, a person's name is a run of capitalised words that is not a state, a month, an
acronym or an institution ("the Lyon Court of Appeal", "Human Rights Watch"). A lone capitalised word counts only
after a descriptive noun ("journalist Abdullaev") or when it repeats the surname of a full name already given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onward.gazetteer import Gazetteer

_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "le", "la", "du", "dos", "abu", "ben", "di"}
_NOT_NAMES = {
    "the", "a", "an", "in", "on", "at", "he", "she", "they", "his", "her", "their", "it", "its", "this", "that",
    "these", "those", "also", "and", "but", "however", "after", "before", "during", "under", "among", "according",
    "former", "prominent", "separately", "meanwhile", "later", "earlier", "since", "while", "when", "although",
    "several", "many", "some", "other", "another", "both", "mr", "mrs", "ms", "dr", "president", "prime", "minister",
    "archbishop", "bishop", "general", "colonel", "judge", "state", "score", "change", "as", "by", "for", "with",
    "from", "to", "of", "we", "our", "i", "you", "who", "what", "dear", "sincerely", "copy", "human", "rights",
    "watch", "amnesty", "international", "covid", "islamic", "muslim", "christian", "catholic", "orthodox", "sunni",
    "shiite", "shia", "national", "federal", "supreme", "constitutional", "central", "european", "united", "nations",
    "un", "eu", "december", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "object",
    "authorities", "government", "police", "interpol", "sub-saharan", "african", "arab", "asian", "latin",
    "western", "eastern", "northern", "southern", "twitter", "facebook", "telegram", "youtube", "whatsapp",
}  # fmt: skip
_INSTITUTION = re.compile(
    r"\b(?:Court|Party|Movement|Ministry|Council|Commission|Committee|Agency|Office|Organi[sz]ation|Union|Front|"
    r"Church|University|Airport|News|Radio|TV|Television|Service|Services|Police|Army|Forces|Government|Assembly|"
    r"Parliament|Congress|Senate|Republic|Kingdom|Nations|Bank|Group|Watch|Borders|Lyceum|School|Institute|"
    r"Foundation|Association|Network|Center|Centre|Times|Post|Journal|Daily|Brotherhood|Area|Region|Province|City|"
    r"Island|Islands|Sea|Street|Hotel|Prison|Camp|Law|Act|Code|Convention|Agreement|Protocol|Day|Initiative|"
    r"Authority|Bureau|Department|Tribunal|Mission|Programme|Program|Project|Alliance|Coalition|League|Society|"
    r"Company|Corporation|Ltd|Inc|Media|Channel|Magazine|Agency|Press|State|States|Emirates|Secretary|General|"
    r"Prosecutor|Prosecutor's|Cassation|Appeal|Appeals|Federation|Square|Hall|Palace|Embassy|Consulate|Council's|"
    r"Commissioner|Refugees|High|Rights|Liberty|Freedom|Democracy|Democratic|Popular|People's|Revolutionary|Cup|"
    r"Games|Olympics|Championship|Syndicate|Journalists'|Festival|Forum|Summit|Board|Fund|Trust)\b"
)
_INSTITUTION_NEXT = re.compile(r"\s+" + _INSTITUTION.pattern)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mme|Mlle|Prof)\.?\s+$")
_ROLE_BEFORE = re.compile(
    r"\b(?:journalist|activist|blogger|dissident|lawyer|leader|figure|critic|student|reporter|editor|pastor|imam|"
    r"businessman|businesswoman|tycoon|politician|candidate|official|officer|writer|author|rapper|artist|singer|"
    r"director|founder|chairman|head|member|opponent|cleric|scholar|researcher|defender|commander|colonel|general|"
    r"minister|president|governor|mayor|cofounder|wife|husband|son|daughter|brother|sister|monk|priest|teacher)s?"
    r"\s*,?\s*$",
    re.I,
)


@dataclass(frozen=True)
class PersonName:
    """A person's name at ``start:end`` of the text it was found in."""

    text: str
    start: int
    end: int


def _is_name_token(token: str, gazetteer: Gazetteer) -> bool:
    particle = re.match(r"^(?:al|el|ad|as|ash|ibn|bin|abu)-(?=[A-Z])", token)
    if particle is not None:
        token = token[particle.end() :]  # "al-Mesaileem"
    if not token[0].isupper() or token.lower().rstrip(".") in _NOT_NAMES:
        return False
    if re.search(
        r"-(?:era|based|born|led|backed|run|owned|affiliated|linked|aligned|controlled|style|speaking)$", token
    ):
        return False  # "Guebuza-era", "Warsaw-based": adjectives, not names
    if len(token) > 1 and token.replace("-", "").isupper():
        return False  # an acronym: "SPLM-N", "UNHCR"
    parts = [part for part in token.split("-") if part]
    return all(gazetteer.resolve(part) is None and gazetteer.group(part) is None for part in parts)


def find_names(
    text: str, gazetteer: Gazetteer, *, known: list[str] | None = None, whole: bool = False
) -> list[PersonName]:
    """Person names in ``text``; ``known`` full names let a lone surname ("Martinelli") count and expand.

    With ``whole``, a lone capitalised word that is the entire text counts too: the subject of "Ghoziev faces
    extradition" is a person even when the passage never gave his full name.
    """
    tokens = list(_TOKEN.finditer(text))
    names: list[PersonName] = []
    index = 0
    while index < len(tokens):
        if not _is_name_token(tokens[index].group(), gazetteer):
            index += 1
            continue
        first = index
        last = index
        probe = index + 1
        while probe < len(tokens):
            gap = text[tokens[probe - 1].end() : tokens[probe].start()]
            word = tokens[probe].group()
            if gap not in (" ", "-"):
                break
            if word.lower() in _PARTICLES and probe + 1 < len(tokens):
                probe += 1
                continue
            if not _is_name_token(word, gazetteer):
                break
            last = probe
            probe += 1
        start, end = tokens[first].start(), tokens[last].end()
        candidate = text[start:end].rstrip(".’'")
        end = start + len(candidate)
        index = last + 1
        if (
            gazetteer.resolve(candidate) is not None
            or _INSTITUTION.search(candidate)
            or _INSTITUTION_NEXT.match(text, end)
        ):
            continue
        if " " in candidate or "-" in candidate.strip("-"):
            names.append(PersonName(candidate, start, end))
            continue
        full = _expand(candidate, known or [])
        if full is not None:
            names.append(PersonName(full, start, end))
        elif (
            _ROLE_BEFORE.search(text[:start])
            or _TITLE_BEFORE.search(text[:start])
            or (whole and start == 0 and end >= len(text.rstrip(" ,.’'")))
        ):
            names.append(PersonName(candidate, start, end))
    return names


def _expand(surname: str, known: list[str]) -> str | None:
    for full in reversed(known):
        if full != surname and full.split()[-1] == surname:
            return full
    return None
