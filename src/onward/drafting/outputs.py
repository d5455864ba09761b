"""One draft, four formats: Markdown, HTML, Word and PDF bytes from the same document tree."""

from __future__ import annotations

from onward.drafting.document import Document
from onward.drafting.render_docx import render_docx
from onward.drafting.render_html import render_html
from onward.drafting.render_md import render_markdown
from onward.drafting.render_pdf import render_pdf
from onward.errors import InputError

FORMATS = ("md", "html", "docx", "pdf")


def render(document: Document, fmt: str) -> bytes:
    """The draft in ``fmt`` (md, html, docx or pdf) as bytes ready to write."""
    if fmt == "md":
        return render_markdown(document).encode("utf-8")
    if fmt == "html":
        return render_html(document).encode("utf-8")
    if fmt == "docx":
        return render_docx(document)
    if fmt == "pdf":
        return render_pdf(document)
    raise InputError(f"unknown draft format {fmt!r}", hint="expected one of " + ", ".join(FORMATS))
