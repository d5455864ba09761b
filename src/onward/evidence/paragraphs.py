"""Cutting text into citable passages: paragraphs, with over-long ones split at sentence ends.

A lawyer cites "¶ 4" of a letter or "p. 12, ¶ 3" of a report; those numbers come from here. A
paragraph is text between blank lines (a line holding only spaces is blank: the seed letter has
many). A paragraph longer than ``MAX_PASSAGE_CHARS`` (a PDF page with no blank lines, a scraped
wall of text) is split after a sentence end, so a search hit points at a readable span and the
PostgreSQL index keeps every word position; the parts share the paragraph number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_PASSAGE_CHARS = 6000
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` is one passage; ``paragraph`` counts from 1, ``part`` from 1 within it."""

    start: int
    end: int
    paragraph: int
    part: int = 1
    parts: int = 1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while end - start > limit:
        cut = None
        for match in _SENTENCE_END.finditer(text, start + limit // 2, start + limit):
            cut = match.end()
        if cut is None:  # no sentence end: cut at the last space, or hard at the limit
            space = text.rfind(" ", start + limit // 2, start + limit)
            cut = space + 1 if space > start else start + limit
        piece = _trimmed(text, start, cut)
        if piece[1] > piece[0]:
            pieces.append(piece)
        start = cut
    last = _trimmed(text, start, end)
    if last[1] > last[0]:
        pieces.append(last)
    return pieces


def paragraphs(text: str, *, limit: int = MAX_PASSAGE_CHARS) -> Iterator[Span]:
    """The paragraphs of ``text`` as spans of it, numbered from 1; blank-only text yields nothing."""
    if "\n" not in text and len(text) <= limit:  # one line (a JSON-lines passage): one paragraph
        start, stop = _trimmed(text, 0, len(text))
        if stop > start:
            yield Span(start, stop, 1)
        return
    number = 0
    position = 0
    for separator in [*_BLANK_LINES.finditer(text), None]:
        end = separator.start() if separator else len(text)
        start, stop = _trimmed(text, position, end)
        position = separator.end() if separator else len(text)
        if stop <= start:
            continue
        number += 1
        pieces = _pieces(text, start, stop, limit)
        for index, (piece_start, piece_end) in enumerate(pieces, start=1):
            yield Span(piece_start, piece_end, number, index, len(pieces))


def paragraph_label(span: Span) -> str:
    """``¶ 4`` or, for part of a long paragraph, ``¶ 4 (part 2 of 3)``."""
    label = f"¶ {span.paragraph}"
    return label if span.parts == 1 else f"{label} (part {span.part} of {span.parts})"
