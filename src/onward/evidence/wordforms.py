"""A bare word in a search also finds its other forms and, for the words of removal, their synonyms.

"extradited" finds "extradition" and "extradite" (a Snowball stem searched as a prefix: ``extradit*``),
and also "handed over" and "surrendered"; "deported" finds "expelled", "expulsion" and "refoulement". The
expansion happens in the query, before the store sees it, so SQLite and PostgreSQL answer the same
question over the same index, and ingesting is not slowed. A word in quotes (``"extradited"``) or written
as a prefix (``extradit*``) is searched as written.
"""

from __future__ import annotations

from functools import cache

import snowballstemmer

from onward.evidence.text import query_words
from onward.model.evidence import AnyOf, Term

MIN_STEM_CHARS = 4
"""A shorter stem would match too much as a prefix ("war*": warn, ward…): such words are searched as written."""

# Each group: the forms that describe one kind of removal, as a reader would search for any of them. A word
# ending in * is a prefix; several words are a phrase. "returned" alone is too common to stand for a removal:
# only the phrase "returned to" does.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("extradit*", "surrend*", "handed over", "hand over", "handing over", "returned to"),
    ("deport*", "expel*", "expuls*", "refoul*", "forcibly returned", "forcible return", "sent back", "returned to"),
    ("abduct*", "kidnap*", "renditi*", "forcibly disappeared", "enforced disappearance"),
)


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of an already normalised word."""
    result: str = _stemmer().stemWord(word)
    return result


def _term(form: str) -> Term:
    prefix = form.endswith("*")
    return Term(query_words(form.rstrip("*")), prefix)


@cache
def _synonyms() -> dict[str, tuple[Term, ...]]:
    """Stem of a group's word → the group's terms."""
    table: dict[str, tuple[Term, ...]] = {}
    for group in _GROUPS:
        group_terms = tuple(_term(form) for form in group)
        for form in group:
            if form.endswith("*"):
                table.setdefault(stem(form.rstrip("*")), group_terms)
    return table


def word_forms(word: str) -> Term | AnyOf:
    """What a bare, normalised ``word`` should find: itself, its other forms and its synonyms."""
    stemmed = stem(word)
    forms: list[Term] = []
    if len(stemmed) >= MIN_STEM_CHARS and stemmed != word:
        if not word.startswith(stemmed):
            forms.append(Term((word,)))  # "policy" → stem "polici"
        forms.append(Term((stemmed,), prefix=True))
    else:
        forms.append(Term((word,)))
    for synonym in _synonyms().get(stemmed, ()):
        if synonym not in forms and not _covered(synonym, forms):
            forms.append(synonym)
    return forms[0] if len(forms) == 1 else AnyOf(tuple(forms))


def _covered(term: Term, forms: list[Term]) -> bool:
    """Whether a one-word prefix already among ``forms`` finds everything ``term`` finds."""
    return any(
        f.prefix and len(f.words) == 1 and len(term.words) == 1 and term.words[0].startswith(f.words[0]) for f in forms
    )
