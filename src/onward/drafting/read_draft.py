"""Read a drafted file back — Markdown, HTML, Word or PDF — as paragraphs with footnote calls and its manifest.

Whatever the format, a paragraph comes back as text in which each footnote call is written
``[^n]`` after the sentence it supports, with the line (Markdown) or paragraph number where it
stands, so ``onward draft --check`` reports problems where the author will find them.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from onward.drafting.manifest import MARKER
from onward.errors import InputError
from onward.yamldoc.jsondoc import load_json

MAX_DRAFT_BYTES = 50_000_000
_MANIFEST_COMMENT = re.compile(r"<!--\s*" + MARKER + r":\s*(\{.*?\})\s*-->", re.DOTALL)
_FOOTNOTE_DEF = re.compile(r"^\[\^(\d+)\]:\s?(.*)$")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ANNEX_HEADING = "## Annexes"


@dataclass(frozen=True)
class DraftParagraph:
    text: str  # with [^n] footnote calls
    line: int | None
    where: str  # "line 12" or "paragraph 7"


@dataclass
class DraftText:
    paragraphs: list[DraftParagraph] = field(default_factory=list)
    manifest: dict[str, Any] | None = None
    footnotes_found: set[int] | None = None  # footnote numbers defined in the file; None when unknowable
    markers_reliable: bool = True  # False for PDF: footnote calls cannot be located in extracted text


def read_draft(path: Path) -> DraftText:
    """The paragraphs and manifest of the draft in ``path``, by its extension."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.stat().st_size > MAX_DRAFT_BYTES:
        raise InputError(f"{path}: too large to check (limit {MAX_DRAFT_BYTES} bytes)")
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return read_markdown(path.read_text(encoding="utf-8"))
    if suffix in (".html", ".htm"):
        return read_html(path.read_text(encoding="utf-8"))
    if suffix == ".docx":
        return read_docx(path.read_bytes())
    if suffix == ".pdf":
        return read_pdf(path.read_bytes())
    raise InputError(
        f"{path}: cannot check a {suffix or 'extensionless'} file", hint="expected .md, .html, .docx or .pdf"
    )


def _loads(text: str) -> dict[str, Any] | None:
    try:
        data = load_json(text)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) and data.get("format") == MARKER else None


def read_markdown(text: str) -> DraftText:
    found = _MANIFEST_COMMENT.search(text)
    draft = DraftText(manifest=_loads(found.group(1)) if found else None, footnotes_found=set())
    body = _MANIFEST_COMMENT.sub("", text)
    start: int | None = None
    buffer: list[str] = []

    def flush() -> None:
        if buffer and start is not None:
            joined = " ".join(s.strip() for s in buffer)
            draft.paragraphs.append(DraftParagraph(_unescape(joined), start, f"line {start}"))
        buffer.clear()

    in_annexes = False
    for number, line in enumerate(body.splitlines(), start=1):
        definition = _FOOTNOTE_DEF.match(line)
        if definition:
            flush()
            assert draft.footnotes_found is not None
            draft.footnotes_found.add(int(definition.group(1)))
            continue
        in_annexes = in_annexes or line.strip() == ANNEX_HEADING
        if in_annexes or line.startswith("#"):
            # Headings are titles and the list of annexes names documents: neither is prose.
            flush()
            start = None
            continue
        if not line.strip():
            flush()
            start = None
            continue
        if re.match(r"^\s*(?:[-*+]|\d+\.)\s+", line):
            flush()  # each list item is a paragraph of its own
            start = None
        if start is None:
            start = number
        buffer.append(re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line))
    flush()
    return draft


def _unescape(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)  # the dateline's <div align="right">
    text = text.replace("**", "")
    return re.sub(r"\\([\\`*_\[\]<>])", r"\1", text)


def read_html(text: str) -> DraftText:
    soup = BeautifulSoup(text, "html.parser")
    script = soup.find("script", id=MARKER)
    manifest = _loads(script.get_text()) if isinstance(script, Tag) else None
    notes = soup.select("section.footnotes li[id^=fn]")
    draft = DraftText(manifest=manifest, footnotes_found={int(str(li["id"])[2:]) for li in notes})
    for sup in soup.select("sup.fn"):
        sup.replace_with(f"[^{sup.get_text(strip=True)}]")
    blocks = [
        b
        for b in soup.find_all(["p", "li", "figcaption"])
        if not b.find_parent("section") and not b.find_parent("ol", class_="annexes")
    ]
    for index, block in enumerate(blocks, start=1):
        text_of = " ".join(block.get_text().split())
        if text_of:
            draft.paragraphs.append(DraftParagraph(text_of, None, f"paragraph {index}"))
    return draft


def read_docx(data: bytes) -> DraftText:
    import docx as python_docx

    try:
        docx = python_docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word file: {exc}") from exc
    manifest = None
    notes: set[int] = set()
    for part in docx.part.package.iter_parts():
        name = str(part.partname)
        if name.startswith("/customXml/") and MARKER.encode() in part.blob:
            inner = re.search(rb"<" + MARKER.encode() + rb">(.*)</" + MARKER.encode() + rb">", part.blob, re.DOTALL)
            if inner:
                from xml.sax.saxutils import unescape

                manifest = _loads(unescape(inner.group(1).decode("utf-8")))
        if name == "/word/footnotes.xml":
            notes = {int(n) for n in re.findall(rb'<w:footnote w:id="(\d+)"', part.blob) if int(n) > 0}
    draft = DraftText(manifest=manifest, footnotes_found=notes)
    for index, paragraph in enumerate(docx.paragraphs, start=1):
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith(("Heading", "Title")):
            if paragraph.text.strip() == ANNEX_HEADING.lstrip("# "):
                break
            continue
        parts: list[str] = []
        for element in paragraph._p.iter():
            if element.tag == f"{W}t" and element.text:
                parts.append(element.text)
            elif element.tag == f"{W}footnoteReference":
                parts.append(f"[^{element.get(f'{W}id')}]")
        text_of = "".join(parts).strip()
        if text_of:
            draft.paragraphs.append(DraftParagraph(text_of, None, f"paragraph {index}"))
    return draft


def read_pdf(data: bytes) -> DraftText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        attachments = reader.attachments
        manifest = None
        for name in attachments:
            if name.startswith(MARKER):
                manifest = _loads(attachments[name][0].decode("utf-8"))
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise InputError(f"not a readable PDF: {exc}") from exc
    draft = DraftText(manifest=manifest, footnotes_found=None, markers_reliable=False)
    for number, page in enumerate(pages, start=1):
        draft.paragraphs.append(DraftParagraph(" ".join(page.split()), None, f"page {number}"))
    return draft
