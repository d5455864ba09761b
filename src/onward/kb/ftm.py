"""FollowTheMoney entities for Aleph and OpenSanctions: states, memberships, incidents, judgments, sources.

An investigator who loads ``onward kb export --format ftm`` into Aleph finds Ukraine and Uzbekistan
as ``PublicBody`` entities, the February 2006 deportation as an ``Event`` involving both, ECtHR
judgments as ``CourtCase`` entities, treaty memberships as ``Membership`` links to an
``Organization`` standing for the instrument, and every source as a ``Document`` tied to what it
documents by a ``Documentation`` entity. Conflicting values are kept side by side (FtM properties
hold several values) and named in ``notes``. Each entity is validated against the followthemoney
schema before it is written; the file is FtM's line-based JSON, one entity per line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy

from onward.errors import InputError
from onward.kb import vocabulary as v
from onward.kb.facts import Fact
from onward.kb.records import KnownIncident, KnownJudgment
from onward.kb.view import KnowledgeView
from onward.model.source import Source
from onward.model.states import is_state, state_name
from onward.store import Store

ECTHR = "European Court of Human Rights"


@dataclass(frozen=True)
class FtmCounts:
    sources: int
    statements: int
    entities: int


def _entity(schema: str, *key: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id("onward", schema, *key)
    return entity


def _document(source: Source) -> EntityProxy:
    entity = _entity("Document", source.id)
    entity.add("title", source.title)
    entity.add("publisher", source.publisher)
    entity.add("sourceUrl", source.url)
    entity.add("notes", f"Onward source id: {source.id}")
    if source.date is not None:
        entity.add("publishedAt", source.date.isoformat())
    entity.add("notes", f"verification: {source.verification.value}")
    entity.add("notes", source.note)
    return entity


def _state(view: KnowledgeView, code: str) -> EntityProxy:
    entity = _entity("PublicBody", "state", code)
    names = view.values(v.state_subject(code), v.NAME)
    english = [f.value["text"] for f in names if isinstance(f.value, dict) and f.value.get("lang") == "en"]
    entity.add("name", english[0] if english else state_name(code))
    for fact in names:
        if isinstance(fact.value, dict) and fact.value.get("text") not in english[:1]:
            entity.add("alias", fact.value.get("text"))
    if is_state(code):
        entity.add("country", code.lower())
        entity.add("jurisdiction", code.lower())
    return entity


def _conflict_notes(facts: dict[str, list[Fact]], conflicts: Iterable[str]) -> Iterator[str]:
    for name in conflicts:
        values = "; ".join(f"{f.value} ({', '.join(f.sources)})" for f in facts[name])
        yield f"sources disagree on {name}: {values}"


def _documentation(document_ids: dict[str, str], entity: EntityProxy, sources: Iterable[str]) -> Iterator[EntityProxy]:
    for source_id in dict.fromkeys(sources):
        if source_id not in document_ids:
            continue
        link = _entity("Documentation", entity.id or "", source_id)
        link.add("document", document_ids[source_id])
        link.add("entity", entity.id)
        link.add("role", "source")
        yield link


def _event(known: KnownIncident, states: dict[str, str]) -> EntityProxy:
    entity = _entity("Event", known.subject)
    kinds = ", ".join(str(k) for k in known.values(v.KIND)) or "transfer"
    origin = "/".join(map(str, known.values(v.FROM_STATE))) or "?"
    route = f"{origin} → {'/'.join(map(str, known.values(v.TO_STATE))) or '?'}"
    entity.add("name", f"{kinds.replace('_', ' ')} {route} ({known.id})")
    entity.add("recordId", known.subject)
    for value in known.values(v.DATE):
        entity.add("date", str(value).split("/")[0])
    if known.incident is not None and known.incident.date is not None:
        entity.add("startDate", known.incident.date.start.isoformat())
        entity.add("endDate", (known.incident.date.end or known.incident.date.start).isoformat())
    for name in (v.FROM_STATE, v.TO_STATE):
        for code in known.values(name):
            if isinstance(code, str) and code in states:
                entity.add("country", code.lower())
                entity.add("involved", states[code])
    entity.add("summary", [str(d) for d in known.values(v.DESCRIPTION)])
    entity.add("notes", list(_conflict_notes(known.facts, known.conflicts)))
    return entity


def _court_case(known: KnownJudgment, states: dict[str, str]) -> EntityProxy:
    entity = _entity("CourtCase", known.subject)
    entity.add("name", [str(n) for n in known.values(v.CASE_NAME)] or known.id)
    entity.add("caseNumber", known.application_no)
    entity.add("court", ECTHR)
    if known.judgment_date is not None:
        entity.add("closeDate", known.judgment_date.isoformat())
    for code in known.values(v.RESPONDENT):
        if isinstance(code, str) and code in states:
            entity.add("country", code.lower())
    details = [
        f"{name.replace('_', ' ')}: {', '.join(map(str, known.values(name)))}"
        for name in (v.DESTINATION, v.ONWARD_DESTINATION, v.REMOVAL, v.ART3_OUTCOME, v.ART34_OUTCOME)
        if known.values(name)
    ]
    entity.add("summary", "; ".join(details) or None)
    entity.add("notes", list(_conflict_notes(known.facts, known.conflicts)))
    return entity


def _memberships(view: KnowledgeView, code: str, state_id: str) -> Iterator[EntityProxy]:
    for statement in view.statements(v.state_subject(code)):
        if statement.property not in (v.PARTY_TO, v.MEMBER_OF) or not isinstance(statement.value, str):
            continue
        organization = _entity("Organization", "instrument", statement.value)
        organization.add("name", statement.value)
        yield organization
        link = _entity("Membership", code, statement.value, statement.content_id())
        link.add("member", state_id)
        link.add("organization", organization.id)
        link.add("role", statement.property.replace("_", " "))
        link.add("startDate", statement.valid_from.isoformat() if statement.valid_from else None)
        link.add("endDate", statement.valid_to.isoformat() if statement.valid_to else None)
        link.add("sourceUrl", (view.source(statement.source) or _NO_SOURCE).url)
        link.add("recordId", statement.content_id())
        yield link


_NO_SOURCE = Source(id="none", publisher="none", title="none")


def entities(view: KnowledgeView) -> Iterator[EntityProxy]:
    """Every entity the view's knowledge yields, sources first; an entity may repeat (readers merge by id)."""
    sources = view.sources()
    documents = {s.id: _document(s) for s in sources}
    yield from documents.values()
    document_ids = {key: entity.id or "" for key, entity in documents.items()}
    incidents = view.incidents()
    judgments = view.judgments()
    described = (s for name in (v.NAME, v.PARTY_TO, v.MEMBER_OF) for s in view.statements(property=name))
    codes = {s.subject.split(":", 1)[1] for s in described if s.subject.startswith(f"{v.STATE}:")}
    for known in incidents:
        codes.update(str(c) for name in (v.FROM_STATE, v.TO_STATE) for c in known.values(name))
    for judgment in judgments:
        codes.update(str(c) for c in judgment.values(v.RESPONDENT))
    states: dict[str, str] = {}
    for code in sorted(codes):
        entity = _state(view, code)
        states[code] = entity.id or ""
        yield entity
        yield from _memberships(view, code, states[code])
        yield from _documentation(document_ids, entity, (s.source for s in view.statements(v.state_subject(code))))
    for known in incidents:
        event = _event(known, states)
        yield event
        yield from _documentation(document_ids, event, known.sources)
    for judgment in judgments:
        case = _court_case(judgment, states)
        yield case
        yield from _documentation(document_ids, case, judgment.sources)


def export_ftm(store: Store, path: Path, *, as_of: dt.date) -> FtmCounts:
    """The current facts known at ``as_of`` as FtM entities (corrections applied, outcomes included)."""
    return write_entities(KnowledgeView(store, as_of=as_of), path)


def write_entities(view: KnowledgeView, path: Path) -> FtmCounts:
    """Validate and write the view's entities to ``path`` as FtM JSON lines."""
    written: set[str] = set()
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for entity in entities(view):
            data = entity.to_dict()
            if entity.id in written:
                continue
            try:
                entity.schema.validate({"properties": data["properties"]})
            except InvalidData as exc:
                raise InputError(f"entity {entity.schema.name} {entity.caption!r} is not valid FtM: {exc}") from exc
            out.write(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n")
            written.add(entity.id or "")
    tmp.replace(path)
    return FtmCounts(
        sources=len(view.sources()), statements=sum(view.citation_counts().values()), entities=len(written)
    )
