"""Small evidence files built at test time: a PDF typeset with typst, a DOCX, a gzipped JSON-lines corpus."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path
from typing import Any

import docx
import typst
from pypdf import PdfReader, PdfWriter

from onward.model.incident import ExtractedIncident, IncidentKind, IncidentStatus

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"


def copy_fixture(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(FIXTURES / name, target)
    return target


def make_pdf(path: Path, pages: list[list[str]], title: str = "Transfers report") -> Path:
    """A PDF whose pages hold the given paragraphs, typeset by typst (so pypdf reads real PDF text)."""
    body = "\n#pagebreak()\n".join("\n\n".join(paragraphs) for paragraphs in pages)
    source = f'#set document(title: "{title}")\n#set page(width: 16cm, height: 12cm)\n{body}\n'
    path.write_bytes(typst.compile(source.encode("utf-8"), format="pdf"))
    return path


def encrypt_pdf(source: Path, target: Path, password: str = "secret") -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def make_docx(path: Path, heading: str, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    document.core_properties.title = heading
    document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def make_jsonl_gz(path: Path, records: list[dict[str, Any]]) -> Path:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    path.write_bytes(gzip.compress(lines.encode("utf-8"), mtime=0))
    return path


def report_line(iso2c: str, country: str, year: int, sub_item: str, detail: str) -> dict[str, Any]:
    """One line shaped like the Freedom in the World texts corpus."""
    return {
        "year": year,
        "country": country,
        "iso2c": iso2c,
        "item": sub_item[:1],
        "sub_item": sub_item,
        "sub_item_description": None,
        "detail": detail,
    }


TRIGGER = "Ukraine forcibly returned 11 Uzbek asylum seekers"


def returns_from_ukraine(text: str, *, year: int | None, country: str | None) -> list[ExtractedIncident]:
    """A stand-in extractor with one rule, so that these tests do not depend on the real one's choices."""
    start = text.find(TRIGGER)
    if start == -1:
        return []
    return [
        ExtractedIncident(
            kind=IncidentKind.FORCIBLE_RETURN,
            status=IncidentStatus.COMPLETED,
            from_state="UA",
            to_state="UZ",
            subject_count=11,
            date=f"{year}-02" if year else None,
            quote=TRIGGER,
            quote_start=start,
            quote_end=start + len(TRIGGER),
        )
    ]
