"""The knowledge base's incidents and judgments, searchable beside the ingested passages.

A researcher who types ``extradited Uzbekistan`` wants the documented transfers and the European Court's
judgments as much as report passages. The knowledge base is small (hundreds of records, not hundreds of
thousands of passages), so each record's text — its facts and the names of the states it involves — is
tokenised like a passage and matched against the same parsed query here, identically on both backends.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from onward.evidence.query import matches, parse_query, terms
from onward.evidence.text import query_words
from onward.kb import vocabulary as v
from onward.kb.records import KnownIncident, KnownJudgment, SubjectFacts
from onward.kb.view import KnowledgeView
from onward.model.states import is_state, state_name
from onward.store import kb as kb_store

_INDEX_SIZE = 8

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


@dataclass(frozen=True)
class _Indexed:
    """One record as the search reads it: its hit without a score, and its indexed words."""

    hit: KnowledgeHit
    words: tuple[str, ...]


class _Index:
    """The knowledge base's records tokenised once per (store, revision, date, outcomes withheld): assembling
    every incident and judgment costs far more than matching a query against them."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[int, str, dt.date, bool], list[_Indexed]] = OrderedDict()
        self._lock = threading.Lock()

    def records(self, view: KnowledgeView) -> list[_Indexed]:
        with view.store.read() as connection:
            revision = kb_store.revision(connection)
        key = (id(view.store), revision, view.as_of, view.withhold_outcomes)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        built = _build(view)
        with self._lock:
            self._entries[key] = built
            while len(self._entries) > _INDEX_SIZE:
                self._entries.popitem(last=False)
        return built


def _build(view: KnowledgeView) -> list[_Indexed]:
    records: list[tuple[str, SubjectFacts, str]] = [("incident", i, _incident_title(i)) for i in view.incidents()]
    records += [("judgment", j, _judgment_title(j)) for j in view.judgments()]
    built = []
    for kind, record, title in records:
        date = record.text(v.DATE) if kind == "incident" else record.text(v.JUDGMENT_DATE)
        hit = KnowledgeHit(kind, record.id, title, date, _states(record), tuple(record.sources), 0)
        built.append(_Indexed(hit, _words(record)))
    return built


_INDEX = _Index()


def search_knowledge(
    view: KnowledgeView, query_text: str, *, countries: Iterable[str] = (), limit: int = 20
) -> list[KnowledgeHit]:
    """Incidents and judgments known at the view's date that match ``query_text``, best first."""
    query = parse_query(query_text)
    wanted = set(countries)
    looked_for = terms(query)
    hits: list[KnowledgeHit] = []
    for indexed in _INDEX.records(view):
        hit, words = indexed.hit, indexed.words
        if wanted and not wanted & set(hit.states):
            continue
        if not matches(query, words):
            continue
        score = sum(1 for term in looked_for for word in words if _hit(term.words[0], term.prefix, word))
        hits.append(KnowledgeHit(hit.kind, hit.id, hit.title, hit.date, hit.states, hit.sources, score))
    hits.sort(key=lambda h: (-h.score, h.date or "", h.id))
    return hits[:limit]


def _hit(first: str, prefix: bool, word: str) -> bool:
    return word.startswith(first) if prefix else word == first
