"""Plain text and Markdown: paragraphs between blank lines, located by exact character offsets in the file.

A letter saved as text (like the HRW letter of 18 May 2015 behind the seed case) keeps its words
exactly: each passage is a slice of the decoded file, so ``char_start:char_end`` finds the quote in
the original. Markdown headings (``# …``) become each following passage's ``section``.
"""

from __future__ import annotations

from pathlib import Path

from onward.errors import InputError
from onward.evidence.paragraphs import paragraph_label, paragraphs
from onward.evidence.readers.base import READ_LIMITS, ReadDocument, ReadLimits, over_limit
from onward.model.evidence import Passage


def decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    """The file's text (UTF-8, or Windows-1252 with a warning), with warnings to report."""
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return text, [f"{path}: not UTF-8 (byte {exc.start}); read as Windows-1252, check accented letters"]


def _heading(paragraph: str) -> str | None:
    first = paragraph.lstrip().split("\n", 1)[0]
    if first.startswith("#"):
        return first.lstrip("#").strip() or None
    return None


def read(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> list[ReadDocument]:
    text, warnings = decode(path, data)
    if len(text) > limits.max_chars:
        raise over_limit(path, "the text, in characters,", limits.max_chars, len(text))
    passages: list[Passage] = []
    section: str | None = None
    title: str | None = None
    line, counted = 1, 0
    for span in paragraphs(text):
        chunk = text[span.start : span.end]
        heading = _heading(chunk)
        if heading is not None:
            section = heading
            title = title or heading
        line, counted = line + text.count("\n", counted, span.start), span.start
        passages.append(
            Passage(
                ordinal=len(passages) + 1,
                text=chunk,
                locator=f"{paragraph_label(span)}, line {line}, chars {span.start}–{span.end}",
                char_start=span.start,
                char_end=span.end,
                paragraph=span.paragraph,
                line=line,
                meta={"section": section} if section else {},
            )
        )
    return [ReadDocument(passages=passages, identity=data, title=title, warnings=warnings)]
