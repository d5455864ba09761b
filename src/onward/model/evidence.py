"""Evidence records: a document taken in from a file, its passages with locators, and search filters.

A Human Rights Watch letter ingested from PDF is an ``EvidenceDocument``; its third paragraph on page
2 is a ``Passage`` whose locator ("p. 2, ¶ 3") and character span let any quote from it be cited
precisely. The search query language is parsed into ``Term`` / ``AllOf`` / ``AnyOf``, which both
store backends compile. Frozen dataclasses rather than pydantic models: the Freedom House corpus
alone is 36,093 passages, built and written in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Passage:
    """One citable unit of a document: a paragraph, a page's paragraph, or one line of a JSON-lines file.

    ``char_start:char_end`` is the span of ``text`` in the document's extracted text (for plain text
    and Markdown, in the file itself). ``country`` and ``year`` are what the reader knows of the
    passage itself (a Freedom House line's report); the document's fill them in at ingest.
    """

    ordinal: int
    text: str
    locator: str
    char_start: int
    char_end: int
    page: int | None = None
    paragraph: int | None = None
    line: int | None = None
    country: str | None = None
    year: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class IndexedPassage(NamedTuple):
    """A passage as it is stored: with its index words, its state and year, and every state it names.

    ``tokens`` are the words the search index holds (``onward.evidence.text.index_text``); ``states``
    (sorted codes) are the gazetteer's mentions plus the passage's own state. A tuple rather than a
    second ``Passage``: one is built per passage of a corpus, and this costs a fifth as much.
    """

    passage: Passage
    tokens: str
    country: str | None
    year: int | None
    states: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceDocument:
    """A document as ingested: identity (content hash), provenance (publisher, title, date, url), counts."""

    id: str
    content_hash: str
    source_id: str
    path: str
    format: str
    title: str
    size_bytes: int
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    country: str | None = None
    verification: str = "unverified"
    char_count: int = 0
    passage_count: int = 0
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredPassage:
    """A passage read back from the store, with the document it belongs to."""

    id: str
    document_id: str
    source_id: str
    document_title: str
    publisher: str | None
    document_date: str | None
    text: str
    locator: str
    char_start: int
    char_end: int
    page: int | None
    paragraph: int | None
    country: str | None
    year: int | None
    states: tuple[str, ...]
    meta: dict[str, Any]


@dataclass(frozen=True)
class Term:
    """Words that must appear consecutively (one word, or a phrase); ``prefix`` extends the last one."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class AllOf:
    """Every ``required`` part must match and no ``excluded`` part may."""

    required: tuple[SearchQuery, ...]
    excluded: tuple[SearchQuery, ...] = ()


@dataclass(frozen=True)
class AnyOf:
    """At least one of the parts must match."""

    parts: tuple[SearchQuery, ...]


SearchQuery = Term | AllOf | AnyOf


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions a researcher adds to a query: states (ISO alpha-2), a year range, sources."""

    countries: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sources: tuple[str, ...] = ()
    document_id: str | None = None
