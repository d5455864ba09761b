"""Searching the evidence: ranked passages with highlighted snippets and the locator to cite each one.

``onward search '"asylum seekers" deport*' --country UA --year 2010..2015`` parses the query once
(``evidence.query``), lets the store find and rank the passages (FTS5 or PostgreSQL, same matches),
then marks the matched words in a short snippet here, in Python, so that highlighting is identical
on both backends and the offsets point into the stored passage text a quote is cut from.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from onward.errors import InputError
from onward.evidence.query import parse_query, terms
from onward.evidence.text import Token, tokens
from onward.model.evidence import SearchFilters, StoredPassage, Term
from onward.model.states import is_state, suggest
from onward.store import Store, evidence_search

SNIPPET_CHARS = 280
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_YEARS = re.compile(r"^\s*(?P<start>\d{4})?\s*(?:(?P<range>\.\.|–|-)\s*(?P<end>\d{4})?)?\s*$")


@dataclass(frozen=True)
class SearchHit:
    """One matching passage, the spans of the matched words in it, and a snippet around the first match."""

    passage: StoredPassage
    matches: list[tuple[int, int]]
    snippet: str
    snippet_start: int
    highlights: list[tuple[int, int]]


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    hits: list[SearchHit]


def parse_years(text: str) -> tuple[int | None, int | None]:
    """``2019..2021``, ``2019``, ``2019..`` or ``..2021`` → the first and last year (inclusive)."""
    match = _YEARS.match(text)
    if not match or not (match["start"] or match["end"]):
        raise InputError(f"--year {text!r}: expected a year or a range such as 2019..2021")
    start = int(match["start"]) if match["start"] else None
    end = int(match["end"]) if match["end"] else (None if match["range"] else start)
    if start is not None and end is not None and end < start:
        raise InputError(f"--year {text!r}: the range ends before it starts")
    return start, end


def parse_countries(codes: list[str]) -> tuple[str, ...]:
    """ISO alpha-2 codes, upper-cased and checked, so ``--country kz`` works and ``--country KAZ`` says why not."""
    checked = []
    for code in codes:
        for part in code.split(","):
            upper = part.strip().upper()
            if not upper:
                continue
            if not is_state(upper):
                guesses = suggest(part.strip())
                hint = f"did you mean {' or '.join(guesses)}?" if guesses else None
                raise InputError(f"--country {part!r}: expected an ISO 3166-1 alpha-2 code such as KZ", hint=hint)
            checked.append(upper)
    return tuple(checked)


def _term_spans(found: list[Token], term: Term) -> list[tuple[int, int]]:
    size = len(term.words)
    spans = []
    for i in range(len(found) - size + 1):
        head_ok = all(found[i + k].value == term.words[k] for k in range(size - 1))
        last = found[i + size - 1].value
        last_ok = last.startswith(term.words[-1]) if term.prefix else last == term.words[-1]
        if head_ok and last_ok:
            spans.append((found[i].start, found[i + size - 1].end))
    return spans


def _all_spans(text: str, looked_for: list[Term]) -> set[tuple[int, int]]:
    found = list(tokens(text))
    return {span for term in looked_for for span in _term_spans(found, term)}


def _spans_near_candidates(text: str, looked_for: list[Term]) -> set[tuple[int, int]]:
    """The same spans, tokenising only a short window where a term's first word could start.

    Every surface form of an indexed word, lower-cased, starts with the word less its last letter
    ("Countries" → country: "countr"), so a plain search for that stem finds every candidate.
    """
    lowered = text.lower()
    spans: set[tuple[int, int]] = set()
    for term in looked_for:
        first = term.words[0]
        stem = re.escape(first[:-1] if len(first) > 1 else first)
        for candidate in re.finditer(rf"(?<![^\W_]){stem}", lowered):
            start = candidate.start()
            window = list(itertools.islice(tokens(text[start : start + 80 * len(term.words) + 64]), len(term.words)))
            spans.update((start + s, start + e) for s, e in _term_spans(window, term))
    return spans


def match_spans(text: str, looked_for: list[Term]) -> list[tuple[int, int]]:
    """Where in ``text`` the query's words and phrases occur, merged and in order."""
    plain = len(text.lower()) == len(text) and not any(ch.isalpha() for ch in _NON_ASCII.findall(text))
    found = _spans_near_candidates(text, looked_for) if plain else _all_spans(text, looked_for)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> tuple[str, int]:
    """A window of about ``width`` characters around the first match, cut at word boundaries."""
    if len(text) <= width:
        return text, 0
    centre = spans[0][0] if spans else 0
    start = max(0, min(centre - width // 3, len(text) - width))
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start, centre if spans else start + 20)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return text[start:end], start


def search_evidence(
    store: Store,
    query_text: str,
    filters: SearchFilters | None = None,
    *,
    limit: int | None = 20,
    offset: int = 0,
    expand: bool = True,
) -> SearchResults:
    """Run a search as a researcher types it; ``InputError`` explains a malformed query. ``expand=False``
    searches every word as written (no other forms, no synonyms)."""
    query = parse_query(query_text, expand=expand)
    filters = filters or SearchFilters()
    passages = evidence_search.search(store, query, filters, limit=limit, offset=offset)
    full_page = limit is not None and len(passages) == limit
    total = evidence_search.count(store, query, filters) if full_page or offset else len(passages)
    looked_for = terms(query)
    hits = []
    for passage in passages:
        spans = match_spans(passage.text, looked_for)
        text, start = snippet(passage.text, spans)
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= start + len(text)]
        hits.append(SearchHit(passage, spans, text, start, inside))
    return SearchResults(query_text, total, hits)
