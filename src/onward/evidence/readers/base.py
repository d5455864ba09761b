"""What every reader returns, and the bookkeeping they share: numbering passages and their offsets.

Formats that are not plain text (PDF, HTML, DOCX) have no character offsets of their own; Onward
gives them one: the document's extracted text is its passages joined by blank lines, and each
passage's ``char_start:char_end`` is its span in that text, so a quote is located the same way in
every format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onward.errors import InputError
from onward.model.evidence import Passage

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ReadDocument:
    """What a reader found in a file: passages (without index tokens yet), a title if the file has one.

    ``identity`` is the bytes the document's content hash is taken from: the whole file, or for a
    JSON-lines corpus the lines of one report (one document per ``key``, e.g. ``UA 2019``).
    """

    passages: list[Passage]
    identity: bytes
    title: str | None = None
    key: str | None = None
    language: str | None = None
    country: str | None = None
    year: int | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


Reader = Callable[[Path, bytes], Iterable[ReadDocument]]


@dataclass(frozen=True)
class ReadLimits:
    """How much one file may unpack to and yield; past a limit the file is refused, naming it and the limit.

    A 1 MB Word file can unpack to a gigabyte, and 77 KB of empty paragraphs took minutes to parse;
    these bounds keep one hostile file from holding a server's memory or a worker for long. The
    defaults are far above any real report, letter or judgment (the longest we hold runs to a few
    thousand paragraphs).
    """

    max_zip_members: int = 1_000
    """Entries in a DOCX package (a Word document has a few dozen)."""
    max_unpacked_bytes: int = 200_000_000
    """Bytes a DOCX package unpacks to, all members together (pictures included)."""
    max_xml_bytes: int = 50_000_000
    """Bytes of one XML part of a DOCX package (parsed in memory, at several times its size)."""
    max_paragraphs: int = 50_000
    """Paragraphs and table cells in a DOCX or HTML document."""
    max_pages: int = 2_000
    """Pages in a PDF."""
    max_chars: int = 50_000_000
    """Characters of text extracted from one document."""
    max_html_bytes: int = 20_000_000
    """Size of an HTML page."""
    max_stream_bytes: int = 2_000_000_000
    """Bytes a gzipped JSON-lines corpus unpacks to (it is streamed, so this bounds time, not memory)."""
    max_lines: int = 5_000_000
    """Lines in a JSON-lines corpus, blank ones included."""
    max_line_bytes: int = 10_000_000
    """Bytes in one JSON line."""


READ_LIMITS = ReadLimits()


def over_limit(path: Path, what: str, limit: int, found: int | None = None) -> InputError:
    """The error for a file past one of the ``ReadLimits``."""
    seen = f" (found {found:,})" if found is not None else ""
    return InputError(
        f"{path}: refused: {what} exceeds the limit of {limit:,}{seen}",
        hint="split the document, or raise the limit if it is genuine",
    )


@dataclass
class PassageBuilder:
    """Collects passages in order, numbering them and computing their offsets in the extracted text."""

    path: Path = Path("<document>")
    limits: ReadLimits = READ_LIMITS
    passages: list[Passage] = field(default_factory=list)
    offset: int = 0

    def add(self, text: str, locator: str, **fields: Any) -> None:
        start = self.offset
        if start + len(text) > self.limits.max_chars:
            raise over_limit(self.path, "the extracted text, in characters,", self.limits.max_chars)
        self.passages.append(
            Passage(
                ordinal=len(self.passages) + 1,
                text=text,
                locator=locator,
                char_start=start,
                char_end=start + len(text),
                **fields,
            )
        )
        self.offset = start + len(text) + len(SEPARATOR)
