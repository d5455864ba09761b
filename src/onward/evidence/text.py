"""Words as the search index sees them: "Déportés", "deportes" and "DEPORTES" are one word.

Both backends index the *same* tokens, computed here in Python, so that a query finds exactly the
same passages on SQLite (FTS5) and PostgreSQL (tsvector): neither database's own parser or
stemmer is involved. A token is a run of letters and digits; it is folded to lower case with its
accents removed, and regular English/French plurals are folded to the singular ("asylum seekers"
finds "asylum seeker"). For the rest ("deported", "deportation") a lawyer writes a prefix: ``deport*``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

# Letters and digits (``\w`` without the underscore); anything else separates words.
_WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (hashes, base64) and PostgreSQL refuses lexemes over 2 KB.
MAX_TOKEN_CHARS = 64


class Token(NamedTuple):
    """One indexed word and where it stands in the original text (``text[start:end]``).

    A named tuple rather than a dataclass: snippets tokenise every hit shown, and this is 5× cheaper.
    """

    value: str
    start: int
    end: int


@lru_cache(maxsize=200_000)
def normalise_word(word: str) -> str:
    """The indexed form of one word: accents removed, case folded, a regular plural made singular."""
    if word.isascii():
        folded = word.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", word)
        folded = "".join(ch for ch in decomposed if unicodedata.category(ch)[0] in "LN").casefold()
        # Case folding can reintroduce a mark (e.g. "İ" → "i̇"): keep letters and digits only.
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if unicodedata.category(ch)[0] in "LN")
    if len(folded) > MAX_TOKEN_CHARS:
        return ""
    return fold_plural(folded)


def fold_plural(word: str) -> str:
    """Fold a regular plural to its singular; conservative, so "status", "crisis" and "press" stay."""
    if len(word) <= 3 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> Iterator[Token]:
    """The indexed words of ``text`` with their character spans in it."""
    for match in _WORD.finditer(text):
        value = normalise_word(match.group())
        if value:
            yield Token(value, match.start(), match.end())


class _WordCache(dict[str, str]):
    """``normalise_word`` memoised in a plain dict: ``cache[word]`` is a C-level lookup for every known word."""

    def __missing__(self, word: str) -> str:
        value = normalise_word(word)
        if len(self) < _CACHED_WORDS:  # a corpus of a thousand languages must not fill the memory
            self[word] = value
        return value


_CACHED_WORDS = 1_000_000


_CACHE = _WordCache()
# A letter or digit outside ASCII ("é", "İ", "²"): a text with one goes through ``_WORD``.
_NON_ASCII_WORD_CHAR = re.compile(r"[^\x00-\x7f\W]")
# UTF-8 bytes to ASCII words: letters lower-cased, digits kept, anything else (the underscore, and every
# byte of a non-ASCII character, known by then to be a separator) a space.
_ASCII_WORD_BYTES = bytes(
    (c | 0x20 if chr(c).isalpha() else c) if c < 128 and chr(c).isalnum() else 0x20 for c in range(256)
)


def _ascii_words(text: str) -> list[str] | None:
    """The words of ``text`` split in C, when it has no letter or digit outside ASCII; else None.

    Reports are mostly ASCII letters with a few curly quotes and dashes: those are separators, as they
    are for ``_WORD``, and the text never goes through the (slower) regex.
    """
    if not text.isascii() and _NON_ASCII_WORD_CHAR.search(text):
        return None
    return text.encode("utf-8").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def index_text(text: str) -> str:
    """The space-separated words both indexes hold (FTS5's ``ascii`` tokenizer keeps them as they are)."""
    # No offsets are needed here, and this runs on every word ingested: split in C where the text allows
    # (``_ascii_words``), else ``_WORD.findall``; normalise through the dict cache. A dropped word (over-long)
    # leaves an empty string, i.e. two spaces: both indexes skip it, so positions agree.
    words = _ascii_words(text)
    if words is None:
        words = _WORD.findall(text)
    return " ".join(map(_CACHE.__getitem__, words))


def query_words(text: str) -> tuple[str, ...]:
    """The tokens of a piece of query text, normalised exactly as the index was.

    A prefix (``seekers*``) is normalised the same way, so it can only find more, never less.
    """
    return tuple(token.value for token in tokens(text))
