"""The words that report a transfer ("extradited", "deported", "abducted", "red notice") and what kind each signals.

The lexicon follows CAT General Comment No. 4 §4, which treats every removal — extradition, expulsion, deportation,
refoulement, rendition — as a transfer engaging Article 3, and the annotation rules of the extraction gold set.
Matching runs spaCy's rule-based ``Matcher`` on a blank English tokenizer: no statistical model is needed or
downloaded. Arrests ("detained in Spain") are not triggers on their own; the extractor reads them only beside an
extradition or a request (see ``detention``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from onward.model.incident import IncidentKind

Pattern = list[dict[str, Any]]


@dataclass(frozen=True)
class TriggerRule:
    """One way of reporting a transfer: the kind it signals and whether it is a verb ("deported") or a noun."""

    name: str
    kind: IncidentKind
    verb: bool
    patterns: tuple[Pattern, ...]


def _words(*words: str) -> Pattern:
    return [{"LOWER": {"IN": list(words)}}]


RULES: tuple[TriggerRule, ...] = (
    TriggerRule(
        "extradite", IncidentKind.EXTRADITION, True, (_words("extradited", "extradite", "extradites", "extraditing"),)
    ),
    TriggerRule("extradition", IncidentKind.EXTRADITION, False, (_words("extradition", "extraditions"),)),
    TriggerRule(
        "forcible_return",
        IncidentKind.FORCIBLE_RETURN,
        True,
        (
            [
                {"LOWER": {"IN": ["forcibly", "forcefully", "involuntarily", "forcedly"]}},
                {
                    "LOWER": {
                        "IN": [
                            "return",
                            "returned",
                            "returning",
                            "sent",
                            "send",
                            "transferred",
                            "repatriated",
                            "deported",
                        ]
                    }
                },
            ],
            _words("refouled", "refoule"),
        ),
    ),
    TriggerRule(
        "refoulement",
        IncidentKind.FORCIBLE_RETURN,
        False,
        (_words("refoulement"), [{"LOWER": "forced"}, {"LOWER": {"IN": ["return", "returns", "repatriation"]}}]),
    ),
    TriggerRule("deport", IncidentKind.DEPORTATION, True, (_words("deported", "deport", "deports", "deporting"),)),
    TriggerRule("deportation", IncidentKind.DEPORTATION, False, (_words("deportation", "deportations"),)),
    TriggerRule("expel", IncidentKind.DEPORTATION, True, (_words("expelled", "expel", "expels", "expelling"),)),
    TriggerRule("expulsion", IncidentKind.DEPORTATION, False, (_words("expulsion", "expulsions"),)),
    TriggerRule("repatriate", IncidentKind.DEPORTATION, True, (_words("repatriated", "repatriate", "repatriating"),)),
    TriggerRule(
        "sent_back",
        IncidentKind.FORCIBLE_RETURN,
        True,
        (
            [{"LOWER": {"IN": ["returned", "sent", "sending", "send"]}}, {"LOWER": "back", "OP": "?"}, {"LOWER": "to"}],
            [{"LOWER": {"IN": ["handed", "hand", "handing"]}}, {"LOWER": "over"}, {"LOWER": "to"}],
            [{"LOWER": {"IN": ["removed", "removal"]}}, {"LOWER": "from"}, {"LOWER": "the"}, {"LOWER": "country"}],
        ),
    ),
    TriggerRule(
        "forced_out",
        IncidentKind.DEPORTATION,
        True,
        ([{"LOWER": {"IN": ["forced", "compelled", "ordered"]}}, {"LOWER": "to"}, {"LOWER": "leave"}],),
    ),
    TriggerRule(
        "pushback",
        IncidentKind.BORDER_REFOULEMENT,
        True,
        ([{"LOWER": {"IN": ["pushed", "push"]}}, {"LOWER": "back"}], _words("pushbacks", "push-backs")),
    ),
    TriggerRule(
        "abduct",
        IncidentKind.ABDUCTION,
        True,
        (_words("abducted", "abduct", "abducting", "kidnapped", "kidnap", "snatched", "rendered"),),
    ),
    TriggerRule(
        "abduction",
        IncidentKind.ABDUCTION,
        False,
        (_words("abduction", "abductions", "kidnapping", "kidnappings", "rendition", "renditions"),),
    ),
    TriggerRule(
        "disappeared",
        IncidentKind.ABDUCTION,
        True,
        ([{"LOWER": {"IN": ["forcibly", "was", "were", "been"]}}, {"LOWER": "disappeared"}],),
    ),
    TriggerRule(
        "interpol",
        IncidentKind.INTERPOL_NOTICE,
        False,
        (_words("interpol"), [{"LOWER": "red"}, {"LOWER": {"IN": ["notice", "notices"]}}]),
    ),
)


# Every trigger contains one of these stems; a passage without any cannot match (a fast first gate).
_STEMS = re.compile(
    r"(?i)\bextradit|\bdeport|\bexpel|\bexpuls|\brepatri|\brefoul|\b(?:forcibly|forcefully|involuntarily|forcedly)\s+"
    r"(?:return|sent|send|transferr|repatri|deport)|\bforced\s+(?:return|repatri)|\b(?:returned|sent|sending|send)\s+"
    r"(?:back\s+)?to\b|\bhand(?:ed|ing)?\s+over\s+to\b|\bremov(?:ed|al)\s+from\s+the\s+country|\b(?:forced|compelled|"
    r"ordered)\s+to\s+leave|\bpush(?:ed)?\s+back|\bpush-?backs|\babduct|\bkidnap|\bsnatched|\brendered|\brendition|"
    r"\b(?:forcibly|was|were|been)\s+disappeared|\binterpol|\bred\s+notices?"
)


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a text: ``text[start:end]`` reports a transfer of ``rule.kind``."""

    rule: TriggerRule
    start: int
    end: int
    surface: str


class TriggerFinder:
    """Finds every trigger of the lexicon in a text with one pass of spaCy's ``Matcher``."""

    def __init__(self) -> None:
        self._nlp: Language = spacy.blank("en")
        self._matcher = Matcher(self._nlp.vocab)
        self._rules = {rule.name: rule for rule in RULES}
        for rule in RULES:
            self._matcher.add(rule.name, list(rule.patterns))

    def find(self, text: str) -> list[Trigger]:
        """Non-overlapping triggers, left to right; where two overlap the longer wins ("forcibly returned")."""
        if not _STEMS.search(text):
            return []  # no trigger word at all: most passages of a report, skipped without tokenising
        doc = self._nlp.make_doc(text)
        found: list[Trigger] = []
        matches = sorted(self._matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        last_end = -1
        for match_id, start, end in matches:
            if start < last_end:
                continue
            span = doc[start:end]
            rule = self._rules[self._nlp.vocab.strings[match_id]]
            found.append(Trigger(rule, span.start_char, span.end_char, span.text))
            last_end = end
        return found
