"""Word drafts with real footnotes and named styles a lawyer can restyle in one place.

python-docx writes paragraphs and styles but has no footnote API, so this module adds the
``word/footnotes.xml`` part itself (with the separator footnotes Word expects), relates it to the
document, and places a ``w:footnoteReference`` after each cited sentence. Paragraph styles are
named "Onward Body", "Onward Dateline", "Onward Subject", "Onward Signature"…, and gaps use the
character style "Onward Gap" (highlighted), so a firm can apply its house style by editing them.
The draft's manifest travels in a custom XML part for ``onward draft --check``.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import docx as python_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from onward.drafting.citations import footnote_runs
from onward.drafting.document import Document, Figure, Heading, ListBlock, Paragraph
from onward.drafting.manifest import MARKER, manifest_json

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MANIFEST_PART = "/customXml/onwardDraft.xml"

_STYLES = {
    "body": ("Onward Body", WD_ALIGN_PARAGRAPH.JUSTIFY),
    "dateline": ("Onward Dateline", WD_ALIGN_PARAGRAPH.RIGHT),
    "subject": ("Onward Subject", WD_ALIGN_PARAGRAPH.LEFT),
    "salutation": ("Onward Salutation", WD_ALIGN_PARAGRAPH.LEFT),
    "closing": ("Onward Closing", WD_ALIGN_PARAGRAPH.LEFT),
    "signature": ("Onward Signature", WD_ALIGN_PARAGRAPH.LEFT),
    "copies": ("Onward Copies", WD_ALIGN_PARAGRAPH.LEFT),
    "caption": ("Onward Caption", WD_ALIGN_PARAGRAPH.CENTER),
}


def _styles(docx: DocxDocument) -> None:
    styles = docx.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    for name, align in _STYLES.values():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(0 if name == "Onward Signature" else 8)
    styles["Onward Subject"].font.bold = True
    styles["Onward Closing"].paragraph_format.space_before = Pt(12)
    styles["Onward Caption"].font.italic = True
    text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = normal
    text.font.size = Pt(10)
    text.paragraph_format.space_after = Pt(0)
    reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    gap = styles.add_style("Onward Gap", WD_STYLE_TYPE.CHARACTER)
    gap.font.bold = True
    gap.font.highlight_color = WD_COLOR_INDEX.YELLOW


class _Footnotes:
    """The footnotes part being built: separator notes first (ids -1 and 0), then one per cited sentence."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def add(self, runs_xml: str) -> int:
        number = len(self.notes) + 1
        self.notes.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs_xml}</w:p></w:footnote>'
        )
        return number

    def xml(self) -> bytes:
        separators = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
            "</w:p></w:footnote>"
        )
        body = separators + "".join(self.notes)
        head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        return f'{head}<w:footnotes xmlns:w="{W_NS}">{body}</w:footnotes>'.encode()


def _run_xml(text: str, italic: bool = False) -> str:
    props = "<w:rPr><w:i/></w:rPr>" if italic else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _reference(paragraph: DocxParagraph, number: int) -> None:
    run = paragraph.add_run()
    run.style = "Footnote Reference"
    reference = parse_xml(f'<w:footnoteReference xmlns:w="{W_NS}" w:id="{number}"/>')
    run._r.append(reference)


def render_docx(document: Document) -> bytes:
    """The whole draft as a .docx file (bytes)."""
    docx = python_docx.Document()
    _styles(docx)
    section = docx.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    docx.core_properties.title = document.meta.title
    docx.core_properties.language = document.meta.lang
    footnotes = _Footnotes()

    def fill(target: DocxParagraph, p: Paragraph) -> None:
        for sentence in p.sentences:
            run = target.add_run(sentence.text)
            if sentence.gap:
                run.style = "Onward Gap"
            if sentence.cited:
                runs = "".join(_run_xml(r.text, r.italic) for r in document.footnote(sentence))
                _reference(target, footnotes.add(runs))

    for block in document.blocks:
        if isinstance(block, Heading):
            docx.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            style = _STYLES.get(block.style, _STYLES["body"])[0]
            fill(docx.add_paragraph(style=style), block)
        elif isinstance(block, ListBlock):
            for item in block.items:
                fill(docx.add_paragraph(style="List Number" if block.ordered else "List Bullet"), item)
        elif isinstance(block, Figure):
            if block.png is not None:
                docx.add_picture(io.BytesIO(block.png), width=Cm(15))
            fill(docx.add_paragraph(style="Onward Caption"), block.caption)
    if document.annexes:
        docx.add_heading("Annexes", level=1)
        for annex in document.annexes:
            target = docx.add_paragraph(style="List Number")
            for r in footnote_runs([annex.support], document.meta.lang):
                target.add_run(r.text).italic = r.italic or None
    _attach_footnotes(docx, footnotes)
    _attach_manifest(docx, document)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def _attach_footnotes(docx: DocxDocument, footnotes: _Footnotes) -> None:
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes.xml(), docx.part.package)
    docx.part.relate_to(part, RT.FOOTNOTES)
    # Word expects the separator notes to be declared in the settings (ECMA-376 §17.11.11).
    settings = docx.settings.element
    declared = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(declared)
    else:
        settings.append(declared)


def _attach_manifest(docx: DocxDocument, document: Document) -> None:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><{MARKER}>{escape(manifest_json(document))}</{MARKER}>'
    part = Part(PackURI(MANIFEST_PART), CT.XML, xml.encode(), docx.part.package)
    docx.part.relate_to(part, RT.CUSTOM_XML)
