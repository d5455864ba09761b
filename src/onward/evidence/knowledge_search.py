"""The knowledge base's incidents and judgments, searchable beside the ingested passages.

A researcher who types ``extradited Uzbekistan`` wants the documented transfers and the European Court's
judgments as much as report passages. The knowledge base is small (hundreds of records, not hundreds of
thousands of passages), so each record's text — its facts and the names of the states it involves — is
tokenised like a passage and matched against the same parsed query here, identically on both backends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from onward.evidence.query import matches, parse_query, terms
from onward.evidence.text import query_words
from onward.kb import vocabulary as v
from onward.kb.records import KnownIncident, KnownJudgment, SubjectFacts
from onward.kb.view import KnowledgeView
from onward.model.states import is_state, state_name

_STATE_PROPERTIES = (v.FROM_STATE, v.TO_STATE, v.RESPONDENT, v.DESTINATION, v.ONWARD_DESTINATION)


@dataclass(frozen=True)
class KnowledgeHit:
    """One incident or judgment the query matches, with what a reader needs to find it again."""

    kind: str  # "incident" or "judgment"
    id: str
    title: str
    date: str | None
    states: tuple[str, ...]
    sources: tuple[str, ...]
    score: int


def _words(record: SubjectFacts) -> tuple[str, ...]:
    parts: list[str] = []
    for name, facts in record.facts.items():
        for fact in facts:
            value = fact.value
            if isinstance(value, list):
                parts.extend(str(item) for item in value)
            elif value is not None:
                parts.append(str(value))
            if name in _STATE_PROPERTIES and isinstance(value, str) and is_state(value):
                parts.append(state_name(value))
    return query_words(" ".join(parts))


def _states(record: SubjectFacts) -> tuple[str, ...]:
    found = [str(x) for name in _STATE_PROPERTIES for x in record.values(name) if isinstance(x, str) and is_state(x)]
    return tuple(dict.fromkeys(found))


def _incident_title(known: KnownIncident) -> str:
    route = " → ".join(state_name(s) for s in (known.text(v.FROM_STATE), known.text(v.TO_STATE)) if s)
    kind = (known.text(v.KIND) or "transfer").replace("_", " ")
    return f"{kind}: {route}" if route else kind


def _judgment_title(known: KnownJudgment) -> str:
    return known.text(v.CASE_NAME) or f"application no. {known.application_no}"


def search_knowledge(
    view: KnowledgeView, query_text: str, *, countries: Iterable[str] = (), limit: int = 20
) -> list[KnowledgeHit]:
    """Incidents and judgments known at the view's date that match ``query_text``, best first."""
    query = parse_query(query_text)
    wanted = set(countries)
    looked_for = terms(query)
    hits: list[KnowledgeHit] = []
    records: list[tuple[str, SubjectFacts, str]] = [("incident", i, _incident_title(i)) for i in view.incidents()]
    records += [("judgment", j, _judgment_title(j)) for j in view.judgments()]
    for kind, record, title in records:
        words = _words(record)
        states = _states(record)
        if wanted and not wanted & set(states):
            continue
        if not matches(query, words):
            continue
        score = sum(1 for term in looked_for for word in words if _hit(term.words[0], term.prefix, word))
        date = record.text(v.DATE) if kind == "incident" else record.text(v.JUDGMENT_DATE)
        hits.append(KnowledgeHit(kind, record.id, title, date, states, tuple(record.sources), score))
    hits.sort(key=lambda h: (-h.score, h.date or "", h.id))
    return hits[:limit]


def _hit(first: str, prefix: bool, word: str) -> bool:
    return word.startswith(first) if prefix else word == first
