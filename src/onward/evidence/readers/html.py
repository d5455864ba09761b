"""Web pages (NGO statements, UN news, court press releases): one passage per block of text.

Paragraphs, list items, headings, quotations and table cells are passages, in page order; a
block that contains other blocks is left to them, so no sentence is indexed twice. Scripts,
styles and navigation are dropped. Each passage is located as "¶ n" and carries the heading it
falls under as its ``section``.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from onward.evidence.paragraphs import paragraph_label, paragraphs
from onward.evidence.readers.base import READ_LIMITS, PassageBuilder, ReadDocument, ReadLimits, over_limit

_BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption"]
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_NOISE = ["script", "style", "noscript", "template", "nav", "svg", "iframe"]
_SPACES = re.compile(r"\s+")


def read(path: Path, data: bytes, limits: ReadLimits = READ_LIMITS) -> list[ReadDocument]:
    # Deep nesting needs no bound of ours: lxml's parser stops descending at its own depth limit.
    if len(data) > limits.max_html_bytes:
        raise over_limit(path, "the size of the page in bytes", limits.max_html_bytes, len(data))
    soup = BeautifulSoup(data, "lxml")
    for element in soup.find_all(_NOISE):
        element.decompose()
    builder = PassageBuilder(path, limits)
    section: str | None = None
    number = 0
    blocks = [b for b in soup.find_all(_BLOCKS) if isinstance(b, Tag) and b.find(_BLOCKS) is None]
    if len(blocks) > limits.max_paragraphs:
        raise over_limit(path, "the number of paragraphs", limits.max_paragraphs, len(blocks))
    if not blocks and soup.body is not None:
        blocks = [soup.body]
    for block in blocks:
        text = _SPACES.sub(" ", block.get_text(" ")).strip()
        if not text:
            continue
        if block.name in _HEADINGS:
            section = text
        for span in paragraphs(text):
            number += 1
            piece = text[span.start : span.end]
            label = paragraph_label(span).replace(f"¶ {span.paragraph}", f"¶ {number}", 1)
            builder.add(piece, label, paragraph=number, meta={"section": section} if section else {})
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text()).strip() if title_tag else None
    html_tag = soup.find("html")
    language = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    return [
        ReadDocument(
            passages=builder.passages,
            identity=data,
            title=title or section,
            language=language if isinstance(language, str) else None,
        )
    ]
