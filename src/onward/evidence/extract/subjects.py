"""The words that say who was transferred: the subject of "… was deported", the object of "deported …", the
complement of "the extradition of …".

The phrase is cut from the clause around the trigger by surface rules (auxiliaries, prepositions, punctuation),
which is enough for the plain reporting prose of NGO letters, UN documents and country reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AUX = re.compile(r"\b(?:was|were|been|being|be|is|are|got|get|had|has|have)\b", re.I)
_INTRO = re.compile(
    r"^(?:(?:and|but|also|however|separately|meanwhile|moreover|in addition|further(?:more)?|notably|likewise|then|"
    r"later|earlier|subsequently|similarly|that same month|the same month|also that month|that month|that year|"
    r"under international pressure|in a \d{4} case|at year'?s end|by year'?s end|at the end of the year|"
    r"(?:in|on|during|by|since|from|between|until|early|late|mid)\b[^,]{0,40},)\s*,?\s*)+",
    re.I,
)
_OBJECT_END = re.compile(
    r"\s(?:to|into|from|in|on|at|after|before|for|because|over|despite|when|where|while|upon|following|amid|under|"
    r"as|back|and then|without|via|through|across|by|with|since|until|then|who|which|have|has|had|was|were|is|are|"
    r"will|would|remain\w*)\b|[,;:—–]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\.|\sand\s(?!\w+ of\b)",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she|they|him|her|them|his|their|its)$", re.I)
_RELATIVE = re.compile(r"\b(?:included|includes|include|among them|such as|detainees included)\s+", re.I)
_WHO_AUX = re.compile(
    r",?\s*\b(?:who|which|that)\s+(?:\w+ly\s+)*(?:was|were|had|has|have|is|are)\b(?:(?!\b(?:who|which|that)\b)[^;])*$",
    re.I,
)
_NP_STOP = {
    "to", "from", "in", "on", "at", "with", "for", "by", "send", "sent", "deport", "included", "include", "includes",
    "including", "that", "which", "as", "was", "were", "is", "are", "has", "have", "had", "be", "been", "against",
    "after", "before", "under", "over", "into", "during", "because", "while", "when", "where", "among", "about",
    "than", "said", "reported", "say", "says", "but", "whether", "if", "although",
}  # fmt: skip


@dataclass(frozen=True)
class Phrase:
    """A span ``start:end`` of the sentence naming the transferred people; ``pronoun`` when it is only "he"."""

    start: int
    end: int
    text: str
    pronoun: bool


def _phrase(sentence: str, start: int, end: int) -> Phrase | None:
    while start < end and sentence[start] in " ,;—–-":
        start += 1
    while end > start and sentence[end - 1] in " ,;—–-":
        end -= 1
    if end <= start:
        return None
    text = sentence[start:end]
    return Phrase(start, end, text, bool(_PRONOUN.match(text.strip())))


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text``: the nearest one before a trigger."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop only seeks the last match
        continue
    return found


def strip_intro(sentence: str, start: int, end: int) -> int:
    match = _INTRO.match(sentence[start:end])
    return start + match.end() if match else start


def passive_subject(sentence: str, clause_start: int, trigger_start: int) -> Phrase | None:
    """The subject of "X was (detained and) deported": from the clause start to the auxiliary before the trigger."""
    window = sentence[clause_start:trigger_start]
    aux = list(_AUX.finditer(window))
    if not aux:
        return None
    pronoun = re.search(
        r"\b(he|she|they)\s+(?:(?:also|later|then|reportedly|allegedly|subsequently|\w+ly)\s+)*$",
        window[: aux[-1].start()],
        re.I,
    )
    if pronoun is not None:
        # "…, strongly indicating that he was kidnapped": the nearest subject is a pronoun
        return Phrase(clause_start + pronoun.start(1), clause_start + pronoun.end(1), pronoun.group(1), True)
    relative = _WHO_AUX.search(window)
    if relative is not None:
        # "three leaders of the SPLM-N, who were deported": the noun phrase the relative pronoun stands for
        found = _np_before(sentence, clause_start, clause_start + relative.start())
        if found is not None:
            return found
    first = aux[0]
    end = clause_start + first.start()
    start = clause_start
    relative = None
    for match in _RELATIVE.finditer(sentence, start, end):
        relative = match
    if relative is not None:
        start = relative.end()
    start = strip_intro(sentence, start, end)
    before_who = re.search(r",?\s*\b(?:who|which|whom)\s*$", sentence[start:end])
    if before_who:
        end = start + before_who.start()
    return _phrase(sentence, start, end)


def relative_antecedent(sentence: str, clause_start: int, trigger_start: int) -> Phrase | None:
    """The noun a relative pronoun before the trigger stands for: "an official—whom agents abducted" → "an official"."""
    window = sentence[clause_start:trigger_start]
    relative = last_match(re.compile(r"[,—–]?\s*\b(?:whom|who|which|that)\b"), window)
    if relative is None or re.search(r"[,;]", window[relative.end() :]):
        return None
    return _np_before(sentence, clause_start, clause_start + relative.start())


def _np_before(sentence: str, low: int, high: int) -> Phrase | None:
    """The noun phrase ending at ``high``: words back to a verb, a preposition other than "of", or a comma."""
    tokens = list(re.finditer(r"\S+", sentence[low:high]))
    start = None
    for position, token in enumerate(reversed(tokens)):
        word = token.group(0)
        bare = word.strip(",;:()").lower()
        if bare in _NP_STOP or position >= 12:
            break
        if word.endswith((",", ";", ":")) and position > 0:
            break
        start = low + token.start()
    if start is None:
        return None
    return _phrase(sentence, start, high)


def active_object(sentence: str, trigger_end: int, limit: int) -> Phrase | None:
    """The object of "authorities deported X to …": from the trigger to the first preposition or comma."""
    window = sentence[trigger_end:limit]
    skip = re.match(
        r"\s*(?:(?:back|out|home|forcibly|summarily|immediately|also|later|reportedly|allegedly)\s+)*", window
    )
    offset = skip.end() if skip else 0
    match = _OBJECT_END.search(window, offset)
    end = trigger_end + (match.start() if match else len(window))
    return _phrase(sentence, trigger_end + offset, end)


def noun_complement(sentence: str, trigger_start: int, trigger_end: int, limit: int) -> Phrase | None:
    """Who a noun trigger is about: "the deportation of X", "an extradition request for X", "X's extradition"."""
    after = sentence[trigger_end:limit]
    lead = re.match(
        r"\s*(?:(?:request|requests|petition|petitions|order|orders|proceedings|case|warrant)(?:\s+[\w,]+){0,6}?\s+)?"
        r"(?:of|for|against|regarding|concerning|targeting|seeking)\s+",
        after,
        re.I,
    )
    if lead:
        return active_object(sentence, trigger_end + lead.end() - 1, limit)
    before = sentence[:trigger_start]
    possessive = re.search(r"((?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+|\b(?:his|her|their))(?:'s|’s)?\s+(?:\w+\s+)?$", before)
    if possessive and (
        possessive.group(0).lower().startswith(("his", "her", "their"))
        or "'s" in possessive.group(0)
        or "’s" in possessive.group(0)
    ):
        return _phrase(sentence, possessive.start(1), possessive.end(1))
    return None
