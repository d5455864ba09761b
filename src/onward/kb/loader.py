"""Loading sources and statements into the knowledge base: the one write path every importer uses.

The Political Terror Scale importer, the Freedom House importer, the curated incidents and a
person typing ``onward kb add`` all end here, in ``load_dataset``::

    report = load_dataset(
        store,
        dataset="pts",                        # every statement must carry this same ``dataset``
        sources=[Source(id="pts-2024", publisher="Political Terror Scale", title="PTS 2024", date="2024")],
        statements=(Statement(subject="state:KZ", property="pts_a", value=3, source="pts-2024",
                              locator="row 812", valid_from="2014", valid_to="2014", dataset="pts")
                    for row in rows),          # any iterable: a generator is consumed once, in batches
        actor=settings.actor,
    )
    report.statements_added, report.statements_unchanged

Guarantees:

* **Idempotent.** A statement's identity is ``Statement.content_id()`` (subject, property, value,
  source, locator, validity, supersedes). Loading the same data twice adds nothing; the second
  report counts everything as unchanged. A statement already stored under the same id but with
  other metadata (a better quote, a reviewed verification, a corrected ``known_from``) is stored
  as a *revision* superseding the stored version (``onward.kb.revision``; counted in
  ``statements_revised``) — unless a person has corrected or retracted that fact, which a reload
  never undoes (its id is then listed in ``statements_differing``).
* **Never overwrites a fact.** A correction is a new statement whose ``supersedes`` is the old
  statement's content id (same subject); a ``value`` of ``None`` retracts the old one. Both stay in
  the history (``onward kb history``). Sources, which describe documents rather than facts, are
  updated in place when their description changes (a corrected title or date), and the change log
  keeps the previous description field by field.
* **All or nothing.** Everything happens in one transaction: a bad statement (unknown source,
  wrong dataset, a correction of a statement that does not exist) raises ``InputError`` naming it
  and nothing of the load is kept.
* **Streaming.** Statements are read in batches of ``BATCH_SIZE``: one ``SELECT … IN`` to find the
  ones already stored and one multi-row ``INSERT`` per batch, whatever the size of the dataset.
* **Logged.** A load that changes anything is one change-log entry (entity ``"kb"``, id the dataset)
  with the counts and, for updated sources, the fields that changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from onward.errors import InputError
from onward.kb.revision import Outcome, revision_of, same_metadata
from onward.model.source import Source
from onward.model.statement import Statement
from onward.store import Store, changelog
from onward.store import kb as kb_store

BATCH_SIZE = 2000
MAX_REPORTED_DIFFERING = 50


@dataclass(frozen=True)
class LoadReport:
    """What one load did: counts of sources and statements added, updated or already there."""

    dataset: str
    sources_added: int = 0
    sources_updated: int = 0
    sources_unchanged: int = 0
    statements_added: int = 0
    statements_unchanged: int = 0
    duplicates_in_input: int = 0
    statements_differing: tuple[str, ...] = field(default_factory=tuple)
    statements_revised: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.sources_added or self.sources_updated or self.statements_added or self.statements_revised)

    def summary(self) -> str:
        text = (
            f"dataset {self.dataset!r}: {self.statements_added} statements added, "
            f"{self.statements_unchanged} unchanged; {self.sources_added} sources added, "
            f"{self.sources_updated} updated, {self.sources_unchanged} unchanged"
        )
        if self.duplicates_in_input:
            text += f"; {self.duplicates_in_input} repeated in the input"
        if self.statements_revised:
            text += f"; {self.statements_revised} revised (new quote, verification or date; history kept)"
        if self.statements_differing:
            text += f"; {len(self.statements_differing)} differ from a person's correction (kept as corrected)"
        return text


@dataclass
class _Counts:
    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    revised: int = 0
    differing: list[str] = field(default_factory=list)


def _batches(items: Iterable[Statement], size: int) -> Iterator[list[Statement]]:
    batch: list[Statement] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _describe(statement: Statement) -> str:
    return f"statement {statement.subject} {statement.property}={statement.value!r} (source {statement.source!r})"


def _load_sources(
    connection: Connection, sources: Sequence[Source], *, at: dt.datetime, actor: str
) -> tuple[int, int, int, list[changelog.FieldChange]]:
    by_id: dict[str, Source] = {}
    for source in sources:
        previous = by_id.get(source.id)
        if previous is not None and previous != source:
            raise InputError(f"source {source.id!r} is given twice with different descriptions")
        by_id[source.id] = source
    stored = kb_store.source_documents(connection, by_id)
    added = updated = unchanged = 0
    changes: list[changelog.FieldChange] = []
    for source_id, source in by_id.items():
        document = source.model_dump(mode="json")
        if source_id not in stored:
            kb_store.insert_source(connection, source, at=at, actor=actor)
            added += 1
        elif stored[source_id] == document:
            unchanged += 1
        else:
            kb_store.update_source(connection, source, at=at, actor=actor)
            changes.extend(changelog.diff(stored[source_id], document, f"source:{source_id}"))
            updated += 1
    return added, updated, unchanged, changes


def _check_sources(connection: Connection, batch: list[Statement], known: set[str]) -> None:
    missing = {s.source for s in batch} - known
    if missing:
        known.update(kb_store.source_documents(connection, missing))
    for statement in batch:
        if statement.source not in known:
            raise InputError(
                f"{_describe(statement)} cites a source that is neither in this load nor in the knowledge base",
                hint="add the source to the load's sources",
            )


def _load_batch(
    connection: Connection, batch: list[Statement], counts: _Counts, seen: dict[str, str], at: dt.datetime, actor: str
) -> None:
    fresh: dict[str, Statement] = {}
    for statement in batch:
        content_id = statement.content_id()
        if content_id in seen or content_id in fresh:
            counts.duplicates += 1
            continue
        fresh[content_id] = statement
    stored = kb_store.existing_statement_ids(connection, list(fresh))
    revised_before = counts.revised
    new: list[tuple[str, Statement]] = []
    for content_id, statement in fresh.items():
        seen[content_id] = statement.subject
        document = stored.get(content_id)
        if document is None:
            new.append((content_id, statement))
            continue
        outcome, revised = (
            (None, None)
            if same_metadata(document, statement)
            else revision_of(connection, content_id, document, statement)
        )
        if revised is not None:
            new.append((revised.content_id(), revised))
            counts.revised += 1
            continue
        counts.unchanged += 1
        if outcome is Outcome.KEPT and len(counts.differing) < MAX_REPORTED_DIFFERING:
            counts.differing.append(content_id)
    kb_store.insert_statements(connection, new, at=at, actor=actor)
    counts.added += len(new) - (counts.revised - revised_before)


def _check_corrections(connection: Connection, corrections: dict[str, Statement], seen: dict[str, str]) -> None:
    """Every ``supersedes`` must name a statement about the same subject, loaded now or before."""
    outside = [target for target in corrections if target not in seen]
    stored = kb_store.existing_statement_ids(connection, outside)
    for target, correction in corrections.items():
        subject = seen.get(target) or (stored[target]["subject"] if target in stored else None)
        if subject is None:
            raise InputError(
                f"{_describe(correction)} supersedes {target!r}, which is not a statement in the knowledge base",
                hint="`onward kb history SUBJECT` shows statement ids",
            )
        if subject != correction.subject:
            raise InputError(f"{_describe(correction)} supersedes {target!r}, a statement about {subject}")


def load_dataset(
    store: Store, *, dataset: str, sources: Sequence[Source], statements: Iterable[Statement], actor: str
) -> LoadReport:
    """Add ``sources`` and ``statements`` of ``dataset`` in one transaction; see the module docstring."""
    with store.transaction() as connection:
        return load_into(
            connection, store.clock(), dataset=dataset, sources=sources, statements=statements, actor=actor
        )


def load_into(
    connection: Connection,
    at: dt.datetime,
    *,
    dataset: str,
    sources: Sequence[Source],
    statements: Iterable[Statement],
    actor: str,
) -> LoadReport:
    """``load_dataset`` inside a transaction the caller holds (to load several datasets all or nothing)."""
    if not dataset.strip():
        raise InputError("a dataset name is required (e.g. 'pts', 'curated')")
    counts = _Counts()
    seen: dict[str, str] = {}
    corrections: dict[str, Statement] = {}
    sources_added, sources_updated, sources_unchanged, changes = _load_sources(connection, sources, at=at, actor=actor)
    known_sources = {s.id for s in sources}
    for batch in _batches(statements, BATCH_SIZE):
        for statement in batch:
            if statement.dataset != dataset:
                raise InputError(
                    f"{_describe(statement)} belongs to dataset {statement.dataset!r}, not {dataset!r}",
                    hint="load each dataset separately",
                )
            if statement.supersedes is not None:
                corrections.setdefault(statement.supersedes, statement)
        _check_sources(connection, batch, known_sources)
        _load_batch(connection, batch, counts, seen, at, actor)
    _check_corrections(connection, corrections, seen)
    report = LoadReport(
        dataset=dataset,
        sources_added=sources_added,
        sources_updated=sources_updated,
        sources_unchanged=sources_unchanged,
        statements_added=counts.added,
        statements_unchanged=counts.unchanged,
        duplicates_in_input=counts.duplicates,
        statements_differing=tuple(counts.differing),
        statements_revised=counts.revised,
    )
    if report.changed:
        changelog.record(
            connection,
            at=at,
            actor=actor,
            action="load",
            entity="kb",
            entity_id=dataset,
            summary=report.summary(),
            changes=changes,
        )
    return report
