"""PDF reports and letters: text by page (pypdf), cut into paragraphs, located as "p. 3, ¶ 2".

PDF text comes out line by line, each line with its height on the page; a paragraph ends where
the space between two lines is clearly larger than the usual line spacing. Where the layout gives
no such signal (paragraphs marked by indentation only), a paragraph ends where a line stops short
after a sentence end and the next starts a new sentence. Words hyphenated across a line break are
rejoined, so "extra-/dition" is found by a search for "extradition". A PDF encrypted with a
password is skipped with a message (one protected only against editing opens normally); a scanned
PDF without a text layer reads as empty and is reported as such.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from onward.errors import InputError
from onward.evidence.paragraphs import paragraph_label, paragraphs
from onward.evidence.readers.base import READ_LIMITS, PassageBuilder, ReadDocument, ReadLimits, over_limit

_HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")
_PARAGRAPH_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _paragraph_breaks(page_text: str) -> str:
    """Page text with a blank line at every paragraph end and single line breaks turned into spaces."""
    text = _HYPHENATED.sub("", page_text.replace("\r\n", "\n"))
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    out: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        nxt = lines[index + 1].lstrip() if index + 1 < len(lines) else ""
        ends = bool(_PARAGRAPH_END.search(stripped)) and len(stripped) < 0.85 * width and nxt[:1].isupper()
        # A short line without a sentence end, followed by a capital, is a heading ("Report", "1. Background").
        heading = len(stripped) < 0.5 * width and nxt[:1].isupper() and not stripped.endswith((",", "-", "and", "of"))
        out.append(stripped + ("\n\n" if (ends or heading or not stripped) else " "))
    return "".join(out)


def _positioned_lines(page: PageObject) -> list[tuple[float, float, str]]:
    """The page's lines of text, each with its vertical position and font size (pypdf's text visitor)."""
    lines: list[list[Any]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scaled = abs(size * tm[3] * cm[3]) or size
        for index, part in enumerate(text.split("\n")):
            if index > 0 or not lines:
                lines.append([y, scaled, ""])
            if part and not lines[-1][2]:
                lines[-1][0], lines[-1][1] = y, scaled
            lines[-1][2] += part

    page.extract_text(visitor_text=visit)
    return [(float(y), float(size), str(text)) for y, size, text in lines if str(text).strip()]


def _page_paragraphs(page: PageObject) -> str:
    """Paragraphs separated by blank lines, found from the spacing between lines when the layout shows it.

    Single-spaced text sets lines about 1.2–1.35 font sizes apart; a gap over 1.55 sizes is a
    paragraph break. A double-spaced document (most gaps that wide) uses 1.2 times its usual gap.
    """
    lines = _positioned_lines(page)
    gaps = [abs(a[0] - b[0]) for a, b in itertools.pairwise(lines)]
    sizes = [line[1] for line in lines[:-1]]
    if not gaps:
        return "\n".join(text for _, _, text in lines)
    usual = statistics.median(gaps)
    double_spaced = len(gaps) >= 5 and usual > 1.55 * statistics.median(sizes)
    breaks = [gap > (1.2 * usual if double_spaced else 1.55 * size) for gap, size in zip(gaps, sizes, strict=True)]
    if not any(breaks):  # no layout signal (paragraphs marked by indentation): read the text instead
        return _paragraph_breaks("\n".join(text for _, _, text in lines))
    out = [lines[0][2]]
    for paragraph_break, (_, _, text) in zip(breaks, lines[1:], strict=True):
        out.append("\n\n" if paragraph_break else "\n")
        out.append(text)
    joined = _HYPHENATED.sub("", "".join(out))
    return re.sub(r"[ \t]*(?<!\n)\n(?!\n)", " ", joined)


def _open(path: Path, data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is encrypted with a password", hint="save an unprotected copy")
        return reader
    except FileNotDecryptedError as exc:
        raise InputError(f"{path}: the PDF is encrypted with a password", hint="save an unprotected copy") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from exc


def read(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> list[ReadDocument]:
    reader = _open(path, data)
    try:
        pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if pages > limits.max_pages:
        raise over_limit(path, "the number of pages", limits.max_pages, pages)
    builder = PassageBuilder(path, limits)
    warnings: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            page_text = _page_paragraphs(page)
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
            warnings.append(f"{path}: page {number} could not be read ({type(exc).__name__}); skipped")
            continue
        for span in paragraphs(page_text):
            text = page_text[span.start : span.end]
            builder.add(text, f"p. {number}, {paragraph_label(span)}", page=number, paragraph=span.paragraph)
    title = None
    try:
        title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError):
        title = None
    return [ReadDocument(passages=builder.passages, identity=data, title=title or None, warnings=warnings)]
