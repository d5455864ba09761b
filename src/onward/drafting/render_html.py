"""HTML drafts: a standalone page with numbered footnotes linked both ways and the manifest as JSON.

Each cited sentence is a ``<span class="claim" data-kind="fact">`` followed by its footnote call;
gaps are ``<mark class="gap">``. The page prints cleanly (A4, serif) and ``onward draft --check``
reads it back with BeautifulSoup.
"""

from __future__ import annotations

from html import escape

from onward.drafting.citations import Run, footnote_runs
from onward.drafting.document import Document, Figure, Heading, ListBlock, Paragraph
from onward.drafting.manifest import MARKER, manifest_json

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 42em; margin: 2em auto; line-height: 1.5; }
p { text-align: justify; margin: 0 0 0.8em; }
.dateline { text-align: right; }
.subject { font-weight: bold; }
.signature, .copies { margin: 0; text-align: left; }
.closing { margin-top: 1.5em; }
.caption { font-style: italic; text-align: center; }
mark.gap { background: #ffe08a; font-weight: bold; }
sup.fn a { text-decoration: none; }
section.footnotes { border-top: 1px solid #999; margin-top: 2em; font-size: 0.9em; }
figure { text-align: center; margin: 1.5em 0; }
figure svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 2.5cm; }
"""
STYLE_SHEET = _CSS
"""The draft's one inline style sheet; the web server's Content-Security-Policy allows it by its hash."""


def _runs(runs: list[Run]) -> str:
    return "".join(f"<i>{escape(r.text)}</i>" if r.italic else escape(r.text) for r in runs)


def render_html(document: Document) -> str:
    """The whole draft as a standalone HTML page."""
    meta = document.meta
    notes: list[str] = []
    body: list[str] = []

    def inline(p: Paragraph) -> str:
        parts: list[str] = []
        for sentence in p.sentences:
            text = escape(sentence.text)
            if sentence.gap:
                parts.append(f'<mark class="gap" data-kind="{sentence.kind.value}">{text}</mark>')
                continue
            if not sentence.cited:
                parts.append(text)
                continue
            number = len(notes) + 1
            note = _runs(document.footnote(sentence))
            notes.append(f'<li id="fn{number}">{note} <a href="#fnref{number}" aria-label="back">↩</a></li>')
            parts.append(
                f'<span class="claim" data-kind="{sentence.kind.value}">{text}</span>'
                f'<sup class="fn" id="fnref{number}"><a href="#fn{number}">{number}</a></sup>'
            )
        return "".join(parts).strip()

    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            body.append(f'<p class="{escape(block.style)}">{inline(block)}</p>')
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{inline(item)}</li>" for item in block.items)
            body.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Figure):
            body.append(f'<figure>{block.svg}<figcaption class="caption">{inline(block.caption)}</figcaption></figure>')
    if document.annexes:
        body.append("<h2>Annexes</h2>")
        items = "".join(f"<li>{_runs(footnote_runs([a.support], meta.lang))}</li>" for a in document.annexes)
        body.append(f'<ol class="annexes">{items}</ol>')
    if notes:
        body.append(f'<section class="footnotes"><ol>{"".join(notes)}</ol></section>')
    manifest = manifest_json(document).replace("</", "<\\/")
    return (
        f'<!DOCTYPE html>\n<html lang="{meta.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(meta.title)}</title>\n<style>{_CSS}</style>\n"
        f'<script type="application/json" id="{MARKER}">{manifest}</script>\n</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
