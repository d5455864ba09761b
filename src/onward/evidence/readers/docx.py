"""Word documents (python-docx): paragraphs and table cells in document order, located as "¶ n".

Submissions and draft reports often circulate as DOCX. Headings become the ``section`` of the
passages under them; an unreadable file (not a DOCX, damaged zip) is skipped with a message.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from onward.errors import InputError
from onward.evidence.paragraphs import paragraph_label, paragraphs
from onward.evidence.readers.base import PassageBuilder, ReadDocument


def _texts(document: docx.document.Document) -> list[tuple[str, bool]]:
    """(text, is_heading) for every paragraph and table cell, in document order."""
    out: list[tuple[str, bool]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = item.style.name if item.style is not None else ""
            out.append((item.text, bool(style) and (style.startswith("Heading") or style == "Title")))
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    out.append((cell.text, False))
    return out


def read(path: Path, data: bytes) -> list[ReadDocument]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable Word (.docx) document ({type(exc).__name__})") from exc
    builder = PassageBuilder()
    section: str | None = None
    number = 0
    for text, heading in _texts(document):
        text = text.strip()
        if not text:
            continue
        if heading:
            section = text
        number += 1
        for span in paragraphs(text):  # a very long paragraph is cut at sentence ends into parts
            label = paragraph_label(span).replace(f"¶ {span.paragraph}", f"¶ {number}", 1)
            piece = text[span.start : span.end]
            builder.add(piece, label, paragraph=number, meta={"section": section} if section else {})
    title = document.core_properties.title or None
    language = document.core_properties.language or None
    return [ReadDocument(passages=builder.passages, identity=data, title=title, language=language)]
