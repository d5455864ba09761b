"""Full-text search over passages, one query language compiled for SQLite FTS5 and PostgreSQL.

``"asylum seekers" Uzbekistan NOT Tajikistan`` arrives here already parsed (``onward.evidence.query``)
into terms whose words were normalised exactly as the index was. Each backend gets the same
question in its own syntax: an FTS5 ``MATCH`` expression, or a ``tsquery`` literal (never passed
through PostgreSQL's own parser, which would stem and drop words differently). Both therefore find
the same set of passages; the order among them is each backend's relevance ranking (BM25 in FTS5,
``ts_rank`` in PostgreSQL), which can differ between near-equal hits.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, cast, func, literal_column, or_, select, text
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR

from onward.model.evidence import AnyOf, SearchFilters, SearchQuery, StoredPassage, Term
from onward.store.engine import Store
from onward.store.evidence import passage_columns, stored_passage
from onward.store.tables_evidence import FTS_TABLE, TSVECTOR_COLUMN, evidence_documents, evidence_passages


def fts5_expression(query: SearchQuery) -> str:
    """The FTS5 ``MATCH`` text: phrases in double quotes, ``*`` for prefixes, AND / OR / NOT."""
    if isinstance(query, Term):
        return '"' + " ".join(query.words) + '"' + ("*" if query.prefix else "")
    if isinstance(query, AnyOf):
        return "(" + " OR ".join(fts5_expression(part) for part in query.parts) + ")"
    required = "(" + " AND ".join(fts5_expression(part) for part in query.required) + ")"
    return "(" + required + "".join(f" NOT {fts5_expression(part)}" for part in query.excluded) + ")"


def tsquery_literal(query: SearchQuery) -> str:
    """The PostgreSQL ``tsquery``: ``<->`` joins the words of a phrase, ``:*`` marks a prefix."""
    if isinstance(query, Term):
        words = [f"'{word}'" for word in query.words]
        if query.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"
    if isinstance(query, AnyOf):
        return "(" + " | ".join(tsquery_literal(part) for part in query.parts) + ")"
    parts = [tsquery_literal(part) for part in query.required]
    parts += [f"!{tsquery_literal(part)}" for part in query.excluded]
    return "(" + " & ".join(parts) + ")"


def _filtered(statement: Select[Any], filters: SearchFilters) -> Select[Any]:
    p, d = evidence_passages.c, evidence_documents.c
    if filters.countries:
        # The state a passage is about (a Freedom House report's country) or any state it names.
        mentions = [p.states.like(f"% {code} %") for code in filters.countries]
        statement = statement.where(or_(p.country.in_(filters.countries), *mentions))
    if filters.year_from is not None:
        statement = statement.where(p.year >= filters.year_from)
    if filters.year_to is not None:
        statement = statement.where(p.year <= filters.year_to)
    if filters.sources:
        lowered = [source.lower() for source in filters.sources]
        statement = statement.where(
            or_(d.source_id.in_(filters.sources), d.id.in_(filters.sources), func.lower(d.publisher).in_(lowered))
        )
    if filters.document_id is not None:
        statement = statement.where(p.document_id == filters.document_id)
    return statement


def _matching(store: Store, query: SearchQuery, columns: list[Any], ranked: bool) -> Select[Any]:
    joined = evidence_passages.join(evidence_documents)
    if store.dialect == "postgresql":
        tsquery = cast(bindparam("tsquery", tsquery_literal(query)), TSQUERY)
        vector: ColumnElement[Any] = literal_column(f"evidence_passages.{TSVECTOR_COLUMN}", TSVECTOR)
        statement = select(*columns).select_from(joined).where(vector.op("@@")(tsquery))
        if ranked:
            statement = statement.order_by(func.ts_rank(vector, tsquery).desc(), evidence_passages.c.seq)
        return statement
    fts_rowid: ColumnElement[Any] = literal_column(f"{FTS_TABLE}.rowid")
    statement = (
        select(*columns)
        .select_from(joined.join(text(FTS_TABLE), fts_rowid == evidence_passages.c.seq))
        .where(literal_column(FTS_TABLE).op("MATCH")(bindparam("match", fts5_expression(query))))
    )
    if ranked:
        statement = statement.order_by(literal_column(f"{FTS_TABLE}.rank"), evidence_passages.c.seq)
    return statement


def _unfiltered(filters: SearchFilters) -> bool:
    return filters == SearchFilters()


@cache
def _top_hits() -> Select[Any]:
    """SQLite without filters: let FTS5 rank and cut the page itself, then fetch only those passages.

    FTS5 answers ``MATCH … ORDER BY rank LIMIT n`` from the index alone; joining first would make
    SQLite rank every matching passage after the join, several times slower on common words. Built
    once, with parameters ``match``, ``limit`` and ``offset``: building a statement costs more than
    searching for a rare word.
    """
    rowid: ColumnElement[Any] = literal_column("rowid")
    rank: ColumnElement[Any] = literal_column("rank")
    hits = (
        select(rowid.label("hit"), rank.label("score"))
        .select_from(text(FTS_TABLE))
        .where(literal_column(FTS_TABLE).op("MATCH")(bindparam("match")))
        .order_by(rank)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery("hits")
    )
    joined = hits.join(evidence_passages, evidence_passages.c.seq == hits.c.hit).join(evidence_documents)
    return select(*passage_columns()).select_from(joined).order_by(hits.c.score, evidence_passages.c.seq)


@cache
def _fts_count() -> Select[Any]:
    match = literal_column(FTS_TABLE).op("MATCH")(bindparam("match"))
    return select(func.count()).select_from(text(FTS_TABLE)).where(match)


SEARCH_DEADLINE_S = 10.0
"""A search still running after this long is stopped and reported as too expensive, never left to hang."""


def search(
    store: Store,
    query: SearchQuery,
    filters: SearchFilters | None = None,
    *,
    limit: int | None = 20,
    offset: int = 0,
    deadline_s: float = SEARCH_DEADLINE_S,
) -> list[StoredPassage]:
    """Passages matching ``query`` and ``filters``, most relevant first; ``limit=None`` returns them all."""
    filters = filters or SearchFilters()
    if store.dialect == "sqlite" and _unfiltered(filters):
        params = {"match": fts5_expression(query), "limit": -1 if limit is None else limit, "offset": offset}
        with store.bounded_read(deadline_s, "the search") as connection:
            return [stored_passage(row) for row in connection.execute(_top_hits(), params)]
    statement = _filtered(_matching(store, query, passage_columns(), ranked=True), filters)
    if limit is not None:
        statement = statement.limit(limit)
    if offset:
        statement = statement.offset(offset)
    with store.bounded_read(deadline_s, "the search") as connection:
        return [stored_passage(row) for row in connection.execute(statement)]


def count(
    store: Store, query: SearchQuery, filters: SearchFilters | None = None, *, deadline_s: float = SEARCH_DEADLINE_S
) -> int:
    """How many passages match, whatever the limit of a results page."""
    filters = filters or SearchFilters()
    if store.dialect == "sqlite" and _unfiltered(filters):
        with store.bounded_read(deadline_s, "the search") as connection:
            return int(connection.execute(_fts_count(), {"match": fts5_expression(query)}).scalar_one())
    matching = _matching(store, query, [evidence_passages.c.seq], ranked=False)
    inner = _filtered(matching, filters).subquery()
    with store.bounded_read(deadline_s, "the search") as connection:
        return int(connection.execute(select(func.count()).select_from(inner)).scalar_one())
