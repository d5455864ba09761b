"""Readers turn a file's bytes into passages with locators, one module per format.

A PDF report gives passages located by page and paragraph, an HTML or DOCX document by paragraph,
a plain-text or Markdown letter by paragraph and exact character offsets in the file, a JSON-lines
corpus by line. A reader raises ``InputError`` with the reason when a file cannot be read
(corrupt, encrypted); the ingest reports it and carries on with the next file.
"""

from __future__ import annotations

from pathlib import Path

from onward.evidence.readers.base import ReadDocument, Reader
from onward.evidence.readers.docx import read as read_docx
from onward.evidence.readers.html import read as read_html
from onward.evidence.readers.jsonl import read as read_jsonl
from onward.evidence.readers.pdf import read as read_pdf
from onward.evidence.readers.plaintext import read as read_text

SUPPORTED = "PDF, HTML, DOCX, plain text (.txt), Markdown (.md), JSON lines (.jsonl, .jsonl.gz)"

_FORMATS: list[tuple[tuple[str, ...], str, Reader]] = [
    ((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"), "jsonl", read_jsonl),
    ((".pdf",), "pdf", read_pdf),
    ((".html", ".htm", ".xhtml"), "html", read_html),
    ((".docx",), "docx", read_docx),
    ((".md", ".markdown"), "markdown", read_text),
    ((".txt", ".text"), "text", read_text),
]


def reader_for(path: Path) -> tuple[str, Reader] | None:
    """The format name and reader for a file, by its extension; None for a format Onward does not read."""
    name = path.name.lower()
    for suffixes, format_name, reader in _FORMATS:
        if name.endswith(suffixes):
            return format_name, reader
    return None


__all__ = ["SUPPORTED", "ReadDocument", "Reader", "reader_for"]
