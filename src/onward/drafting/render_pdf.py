"""PDF drafts typeset by Typst (the ``typst`` package from PyPI: no system packages, no root needed).

The draft becomes Typst source in which every piece of prose is a string literal (``#"…"``), so
no character of a name, a quote or a case number can be read as markup; footnotes are Typst's
own ``#footnote``, gaps are highlighted, figures are placed from SVG files written beside the
source. The manifest is attached to the PDF as ``onward-draft.json`` for ``onward draft --check``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typst

from onward.drafting.citations import Run, footnote_runs
from onward.drafting.document import Document, Figure, Heading, ListBlock, Paragraph
from onward.drafting.manifest import MARKER, manifest_json
from onward.errors import OnwardError

MANIFEST_NAME = f"{MARKER}.json"


def _lit(text: str) -> str:
    """A Typst string literal: the text exactly, never markup."""
    return json.dumps(text, ensure_ascii=False)


def _runs(runs: list[Run]) -> str:
    return "".join(f"#emph({_lit(r.text)})" if r.italic else f"#{_lit(r.text)}" for r in runs)


def typst_source(document: Document) -> str:
    """The Typst source of the draft (figures are referenced as ``<name>.svg`` beside it)."""
    meta = document.meta
    lines = [
        '#set page(paper: "a4", margin: (x: 2.5cm, y: 2.5cm), numbering: "1")',
        f'#set text(lang: "{meta.lang}", size: 11.5pt)',
        "#set par(justify: true, leading: 0.7em, spacing: 1.1em)",
        f"#set document(title: {_lit(meta.title)})",
        "#show footnote.entry: set text(size: 9pt)",
        f'#pdf.attach("{MANIFEST_NAME}", mime-type: "application/json", description: "Onward draft manifest")',
        "",
    ]

    def inline(p: Paragraph) -> str:
        parts: list[str] = []
        for sentence in p.sentences:
            if sentence.gap:
                parts.append(f'#highlight(fill: rgb("#ffe08a"))[#strong({_lit(sentence.text)})]')
                continue
            parts.append(f"#{_lit(sentence.text)}")
            if sentence.cited:
                note = _runs(document.footnote(sentence))
                parts.append(f"#footnote[{note}]")
        return "".join(parts)

    previous_style = ""
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"#heading(level: {min(block.level, 6)})[#{_lit(block.text)}]")
        elif isinstance(block, Paragraph):
            text = inline(block)
            if block.style == "dateline":
                lines.append(f"#align(right)[{text}]")
            elif block.style == "subject":
                lines.append(f"#v(1em)#strong[{text}]#v(0.5em)")
            elif block.style == "signature":
                gap = "#v(2em)" if previous_style != "signature" else ""
                lines.append(f"{gap}#block(spacing: 0.3em)[{text}]")
            elif block.style == "copies":
                lines.append(f"#v(1.2em)#block(spacing: 0.5em)[{text}]")
            elif block.style == "closing":
                lines.append(f"#v(0.8em){text}")
            elif block.style == "caption":
                lines.append(f"#align(center)[#emph[{text}]]")
            else:
                lines.append(f"#par[{text}]")
            previous_style = block.style
            lines.append("")
            continue
        elif isinstance(block, ListBlock):
            marker = "+" if block.ordered else "-"
            lines.extend(f"{marker} {inline(item)}" for item in block.items)
        elif isinstance(block, Figure):
            lines.append(f'#figure(image("{block.name}.svg", width: 100%), caption: [{inline(block.caption)}])')
        previous_style = ""
        lines.append("")
    if document.annexes:
        lines.append("#heading(level: 2)[Annexes]")
        lines.extend(f"+ {_runs(footnote_runs([a.support], meta.lang))}" for a in document.annexes)
    return "\n".join(lines) + "\n"


def render_pdf(document: Document) -> bytes:
    """The draft as PDF bytes; Typst errors become an ``OnwardError`` naming the problem."""
    source = typst_source(document)
    with tempfile.TemporaryDirectory(prefix="onward-typst-") as folder:
        root = Path(folder)
        (root / "draft.typ").write_text(source, encoding="utf-8")
        (root / MANIFEST_NAME).write_text(manifest_json(document), encoding="utf-8")
        for block in document.blocks:
            if isinstance(block, Figure):
                (root / f"{block.name}.svg").write_text(block.svg, encoding="utf-8")
        try:
            pdf = typst.compile(str(root / "draft.typ"), root=str(root), format="pdf")
        except typst.TypstError as exc:  # a bug in the generated source, not a user mistake
            raise OnwardError(f"the PDF could not be typeset: {exc.message}", hint=exc.diagnostic) from exc
    assert isinstance(pdf, bytes)
    return pdf
