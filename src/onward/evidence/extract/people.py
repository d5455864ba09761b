"""Who a trigger is about: the subject or object phrase, the names in it, how many people, and what "he" or "they"
refers to when the passage only uses a pronoun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onward.evidence.extract.counts import count_people
from onward.evidence.extract.names import find_names
from onward.evidence.extract.passage import CONTRAST, Passage, local_part
from onward.evidence.extract.patterns import (
    ACTIVE_NEXT,
    ANTECEDENT,
    AUX_NEAR,
    FACING,
    PERSON,
    PREPOSITION,
    PRONOUN_PLURAL,
    SINGULAR_NP,
)
from onward.evidence.extract.subjects import (
    Phrase,
    active_object,
    last_match,
    noun_complement,
    passive_subject,
    relative_antecedent,
    strip_intro,
)
from onward.evidence.extract.triggers import Trigger
from onward.gazetteer import Gazetteer, MentionKind


def subject_phrase(sentence: str, trigger: Trigger, clause: tuple[int, int]) -> Phrase | None:
    rule = trigger.rule
    passive = (
        rule.verb
        and not ACTIVE_NEXT.match(sentence[trigger.end :])
        and bool(AUX_NEAR.search(sentence[clause[0] : trigger.start]))
    )
    if rule.name in ("disappeared", "forced_out") or passive:
        local = local_part(sentence, trigger, clause, CONTRAST)
        start = contrast = max(clause[0], sentence.find(local, clause[0]))
        joined = last_match(re.compile(r",\s*and\s+"), sentence[start : trigger.start])
        if joined is not None and re.search(
            r"\b(?:\w+ed|was|were|is|are|has|have|had)\b", sentence[start : start + joined.start()]
        ):
            start += joined.end()  # "…, and 83 individuals were removed": a new clause, not a list of names
        if rule.name == "disappeared":
            return passive_subject(sentence + " was", start, trigger.start) or None
        # the coordinated clause first ("…, but two French journalists were … deported"), then the whole clause
        return (
            passive_subject(sentence, start, trigger.start)
            or passive_subject(sentence, contrast, trigger.start)
            or passive_subject(sentence, clause[0], trigger.start)
        )
    if rule.verb:
        found = active_object(sentence, trigger.end, clause[1])
        if found is None or PREPOSITION.match(found.text):
            # "an official—whom Vietnamese authorities had abducted in Germany": the object came first
            return relative_antecedent(sentence, clause[0], trigger.start) or found
        return found
    found = noun_complement(sentence, trigger.start, trigger.end, clause[1])
    if found is None:
        # "they remained in detention pending an extradition petition": the clause's own subject
        local = local_part(sentence, trigger, clause)
        offset = sentence.find(local, clause[0])
        pronoun = last_match(re.compile(r"\b(?:he|she|they)\b"), sentence[offset : trigger.start])
        if pronoun is not None:
            return Phrase(offset + pronoun.start(), offset + pronoun.end(), pronoun.group(0), True)
        facing = FACING.search(sentence, offset, trigger.start)
        if facing is not None:
            # "Ghoziev faces extradition to Tajikistan": the one who faces it
            start = strip_intro(sentence, offset, facing.end(1))
            return Phrase(start, facing.end(1), sentence[start : facing.end(1)], False)
    return found


@dataclass
class Subject:
    names: list[str]
    count: int | None
    description: str
    span: tuple[int, int] | None
    inferred: bool


def _antecedent(passage: Passage, index: int, position: int, plural: bool) -> tuple[list[str], str] | None:
    """What "he" or "they" refers to: the last person named (or group counted) before ``position``."""
    sentence = passage.sentences[index]
    absolute = sentence.start + position
    if plural:
        window = passage.text[max(0, absolute - 600) : absolute]
        matches = list(ANTECEDENT.finditer(window))
        return ([], matches[-1].group(0)) if matches else None
    candidates = [n for n in passage.names if n.end <= absolute]
    local = list(SINGULAR_NP.finditer(sentence.text[:position]))
    if local and not any(n.start >= sentence.start + local[-1].start() for n in candidates):
        return [], local[-1].group(0)  # "detained a Tajik activist …, pending his extradition"
    if not candidates:
        return None
    return [candidates[-1].text], _described(passage, candidates[-1].text)


def _described(passage: Passage, name: str) -> str:
    """How the passage first introduced a named person: "Alek Sigley, an Australian student studying at …"."""
    for candidate in passage.names:
        if candidate.text == name:
            owner = next(s for s in passage.sentences if s.start <= candidate.start < s.start + len(s.text) + 1)
            lead = owner.text[: candidate.start - owner.start]
            lead = lead[max(lead.rfind(","), lead.rfind(";"), -1) + 1 :]
            tail = passage.text[candidate.end : owner.start + len(owner.text)]
            appositive = re.match(r"^,([^,;]{0,100})(?:,|$|\.)", tail)
            return lead + name + (appositive.group(1) if appositive else "")
    return name


def subject_of(gazetteer: Gazetteer, passage: Passage, index: int, phrase: Phrase | None) -> Subject | None:
    if phrase is None:
        return None
    if phrase.pronoun:
        found = _antecedent(passage, index, phrase.start, bool(PRONOUN_PLURAL.match(phrase.text.strip())))
        if found is None:
            return None
        names, description = found
        singular = not PRONOUN_PLURAL.match(phrase.text.strip())
        count = 1 if names or singular else count_people(description, names=0, singular_head=False)
        return Subject(names, count, description, (phrase.start, phrase.end), True)
    word = phrase.text.strip()
    # A lone capitalised word is a name when the passage also capitalises it mid-sentence ("… regarding Lassoued").
    proper = bool(re.search(rf"[a-z,]\s+{re.escape(word)}\b", passage.text)) if " " not in word else False
    names = [n.text for n in find_names(phrase.text, gazetteer, known=passage.known, whole=proper)]
    text = phrase.text
    person = PERSON.search(text)
    demonyms = [m for m in gazetteer.find_states(text) if m.kind in (MentionKind.DEMONYM, MentionKind.GROUP)]
    if not names and not person and not demonyms:
        return None
    count = count_people(text, names=len(names), singular_head=person is not None and not person.group(0).endswith("s"))
    extra = [_described(passage, name) for name in names if name not in text]
    sentence = passage.sentences[index].text
    appositive = re.match(r"^,\s*((?:an?|the)\s+[^,;]{3,80}?)(?:,|;|$)", sentence[phrase.end :])
    if appositive is not None:
        extra.append(appositive.group(1))  # "deported Ahluwalia, a Canadian citizen, in February"
    description = " ".join([text, *extra])
    return Subject(names, count, description, (phrase.start, phrase.end), False)
