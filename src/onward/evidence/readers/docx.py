"""Word documents (python-docx): paragraphs and table cells in document order, located as "¶ n".

Submissions and draft reports often circulate as DOCX. Headings become the ``section`` of the
passages under them; an unreadable file (not a DOCX, damaged zip) is skipped with a message.

A DOCX is a zip package, so it is checked before python-docx sees it: the number of members, the
size each declares and the size each actually unpacks to (streamed, stopping at the limit) and the
number of paragraphs in the main part, all against ``ReadLimits``.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from onward.errors import InputError
from onward.evidence.paragraphs import paragraph_label, paragraphs
from onward.evidence.readers.base import READ_LIMITS, PassageBuilder, ReadDocument, ReadLimits, over_limit

_PARAGRAPH = re.compile(rb"<w:p[\s/>]")
_CHUNK = 1024 * 1024


def check_package(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> None:
    """Refuse a zip bomb before parsing: too many members, or more bytes unpacked than the limit allows."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
            if len(members) > limits.max_zip_members:
                raise over_limit(path, "the number of parts in the package", limits.max_zip_members, len(members))
            declared = sum(member.file_size for member in members)
            if declared > limits.max_unpacked_bytes:
                raise over_limit(path, "the unpacked size in bytes", limits.max_unpacked_bytes, declared)
            unpacked = 0
            for member in members:
                xml = member.filename.endswith((".xml", ".rels"))
                if xml and member.file_size > limits.max_xml_bytes:
                    raise over_limit(path, f"the size of {member.filename} in bytes", limits.max_xml_bytes)
                size = 0
                paragraphs_seen = 0
                with package.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        size += len(chunk)
                        unpacked += len(chunk)
                        if size > member.file_size or unpacked > limits.max_unpacked_bytes:
                            raise over_limit(path, "the unpacked size in bytes", limits.max_unpacked_bytes)
                        if member.filename == "word/document.xml":
                            # A tag cut between two chunks is missed: a bound, not a count.
                            paragraphs_seen += len(_PARAGRAPH.findall(chunk))
                if paragraphs_seen > limits.max_paragraphs:
                    raise over_limit(path, "the number of paragraphs", limits.max_paragraphs, paragraphs_seen)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise InputError(f"{path}: not a readable Word (.docx) document ({type(exc).__name__})") from exc


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


def read(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> list[ReadDocument]:
    check_package(path, data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable Word (.docx) document ({type(exc).__name__})") from exc
    builder = PassageBuilder(path, limits)
    section: str | None = None
    number = 0
    texts = _texts(document)
    if len(texts) > limits.max_paragraphs:
        raise over_limit(path, "the number of paragraphs", limits.max_paragraphs, len(texts))
    for text, heading in texts:
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
