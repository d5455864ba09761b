"""The search language a researcher types: words, "exact phrases", prefixes, AND / OR / NOT, parentheses.

``"asylum seekers" Uzbekistan NOT Tajikistan``, ``(extradited OR deported) "to Kazakhstan"``,
``deport* -Russia``. A bare word also finds its other forms and synonyms ("extradited" finds "extradition"
and "handed over": ``evidence.wordforms``); in quotes it is searched as written. Words side by side must all
appear (AND); ``OR`` offers alternatives; ``NOT`` and
a leading ``-`` exclude. Operators are written in capitals, so a search for the word "not" is
``"not"``. The query is parsed once, here, into a small tree that the store compiles for FTS5 or for
PostgreSQL; both therefore answer the same question. A query must look for something: a group made
only of exclusions ("NOT Russia") is refused, because "everything except" is not evidence.

A query's cost is bounded before it reaches the database: a prefix needs ``MIN_PREFIX_CHARS``
letters (``r*`` matches most of the index), at most ``MAX_PREFIXES`` prefixes and ``MAX_TERMS`` words
and phrases, and parentheses nest at most ``MAX_NESTING`` deep. The store adds a deadline on top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from onward.errors import InputError
from onward.evidence.text import query_words
from onward.evidence.wordforms import word_forms
from onward.model.evidence import AllOf, AnyOf, Term
from onward.model.evidence import SearchQuery as Query

MIN_PREFIX_CHARS = 3
MAX_PREFIXES = 8
MAX_TERMS = 40
MAX_NESTING = 10
MAX_QUERY_CHARS = 1000
MAX_EXPANDED_TERMS = 120
"""Terms after a bare word's forms and synonyms are added (each word adds at most a handful)."""

# A phrase in straight or typographic quotes, a parenthesis, or a bare word (up to a space, quote or parenthesis).
_LEXEME = re.compile(r'\s*(?:(?P<phrase>["“”](?P<inside>[^"“”]*)["“”]\*?)|(?P<paren>[()])|(?P<word>[^\s()"“”]+))')


def _lexemes(text: str) -> list[str]:
    lexemes: list[str] = []
    position = 0
    while position < len(text):
        match = _LEXEME.match(text, position)
        if match is None or match.end() == position:
            break
        lexemes.append(match.group().strip())
        position = match.end()
    return [lexeme for lexeme in lexemes if lexeme]


class _Parser:
    def __init__(self, text: str, expand: bool = True) -> None:
        self.text = text
        self.expand = expand
        self.expanded = 0
        self.lexemes = _lexemes(text)
        self.at = 0
        self.depth = 0
        self.terms = 0
        self.prefixes = 0

    def fail(self, message: str) -> InputError:
        return InputError(
            f"search query {self.text!r}: {message}",
            hint='e.g. "asylum seekers" Uzbekistan NOT Tajikistan, (extradited OR deported) deport*',
        )

    def peek(self) -> str | None:
        return self.lexemes[self.at] if self.at < len(self.lexemes) else None

    def any_of(self) -> Query:
        parts = [self.all_of()]
        while self.peek() == "OR":
            self.at += 1
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def all_of(self) -> Query:
        required: list[Query] = []
        excluded: list[Query] = []
        while (lexeme := self.peek()) is not None and lexeme not in (")", "OR"):
            if lexeme == "AND":
                self.at += 1
                continue
            unit, negated = self.unit()
            if unit is not None:
                (excluded if negated else required).append(unit)
        if not required:
            if excluded:
                raise self.fail("NOT needs something to exclude from (write `torture NOT Russia`)")
            raise self.fail("expected a word or a phrase to look for")
        if len(required) == 1 and not excluded:
            return required[0]
        return AllOf(tuple(required), tuple(excluded))

    def unit(self) -> tuple[Query | None, bool]:
        """One word, phrase or parenthesised group, and whether it is excluded (``NOT x`` or ``-x``)."""
        negated = self.peek() == "NOT"
        if negated:
            self.at += 1
        lexeme = self.peek()
        if lexeme is None or lexeme in (")", "OR", "AND", "NOT"):
            raise self.fail(f"expected a word after {'NOT' if negated else 'an operator'}, found {lexeme or 'the end'}")
        self.at += 1
        if lexeme == "(":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise self.fail(f"parentheses are nested more than {MAX_NESTING} deep")
            inner = self.any_of()
            if self.peek() != ")":
                raise self.fail("a parenthesis is not closed")
            self.at += 1
            self.depth -= 1
            return inner, negated
        if lexeme.startswith("-") and len(lexeme) > 1 and not negated:
            negated = True
            lexeme = lexeme[1:]
        prefix = lexeme.endswith("*")
        words = query_words(lexeme.rstrip("*"))
        if not words:
            return None, negated
        self.count(lexeme, words, prefix)
        quoted = lexeme[0] in '"“”'
        if self.expand and not quoted and not prefix and len(words) == 1:
            forms = word_forms(words[0])
            self.expanded += len(forms.parts) if isinstance(forms, AnyOf) else 1
            if self.expanded > MAX_EXPANDED_TERMS:
                raise self.fail(f"too expensive: more than {MAX_EXPANDED_TERMS} words once their forms are added")
            return forms, negated
        return Term(words, prefix), negated

    def count(self, lexeme: str, words: tuple[str, ...], prefix: bool) -> None:
        """Refuse a query whose terms would make the index scan most of its entries."""
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.fail(f"too expensive: more than {MAX_TERMS} words and phrases")
        if not prefix:
            return
        if len(words[-1]) < MIN_PREFIX_CHARS:
            raise self.fail(f"the prefix {lexeme!r} is too short: a prefix needs at least {MIN_PREFIX_CHARS} letters")
        self.prefixes += 1
        if self.prefixes > MAX_PREFIXES:
            raise self.fail(f"too expensive: more than {MAX_PREFIXES} prefixes (words ending in *)")


def parse_query(text: str, *, expand: bool = True) -> Query:
    """Parse a search query; an ``InputError`` names what is wrong with it. With ``expand``, a bare word also
    finds its other forms and synonyms (``evidence.wordforms``); without, every word is searched as written."""
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"search query too long: {len(text)} characters (the limit is {MAX_QUERY_CHARS})")
    parser = _Parser(text, expand)
    if not parser.lexemes:
        raise parser.fail("the query is empty")
    query = parser.any_of()
    if parser.peek() is not None:
        raise parser.fail(f"unexpected {parser.peek()!r} (is a parenthesis not opened?)")
    return query


def terms(query: Query) -> list[Term]:
    """Every term the query looks for (not those it excludes): what snippets highlight."""
    if isinstance(query, Term):
        return [query]
    if isinstance(query, AnyOf):
        return [term for part in query.parts for term in terms(part)]
    return [term for part in query.required for term in terms(part)]


def matches(query: Query, words: Sequence[str]) -> bool:
    """Whether indexed ``words`` (in order) satisfy ``query``: the query language's meaning, in Python, for
    records that are not in the database's index (the knowledge base's incidents and judgments)."""
    if isinstance(query, Term):
        size = len(query.words)
        for i in range(len(words) - size + 1):
            head, last = words[i : i + size - 1], words[i + size - 1]
            if tuple(head) == query.words[:-1] and (
                last.startswith(query.words[-1]) if query.prefix else last == query.words[-1]
            ):
                return True
        return False
    if isinstance(query, AnyOf):
        return any(matches(part, words) for part in query.parts)
    return all(matches(part, words) for part in query.required) and not any(
        matches(part, words) for part in query.excluded
    )
