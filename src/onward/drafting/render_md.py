"""Markdown drafts: prose with ``[^n]`` footnotes (Pandoc / GitHub syntax) and the manifest in a comment.

A lawyer can open the file in any editor, convert it with Pandoc, or paste it into a web form;
``onward draft --check`` reads it back. Gaps stay visible as ``\\[evidence needed: …\\]``.
"""

from __future__ import annotations

import re

from onward.drafting.citations import Run, footnote_runs
from onward.drafting.document import Document, Figure, Heading, ListBlock, Paragraph
from onward.drafting.manifest import MARKER, manifest_json

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _runs(runs: list[Run]) -> str:
    return "".join(f"*{escape(r.text)}*" if r.italic else escape(r.text) for r in runs)


def render_markdown(document: Document) -> str:
    """The whole draft as Markdown text."""
    notes: list[str] = []
    out: list[str] = []

    def paragraph(p: Paragraph) -> str:
        parts: list[str] = []
        for sentence in p.sentences:
            text = escape(sentence.text)
            if sentence.gap:
                text = f"**{text}**"
            parts.append(text)
            if sentence.cited:
                number = len(notes) + 1
                note = _runs(document.footnote(sentence))
                notes.append(f"[^{number}]: {note}")
                parts.append(f"[^{number}]")
        text = "".join(parts).strip()
        if p.style in ("subject",):
            return f"**{text}**"
        if p.style in ("dateline",):
            return f'<div align="right">{text}</div>'
        return text

    for block in document.blocks:
        if isinstance(block, Heading):
            out.append("#" * min(block.level, 6) + " " + escape(block.text))
        elif isinstance(block, Paragraph):
            out.append(paragraph(block))
        elif isinstance(block, ListBlock):
            lines = [
                (f"{i}. " if block.ordered else "- ") + paragraph(item) for i, item in enumerate(block.items, start=1)
            ]
            out.append("\n".join(lines))
        elif isinstance(block, Figure):
            out.append(f"![{escape(block.caption.text)}]({block.name}.svg)\n\n*{paragraph(block.caption)}*")
    if document.annexes:
        heading = "Annexes"
        out.append(f"## {heading}")
        out.append(
            "\n".join(f"{a.number}. " + _runs(footnote_runs([a.support], document.meta.lang)) for a in document.annexes)
        )
    body = "\n\n".join(out)
    if notes:
        body += "\n\n" + "\n".join(notes)
    # "--" may not appear inside an HTML comment; JSON can spell it "-\u002d" without changing its meaning.
    manifest = manifest_json(document).replace("--", "-\\u002d")
    return body + f"\n\n<!-- {MARKER}: {manifest} -->\n"
