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
from onward.settings import ReadLimits as ReadLimits  # re-exported for the readers

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


Reader = Callable[[Path, bytes, ReadLimits], Iterable[ReadDocument]]


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
